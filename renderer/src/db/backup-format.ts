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
import { parameterCount } from '../lib/denoiser-net';
import { decodeFloat32 } from './backup-vectors';
import { issueText } from './issue-text';
import {
  Attempt,
  CaseRow,
  Conversation,
  CustomDatasetRow,
  DiffusionModelRow,
  EvalJudgementRow,
  EvalRatingRow,
  EvalRunRow,
  ExamSession,
  GalleryImage,
  NoteProgress,
  QuestionReport,
  QuestionRow,
  RagIndex,
  RagVector,
  ReviewCard,
  StudyPrefs,
  TokenExperiment,
} from './schema';

export const BACKUP_FORMAT = 'stratum-backup';
/**
 * Version 2 (issue 13) adds `cases`, the learner's own case-study scenarios. Version 1 files (no
 * `cases` table) are still read: they hold no learner cases, so `cases` is taken as empty.
 * Version 3 adds `prefs`, the learner's study settings (exam date, new questions a day, reviews a
 * day, target retention), checked with the same schema as the database row. Files of versions 1
 * and 2 have none: `prefs` is taken as empty, so importing them leaves the settings here alone.
 * Version 4 adds what the learner made in the labs: saved chats, token-lab experiments, the
 * diffusion gallery and trained denoisers, customization datasets, evaluation runs with their
 * ratings and judge runs, and knowledge-base indexes with their vectors (each vector as base64 of
 * its little-endian float32 bytes, ./backup-vectors.ts). Older files have none of these tables:
 * each is taken as empty.
 */
export const BACKUP_VERSION = 4;
/** Every version this app reads. */
export const READABLE_VERSIONS: readonly number[] = [1, 2, 3, 4];

/** A row's key: a string, or [indexId, chunkId] for a vector (the table's compound key). */
export type RowKey = string | [string, string];

/** A vector in the file: the database row with its numbers as base64 (decoded when checked). */
export const RagVectorFile = RagVector.extend({
  vector: z.string().transform((text, ctx) => {
    const vector = decodeFloat32(text);
    if (typeof vector === 'string') {
      ctx.addIssue({ code: 'custom', message: vector });
      return z.NEVER;
    }
    return vector;
  }),
});

/** The newest of a note progress row's times. */
const latest = (times: readonly (string | null)[]) =>
  times.reduce<string>((max, t) => (t && t > max ? t : max), '');

/**
 * The tables a backup holds, in the order they are checked and written, each with its row key and
 * the time that says which copy is newer (a row with a later time here than in the file is kept
 * unless the learner chooses to replace it). A parent comes before the rows that name it: `cases`
 * before `questions`, `evalRuns` before `evalRatings` and `evalJudgements`, `ragIndexes` before
 * `ragVectors`; `parent` names the table a row must find its parent in (in the same file: an
 * export always writes a parent with its rows, so a row without one is from a damaged or edited
 * file). Rows that never change once saved (token-lab experiments, gallery images) take their
 * creation time. A vector has no time of its own: its index fixes its chunk, model and size, and
 * it takes its index's `updatedAt`, so the vectors of an index kept here stay with it.
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
    time: (r: NoteProgress) => latest([r.readAt, r.bookmarkedAt, r.lastOpenedAt]),
  },
  conversations: {
    batch: 2,
    schema: Conversation,
    noun: ['saved chat', 'saved chats'],
    key: (r: Conversation) => r.id,
    time: (r: Conversation) => r.updatedAt,
  },
  experiments: {
    schema: TokenExperiment,
    noun: ['token-lab experiment', 'token-lab experiments'],
    key: (r: TokenExperiment) => r.id,
    // Saved once when its run ends, never changed.
    time: (r: TokenExperiment) => r.createdAt,
  },
  images: {
    batch: 4,
    schema: GalleryImage,
    noun: ['gallery image', 'gallery images'],
    key: (r: GalleryImage) => r.id,
    // Saved once when generated, never changed.
    time: (r: GalleryImage) => r.createdAt,
  },
  customDatasets: {
    batch: 20,
    schema: CustomDatasetRow,
    noun: ['customization dataset', 'customization datasets'],
    key: (r: CustomDatasetRow) => r.id,
    time: (r: CustomDatasetRow) => r.updatedAt,
  },
  evalRuns: {
    batch: 20,
    schema: EvalRunRow,
    noun: ['evaluation run', 'evaluation runs'],
    key: (r: EvalRunRow) => r.id,
    time: (r: EvalRunRow) => r.updatedAt,
  },
  evalRatings: {
    schema: EvalRatingRow,
    noun: ['evaluation rating', 'evaluation ratings'],
    key: (r: EvalRatingRow) => r.id,
    time: (r: EvalRatingRow) => r.at,
    parent: { table: 'evalRuns', ref: (r: EvalRatingRow) => r.runId, noun: 'evaluation run' },
  },
  evalJudgements: {
    batch: 20,
    schema: EvalJudgementRow,
    noun: ['judge run', 'judge runs'],
    key: (r: EvalJudgementRow) => r.id,
    time: (r: EvalJudgementRow) => r.updatedAt,
    parent: { table: 'evalRuns', ref: (r: EvalJudgementRow) => r.runId, noun: 'evaluation run' },
  },
  diffusionModels: {
    batch: 4,
    schema: DiffusionModelRow,
    noun: ['trained diffusion model', 'trained diffusion models'],
    key: (r: DiffusionModelRow) => r.id,
    time: (r: DiffusionModelRow) => r.updatedAt,
  },
  ragIndexes: {
    schema: RagIndex,
    noun: ['knowledge-base index', 'knowledge-base indexes'],
    key: (r: RagIndex) => r.id,
    time: (r: RagIndex) => r.updatedAt,
  },
  ragVectors: {
    schema: RagVector,
    fileSchema: RagVectorFile,
    noun: ['index vector', 'index vectors'],
    key: (r: RagVector): RowKey => [r.indexId, r.chunkId],
    // Replaced by the index's updatedAt when merging (see `timeFromParent`).
    time: () => '',
    timeFromParent: true,
    parent: { table: 'ragIndexes', ref: (r: RagVector) => r.indexId, noun: 'knowledge-base index' },
  },
} as const;

export type TableName = keyof typeof TABLES;
export const TABLE_NAMES = Object.keys(TABLES) as TableName[];
/** The version that added each table; a file of an older version has none of its rows. */
const SINCE: Partial<Record<TableName, number>> = {
  cases: 2,
  prefs: 3,
  conversations: 4,
  experiments: 4,
  images: 4,
  customDatasets: 4,
  evalRuns: 4,
  evalRatings: 4,
  evalJudgements: 4,
  diffusionModels: 4,
  ragIndexes: 4,
  ragVectors: 4,
};
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
    conversations: z.array(Conversation),
    experiments: z.array(TokenExperiment),
    images: z.array(GalleryImage),
    customDatasets: z.array(CustomDatasetRow),
    evalRuns: z.array(EvalRunRow),
    evalRatings: z.array(EvalRatingRow),
    evalJudgements: z.array(EvalJudgementRow),
    diffusionModels: z.array(DiffusionModelRow),
    ragIndexes: z.array(RagIndex),
    ragVectors: z.array(RagVectorFile),
  })
  .strict();
/** The tables as held in memory: a vector's numbers as a Float32Array, as the database keeps it. */
export type BackupTables = z.output<typeof BackupTables>;

export const Backup = z
  .object({
    format: z.literal(BACKUP_FORMAT),
    version: z.literal(BACKUP_VERSION),
    exportedAt: z.iso.datetime(),
    tables: BackupTables,
  })
  .strict();
export type Backup = z.output<typeof Backup>;

/** A backup with every table empty (a start to fill). */
export function emptyTables(): BackupTables {
  return Object.fromEntries(TABLE_NAMES.map((t) => [t, []])) as unknown as BackupTables;
}

export type AnyRow = BackupTables[TableName][number];
export type Spec = {
  /**
   * Rows per message from the worker and per write, for tables with large rows, so that no one
   * step copies much more than 10 MB: a gallery image is up to about 2 MB of base64, a trained
   * diffusion model 1.45 MB, a chat with attached images several MB, an evaluation run a few
   * hundred kB. Other tables go 500 rows at a time.
   */
  batch?: number;
  /** The database row's schema (export, and rows already here). */
  schema: z.ZodType;
  /** The row's schema in the file (the database's, except a vector's base64). */
  fileSchema?: z.ZodType;
  key: (r: AnyRow) => RowKey;
  time: (r: AnyRow) => string;
  /** The row's time is its parent's (a vector's is its index's). */
  timeFromParent?: boolean;
  /** The table a row's parent must be in, the parent's id, and what the parent is called. */
  parent?: { table: TableName; ref: (r: AnyRow) => string; noun: string };
};
export const spec = (t: TableName) => TABLES[t] as unknown as Spec;

/** A key as text: "gen-abc", or "rag-1 / chunk-3" for a vector. */
export const keyLabel = (key: RowKey): string => (typeof key === 'string' ? key : key.join(' / '));

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
  if (typeof r.indexId === 'string' && typeof r.chunkId === 'string')
    return keyLabel([r.indexId, r.chunkId]);
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

/** Why a trained denoiser's weights cannot be loaded into its architecture, or null. */
function weightsProblem(row: DiffusionModelRow): string | null {
  const count = parameterCount(row.architecture);
  if (count !== row.parameters)
    return `parameters: it says ${row.parameters} weights, but its architecture has ${count}`;
  // float16 = 2 bytes per weight; base64 carries 3 bytes in 4 characters.
  if (row.weights.length !== Math.ceil((count * 2) / 3) * 4)
    return 'weights: cut short or too long for its architecture';
  return null;
}

/** A row that names another and the problem with that (the parent is not in the backup, ...). */
export interface RelationProblem {
  table: TableName;
  /** The row's place in its table (0-based). */
  index: number;
  key: string;
  problem: string;
}

/**
 * The rows whose parent is not in the same backup (a rating or judge run whose evaluation run is
 * missing, a vector whose index is missing) and the vectors whose length is not their index's
 * dimensions. The check runs on a file (refused) and on an export (those rows are left out:
 * before deleting a run also deleted its ratings, a deleted run's ratings stayed in the database).
 */
export function relationProblems(tables: Partial<BackupTables>): RelationProblem[] {
  const out: RelationProblem[] = [];
  const ids = new Map<TableName, Set<string>>();
  const parentIds = (t: TableName) => {
    if (!ids.has(t))
      ids.set(t, new Set(((tables[t] ?? []) as AnyRow[]).map((r) => keyLabel(spec(t).key(r)))));
    return ids.get(t)!;
  };
  const dimensions = new Map((tables.ragIndexes ?? []).map((r) => [r.id, r.dimensions]));
  for (const t of TABLE_NAMES) {
    const parent = spec(t).parent;
    if (!parent) continue;
    ((tables[t] ?? []) as AnyRow[]).forEach((row, index) => {
      const key = keyLabel(spec(t).key(row));
      const ref = parent.ref(row);
      if (!parentIds(parent.table).has(ref)) {
        out.push({
          table: t,
          index,
          key,
          problem: `its ${parent.noun} "${ref}" is not in the backup`,
        });
        return;
      }
      const d = t === 'ragVectors' ? dimensions.get(ref) : undefined;
      const n = (row as RagVector).vector?.length;
      if (d !== undefined && n !== d)
        out.push({
          table: t,
          index,
          key,
          problem: `vector: ${n.toLocaleString('en-US')} numbers, but its index "${ref}" holds ${d.toLocaleString('en-US')}`,
        });
    });
  }
  return out;
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
    const s = spec(t);
    const parsed = (s.fileSchema ?? s.schema).safeParse(row);
    if (!parsed.success) {
      for (const issue of parsed.error.issues.slice(0, 3))
        problems.note(`${where}: ${issueText(issue)}`);
      return;
    }
    kept.push(parsed.data as AnyRow);
    const key = keyLabel(s.key(parsed.data as AnyRow));
    const first = seen.get(key);
    if (first !== undefined) problems.note(`${where}: same key as row ${first + 1}`);
    else seen.set(key, i);
    if (t === 'questions') {
      const r = parsed.data as QuestionRow;
      if (r.id !== r.question.id) problems.note(`${where}: row id and question.id differ`);
      const rules = [...questionProblems(r.question), ...(extraQuestionChecks?.(r.question) ?? [])];
      for (const p of rules) problems.note(`${where}: ${p}`);
    }
    if (t === 'diffusionModels') {
      const fit = weightsProblem(parsed.data as DiffusionModelRow);
      if (fit) problems.note(`${where}: ${fit}`);
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
  // A file older than a table holds none of its rows: a version 1 file no learner cases, a
  // version 1 or 2 file no study settings, a version 1 to 3 file nothing from the labs.
  const version = (header as { version?: unknown }).version as number;
  const given: Record<string, unknown> = { ...(tables as Record<string, unknown>) };
  for (const t of TABLE_NAMES) if (version < (SINCE[t] ?? 1) && !(t in given)) given[t] = [];
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
  // Only on rows that all passed, so that each row number counts the file's rows.
  if (problems.count === 0)
    for (const r of relationProblems(parsedTables as Partial<BackupTables>))
      problems.note(`${r.table} row ${r.index + 1} (${JSON.stringify(r.key)}): ${r.problem}`);
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
