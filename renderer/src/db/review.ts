/**
 * Spaced-review storage: FSRS cards (one per question, keyed by question id, indexed by `due`)
 * and the review attempts that go with them. An answer writes the card and its attempt in one
 * transaction, and undo restores the previous card and deletes the attempt in one transaction.
 * Rows are validated on the way out: a bad row is skipped, not deleted.
 */
import Dexie, { RangeSet, type ObservabilitySet } from 'dexie';
import { getDb, type StratumDb } from './db';
import { Attempt, ReviewCard, type SessionRow, type StoredResponse } from './schema';
import { checkedSessionRow } from './sessions';
import {
  countNewToday,
  dueQueue,
  Rating,
  schedule,
  startOfLocalDay,
  suggestedRating,
  State,
  type Grade,
  type QueueItem,
} from '../lib/review';

const REVIEW_STATE: number = State.Review;

function valid(rows: readonly unknown[]): ReviewCard[] {
  return rows.flatMap((row) => {
    const parsed = ReviewCard.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
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
  return countIntroduced(await todaysReviewAnswers(now));
}

async function todaysReviewAnswers(now: Date): Promise<Attempt[]> {
  return getDb()
    .attempts.where('[mode+at]')
    .between(
      ['review', startOfLocalDay(now).toISOString()],
      ['review', now.toISOString()],
      true,
      true,
    )
    .toArray();
}

async function countIntroduced(today: readonly Attempt[]): Promise<number> {
  if (today.length === 0) return 0;
  if (today.every((a: Attempt) => a.newCard !== undefined)) {
    return new Set(today.filter((a: Attempt) => a.newCard).map((a: Attempt) => a.questionId)).size;
  }
  const ids = [...new Set(today.map((a: Attempt) => a.questionId))];
  const cards = valid((await getDb().reviewCards.bulkGet(ids)).filter((c) => c !== undefined));
  return countNewToday(today, new Map(cards.map((c) => [c.questionId, c])));
}

/**
 * Every card, kept in memory once read. Reading the cards from IndexedDB costs about 20 ms per
 * thousand rows in headless Chromium here, and the due queue is recomputed after every rating, so
 * the queue, the forecast and the statistics read this copy instead. It stays true to the
 * database through Dexie's `storagemutated` event, which fires for every committed write, in this
 * window and in other windows of the same origin: a written key is marked dirty and read again
 * before the next use, and a write that covers a range (a clear, a large bulk write, a new
 * database) drops the copy. This module's own writes also update it as soon as they commit, so
 * the next queue never waits for the event.
 */
interface CardCache {
  db: StratumDb;
  cards: Map<string, ReviewCard>;
  /** Keys written since they were read; read again before the next use. */
  dirty: Set<string>;
  loaded: Promise<void>;
}
let cache: CardCache | null = null;

function onStorageMutated(parts: ObservabilitySet) {
  if (!cache) return;
  const tree = parts[`idb://${cache.db.name}/reviewCards/`];
  if (!tree) return;
  for (const node of RangeSet(tree)) {
    if (typeof node.from === 'string' && node.from === node.to) cache.dirty.add(node.from);
    else {
      // A range of keys (or keys of an unexpected type): start again from the database.
      cache = null;
      return;
    }
  }
}
let subscribed = false;

/** The in-memory cards of the current database, read (or brought up to date) first. */
async function cachedCards(): Promise<Map<string, ReviewCard>> {
  const db = getDb();
  if (!subscribed) {
    Dexie.on('storagemutated', onStorageMutated);
    subscribed = true;
  }
  if (cache?.db !== db) {
    const fresh: CardCache = { db, cards: new Map(), dirty: new Set(), loaded: Promise.resolve() };
    fresh.loaded = db.reviewCards.toArray().then((rows) => {
      for (const card of valid(rows)) fresh.cards.set(card.questionId, card);
    });
    cache = fresh;
    fresh.loaded.catch(() => {
      if (cache === fresh) cache = null;
    });
  }
  const current = cache;
  await current.loaded;
  if (current.dirty.size > 0) {
    const keys = [...current.dirty];
    current.dirty.clear();
    const rows = await db.reviewCards.bulkGet(keys);
    keys.forEach((key, i) => {
      const parsed = ReviewCard.safeParse(rows[i]);
      if (parsed.success) current.cards.set(key, parsed.data);
      else current.cards.delete(key);
    });
  }
  return current.cards;
}

/**
 * Starts reading the cards into memory, so that the first due queue of a session does not wait
 * for it (called once the app is idle after start). Errors surface at the next real use.
 */
export function warmReviewCards(): void {
  cachedCards().catch(() => undefined);
}

/** Drops the in-memory cards, so the next use reads them again (after a backup import). */
export function forgetCachedCards(): void {
  cache = null;
}

/** Every card (for the forecast and statistics). */
export async function allCards(): Promise<ReviewCard[]> {
  return [...(await cachedCards()).values()];
}

/** Daily limits for the due queue (StudyPrefs' fields). */
export interface QueueLimits {
  newPerDay: number;
  maxReviewsPerDay: number;
}

/**
 * The due queue for `poolIds` (in the order new questions should come): due cards and which
 * questions have a card from the in-memory cards, today's new and review counts through the
 * `[mode+at]` index.
 */
export async function readDueQueue(
  poolIds: readonly string[],
  now: Date,
  limits: QueueLimits,
): Promise<QueueItem[]> {
  const [cards, today] = await Promise.all([cachedCards(), todaysReviewCounts(now)]);
  const nowIso = now.toISOString();
  const dueCards: ReviewCard[] = [];
  for (const card of cards.values()) if (card.due <= nowIso) dueCards.push(card);
  return dueQueue({
    dueCards,
    poolIds,
    cardIds: cards,
    newToday: today.newToday,
    newLimit: limits.newPerDay,
    reviewsToday: today.reviewsToday,
    reviewLimit: limits.maxReviewsPerDay,
    now,
  });
}

/**
 * Today's review answers: new questions introduced (see newIntroducedToday) and answers to cards
 * that were in the Review state (what Anki's "maximum reviews per day" counts).
 */
async function todaysReviewCounts(now: Date): Promise<{ newToday: number; reviewsToday: number }> {
  const today = await todaysReviewAnswers(now);
  const reviewsToday = today.filter((a) => a.cardState === REVIEW_STATE).length;
  return { newToday: await countIntroduced(today), reviewsToday };
}

/** The earliest due date after `now` among cards of `poolIds`, or null when none is scheduled. */
export async function nextDueAfter(
  now: Date,
  poolIds: ReadonlySet<string>,
): Promise<string | null> {
  const nowIso = now.toISOString();
  let first: string | null = null;
  for (const card of (await cachedCards()).values()) {
    if (card.due > nowIso && poolIds.has(card.questionId) && (first === null || card.due < first))
      first = card.due;
  }
  return first;
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
  /** Requested retention (StudyPrefs.targetRetention); 0.9 when not given. */
  retention?: number;
  /** What was answered, kept with the attempt for the question's history. */
  response?: StoredResponse;
}): Promise<ReviewAnswer> {
  const db = getDb();
  const answer = await db.transaction('rw', db.reviewCards, db.attempts, async () => {
    const previous = ReviewCard.safeParse(await db.reviewCards.get(input.questionId));
    const before = previous.success ? previous.data : null;
    const card = ReviewCard.parse(
      schedule(input.questionId, before, input.rating, input.now, input.retention),
    );
    const attempt = Attempt.parse({
      id: crypto.randomUUID(),
      questionId: input.questionId,
      at: input.now.toISOString(),
      correct: input.correct,
      mode: 'review',
      rating: input.rating,
      newCard: before === null,
      cardState: before?.state ?? 0,
      ...(input.response ? { response: input.response } : {}),
    } satisfies Attempt);
    await db.reviewCards.put(card);
    await db.attempts.put(attempt);
    return { questionId: input.questionId, attemptId: attempt.id, previous: before, card };
  });
  // Committed: keep the in-memory cards in step.
  if (cache?.db === db) cache.cards.set(answer.questionId, answer.card);
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
  if (cache?.db === db) {
    if (answer.previous) cache.cards.set(answer.questionId, answer.previous);
    else cache.cards.delete(answer.questionId);
  }
}

/**
 * Records a quick-practice answer. A question answered for the first time anywhere (it has no
 * card) joins spaced review here, rated as review would suggest: Good when right, Again when wrong
 * (so a wrong first answer comes back in review within minutes). A question that already has a
 * card keeps its schedule: practice never moves a review forward or back. One transaction.
 */
export async function recordPracticeAnswer(input: {
  questionId: string;
  correct: boolean;
  now: Date;
  retention?: number;
  response?: StoredResponse;
  /**
   * The practice session as it stands with this answer checked, stored in the same transaction:
   * a reload or a crash keeps the answer and the checked session together, or neither.
   */
  session?: SessionRow;
}): Promise<{ attempt: Attempt; introduced: boolean }> {
  const db = getDb();
  const session = input.session ? checkedSessionRow(input.session) : null;
  const out = await db.transaction('rw', [db.reviewCards, db.attempts, db.sessions], async () => {
    const existing = ReviewCard.safeParse(await db.reviewCards.get(input.questionId));
    const introduced = !existing.success;
    const card = introduced
      ? ReviewCard.parse(
          schedule(
            input.questionId,
            null,
            suggestedRating(input.correct),
            input.now,
            input.retention,
          ),
        )
      : null;
    const attempt = Attempt.parse({
      id: crypto.randomUUID(),
      questionId: input.questionId,
      at: input.now.toISOString(),
      correct: input.correct,
      mode: 'practice',
      newCard: introduced,
      ...(input.response ? { response: input.response } : {}),
    } satisfies Attempt);
    if (card) await db.reviewCards.put(card);
    await db.attempts.put(attempt);
    if (session) await db.sessions.put(session);
    return { attempt, introduced, card };
  });
  if (out.card && cache?.db === db) cache.cards.set(input.questionId, out.card);
  return { attempt: out.attempt, introduced: out.introduced };
}

/** What `queueForReview` changed: each question's card before (null: it had none). */
export type QueuedForReview = { questionId: string; previous: ReviewCard | null }[];

/**
 * "Review them later" (a mock exam's misses): each question joins spaced review, due now. One
 * with no card is introduced as a wrong answer is (rated Again: learning, due in a minute); one whose card is due later is brought forward to now (its memory
 * state kept); one already due is left alone. Returns what changed, for Undo.
 */
export async function queueForReview(
  questionIds: readonly string[],
  now: Date,
): Promise<QueuedForReview> {
  const db = getDb();
  const nowIso = now.toISOString();
  const { changed, written } = await db.transaction('rw', db.reviewCards, async () => {
    const rows = await db.reviewCards.bulkGet([...questionIds]);
    const changed: QueuedForReview = [];
    const written: ReviewCard[] = [];
    questionIds.forEach((questionId, i) => {
      const parsed = ReviewCard.safeParse(rows[i]);
      const previous = parsed.success ? parsed.data : null;
      if (previous && previous.due <= nowIso) return;
      const card = previous
        ? { ...previous, due: nowIso }
        : ReviewCard.parse(schedule(questionId, null, Rating.Again, now));
      changed.push({ questionId, previous });
      written.push(card);
    });
    await db.reviewCards.bulkPut(written);
    return { changed, written };
  });
  if (cache?.db === db) for (const card of written) cache.cards.set(card.questionId, card);
  return changed;
}

/** Undoes `queueForReview`: every card goes back to what it was (or away, if it was new). */
export async function undoQueueForReview(changed: QueuedForReview): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.reviewCards, async () => {
    for (const c of changed) {
      if (c.previous) await db.reviewCards.put(c.previous);
      else await db.reviewCards.delete(c.questionId);
    }
  });
  if (cache?.db === db)
    for (const c of changed) {
      if (c.previous) cache.cards.set(c.questionId, c.previous);
      else cache.cards.delete(c.questionId);
    }
}
