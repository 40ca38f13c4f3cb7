/**
 * Export and import of the learner's data as one versioned JSON file: their case-study scenarios
 * and questions (generated, imported, edited bank items; a case's questions name it in `caseId`),
 * answers, review cards, mock exams, reports, note progress and study settings (`prefs`: a file
 * that has them restores them; an older file without them leaves the settings here alone).
 * Generated items still waiting for review (`pendingQuestions`) are unreviewed drafts and are not
 * exported.
 *
 * An import is checked completely before anything is written (./backup-format.ts: the file must be
 * JSON, say it is a Stratum backup of a version this app reads, and every row must pass its
 * schema; the app runs that check in a Web Worker). A file that fails is refused with the reason
 * (which table, which row, which field) and changes nothing. A good file is merged by id in ONE transaction over all tables:
 * new rows are added, rows the file has in a newer (or same-age) version are updated, and rows
 * that are newer here than in the file are kept unless the learner chooses to replace them.
 * Nothing already here is ever deleted by an import.
 *
 * Pure functions of a StratumDb, so tests run them on fake-indexeddb.
 */
import { type StratumDb } from './db';
import {
  Backup,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  rowCount,
  rowKey,
  spec,
  TABLE_NAMES,
  type AnyRow,
  type TableName,
} from './backup-format';
import { issueText } from './issue-text';
import { sameJson } from './questions';
import { forgetCachedCards } from './review';

export {
  Backup,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupTables,
  caseReferenceProblems,
  checkBackup,
  parseBackup,
  rowCount,
  shownProblems,
  TABLE_NAMES,
  type CheckProgress,
  type ParsedBackup,
  type TableName,
} from './backup-format';

// Export

export interface ExportResult {
  backup: Backup;
  /** Rows that did not validate and were left out of the file (they stay in the database). */
  skipped: { table: TableName; key: string; problem: string }[];
}

/** Reads every table in one transaction (a consistent snapshot) and builds the backup. */
export async function exportBackup(db: StratumDb, now = new Date()): Promise<ExportResult> {
  const skipped: ExportResult['skipped'] = [];
  const tables = await db.transaction(
    'r',
    TABLE_NAMES.map((t) => db.table(t)),
    async () => {
      const out: Record<string, unknown[]> = {};
      for (const t of TABLE_NAMES) {
        const rows: unknown[] = await db.table(t).toArray();
        out[t] = rows.flatMap((row) => {
          const parsed = spec(t).schema.safeParse(row);
          if (parsed.success) return [parsed.data];
          skipped.push({ table: t, key: rowKey(row), problem: issueText(parsed.error.issues[0]!) });
          return [];
        });
      }
      return out;
    },
  );
  const backup = Backup.parse({
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables,
  });
  return { backup, skipped };
}

/** The file's text. Indented so a learner can read and diff it. */
export function backupText(backup: Backup): string {
  return `${JSON.stringify(backup, null, 1)}\n`;
}

export function backupFileName(backup: Backup): string {
  return `stratum-backup-${backup.exportedAt.slice(0, 10)}.json`;
}

// Import: plan and apply

/** How each file row relates to what is already here. */
export interface TablePlan {
  added: number;
  updated: number;
  unchanged: number;
  /** Rows that differ and whose copy here is newer than the file's: kept unless replaced. */
  newerHere: string[];
}
export type ImportPlan = Record<TableName, TablePlan>;

/** "keep-newer": rows newer here stay; "replace": the file's copy wins for every differing row. */
export type ImportChoice = 'keep-newer' | 'replace';

/** Keys read per bulkGet while planning an import. */
const GET_CHUNK = 1000;
/** Rows written per bulkPut while importing. */
const PUT_CHUNK = 500;

async function planTable(
  db: StratumDb,
  t: TableName,
  rows: readonly AnyRow[],
): Promise<{ plan: TablePlan; write: AnyRow[]; newer: AnyRow[] }> {
  const s = spec(t);
  // Read in chunks: one bulkGet of tens of thousands of keys issues them all in one long task,
  // which froze the page for half a second on a 40 MB file; chunks leave room for frames.
  const keys = rows.map((r) => s.key(r));
  const existing: unknown[] = [];
  for (let i = 0; i < keys.length; i += GET_CHUNK)
    existing.push(...((await db.table(t).bulkGet(keys.slice(i, i + GET_CHUNK))) as unknown[]));
  const plan: TablePlan = { added: 0, updated: 0, unchanged: 0, newerHere: [] };
  const write: AnyRow[] = [];
  const newer: AnyRow[] = [];
  rows.forEach((row, i) => {
    const here = existing[i];
    if (here === undefined) {
      plan.added++;
      write.push(row);
    } else if (sameJson(here, row)) {
      plan.unchanged++;
    } else {
      const parsed = s.schema.safeParse(here);
      // A row here that no longer validates is older than anything: the file's copy replaces it.
      if (parsed.success && s.time(parsed.data as AnyRow) > s.time(row)) {
        plan.newerHere.push(s.key(row));
        newer.push(row);
      } else {
        plan.updated++;
        write.push(row);
      }
    }
  });
  return { plan, write, newer };
}

/** What an import would do, without writing. */
export async function planImport(db: StratumDb, backup: Backup): Promise<ImportPlan> {
  return db.transaction(
    'r',
    TABLE_NAMES.map((t) => db.table(t)),
    async () => {
      const out = {} as ImportPlan;
      for (const t of TABLE_NAMES) out[t] = (await planTable(db, t, backup.tables[t])).plan;
      return out;
    },
  );
}

/**
 * Applies a checked backup in one transaction over every table: either all of it lands or, if
 * anything fails, none of it. The plan is made again inside the transaction, so it matches what
 * is written. Returns that plan (with `updated` counting replaced newer rows when chosen).
 */
export async function applyImport(
  db: StratumDb,
  backup: Backup,
  choice: ImportChoice,
): Promise<ImportPlan> {
  const applied = await db.transaction(
    'rw',
    TABLE_NAMES.map((t) => db.table(t)),
    async () => {
      const out = {} as ImportPlan;
      for (const t of TABLE_NAMES) {
        const { plan, write, newer } = await planTable(db, t, backup.tables[t]);
        const rows = choice === 'replace' ? [...write, ...newer] : write;
        // In chunks, in the same transaction: all of it lands or none, and frames keep coming.
        for (let i = 0; i < rows.length; i += PUT_CHUNK)
          await db.table(t).bulkPut(rows.slice(i, i + PUT_CHUNK));
        out[t] =
          choice === 'replace'
            ? { ...plan, updated: plan.updated + newer.length, newerHere: [] }
            : plan;
      }
      return out;
    },
  );
  // Review cards may have been written: the in-memory copy is read again at its next use.
  forgetCachedCards();
  return applied;
}

/** A one-line summary of a plan: "12 questions added, 3 answers updated". */
export function describePlan(plan: ImportPlan): string {
  const parts: string[] = [];
  for (const t of TABLE_NAMES) {
    const p = plan[t];
    if (p.added) parts.push(`${rowCount(t, p.added)} added`);
    if (p.updated) parts.push(`${rowCount(t, p.updated)} updated`);
  }
  return parts.length ? parts.join(', ') : 'nothing new';
}

export function newerHereCount(plan: ImportPlan): number {
  return TABLE_NAMES.reduce((n, t) => n + plan[t].newerHere.length, 0);
}
