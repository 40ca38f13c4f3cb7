/**
 * The learner's question pool: the bundled starter bank merged with the rows in the `questions`
 * table (generated, imported, or edited copies of bank items, which replace the bank item with the
 * same id; a deleted row hides it). Rows are validated on the way out: a bad row is skipped, not
 * deleted. Every write validates the question again (schema and rule checks) first, so an invalid
 * item is never stored; edits and deletions hand back what was there before, for Undo.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { Question, questionProblems } from '../../../shared/questions';
import type { BlindCheck } from '../../../shared/question-generation';
import { getDb } from './db';
import { issueText } from './issue-text';
import { KeyedCache } from './keyed-cache';
import { QuestionReport, QuestionRow } from './schema';

const questionCache = new KeyedCache<QuestionRow>(
  'questions',
  (db) => db.questions,
  (row) => {
    const parsed = QuestionRow.safeParse(row);
    return parsed.success ? parsed.data : null;
  },
  (r) => r.id,
);

/**
 * The learner's question rows from an in-memory copy kept in step with the database
 * (keyed-cache.ts): for Home, which reads them all each time it opens. Same rows as questionRows.
 */
export async function cachedQuestionRows(): Promise<QuestionRow[]> {
  return [...(await questionCache.rows()).values()];
}

export async function questionRows(): Promise<QuestionRow[]> {
  const rows = await getDb().questions.toArray();
  return rows.flatMap((row) => {
    const parsed = QuestionRow.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Bank items in bank order (replaced by an edited row where one exists), then the learner's own. */
export function mergePool(bank: readonly Question[], rows: readonly QuestionRow[]): Question[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bankIds = new Set(bank.map((q) => q.id));
  const fromBank = bank.flatMap((q) => {
    const row = byId.get(q.id);
    if (!row) return [q];
    return row.deleted ? [] : [row.question];
  });
  const own = rows
    .filter((r) => !bankIds.has(r.id) && !r.deleted)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((r) => r.question);
  return [...fromBank, ...own];
}

/** The live pool for React: undefined while the first read is in flight. */
export function useQuestionPool(bank: readonly Question[]): Question[] | undefined {
  return useLiveQuery(async () => mergePool(bank, await questionRows()), [bank]);
}

/** Where a pool entry comes from: the bank as shipped, a bank item the learner edited, or their own. */
export type EntrySource = 'bank' | 'edited' | 'own';

/** One question as the "My questions" list shows it, deleted ones included (so they can come back). */
export interface PoolEntry {
  question: Question;
  source: EntrySource;
  deleted: boolean;
  /** The stored row, if any (null for an untouched bank item). */
  row: QuestionRow | null;
}

/** Every question the learner has or had: bank order first, then their own by creation time. */
export function poolEntries(bank: readonly Question[], rows: readonly QuestionRow[]): PoolEntry[] {
  const byId = new Map(rows.map((r) => [r.id, r]));
  const bankIds = new Set(bank.map((q) => q.id));
  const fromBank = bank.map((q): PoolEntry => {
    const row = byId.get(q.id) ?? null;
    if (!row) return { question: q, source: 'bank', deleted: false, row: null };
    const edited = !sameJson(row.question, q);
    return {
      question: row.question,
      source: edited ? 'edited' : 'bank',
      deleted: row.deleted,
      row,
    };
  });
  const own = rows
    .filter((r) => !bankIds.has(r.id))
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id))
    .map((r): PoolEntry => ({ question: r.question, source: 'own', deleted: r.deleted, row: r }));
  return [...fromBank, ...own];
}

/** Structural equality of two JSON values, independent of key order. */
export function sameJson(a: unknown, b: unknown): boolean {
  if (a === b) return true;
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    return a.length === b.length && a.every((x, i) => sameJson(x, b[i]));
  }
  const ka = Object.keys(a).filter((k) => (a as Record<string, unknown>)[k] !== undefined);
  const kb = Object.keys(b).filter((k) => (b as Record<string, unknown>)[k] !== undefined);
  return (
    ka.length === kb.length &&
    ka.every((k) => sameJson((a as Record<string, unknown>)[k], (b as Record<string, unknown>)[k]))
  );
}

export { issueText };

export type QuestionCheck = { ok: true; question: Question } | { ok: false; problems: string[] };

/**
 * Validates a question as it would be stored: the schema, then the rule checks, then any extra
 * checks the caller adds (for example that the passage occurs in the source note).
 */
export function checkQuestion(
  input: unknown,
  extra?: (q: Question) => readonly string[],
): QuestionCheck {
  const parsed = Question.safeParse(input);
  if (!parsed.success) return { ok: false, problems: parsed.error.issues.map(issueText) };
  const problems = [...questionProblems(parsed.data), ...(extra?.(parsed.data) ?? [])];
  return problems.length ? { ok: false, problems } : { ok: true, question: parsed.data };
}

/** Thrown when a write is refused; `problems` are sentences to show the learner. */
export class QuestionRejected extends Error {
  constructor(
    readonly questionId: string,
    readonly problems: readonly string[],
  ) {
    super(`Question ${questionId} was not saved: ${problems.join('; ')}.`);
    this.name = 'QuestionRejected';
  }
}

function mustCheck(input: Question, extra?: (q: Question) => readonly string[]): Question {
  const checked = checkQuestion(input, extra);
  if (!checked.ok) throw new QuestionRejected(input.id, checked.problems);
  return checked.question;
}

/** A generated (or otherwise new) item to store, with its blind-check result if there was one. */
export interface NewQuestion {
  question: Question;
  blindCheck: BlindCheck | null;
}

/**
 * Stores new questions in one transaction, after validating each again. All or nothing: one
 * invalid item, or an id already in the table or the bank, refuses the whole batch.
 */
export async function addQuestions(
  items: readonly NewQuestion[],
  bankIds: ReadonlySet<string>,
  extra?: (q: Question) => readonly string[],
): Promise<QuestionRow[]> {
  const now = new Date().toISOString();
  const rows = items.map(({ question, blindCheck }) =>
    QuestionRow.parse({
      id: question.id,
      question: mustCheck(question, extra),
      deleted: false,
      createdAt: now,
      updatedAt: now,
      blindCheck,
    }),
  );
  const ids = rows.map((r) => r.id);
  const repeated = ids.find((id, i) => ids.indexOf(id) !== i);
  if (repeated) throw new QuestionRejected(repeated, ['the batch holds this id twice']);
  const db = getDb();
  await db.transaction('rw', db.questions, async () => {
    for (const row of rows) {
      if (bankIds.has(row.id) || (await db.questions.get(row.id))) {
        throw new QuestionRejected(row.id, ['a question with this id already exists']);
      }
    }
    await db.questions.bulkAdd(rows);
  });
  return rows;
}

/** What a row looked like before a change (null: there was no row), to put back on Undo. */
export interface Previous {
  id: string;
  row: QuestionRow | null;
}

/**
 * Saves an edited question. Editing a bank item creates an override row with the same id; an own
 * row keeps its creation time. The blind check no longer applies to the edited wording, so it is
 * cleared. Returns the previous state for Undo.
 */
export async function saveEdit(
  question: Question,
  bank: ReadonlyMap<string, Question>,
  extra?: (q: Question) => readonly string[],
): Promise<Previous> {
  const checked = mustCheck(question, extra);
  const db = getDb();
  return db.transaction('rw', db.questions, async () => {
    const before = await db.questions.get(checked.id);
    const original = before?.question ?? bank.get(checked.id);
    if (!original) throw new QuestionRejected(checked.id, ['there is no such question to edit']);
    if (original.type !== checked.type) {
      throw new QuestionRejected(checked.id, ['an edit cannot change the question type']);
    }
    const now = new Date().toISOString();
    await db.questions.put(
      QuestionRow.parse({
        id: checked.id,
        question: checked,
        deleted: before?.deleted ?? false,
        createdAt: before?.createdAt ?? now,
        updatedAt: now,
        blindCheck: before && sameJson(before.question, checked) ? before.blindCheck : null,
      }),
    );
    return { id: checked.id, row: before ?? null };
  });
}

/**
 * Hides a question. An own row is flagged deleted; a bank item gets a deleted override row. The
 * row is kept, so Undo (or Restore later) brings it back exactly.
 */
export async function deleteQuestion(
  id: string,
  bank: ReadonlyMap<string, Question>,
): Promise<Previous> {
  const db = getDb();
  return db.transaction('rw', db.questions, async () => {
    const before = await db.questions.get(id);
    const question = before?.question ?? bank.get(id);
    if (!question) throw new QuestionRejected(id, ['there is no such question to delete']);
    const now = new Date().toISOString();
    await db.questions.put(
      before
        ? { ...before, deleted: true, updatedAt: now }
        : { id, question, deleted: true, createdAt: now, updatedAt: now, blindCheck: null },
    );
    return { id, row: before ?? null };
  });
}

/** Undo: puts a row back exactly as it was (or removes the row that did not exist before). */
export async function putBack(previous: Previous): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.questions, async () => {
    if (previous.row) await db.questions.put(QuestionRow.parse(previous.row));
    else await db.questions.delete(previous.id);
  });
}

/**
 * Brings a deleted question back. A bank item whose override is identical to the bank loses the
 * override row altogether (it is the bank item again).
 */
export async function restoreQuestion(
  id: string,
  bank: ReadonlyMap<string, Question>,
): Promise<Previous> {
  const db = getDb();
  return db.transaction('rw', db.questions, async () => {
    const before = await db.questions.get(id);
    if (!before) return { id, row: null };
    const original = bank.get(id);
    if (original && sameJson(original, before.question)) await db.questions.delete(id);
    else await db.questions.put({ ...before, deleted: false, updatedAt: new Date().toISOString() });
    return { id, row: before };
  });
}

/** Drops the learner's edits of a bank item: the bundled version shows again. */
export async function revertToBank(id: string): Promise<Previous> {
  const db = getDb();
  return db.transaction('rw', db.questions, async () => {
    const before = await db.questions.get(id);
    await db.questions.delete(id);
    return { id, row: before ?? null };
  });
}

// Reports

export type ReportReason = QuestionReport['reason'];

export const REPORT_REASONS: Record<ReportReason, string> = {
  'wrong-answer': 'The marked answer is wrong',
  unclear: 'The question or an option is unclear',
  'out-of-scope': 'Not part of the exam',
  outdated: 'Out of date',
  other: 'Something else',
};

export async function reportQuestion(
  questionId: string,
  reason: ReportReason,
  comment: string,
): Promise<QuestionReport> {
  const report = QuestionReport.parse({
    id: crypto.randomUUID(),
    questionId,
    at: new Date().toISOString(),
    reason,
    comment: comment.trim(),
    resolved: false,
  });
  await getDb().reports.add(report);
  return report;
}

/** Every report, newest first; a row that does not validate is skipped, not deleted. */
export async function allReports(): Promise<QuestionReport[]> {
  const rows = await getDb().reports.orderBy('at').reverse().toArray();
  return rows.flatMap((row) => {
    const parsed = QuestionReport.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

export async function setReportResolved(id: string, resolved: boolean): Promise<void> {
  await getDb().reports.update(id, { resolved });
}

/** Removes a report; returns it so the caller can offer Undo. */
export async function deleteReport(id: string): Promise<QuestionReport | null> {
  const db = getDb();
  return db.transaction('rw', db.reports, async () => {
    const before = await db.reports.get(id);
    await db.reports.delete(id);
    return before ?? null;
  });
}

export async function putBackReport(report: QuestionReport): Promise<void> {
  await getDb().reports.put(QuestionReport.parse(report));
}
