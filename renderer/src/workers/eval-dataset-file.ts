/**
 * Reads a learner's JSON Lines dataset file as a stream and checks it line by line
 * (lib/eval/jsonl-check.ts). The eval dataset worker runs it off the UI thread; tests run it on a
 * Blob directly.
 *
 * The decoder keeps a UTF-8 byte order mark (`ignoreBOM: true`): by default TextDecoder drops it
 * silently, and then the check could not tell the learner that the file had one. Bedrock's
 * documentation does not say how an evaluation job treats a BOM, so the file is still accepted
 * (the check removes the mark) and the verdict says plainly that it was found and removed.
 */
import { streamingDatasetCheck } from '../lib/eval/jsonl-check';
import type { DatasetCheck } from '../../../shared/eval-dataset';

/** Bytes read so far, the file's size and the lines checked so far. */
export type DatasetFileProgress = (bytes: number, totalBytes: number, lines: number) => void;

const encoder = new TextEncoder();

/** Checks `file`; `onProgress` hears at most every 100 ms, and once at the end. */
export async function checkDatasetFile(
  file: Blob,
  onProgress: DatasetFileProgress = () => undefined,
): Promise<DatasetCheck> {
  const checker = streamingDatasetCheck();
  const reader = file
    .stream()
    .pipeThrough(new TextDecoderStream('utf-8', { ignoreBOM: true }))
    .getReader();
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
      onProgress(bytes, file.size, lines);
    }
  }
  const result = checker.finish();
  onProgress(file.size, file.size, result.lines);
  return result;
}
