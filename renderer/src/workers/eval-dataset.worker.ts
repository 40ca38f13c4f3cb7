/**
 * Checks a learner's JSON Lines prompt dataset off the UI thread: the file is read as a stream,
 * decoded and checked line by line (lib/eval/jsonl-check.ts), with progress at most every 100 ms,
 * so a 5,000-line file never freezes the page. The verdict carries every valid row and every
 * problem with its line number; nothing is imported until the page's learner accepts. The
 * reading and checking is ./eval-dataset-file.ts (a byte order mark is kept for the check to name).
 */
import { checkDatasetFile } from './eval-dataset-file';
import type { DatasetCheck } from '../../../shared/eval-dataset';

export interface EvalDatasetCheckRequest {
  id: number;
  file: Blob;
}

export type EvalDatasetCheckEvent =
  | { id: number; type: 'progress'; bytes: number; totalBytes: number; lines: number }
  | { id: number; type: 'checked'; check: DatasetCheck }
  | { id: number; type: 'failed'; reason: string };

const post = (event: EvalDatasetCheckEvent) => postMessage(event);

async function check({ id, file }: EvalDatasetCheckRequest): Promise<void> {
  const result = await checkDatasetFile(file, (bytes, totalBytes, lines) =>
    post({ id, type: 'progress', bytes, totalBytes, lines }),
  );
  post({ id, type: 'checked', check: result });
}

self.onmessage = (message: MessageEvent<EvalDatasetCheckRequest>) => {
  check(message.data).catch((error: unknown) =>
    post({
      id: message.data.id,
      type: 'failed',
      reason: `Stratum could not read the file (${error instanceof Error ? error.message : String(error)}). Check that it is a UTF-8 text file and choose it again.`,
    }),
  );
};
