/**
 * The backup file's format and its check, pure (zod and the row schemas, no database code), so
 * the check can run in a Web Worker (workers/backup.worker.ts) as well as in tests and the bench.
 *
 * A file passes only if it is JSON, says it is a Stratum backup of a version this app reads, and
 * every row passes its schema (questions also the rule checks and any extra checks the caller
 * adds). A file that fails is refused with the reason (which table, which row, which field).
 */
import { z } from 'zod';
import { questionProblems, type Question } from '../../../shared/questions';
import { issueText } from './issue-text';
import {
  Attempt,
  CaseRow,
  ExamSession,
  NoteProgress,
  QuestionReport,
  QuestionRow,
  ReviewCard,
  StudyPrefs,
} from './schema';

export const BACKUP_FORMAT = 'stratum-backup';
/**
 * Version 2 (issue 13) adds `cases`, the learner's own case-study scenarios. Version 1 files (no
 * `cases` table) are still read: they hold no learner cases, so `cases` is taken as empty.
 * Version 3 adds `prefs`, the learner's study settings (exam date, new questions a day, reviews a
 * day, target retention), checked with the same schema as the database row. Files of versions 1
 * and 2 have none: `prefs` is taken as empty, so importing them leaves the settings here alone.
 */
export const BACKUP_VERSION = 3;
/** Every version this app reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3];

/**
 * The tables a backup holds, with each row's key and the time that says which copy is newer.
 * `cases` comes before `questions`, so a case is written before the questions that name it.
 */
const TABLES = {
  cases: {
    schema: CaseRow,
    noun: ['case study', 'case studies'],
    key: (r: CaseRow) => r.id,
    time: (r: CaseRow) => r.updatedAt,
  },
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
  prefs: {
    schema: StudyPrefs,
    noun: ['set of study settings', 'sets of study settings'],
    key: (r: StudyPrefs) => r.id,
    // No time of its own: a file's settings that differ from these replace them (restored).
    time: () => '',
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
  return `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
}

export const BackupTables = z
  .object({
    cases: z.array(CaseRow),
    questions: z.array(QuestionRow),
    attempts: z.array(Attempt),
    reviewCards: z.array(ReviewCard),
    exams: z.array(ExamSession),
    reports: z.array(QuestionReport),
    noteProgress: z.array(NoteProgress),
    prefs: z.array(StudyPrefs),
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

export type AnyRow = BackupTables[TableName][number];
export type Spec = {
  schema: z.ZodType;
  key: (r: AnyRow) => string;
  time: (r: AnyRow) => string;
};
export const spec = (t: TableName) => TABLES[t] as unknown as Spec;

export type ParsedBackup =
  | { ok: true; backup: Backup }
  | {
      ok: false;
      /** One sentence: what is wrong with the file as a whole. */
      reason: string;
      /** The first problems found, each naming its table, row and field. */
      problems: string[];
    };

/** Rows checked so far out of all rows in the file; called every few hundred rows. */
export type CheckProgress = (checked: number, total: number) => void;

const MAX_PROBLEMS = 10;
/** How many rows are checked between two progress reports. */
const PROGRESS_EVERY = 250;

export function rowKey(row: unknown): string {
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

/** The refusal for a value that is not a Stratum backup of this version; null when it is one. */
function headerRefusal(data: unknown): ParsedBackup | null {
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
  if (typeof top.version !== 'number' || !READABLE_VERSIONS.includes(top.version)) {
    return refuse(
      typeof top.version === 'number' && top.version > BACKUP_VERSION
        ? `The backup is version ${top.version}, made by a newer Stratum; this one reads version ${BACKUP_VERSION}. Update Stratum and import it again.`
        : `The backup's "version" is ${JSON.stringify(top.version)}; this Stratum reads versions ${READABLE_VERSIONS.slice(0, -1).join(', ')} and ${READABLE_VERSIONS.at(-1)}.`,
    );
  }
  return null;
}

/** Collects problems: the first few in full, and how many there were. */
class Problems {
  readonly shown: string[] = [];
  count = 0;
  note(problem: string) {
    this.count++;
    if (this.shown.length < MAX_PROBLEMS) this.shown.push(problem);
  }
  list(): string[] {
    return this.count > this.shown.length
      ? [...this.shown, `… and ${this.count - this.shown.length} more.`]
      : this.shown;
  }
}

/** A list of problems as a refusal shows it: the first few in full, then how many more. */
export function shownProblems(all: readonly string[]): string[] {
  const problems = new Problems();
  for (const p of all) problems.note(p);
  return problems.list();
}

/** Checks one table's rows one by one; returns the rows that passed. */
function checkTable(
  t: TableName,
  rows: readonly unknown[],
  problems: Problems,
  extraQuestionChecks: ((q: Question) => readonly string[]) | undefined,
  tick: () => void,
): AnyRow[] {
  const kept: AnyRow[] = [];
  const seen = new Map<string, number>();
  rows.forEach((row: unknown, i) => {
    tick();
    const where = `${t} row ${i + 1} (${JSON.stringify(rowKey(row))})`;
    const parsed = spec(t).schema.safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3))
        problems.note(`${where}: ${issueText(issue)}`);
      return;
    }
    kept.push(parsed.data as AnyRow);
    const key = spec(t).key(parsed.data as AnyRow);
    const first = seen.get(key);
    if (first !== undefined) problems.note(`${where}: same key as row ${first + 1}`);
    else seen.set(key, i);
    if (t === 'questions') {
      const r = parsed.data as QuestionRow;
      if (r.id !== r.question.id) problems.note(`${where}: row id and question.id differ`);
      const rules = [...questionProblems(r.question), ...(extraQuestionChecks?.(r.question) ?? [])];
      for (const p of rules) problems.note(`${where}: ${p}`);
    }
  });
  return kept;
}

/**
 * Parses and checks a backup file's text. `extraQuestionChecks` adds checks beyond the schema and
 * rules (the app passes the passage check against the bundled notes); `onProgress` hears how many
 * rows have been checked.
 */
export function parseBackup(
  text: string,
  extraQuestionChecks?: (q: Question) => readonly string[],
  onProgress?: CheckProgress,
  knownCase?: (id: string) => boolean,
): ParsedBackup {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return refuse(
      `The file is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  return checkBackup(data, extraQuestionChecks, onProgress, knownCase);
}

/**
 * The questions of a backup whose `caseId` names a case that is neither in the file nor known here
 * (`knownCase`: the bank's cases and the learner's), each as a refusal naming its row: its
 * scenario could not be shown, so it is not imported.
 */
export function caseReferenceProblems(
  questions: readonly QuestionRow[],
  knownCase: (id: string) => boolean,
): string[] {
  return questions.flatMap((r, i) =>
    r.question.caseId && !knownCase(r.question.caseId)
      ? [
          `questions row ${i + 1} (${JSON.stringify(r.id)}): it belongs to case study "${r.question.caseId}", which is neither in the file, in the bank nor one of your case studies`,
        ]
      : [],
  );
}

/**
 * Checks an already parsed backup file (see parseBackup). `knownCase` says which case ids exist
 * outside the file (bank and learner cases); without it, only the file's own cases are known and
 * the caller checks the rest (see `caseReferenceProblems`).
 */
export function checkBackup(
  data: unknown,
  extraQuestionChecks?: (q: Question) => readonly string[],
  onProgress?: CheckProgress,
  knownCase?: (id: string) => boolean,
): ParsedBackup {
  const refused = headerRefusal(data);
  if (refused) return refused;
  const problems = new Problems();
  const { tables, ...header } = data as Record<string, unknown>;
  const checked = Backup.omit({ tables: true })
    .extend({ version: z.number().int() })
    .safeParse(header);
  if (!checked.success)
    for (const issue of checked.error.issues) problems.note(`file: ${issueText(issue)}`);
  if (typeof tables !== 'object' || tables === null || Array.isArray(tables)) {
    return refuse(
      'The backup has no "tables" object, so there is nothing to import.',
      problems.list(),
    );
  }
  // A version 1 file has no `cases` table: it holds no learner cases; a version 1 or 2 file has
  // no `prefs` table: it holds no study settings.
  const version = (header as { version?: unknown }).version;
  const given: Record<string, unknown> = {
    ...(version === 1 && !('cases' in tables) ? { cases: [] } : {}),
    ...((version === 1 || version === 2) && !('prefs' in tables) ? { prefs: [] } : {}),
    ...(tables as Record<string, unknown>),
  };
  for (const name of Object.keys(given)) {
    if (!(TABLE_NAMES as string[]).includes(name))
      problems.note(`tables.${name}: this Stratum has no such table`);
  }
  const total = TABLE_NAMES.reduce((n, t) => {
    const rows = given[t];
    return n + (Array.isArray(rows) ? rows.length : 0);
  }, 0);
  let done = 0;
  const tick = () => {
    if (++done % PROGRESS_EVERY === 0) onProgress?.(done, total);
  };
  const parsedTables: Partial<Record<TableName, AnyRow[]>> = {};
  for (const t of TABLE_NAMES) {
    const rows = given[t];
    if (!Array.isArray(rows))
      problems.note(`tables.${t}: ${rows === undefined ? 'missing' : 'not a list'}`);
    else parsedTables[t] = checkTable(t, rows, problems, extraQuestionChecks, tick);
  }
  onProgress?.(total, total);
  if (knownCase) {
    const fileCases = new Set(((parsedTables.cases ?? []) as CaseRow[]).map((c) => c.id));
    const questions = (parsedTables.questions ?? []) as QuestionRow[];
    for (const p of caseReferenceProblems(questions, (id) => fileCases.has(id) || knownCase(id)))
      problems.note(p);
  }
  if (problems.count > 0 || !checked.success) {
    return refuse(
      `The backup has ${problems.count} problem${problems.count === 1 ? '' : 's'}, so nothing was imported.`,
      problems.list(),
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
