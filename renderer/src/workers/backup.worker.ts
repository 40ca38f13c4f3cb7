/**
 * Reads and checks a backup file off the UI thread: a 20 MB file takes seconds to parse and check
 * row by row (zod, the rule checks, the passage check against the notes), which froze the page
 * when it ran there. The page sends the File and the notes to check passages against; the worker
 * reports progress (bytes read, then rows checked), then sends the checked rows in batches (so the
 * page never copies one huge message at once) and the verdict. The page writes to IndexedDB.
 */
import { checkBackup, spec, TABLE_NAMES, type AnyRow, type TableName } from '../db/backup-format';
import { makeSourceCheck, type NoteLike } from '../lib/source-check';

export type BackupCheckRequest =
  | {
      type: 'check';
      id: number;
      file: Blob;
      /** The notes passages are checked against: [note id, {title, body}]. */
      notes: [string, NoteLike][];
    }
  /** The page has taken in the last batch of rows and is ready for the next. */
  | { type: 'more'; id: number };

export type BackupCheckEvent =
  | { id: number; type: 'progress'; phase: 'reading' | 'checking'; done: number; total: number }
  | { id: number; type: 'rows'; table: TableName; rows: AnyRow[] }
  | { id: number; type: 'refused'; reason: string; problems: string[] }
  | { id: number; type: 'checked'; exportedAt: string };

/** Rows per message back to the page (fewer for tables with large rows: spec(t).batch); the page asks for each next batch when it is ready. */
const BATCH = 500;
/** At most one progress message per this many milliseconds. */
const PROGRESS_MS = 50;

const post = (event: BackupCheckEvent) => postMessage(event);

function throttled(id: number, phase: 'reading' | 'checking') {
  let last = 0;
  return (done: number, total: number) => {
    const now = performance.now();
    if (done < total && now - last < PROGRESS_MS) return;
    last = now;
    post({ id, type: 'progress', phase, done, total });
  };
}

/** The file's text, read in chunks so that progress can be reported. */
async function readText(id: number, file: Blob): Promise<string> {
  const progress = throttled(id, 'reading');
  const reader = file.stream().getReader();
  const decoder = new TextDecoder();
  const parts: string[] = [];
  let done = 0;
  for (;;) {
    const chunk = await reader.read();
    if (chunk.done) break;
    done += chunk.value.byteLength;
    parts.push(decoder.decode(chunk.value, { stream: true }));
    progress(done, file.size);
  }
  parts.push(decoder.decode());
  progress(file.size, file.size);
  return parts.join('');
}

/** Batches of checked rows not yet sent, and the verdict to send after them. */
let outbox: BackupCheckEvent[] = [];

function sendNext() {
  const next = outbox.shift();
  if (next) post(next);
}

async function check({ id, file, notes }: Extract<BackupCheckRequest, { type: 'check' }>) {
  const text = await readText(id, file);
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    const why = error instanceof Error ? error.message : String(error);
    post({ id, type: 'refused', reason: `The file is not valid JSON (${why}).`, problems: [] });
    return;
  }
  const sourceProblems = makeSourceCheck(new Map(notes));
  const parsed = checkBackup(data, sourceProblems, throttled(id, 'checking'));
  if (!parsed.ok) {
    post({ id, type: 'refused', reason: parsed.reason, problems: parsed.problems });
    return;
  }
  outbox = [];
  for (const table of TABLE_NAMES) {
    const rows: readonly AnyRow[] = parsed.backup.tables[table];
    const batch = spec(table).batch ?? BATCH;
    for (let i = 0; i < rows.length; i += batch)
      outbox.push({ id, type: 'rows', table, rows: rows.slice(i, i + batch) });
  }
  outbox.push({ id, type: 'checked', exportedAt: parsed.backup.exportedAt });
  sendNext();
}

self.onmessage = (event: MessageEvent<BackupCheckRequest>) => {
  const request = event.data;
  if (request.type === 'more') {
    sendNext();
    return;
  }
  check(request).catch((error: unknown) => {
    const why = error instanceof Error ? error.message : String(error);
    post({
      id: request.id,
      type: 'refused',
      reason: `The file could not be read (${why}).`,
      problems: [],
    });
  });
};
