/** Runs the dataset check in a Web Worker (workers/customization-check.worker.ts), one worker per check. */
import type { DatasetTarget, LineCheck } from '../../../../../shared/customization';
import type {
  CustomizationCheckEvent,
  CustomizationCheckRequest,
} from '../../../workers/customization-check.worker';

export interface WorkerChecked {
  texts: string[];
  checks: LineCheck[];
  fileBytes: number;
  startsWithBom: boolean;
}

let nextId = 1;

/** Checks a file (or text as a Blob); `onProgress` gets bytes read of the total. */
export function checkInWorker(
  file: Blob,
  target: DatasetTarget,
  onProgress: (done: number, total: number) => void,
): Promise<WorkerChecked> {
  const worker = new Worker(
    new URL('../../../workers/customization-check.worker.ts', import.meta.url),
    { type: 'module' },
  );
  const id = nextId++;
  return new Promise<WorkerChecked>((resolve, reject) => {
    worker.onmessage = (message: MessageEvent<CustomizationCheckEvent>) => {
      const event = message.data;
      if (event.id !== id) return;
      if (event.type === 'progress') onProgress(event.done, event.total);
      else {
        worker.terminate();
        if (event.type === 'failed') reject(new Error(event.reason));
        else resolve(event);
      }
    };
    worker.onerror = (error) => {
      error.preventDefault();
      worker.terminate();
      reject(
        new Error(
          `The file could not be checked (${error.message || 'the checker stopped'}). Try again.`,
        ),
      );
    };
    worker.postMessage({ id, file, target } satisfies CustomizationCheckRequest);
  });
}
