/**
 * Export and import of the learner's data as one versioned JSON file: their questions (generated,
 * imported, edited bank items), answers, review cards, mock exams, reports and note progress.
 * Generated items still waiting for review (`pendingQuestions`) are unreviewed drafts and are not
 * exported.
 *
 * An import is checked completely before anything is written: the file must be JSON, say it is a
 * Stratum backup of a version this app reads, and every row must pass its schema (questions also
 * the rule checks). A file that fails is refused with the reason (which table, which row, which
 * field) and changes nothing. A good file is merged by id in ONE transaction over all tables:
 * new rows are added, rows the file has in a newer (or same-age) version are updated, and rows
 * that are newer here than in the file are kept unless the learner chooses to replace them.
 * Nothing already here is ever deleted by an import.
 *
 * Pure functions of a StratumDb, so tests run them on fake-indexeddb.
 */
import { z } from 'zod';
import { questionProblems, type Question } from '../../../shared/questions';
import { type StratumDb } from './db';
import {
  Attempt,
  ExamSession,
  NoteProgress,
  QuestionReport,
  QuestionRow,
  ReviewCard,
} from './schema';
import { issueText, sameJson } from './questions';
import { forgetCachedCards } from './review';

export const BACKUP_FORMAT = 'stratum-backup';
export const BACKUP_VERSION = 1;

/** The tables a backup holds, with each row's key and the time that says which copy is newer. */
const TABLES = {
  questions: {
    schema: QuestionRow,
    noun: ['question', 'questions'],
    key: (r: QuestionRow) => r.id,
    time: (r: QuestionRow) => r.updatedAt,
  },
  attempts: {
    schema: Attempt,
    noun: ['answer', 'answers'],
    key: (r: Attempt) => r.id,
    time: (r: Attempt) => r.at,
  },
  reviewCards: {
    schema: ReviewCard,
    noun: ['review card', 'review cards'],
    key: (r: ReviewCard) => r.questionId,
    time: (r: ReviewCard) => r.lastReview ?? '',
  },
  exams: {
    schema: ExamSession,
    noun: ['mock exam', 'mock exams'],
    key: (r: ExamSession) => r.id,
    time: (r: ExamSession) => r.finishedAt ?? r.startedAt,
  },
  reports: {
    schema: QuestionReport,
    noun: ['report', 'reports'],
    key: (r: QuestionReport) => r.id,
    time: (r: QuestionReport) => r.at,
  },
  noteProgress: {
    schema: NoteProgress,
    noun: ['note progress record', 'note progress records'],
    key: (r: NoteProgress) => r.noteId,
    time: (r: NoteProgress) =>
      [r.readAt, r.bookmarkedAt, r.lastOpenedAt].reduce<string>(
        (max, t) => (t && t > max ? t : max),
        '',
      ),
  },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
/** "1 question", "3 review cards": a count of a table's rows in words. */
export function rowCount(t: TableName, n: number): string {
  const [one, many] = TABLES[t].noun;
  return `${n} ${n === 1 ? one : many}`;
}

export const BackupTables = z
  .object({
    questions: z.array(QuestionRow),
    attempts: z.array(Attempt),
    reviewCards: z.array(ReviewCard),
    exams: z.array(ExamSession),
    reports: z.array(QuestionReport),
    noteProgress: z.array(NoteProgress),
  })
  .strict();
export type BackupTables = z.infer<typeof BackupTables>;

export const Backup = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.iso.datetime(),
    tables: BackupTables,
  })
  .strict();
export type Backup = z.infer<typeof Backup>;

type AnyRow = BackupTables[TableName][number];
type Spec = {
  schema: z.ZodType;
  key: (r: AnyRow) => string;
  time: (r: AnyRow) => string;
};
const spec = (t: TableName) => TABLES[t] as unknown as Spec;

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

// Import: parse and check

export type ParsedBackup =
  | { ok: true; backup: Backup }
  | {
      ok: false;
      /** One sentence: what is wrong with the file as a whole. */
      reason: string;
      /** The first problems found, each naming its table, row and field. */
      problems: string[];
    };

const MAX_PROBLEMS = 10;

function rowKey(row: unknown): string {
  if (typeof row !== 'object' || row === null) return '?';
  const r = row as Record<string, unknown>;
  const key = r.id ?? r.questionId ?? r.noteId;
  return typeof key === 'string' ? key : '?';
}

const refuse = (reason: string, problems: string[] = []): ParsedBackup => ({
  ok: false,
  reason,
  problems,
});

/**
 * Parses and checks a backup file's text. `extraQuestionChecks` adds checks beyond the schema and
 * rules (the app passes the passage check against the bundled notes).
 */
export function parseBackup(
  text: string,
  extraQuestionChecks?: (q: Question) => readonly string[],
): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(
      `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return refuse(
      Array.isArray(data)
        ? 'The file is a JSON list, not a Stratum backup (a backup is an object with "format": "stratum-backup").'
        : 'The file is not a Stratum backup (a backup is an object with "format": "stratum-backup").',
    );
  }
  const top = data as Record<string, unknown>;
  if (top.format !== BACKUP_FORMAT) {
    return refuse(
      `The file is not a Stratum backup: its "format" is ${top.format === undefined ? 'missing' : JSON.stringify(top.format)}, not "${BACKUP_FORMAT}".`,
    );
  }
  if (top.version !== BACKUP_VERSION) {
    return refuse(
      typeof top.version === 'number' && top.version > BACKUP_VERSION
        ? `The backup is version ${top.version}, made by a newer Stratum; this one reads version ${BACKUP_VERSION}. Update Stratum and import it again.`
        : `The backup's "version" is ${JSON.stringify(top.version)}; this Stratum reads version ${BACKUP_VERSION}.`,
    );
  }

  const problems: string[] = [];
  let count = 0;
  const note = (problem: string) => {
    count++;
    if (problems.length < MAX_PROBLEMS) problems.push(problem);
  };
  const { tables, ...header } = top;
  const checked = Backup.omit({ tables: true }).safeParse(header);
  if (!checked.success) for (const issue of checked.error.issues) note(`file: ${issueText(issue)}`);
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    return refuse('The backup has no "tables" object, so there is nothing to import.', problems);
  }
  const given = tables as Record<string, unknown>;
  for (const name of Object.keys(given)) {
    if (!(TABLE_NAMES as string[]).includes(name))
      note(`tables.${name}: this Stratum has no such table`);
  }
  const parsedTables: Partial<Record<TableName, AnyRow[]>> = {};
  for (const t of TABLE_NAMES) {
    const rows = given[t];
    if (!Array.isArray(rows)) {
      note(`tables.${t}: ${rows === undefined ? 'missing' : 'not a list'}`);
      continue;
    }
    const kept: AnyRow[] = [];
    parsedTables[t] = kept;
    const seen = new Map<string, number>();
    rows.forEach((row: unknown, i) => {
      const where = `${t} row ${i + 1} (${JSON.stringify(rowKey(row))})`;
      const parsed = spec(t).schema.safeParse(row);
      if (!parsed.success) {
        for (const issue of parsed.error.issues.slice(0, 3)) note(`${where}: ${issueText(issue)}`);
        return;
      }
      kept.push(parsed.data as AnyRow);
      const key = spec(t).key(parsed.data as AnyRow);
      const first = seen.get(key);
      if (first !== undefined) note(`${where}: same key as row ${first + 1}`);
      else seen.set(key, i);
      if (t === 'questions') {
        const r = parsed.data as QuestionRow;
        if (r.id !== r.question.id) note(`${where}: row id and question.id differ`);
        const rules = [
          ...questionProblems(r.question),
          ...(extraQuestionChecks?.(r.question) ?? []),
        ];
        for (const p of rules) note(`${where}: ${p}`);
      }
    });
  }
  if (count > 0 || !checked.success) {
    return refuse(
      `The backup has ${count} problem${count === 1 ? '' : 's'}, so nothing was imported.`,
      count > problems.length ? [...problems, `… and ${count - problems.length} more.`] : problems,
    );
  }
  // Every part was checked above: the header by the schema, each row by its table's schema.
  return {
    ok: true,
    backup: {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      exportedAt: checked.data.exportedAt,
      tables: parsedTables as BackupTables,
    },
  };
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

async function planTable(
  db: StratumDb,
  t: TableName,
  rows: readonly AnyRow[],
): Promise<{ plan: TablePlan; write: AnyRow[]; newer: AnyRow[] }> {
  const s = spec(t);
  const existing = (await db.table(t).bulkGet(rows.map((r) => s.key(r)))) as unknown[];
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
        if (rows.length) await db.table(t).bulkPut(rows);
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
