/**
 * Checks a customization dataset (JSON Lines) off the UI thread: a 50 MB file is read as a stream,
 * split into lines and each line checked as it arrives (shared/customization's incremental
 * checker), with progress by bytes read, so the page stays responsive. The page gets the lines'
 * text and checks back and summarises them itself (summarizeDataset), so a later fix re-checks
 * one line only.
 */
import {
  checkLine,
  createLineSplitter,
  type DatasetTarget,
  type LineCheck,
} from '../../../shared/customization';

export interface CustomizationCheckRequest {
  id: number;
  file: Blob;
  target: DatasetTarget;
}

export type CustomizationCheckEvent =
  | { id: number; type: 'progress'; done: number; total: number }
  | {
      id: number;
      type: 'checked';
      texts: string[];
      checks: LineCheck[];
      fileBytes: number;
      startsWithBom: boolean;
    }
  | { id: number; type: 'failed'; reason: string };

/** At most one progress message per this many milliseconds. */
const PROGRESS_MS = 50;

const post = (event: CustomizationCheckEvent) => postMessage(event);

async function check({ id, file, target }: CustomizationCheckRequest): Promise<void> {
  const texts: string[] = [];
  const checks: LineCheck[] = [];
  let startsWithBom = false;
  const splitter = createLineSplitter((raw) => {
    let line = raw;
    if (texts.length === 0 && line.startsWith('\uFEFF')) {
      startsWithBom = true;
      line = line.slice(1);
    }
    texts.push(line);
    checks.push(checkLine(line, texts.length, target));
  });
  // ignoreBOM keeps a byte-order mark in the text, so it can be reported rather than hidden.
  const decoder = new TextDecoder('utf-8', { ignoreBOM: true });
  const reader = file.stream().getReader();
  let done = 0;
  let last = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    splitter.push(decoder.decode(chunk.value, { stream: true }));
    const now = performance.now();
    if (now - last >= PROGRESS_MS) {
      last = now;
      post({ id, type: 'progress', done, total: file.size });
    }
  }
  splitter.push(decoder.decode());
  splitter.end();
  post({ id, type: 'progress', done: file.size, total: file.size });
  post({ id, type: 'checked', texts, checks, fileBytes: file.size, startsWithBom });
}

onmessage = (event: MessageEvent<CustomizationCheckRequest>) => {
  check(event.data).catch((error: unknown) => {
    const detail = error instanceof Error ? error.message : String(error);
    post({
      id: event.data.id,
      type: 'failed',
      reason: `The file could not be read (${detail}). Check that it is a UTF-8 text file and try again.`,
    });
  });
};
