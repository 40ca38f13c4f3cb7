/**
 * Export and import of the learner's data as one versioned JSON file: their case-study scenarios
 * and questions (generated, imported, edited bank items; a case's questions name it in `caseId`),
 * answers, review cards, mock exams, reports, note progress and study settings (`prefs`: a file
 * that has them restores them; an older file without them leaves the settings here alone), and
 * (from version 4) what they made in the labs: saved chats, token-lab experiments, gallery images,
 * trained diffusion models, customization datasets, evaluation runs with ratings and judge runs,
 * knowledge-base indexes with their vectors. Generated items still waiting for review
 * (`pendingQuestions`) are unreviewed drafts and work in progress (`sessions`: a practice or
 * review session, chat drafts) is not kept either; credentials never reach IndexedDB at all.
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
import type { Backup, BackupTables } from './backup-format';
import {
  BACKUP_FORMAT,
  BACKUP_VERSION,
  keyLabel,
  relationProblems,
  rowCount,
  rowKey,
  spec,
  TABLE_NAMES,
  type AnyRow,
  type RowKey,
  type TableName,
} from './backup-format';
import { encodeFloat32 } from './backup-vectors';
import { issueText } from './issue-text';
import { sameJson } from './questions';
import { forgetCachedCards } from './review';

export {
  Backup,
  BACKUP_FORMAT,
  BACKUP_VERSION,
  BackupTables,
  caseReferenceProblems,
  emptyTables,
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
  /**
   * Rows left out because their parent is gone (the ratings of a deleted evaluation run, which
   * stay in the database unread) or does not fit them (a vector longer than its index's size):
   * an import would refuse them.
   */
  orphans: { table: TableName; key: string; problem: string }[];
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
      return out as unknown as BackupTables;
    },
  );
  const orphans = relationProblems(tables);
  for (const t of TABLE_NAMES) {
    const out = new Set(orphans.filter((o) => o.table === t).map((o) => o.index));
    const all = tables as unknown as Record<TableName, AnyRow[]>;
    if (out.size) all[t] = all[t].filter((_, i) => !out.has(i));
  }
  // Every row passed its table's schema above (the file's own schema checks vectors as base64).
  const backup: Backup = {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    exportedAt: now.toISOString(),
    tables,
  };
  return {
    backup,
    skipped,
    orphans: orphans.map(({ table, key, problem }) => ({ table, key, problem })),
  };
}

/** JSON.stringify's replacer: a vector's numbers as base64 of their float32 bytes. */
const encodeVectors = (_key: string, value: unknown) =>
  value instanceof Float32Array ? encodeFloat32(value) : value;

/** The file's text. Indented so a learner can read and diff it. */
export function backupText(backup: Backup): string {
  return `${JSON.stringify(backup, encodeVectors, 1)}\n`;
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

/** Same content: a vector's numbers compared bit for bit, everything else as JSON. */
function sameRow(here: unknown, row: AnyRow): boolean {
  const a = (here as { vector?: unknown } | null)?.vector;
  const b = (row as { vector?: unknown }).vector;
  if (!(a instanceof Float32Array && b instanceof Float32Array)) return sameJson(here, row);
  const bytes = (v: Float32Array) => new Uint8Array(v.buffer, v.byteOffset, v.byteLength);
  const [x, y] = [bytes(a), bytes(b)];
  return (
    x.length === y.length &&
    x.every((v, i) => v === y[i]) &&
    sameJson({ ...(here as object), vector: null }, { ...row, vector: null })
  );
}

/**
 * For a table whose rows take their parent's time (vectors: their index's), the parent's time in
 * the file and here, by parent id; otherwise null. Read in the caller's transaction, so in an
 * import a parent already written from the file counts as here (its vectors then follow it).
 */
async function parentTimes(db: StratumDb, t: TableName, backup: Backup) {
  const s = spec(t);
  if (!s.timeFromParent || !s.parent) return null;
  const p = spec(s.parent.table);
  const parents = backup.tables[s.parent.table] as AnyRow[];
  const file = new Map(parents.map((r) => [keyLabel(p.key(r)), p.time(r)]));
  const ids = [...new Set((backup.tables[t] as AnyRow[]).map((r) => s.parent!.ref(r)))];
  const stored = (await db.table(s.parent.table).bulkGet(ids)) as unknown[];
  const here = new Map<string, string>();
  stored.forEach((row, i) => {
    const parsed = p.schema.safeParse(row);
    if (parsed.success) here.set(ids[i]!, p.time(parsed.data as AnyRow));
  });
  return { file, here };
}

async function planTable(
  db: StratumDb,
  t: TableName,
  backup: Backup,
): Promise<{ plan: TablePlan; write: AnyRow[]; newer: AnyRow[] }> {
  const s = spec(t);
  const rows = backup.tables[t] as AnyRow[];
  const parents = await parentTimes(db, t, backup);
  const timeOf = (row: AnyRow, side: 'file' | 'here') =>
    parents ? (parents[side].get(s.parent!.ref(row)) ?? '') : s.time(row);
  // Read in chunks: one bulkGet of tens of thousands of keys issues them all in one long task,
  // which froze the page for half a second on a 40 MB file; chunks leave room for frames.
  const keys: RowKey[] = rows.map((r) => s.key(r));
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
    } else if (sameRow(here, row)) {
      plan.unchanged++;
    } else {
      const parsed = s.schema.safeParse(here);
      // A row here that no longer validates is older than anything: the file's copy replaces it.
      if (parsed.success && timeOf(parsed.data as AnyRow, 'here') > timeOf(row, 'file')) {
        plan.newerHere.push(keyLabel(s.key(row)));
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
      for (const t of TABLE_NAMES) out[t] = (await planTable(db, t, backup)).plan;
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
        const { plan, write, newer } = await planTable(db, t, backup);
        const rows = choice === 'replace' ? [...write, ...newer] : write;
        // In chunks, in the same transaction: all of it lands or none, and frames keep coming.
        const chunk = spec(t).batch ?? PUT_CHUNK;
        for (let i = 0; i < rows.length; i += chunk)
          await db.table(t).bulkPut(rows.slice(i, i + chunk));
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
  for (const listener of importListeners) listener();
  return applied;
}

const importListeners = new Set<() => void>();

/**
 * Hears each applied import: a screen that keeps rows in memory (a store read once per window)
 * reads them again. Returns the unsubscribe.
 */
export function onBackupImported(listener: () => void): () => void {
  importListeners.add(listener);
  return () => importListeners.delete(listener);
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
