/**
 * Spaced-review storage: FSRS cards (one per question, keyed by question id, indexed by `due`)
 * and the review attempts that go with them. An answer writes the card and its attempt in one
 * transaction, and undo restores the previous card and deletes the attempt in one transaction.
 * Rows are validated on the way out: a bad row is skipped, not deleted.
 */
import { Attempt, getDb, ReviewCard } from './db';
import {
  countNewToday,
  dueQueue,
  schedule,
  startOfLocalDay,
  type Grade,
  type QueueItem,
} from '../lib/review';

function valid(rows: readonly unknown[]): ReviewCard[] {
  return rows.flatMap((row) => {
    const parsed = ReviewCard.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Every card (for the forecast and statistics). */
export async function allCards(): Promise<ReviewCard[]> {
  return valid(await getDb().reviewCards.toArray());
}

/** How many questions have a card (have been answered in review at least once). */
export async function countCards(): Promise<number> {
  return getDb().reviewCards.count();
}

/** The stored card of one question, or null when it has none (or the row is invalid). */
export async function getCard(questionId: string): Promise<ReviewCard | null> {
  const parsed = ReviewCard.safeParse(await getDb().reviewCards.get(questionId));
  return parsed.success ? parsed.data : null;
}

/**
 * New questions introduced today: today's review attempts come from the `at` index (not a scan
 * of every attempt), and their cards by key.
 */
export async function newIntroducedToday(now: Date): Promise<number> {
  const db = getDb();
  // One range read, filtered here: a Dexie filter() would walk a cursor row by row (much slower).
  const today = (
    await db.attempts
      .where('at')
      .between(startOfLocalDay(now).toISOString(), now.toISOString(), true, true)
      .toArray()
  ).filter((a: Attempt) => a.mode === 'review');
  if (today.length === 0) return 0;
  const ids = [...new Set(today.map((a) => a.questionId))];
  const cards = valid((await db.reviewCards.bulkGet(ids)).filter((c) => c !== undefined));
  return countNewToday(today, new Map(cards.map((c) => [c.questionId, c])));
}

/**
 * The due queue for `poolIds` (in the order new questions should come): due cards through the
 * `due` index, today's new count through the `at` index, and the card keys (to tell which
 * questions are new).
 */
export async function readDueQueue(
  poolIds: readonly string[],
  now: Date,
  newLimit: number,
): Promise<QueueItem[]> {
  const db = getDb();
  // One read-only transaction with every read issued at once: IndexedDB pipelines them, so the
  // query costs about its slowest read rather than the sum.
  const [dueRows, newToday, keys] = await db.transaction('r', db.reviewCards, db.attempts, () =>
    Promise.all([
      db.reviewCards.where('due').belowOrEqual(now.toISOString()).toArray(),
      newIntroducedToday(now),
      newLimit > 0 ? db.reviewCards.toCollection().primaryKeys() : Promise.resolve([]),
    ]),
  );
  return dueQueue({
    dueCards: valid(dueRows),
    poolIds,
    cardIds: new Set(keys),
    newToday,
    newLimit,
    now,
  });
}

/** The earliest due date after `now` among cards of `poolIds`, or null when none is scheduled. */
export async function nextDueAfter(
  now: Date,
  poolIds: ReadonlySet<string>,
): Promise<string | null> {
  const first = await getDb()
    .reviewCards.where('due')
    .above(now.toISOString())
    .filter((c: ReviewCard) => poolIds.has(c.questionId))
    .first();
  return first?.due ?? null;
}

/** What one rating wrote, enough to undo it. */
export interface ReviewAnswer {
  questionId: string;
  attemptId: string;
  /** The card before this answer (null: the question was new). */
  previous: ReviewCard | null;
  card: ReviewCard;
}

/** Rates an answer: the new card and a review attempt (with the rating), in one transaction. */
export async function answerReview(input: {
  questionId: string;
  correct: boolean;
  rating: Grade;
  now: Date;
}): Promise<ReviewAnswer> {
  const db = getDb();
  return db.transaction('rw', db.reviewCards, db.attempts, async () => {
    const previous = ReviewCard.safeParse(await db.reviewCards.get(input.questionId));
    const before = previous.success ? previous.data : null;
    const card = ReviewCard.parse(schedule(input.questionId, before, input.rating, input.now));
    const attempt = Attempt.parse({
      id: crypto.randomUUID(),
      questionId: input.questionId,
      at: input.now.toISOString(),
      correct: input.correct,
      mode: 'review',
      rating: input.rating,
    } satisfies Attempt);
    await db.reviewCards.put(card);
    await db.attempts.put(attempt);
    return { questionId: input.questionId, attemptId: attempt.id, previous: before, card };
  });
}

/** Undoes one rating: the card goes back to exactly what it was and the attempt is deleted. */
export async function undoReview(answer: ReviewAnswer): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.reviewCards, db.attempts, async () => {
    if (answer.previous) await db.reviewCards.put(answer.previous);
    else await db.reviewCards.delete(answer.questionId);
    await db.attempts.delete(answer.attemptId);
  });
}
