/**
 * Checks a learner's JSON Lines prompt dataset off the UI thread: the file is read as a stream,
 * decoded and checked line by line (lib/eval/jsonl-check.ts), with progress at most every 100 ms,
 * so a 5,000-line file never freezes the page. The verdict carries every valid row and every
 * problem with its line number; nothing is imported until the page's learner accepts.
 */
import { streamingDatasetCheck } from '../lib/eval/jsonl-check';
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
const encoder = new TextEncoder();

async function check({ id, file }: EvalDatasetCheckRequest): Promise<void> {
  const checker = streamingDatasetCheck();
  const reader = file.stream().pipeThrough(new TextDecoderStream('utf-8')).getReader();
  let bytes = 0;
  let lastReport = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    bytes += encoder.encode(value).length;
    const lines = checker.push(value);
    const now = performance.now();
    if (now - lastReport > 100) {
      lastReport = now;
      post({ id, type: 'progress', bytes, totalBytes: file.size, lines });
    }
  }
  const result = checker.finish();
  post({ id, type: 'progress', bytes: file.size, totalBytes: file.size, lines: result.lines });
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
