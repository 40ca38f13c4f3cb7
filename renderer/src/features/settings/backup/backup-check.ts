/**
 * Checks a backup file in a Web Worker (workers/backup.worker.ts) so the page stays responsive,
 * with progress; files over MAX_BACKUP_BYTES are refused at once, before anything is read. The
 * checked rows come back in batches and are put together here; the write stays in the page.
 */
import type { Backup, BackupTables, ParsedBackup } from '../../../db/backup';
import { BACKUP_FORMAT, BACKUP_VERSION, emptyTables } from '../../../db/backup';
import type { BackupCheckEvent, BackupCheckRequest } from '../../../workers/backup.worker';

/**
 * The largest file an import reads. A heavy learner's backup with the labs' work is about 58 MB
 * (bench/backup-labs.ts: 36 MB of it 30 gallery images; 10,000 questions alone are 15 MB), so
 * 250 MB leaves four times that, and stays under half of the longest string Chromium's V8 holds
 * (about 512 MB), which the worker reads the file into.
 */
export const MAX_BACKUP_BYTES = 250 * 1024 * 1024;

export interface CheckProgress {
  phase: 'reading' | 'checking';
  done: number;
  total: number;
}

/** "62.4 MB", "250 MB": a file size in megabytes (one decimal, none when it is whole). */
export function megabytes(bytes: number): string {
  return `${Number((bytes / (1024 * 1024)).toFixed(1)).toLocaleString('en-US')} MB`;
}

/** The refusal for a file too large to import, or null. */
export function sizeRefusal(file: { size: number }): ParsedBackup | null {
  if (file.size <= MAX_BACKUP_BYTES) return null;
  return {
    ok: false,
    reason: `The file is ${megabytes(file.size)}; a backup can be at most ${megabytes(MAX_BACKUP_BYTES)}, so it was not read. A Stratum backup is much smaller: check that this is the right file.`,
    problems: [],
  };
}

let nextId = 1;

/** Reads and checks `file` off the UI thread; `onProgress` hears how far it has got. */
export async function checkBackupFile(
  file: Blob & { size: number },
  onProgress: (p: CheckProgress) => void,
  signal?: AbortSignal,
): Promise<ParsedBackup> {
  const tooBig = sizeRefusal(file);
  if (tooBig) return tooBig;
  // The notes that passages are checked against: loaded with the first import, not with Settings.
  const { CORPUS } = await import('../../../content/corpus');
  const worker = new Worker(new URL('../../../workers/backup.worker.ts', import.meta.url), {
    type: 'module',
  });
  const id = nextId++;
  const tables: BackupTables = emptyTables();
  return new Promise<ParsedBackup>((resolve) => {
    signal?.addEventListener('abort', () =>
      resolve({ ok: false, reason: 'The check was cancelled.', problems: [] }),
    );
    worker.onmessage = (message: MessageEvent<BackupCheckEvent>) => {
      const event = message.data;
      if (event.id !== id) return;
      if (event.type === 'progress') onProgress(event);
      else if (event.type === 'rows') {
        (tables[event.table] as unknown[]).push(...event.rows);
        // Ask for the next batch in a new task, so the page can paint between batches.
        setTimeout(() => worker.postMessage({ type: 'more', id } satisfies BackupCheckRequest), 0);
      } else if (event.type === 'refused')
        resolve({ ok: false, reason: event.reason, problems: event.problems });
      else {
        const backup: Backup = {
          format: BACKUP_FORMAT,
          version: BACKUP_VERSION,
          exportedAt: event.exportedAt,
          tables,
        };
        resolve({ ok: true, backup });
      }
    };
    worker.onerror = (error) => {
      error.preventDefault();
      resolve({
        ok: false,
        reason: `The file could not be checked (${error.message || 'the checker stopped'}).`,
        problems: [],
      });
    };
    const notes: Extract<BackupCheckRequest, { type: 'check' }>['notes'] = CORPUS.notes.map((n) => [
      n.id,
      { title: n.title, body: n.body },
    ]);
    worker.postMessage({ type: 'check', id, file, notes } satisfies BackupCheckRequest);
  }).finally(() => worker.terminate());
}
