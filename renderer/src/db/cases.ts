/**
 * The learner's own case-study sets: a scenario row in `cases` (CaseRow) and its questions, which
 * are ordinary learner question rows (./questions.ts) whose `caseId` names the case. Rows are read
 * with zod: a damaged row is skipped and reported (never deleted). Writes that touch a case and its
 * questions run in one transaction; deletion is a flag on the case and on every question of it,
 * and hands back what was there before, so Undo puts both back exactly.
 */
import type { Question } from '../../../shared/questions';
import { getDb } from './db';
import { issueText, keyText } from './issue-text';
import { QuestionRejected, checkQuestion, type NewQuestion } from './questions';
import { CaseRow, QuestionRow } from './schema';

/** A stored case row that could not be read, by its key (it stays in the database). */
export interface SkippedCase {
  id: string;
  problem: string;
}

export interface CaseLoad {
  /** Valid rows, oldest first, deleted ones included (they can come back). */
  rows: CaseRow[];
  skipped: SkippedCase[];
}

/** Every stored case, validated; a row that fails the schema is skipped and named in `skipped`. */
export async function loadCases(): Promise<CaseLoad> {
  const raw: unknown[] = await getDb().cases.toArray();
  const rows: CaseRow[] = [];
  const skipped: SkippedCase[] = [];
  for (const row of raw) {
    const parsed = CaseRow.safeParse(row);
    if (parsed.success) rows.push(parsed.data);
    else {
      skipped.push({
        id: keyText((row as { id?: unknown } | null)?.id),
        problem: parsed.error.issues.map(issueText).join('; '),
      });
    }
  }
  rows.sort((a, b) => a.createdAt.localeCompare(b.createdAt) || a.id.localeCompare(b.id));
  return { rows, skipped };
}

/** The scenario of a new case set, before it is stored. */
export interface NewCase {
  id: string;
  title: string;
  scenario: string;
}

/**
 * Stores a new case and its questions in one transaction, after validating each again: all or
 * nothing. Every question must name the case in `caseId`; `extra` adds the caller's checks (the
 * passage check against the notes). A case needs 2 to 4 questions, like the bank's.
 */
export async function addCaseSet(
  input: NewCase,
  items: readonly NewQuestion[],
  bankIds: ReadonlySet<string>,
  extra?: (q: Question) => readonly string[],
): Promise<{ row: CaseRow; questions: QuestionRow[] }> {
  const now = new Date().toISOString();
  const parsedCase = CaseRow.safeParse({
    ...input,
    deleted: false,
    createdAt: now,
    updatedAt: now,
  });
  if (!parsedCase.success) {
    throw new QuestionRejected(input.id, parsedCase.error.issues.map(issueText));
  }
  if (items.length < 2 || items.length > 4) {
    throw new QuestionRejected(input.id, [
      `a case study needs 2 to 4 questions; this one has ${items.length}`,
    ]);
  }
  // Each question a millisecond after the one before, so lists (oldest first) keep the set's order.
  const at = (i: number) => new Date(Date.parse(now) + i).toISOString();
  const rows = items.map(({ question, blindCheck }, i) => {
    const checked = checkQuestion(question, (q) => [
      ...(q.caseId === input.id ? [] : [`caseId must be "${input.id}", the case it is saved with`]),
      ...(extra?.(q) ?? []),
    ]);
    if (!checked.ok) throw new QuestionRejected(question.id, checked.problems);
    return QuestionRow.parse({
      id: checked.question.id,
      question: checked.question,
      deleted: false,
      createdAt: at(i),
      updatedAt: at(i),
      blindCheck,
    });
  });
  const db = getDb();
  await db.transaction('rw', db.cases, db.questions, async () => {
    if (await db.cases.get(input.id)) {
      throw new QuestionRejected(input.id, ['a case study with this id already exists']);
    }
    for (const row of rows) {
      if (bankIds.has(row.id) || (await db.questions.get(row.id))) {
        throw new QuestionRejected(row.id, ['a question with this id already exists']);
      }
    }
    await db.cases.add(parsedCase.data);
    await db.questions.bulkAdd(rows);
  });
  return { row: parsedCase.data, questions: rows };
}

/** What a case and its questions looked like before a change, to put back on Undo. */
export interface PreviousCase {
  row: CaseRow;
  questions: QuestionRow[];
}

/** The stored question rows of a case (validated; a damaged one is left alone). */
async function questionsOf(caseId: string): Promise<QuestionRow[]> {
  const all: unknown[] = await getDb().questions.toArray();
  return all.flatMap((raw) => {
    const parsed = QuestionRow.safeParse(raw);
    return parsed.success && parsed.data.question.caseId === caseId ? [parsed.data] : [];
  });
}

async function mustGet(id: string): Promise<CaseRow> {
  const parsed = CaseRow.safeParse(await getDb().cases.get(id));
  if (!parsed.success) throw new QuestionRejected(id, ['there is no such case study']);
  return parsed.data;
}

/** Changes a case's title and scenario (validated: 5-120 and 200-2,500 characters). */
export async function saveScenario(
  id: string,
  patch: { title: string; scenario: string },
): Promise<PreviousCase> {
  const db = getDb();
  return db.transaction('rw', db.cases, async () => {
    const before = await mustGet(id);
    const next = CaseRow.safeParse({ ...before, ...patch, updatedAt: new Date().toISOString() });
    if (!next.success) throw new QuestionRejected(id, next.error.issues.map(issueText));
    await db.cases.put(next.data);
    return { row: before, questions: [] };
  });
}

/** Sets the deleted flag on a case and every question of it, in one transaction. */
async function setCaseDeleted(id: string, deleted: boolean): Promise<PreviousCase> {
  const db = getDb();
  return db.transaction('rw', db.cases, db.questions, async () => {
    const before = await mustGet(id);
    const questions = await questionsOf(id);
    const now = new Date().toISOString();
    await db.cases.put({ ...before, deleted, updatedAt: now });
    await db.questions.bulkPut(questions.map((q) => ({ ...q, deleted, updatedAt: now })));
    return { row: before, questions };
  });
}

/** Flags a case and every question of it deleted, in one transaction; returns them for Undo. */
export function deleteCase(id: string): Promise<PreviousCase> {
  return setCaseDeleted(id, true);
}

/** Brings a deleted case back, and every question of it. */
export function restoreCase(id: string): Promise<PreviousCase> {
  return setCaseDeleted(id, false);
}

/** Undo: puts a case and its questions back exactly as they were. */
export async function putBackCase(previous: PreviousCase): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.cases, db.questions, async () => {
    await db.cases.put(CaseRow.parse(previous.row));
    if (previous.questions.length > 0)
      await db.questions.bulkPut(previous.questions.map((q) => QuestionRow.parse(q)));
  });
}
