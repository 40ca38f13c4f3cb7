/**
 * Spaced-review storage: FSRS cards (one per question, keyed by question id, indexed by `due`)
 * and the review attempts that go with them. An answer writes the card and its attempt in one
 * transaction, and undo restores the previous card and deletes the attempt in one transaction.
 * Rows are validated on the way out: a bad row is skipped, not deleted.
 */
import { Attempt, getDb, ReviewCard, type StratumDb } from './db';
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
 * New questions introduced today. Today's review answers come from the `[mode+at]` index (one
 * range read of review answers only); answers written since v7 say whether they introduced their
 * question (`newCard`). Should any of today's answers predate that field, their cards are read
 * and counted the old way (a card with no more repetitions than today's answers is new today).
 */
export async function newIntroducedToday(now: Date): Promise<number> {
  const db = getDb();
  const today = await db.attempts
    .where('[mode+at]')
    .between(
      ['review', startOfLocalDay(now).toISOString()],
      ['review', now.toISOString()],
      true,
      true,
    )
    .toArray();
  if (today.length === 0) return 0;
  if (today.every((a: Attempt) => a.newCard !== undefined)) {
    return new Set(today.filter((a: Attempt) => a.newCard).map((a: Attempt) => a.questionId)).size;
  }
  const ids = [...new Set(today.map((a: Attempt) => a.questionId))];
  const cards = valid((await db.reviewCards.bulkGet(ids)).filter((c) => c !== undefined));
  return countNewToday(today, new Map(cards.map((c) => [c.questionId, c])));
}

/**
 * Which questions have a card, kept in memory: reading every card key is one IndexedDB request
 * whose cost grows with the cards (about 30 ms for 10,000 in headless Chromium here), and the
 * queue is recomputed after every rating. Loaded once per database, then kept in step by this
 * module's own writes (answerReview, undoReview). Any other code that writes reviewCards (the
 * backup import) must call `forgetCardKeys` after its transaction commits.
 */
let cardKeys: { db: StratumDb; keys: Set<string> } | null = null;

async function loadCardKeys(db: StratumDb): Promise<Set<string>> {
  if (cardKeys?.db === db) return cardKeys.keys;
  const keys = new Set(await db.reviewCards.toCollection().primaryKeys());
  cardKeys = { db, keys };
  return keys;
}

/** Drops the in-memory card keys, so the next due queue reads them again. */
export function forgetCardKeys(): void {
  cardKeys = null;
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
  // One read-only transaction with its reads issued together.
  const [dueRows, newToday, keys] = await db.transaction('r', db.reviewCards, db.attempts, () =>
    Promise.all([
      db.reviewCards.where('due').belowOrEqual(now.toISOString()).toArray(),
      newIntroducedToday(now),
      loadCardKeys(db),
    ]),
  );
  return dueQueue({
    dueCards: valid(dueRows),
    poolIds,
    cardIds: keys,
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
  const answer = await db.transaction('rw', db.reviewCards, db.attempts, async () => {
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
      newCard: before === null,
    } satisfies Attempt);
    await db.reviewCards.put(card);
    await db.attempts.put(attempt);
    return { questionId: input.questionId, attemptId: attempt.id, previous: before, card };
  });
  // Committed: keep the in-memory card keys in step.
  if (cardKeys?.db === db) cardKeys.keys.add(answer.questionId);
  return answer;
}

/** Undoes one rating: the card goes back to exactly what it was and the attempt is deleted. */
export async function undoReview(answer: ReviewAnswer): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.reviewCards, db.attempts, async () => {
    if (answer.previous) await db.reviewCards.put(answer.previous);
    else await db.reviewCards.delete(answer.questionId);
    await db.attempts.delete(answer.attemptId);
  });
  if (!answer.previous && cardKeys?.db === db) cardKeys.keys.delete(answer.questionId);
}
