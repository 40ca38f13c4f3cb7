/**
 * Generated questions waiting for review, kept in IndexedDB (`pendingQuestions`) so that a reload
 * or restart does not lose them. Rows are validated on the way in (an invalid row is never
 * written) and on the way out (a bad row is skipped and counted, never deleted). Accepting moves
 * items to `questions` and out of `pendingQuestions` in one transaction: both or neither.
 */
import type { Question } from '../../../shared/questions';
import { getDb } from './db';
import { keyText } from './issue-text';
import { PendingQuestionRow, type QuestionRow } from './schema';
import { addQuestions, issueText, type NewQuestion } from './questions';

/** A stored row that could not be read, by its key (it stays in the database). */
export interface SkippedRow {
  id: string;
  problem: string;
}

export interface PendingLoad {
  /** Valid rows in list order (by position). */
  rows: PendingQuestionRow[];
  skipped: SkippedRow[];
}

/**
 * Every stored item in list order, read in one transaction. Rows that fail the schema, and rows
 * the position index leaves out (no usable position), are reported in `skipped` and left alone.
 */
export async function loadPendingRows(): Promise<PendingLoad> {
  const db = getDb();
  return db.transaction('r', db.pendingQuestions, async () => {
    const ordered = await db.pendingQuestions.orderBy('position').toArray();
    const allKeys = await db.pendingQuestions.toCollection().primaryKeys();
    const rows: PendingQuestionRow[] = [];
    const skipped: SkippedRow[] = [];
    const seen = new Set<unknown>();
    for (const raw of ordered) {
      const key = (raw as { id?: unknown }).id;
      seen.add(key);
      const parsed = PendingQuestionRow.safeParse(raw);
      if (parsed.success) {
        rows.push(parsed.data);
      } else {
        const problem = parsed.error.issues.map(issueText).join('; ');
        skipped.push({ id: keyText(key), problem });
      }
    }
    const unindexed = allKeys.filter((key) => !seen.has(key));
    for (const key of unindexed) {
      skipped.push({ id: keyText(key), problem: 'position: missing or not a number' });
    }
    return { rows, skipped };
  });
}

/** Stores (or replaces) one item; an invalid row is refused (an Error saying why), never written. */
export async function putPendingRow(row: PendingQuestionRow): Promise<void> {
  const parsed = PendingQuestionRow.safeParse(row);
  if (!parsed.success) {
    throw new Error(`the item is not valid: ${parsed.error.issues.map(issueText).join('; ')}`);
  }
  await getDb().pendingQuestions.put(parsed.data);
}

/** Removes one item (nothing happens if it is not stored). */
export async function deletePendingRow(id: string): Promise<void> {
  await getDb().pendingQuestions.delete(id);
}

/**
 * Accepts items: stores them in `questions` through `addQuestions` (validated again, all or
 * nothing, QuestionRejected on a problem) and removes them from `pendingQuestions`, in ONE
 * transaction over both tables, so a failure anywhere leaves both tables as they were.
 */
export async function acceptPendingRows(
  items: readonly NewQuestion[],
  bankIds: ReadonlySet<string>,
  extra?: (q: Question) => readonly string[],
): Promise<QuestionRow[]> {
  const db = getDb();
  return db.transaction('rw', [db.questions, db.pendingQuestions], async () => {
    // addQuestions opens its own transaction on `questions`; inside this one it joins it.
    const rows = await addQuestions(items, bankIds, extra);
    await db.pendingQuestions.bulkDelete(rows.map((r) => r.id));
    return rows;
  });
}
