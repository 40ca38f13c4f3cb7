/**
 * Bench figures for a heavy learner's whole backup (format 4, labs included), printed by
 * bench/run.ts: the file's size by table, and the time to export it, to parse and check it (the
 * code the import's Web Worker runs: JSON, zod, rule and passage checks, vector decoding) and to
 * merge it in one transaction (fake-indexeddb in Node, slower per row than Chromium's, so an
 * upper bound).
 *
 * The learner: 2,000 generated questions with 20,000 answers, 50 saved chats (8 exchanges of
 * about 1,200-character answers; 5 of them with a 1 MB photo attached), 3 trained diffusion
 * models (the shipped network: 1.45 MB of weights each), 30 gallery images, 5 customization
 * datasets of 500 lines, 10 evaluation runs (25 items x 3 candidates, 25 ratings and 2 judge runs
 * each) and a knowledge-base index of 300 chunks of 1,024 numbers.
 * Image sizes are ASSUMED, not measured from Bedrock (none is reachable here): a PNG of a
 * photo-like picture takes about 1.7 bytes a pixel, so 0.45 MB at 512x512 (20 images, the lab's
 * default size) and 1.8 MB at 1024x1024 (10 images). Their bytes are seeded random bytes, which
 * compress no better than a PNG's.
 */
import 'fake-indexeddb/auto';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { StratumDb } from '../renderer/src/db/db';
import {
  applyImport,
  backupText,
  emptyTables,
  exportBackup,
  parseBackup,
  TABLE_NAMES,
  type Backup,
  type TableName,
} from '../renderer/src/db/backup';
import { BACKUP_VERSION } from '../renderer/src/db/backup-format';
import type { Attempt } from '../renderer/src/db/schema';
import { makeSourceCheck } from '../renderer/src/lib/source-check';
import { startApp } from '../tests/support/app';
import { launchChromium } from '../tests/support/chromium';
import { loadCorpus } from '../tests/support/corpus';
import {
  conversation,
  customDataset,
  diffusionModel,
  evalJudgement,
  evalRating,
  evalRun,
  galleryImage,
  ragIndex,
  ragVector,
} from '../tests/support/backup-lab-rows';
import { benchQuestionRows } from './backup';

const MB = 1024 * 1024;

/** The heavy learner's data as a backup (see the file's comment). */
export function heavyLearnerBackup(): Backup {
  const questions = benchQuestionRows(2000);
  const attempts: Attempt[] = Array.from({ length: 20_000 }, (_, i) => ({
    id: `a-${i}`,
    questionId: questions[i % questions.length]!.id,
    at: new Date(Date.UTC(2026, 8, 1) + i * 600_000).toISOString(),
    correct: i % 3 !== 0,
    mode: 'practice',
    response: { type: 'single', choice: 'a' },
  }));
  const runs = Array.from({ length: 10 }, (_, i) =>
    evalRun(i, { items: 25, candidates: 3, responseChars: 900 }),
  );
  return {
    format: 'stratum-backup',
    version: BACKUP_VERSION,
    exportedAt: '2026-12-04T12:00:00.000Z',
    tables: {
      ...emptyTables(),
      questions,
      attempts,
      conversations: Array.from({ length: 50 }, (_, i) =>
        conversation(i, { turns: 8, answerChars: 1200, imageBytes: i < 5 ? MB : 0 }),
      ),
      diffusionModels: [0, 1, 2].map(diffusionModel),
      images: Array.from({ length: 30 }, (_, i) =>
        i < 20 ? galleryImage(i, Math.round(0.45 * MB), 512) : galleryImage(i, 1.8 * MB, 1024),
      ),
      customDatasets: Array.from({ length: 5 }, (_, i) => customDataset(i, 500)),
      evalRuns: runs,
      evalRatings: runs.flatMap((r) => Array.from({ length: 25 }, (_, n) => evalRating(r.id, n))),
      evalJudgements: runs.flatMap((r) => [0, 1].map((n) => evalJudgement(r.id, n, 75))),
      ragIndexes: [ragIndex('rag-heavy', 1024, 300)],
      ragVectors: Array.from({ length: 300 }, (_, n) => ragVector('rag-heavy', n, 1024)),
    },
  };
}

export interface BackupLabFigures {
  bytes: number;
  /** The biggest tables' share of the file, largest first. */
  byTable: { table: TableName; bytes: number }[];
  exportMs: number;
  parseMs: number;
  writeMs: number;
}

export async function backupLabFigures(): Promise<BackupLabFigures> {
  const backup = heavyLearnerBackup();
  const text = backupText(backup);
  const byTable = TABLE_NAMES.map((table) => ({
    table,
    bytes: backupText({ ...backup, tables: { ...emptyTables(), [table]: backup.tables[table] } })
      .length,
  }))
    .sort((a, b) => b.bytes - a.bytes)
    .slice(0, 5);

  let t = performance.now();
  const parsed = parseBackup(text, makeSourceCheck(loadCorpus().noteById));
  const parseMs = performance.now() - t;
  if (!parsed.ok) throw new Error(`heavy backup refused: ${parsed.reason} ${parsed.problems[0]}`);

  const db = new StratumDb(`stratum-bench-backup-labs-${Date.now()}`);
  try {
    t = performance.now();
    await applyImport(db, parsed.backup, 'keep-newer');
    const writeMs = performance.now() - t;
    t = performance.now();
    const again = backupText((await exportBackup(db, new Date(backup.exportedAt))).backup);
    const exportMs = performance.now() - t;
    // Rows come back in key order, so compare sizes, not text.
    if (again.length !== text.length) throw new Error('bench: the heavy backup did not round-trip');
    return { bytes: text.length, byTable, exportMs, parseMs, writeMs };
  } finally {
    await db.delete();
  }
}

export function printBackupLabs(f: BackupLabFigures): void {
  console.log(
    `\nBackup of a heavy learner, labs included (${(f.bytes / MB).toFixed(1)} MB file; fake-indexeddb)`,
  );
  console.log(
    `  largest tables: ${f.byTable.map((b) => `${b.table} ${(b.bytes / MB).toFixed(1)} MB`).join(', ')}`,
  );
  console.log(
    `  export (read + JSON)                        ${f.exportMs.toFixed(0).padStart(6)} ms`,
  );
  console.log(
    `  parse and check (the worker's code)         ${f.parseMs.toFixed(0).padStart(6)} ms`,
  );
  console.log(
    `  merge and write, one transaction            ${f.writeMs.toFixed(0).padStart(6)} ms`,
  );
}

/**
 * The same heavy file imported through the app in headless Chromium (browser mode, the built
 * renderer): Settings → Backup → Import, the check in the app's Web Worker until the confirmation
 * (read, parse, check, rows sent back, plan), then the write to Chromium's IndexedDB until it is
 * reported done. Median of `runs`, each into a fresh profile.
 */
export async function backupLabFiguresInChromium(runs = 3) {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-bench-backup-'));
  const path = join(dir, 'heavy-backup.json');
  await writeFile(path, backupText(heavyLearnerBackup()));
  const app = await startApp();
  const browser = await launchChromium();
  const check: number[] = [];
  const write: number[] = [];
  try {
    for (let i = 0; i < runs; i++) {
      const context = await browser.newContext({ viewport: { width: 1400, height: 1000 } });
      const page = await context.newPage();
      await page.goto(`${app.server.url}#/settings`);
      await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
      let t = performance.now();
      await page.getByLabel('Backup file to import').setInputFiles(path);
      await page.getByTestId('import-confirm').waitFor({ timeout: 120_000 });
      check.push(performance.now() - t);
      t = performance.now();
      await page.getByRole('button', { name: 'Import', exact: true }).click();
      await page.getByTestId('import-done').waitFor({ timeout: 120_000 });
      write.push(performance.now() - t);
      await context.close();
    }
  } finally {
    await browser.close();
    await app.close();
    await rm(dir, { recursive: true, force: true });
  }
  const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
  return { checkMs: median(check), writeMs: median(write), runs };
}

export function printBackupLabsChromium(
  f: Awaited<ReturnType<typeof backupLabFiguresInChromium>>,
): void {
  console.log(
    `  in Chromium (the app, median of ${f.runs}): worker check to confirmation ${f.checkMs.toFixed(0)} ms, write to IndexedDB ${f.writeMs.toFixed(0)} ms`,
  );
}
