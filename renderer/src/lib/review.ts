/**
 * Spaced review with FSRS (ts-fsrs), as pure functions: converting between ts-fsrs cards and the
 * stored ReviewCard rows, scheduling an answer, the due queue, the 30-day forecast and the interval
 * labels shown on the rating buttons. Nothing here touches the database or the clock: callers
 * pass `now`.
 *
 * Scheduler: FSRS-6 with ts-fsrs's default weights, 90% requested retention, learning steps
 * 1 min and 10 min, a relearning step of 10 min, and no fuzz (so the same answers always give the
 * same dates).
 */
import {
  createEmptyCard,
  fsrs,
  generatorParameters,
  Rating,
  State,
  type Card,
  type Grade,
} from 'ts-fsrs';
import type { ReviewCard } from '../db/schema';

export { Rating, State };
export type { Grade };

/** Requested retention unless the learner sets another (Settings, 0.80 to 0.97). */
export const DEFAULT_RETENTION = 0.9;

const schedulers = new Map<number, ReturnType<typeof fsrs>>();
/** The scheduler for a requested retention: FSRS-6 defaults, no fuzz (one per retention, kept). */
export function schedulerFor(retention = DEFAULT_RETENTION): ReturnType<typeof fsrs> {
  let s = schedulers.get(retention);
  if (!s) {
    s = fsrs(generatorParameters({ request_retention: retention, enable_fuzz: false }));
    schedulers.set(retention, s);
  }
  return s;
}
/** The default scheduler: 90% requested retention. */
export const SCHEDULER = schedulerFor(DEFAULT_RETENTION);

/** New questions introduced per day unless the learner sets another number. */
export const DEFAULT_NEW_PER_DAY = 20;
/** Review cards shown per day at most unless the learner sets another number (Anki's default). */
export const DEFAULT_MAX_REVIEWS_PER_DAY = 200;

/**
 * Learning cards due within this window are shown again in the same session once nothing else
 * is left (Anki's "learn ahead limit"), so a 1- or 10-minute step does not end the session.
 */
export const LEARN_AHEAD_MS = 20 * 60 * 1000;

/** ts-fsrs states as the plain numbers stored in a row. */
const NEW: number = State.New;
const LEARNING: number = State.Learning;
const REVIEW: number = State.Review;
const RELEARNING: number = State.Relearning;
const isLearning = (state: number) => state === LEARNING || state === RELEARNING;

export const GRADES: readonly Grade[] = [Rating.Again, Rating.Hard, Rating.Good, Rating.Easy];

export const RATING_LABEL: Record<Grade, string> = {
  [Rating.Again]: 'Again',
  [Rating.Hard]: 'Hard',
  [Rating.Good]: 'Good',
  [Rating.Easy]: 'Easy',
};

/** A stored row as a ts-fsrs card. */
export function toCard(row: ReviewCard): Card {
  return {
    due: new Date(row.due),
    stability: row.stability,
    difficulty: row.difficulty,
    elapsed_days: row.elapsedDays,
    scheduled_days: row.scheduledDays,
    learning_steps: row.learningSteps,
    reps: row.reps,
    lapses: row.lapses,
    state: row.state,
    ...(row.lastReview ? { last_review: new Date(row.lastReview) } : {}),
  };
}

/** A ts-fsrs card as a stored row (dates as ISO strings, so the `due` index sorts by time). */
export function toRow(questionId: string, card: Card): ReviewCard {
  return {
    questionId,
    due: card.due.toISOString(),
    stability: card.stability,
    difficulty: card.difficulty,
    elapsedDays: card.elapsed_days,
    scheduledDays: card.scheduled_days,
    learningSteps: card.learning_steps,
    reps: card.reps,
    lapses: card.lapses,
    state: card.state,
    lastReview: card.last_review ? card.last_review.toISOString() : null,
  };
}

/** The card of a question that has never been reviewed (new, due now). */
export function newCard(now: Date): Card {
  return createEmptyCard(now);
}

/**
 * The rating suggested after an answer: Good when it was right, Again when it was wrong. A wrong
 * answer allows only Again; a right one allows every rating (Again if it was a guess).
 */
export function suggestedRating(correct: boolean): Grade {
  return correct ? Rating.Good : Rating.Again;
}
export function allowedRatings(correct: boolean): readonly Grade[] {
  return correct ? GRADES : [Rating.Again];
}

/** Schedules one answer: the card after rating it at `now` (`previous` null for a new card). */
export function schedule(
  questionId: string,
  previous: ReviewCard | null,
  rating: Grade,
  now: Date,
  retention = DEFAULT_RETENTION,
): ReviewCard {
  const card = previous ? toCard(previous) : newCard(now);
  return toRow(questionId, schedulerFor(retention).next(card, now, rating).card);
}

/** For each rating, when the card would next be due and the interval from now in milliseconds. */
export function preview(
  previous: ReviewCard | null,
  now: Date,
  retention = DEFAULT_RETENTION,
): Record<Grade, { due: Date; intervalMs: number }> {
  const card = previous ? toCard(previous) : newCard(now);
  const out = {} as Record<Grade, { due: Date; intervalMs: number }>;
  for (const g of GRADES) {
    const due = schedulerFor(retention).next(card, now, g).card.due;
    out[g] = { due, intervalMs: due.getTime() - now.getTime() };
  }
  return out;
}

/**
 * A short interval label, like Anki's buttons: "1 min", "10 min", "3 h", "8 d", "2.5 mo", "1.2 y".
 * Days are whole (FSRS schedules reviews in days); months are 30 days and years 365.
 */
export function formatInterval(ms: number): string {
  const minutes = ms / 60_000;
  if (minutes < 1) return '<1 min';
  if (minutes < 60) return `${Math.round(minutes)} min`;
  const hours = minutes / 60;
  if (hours < 23.5) return `${Math.round(hours)} h`;
  const days = hours / 24;
  if (days < 30) return `${Math.round(days)} d`;
  if (days < 365) return `${trim(days / 30)} mo`;
  return `${trim(days / 365)} y`;
}
const trim = (x: number) => (x < 10 ? String(Math.round(x * 10) / 10) : String(Math.round(x)));

export type QueueKind = 'learning' | 'review' | 'new';
export interface QueueItem {
  questionId: string;
  kind: QueueKind;
  /** The stored card (null for a new question). */
  card: ReviewCard | null;
}

export interface QueueInput {
  /** Cards due at or before `now` (others are ignored). */
  dueCards: readonly ReviewCard[];
  /** The learner's question ids, in the order new questions should be introduced. */
  poolIds: readonly string[];
  /** Which questions have a card (seen in review at least once): a set, or a map by id. */
  cardIds: { has(id: string): boolean };
  /** New questions already introduced today. */
  newToday: number;
  /** New questions allowed per day. */
  newLimit: number;
  /** Review cards (state Review) allowed per day, and how many were answered today already. */
  reviewLimit?: number;
  reviewsToday?: number;
  now: Date;
}

/**
 * What to review now, in order: learning and relearning cards that are due (most overdue first),
 * then review cards by due date up to the day's remaining review allowance (learning cards are
 * never held back, as in Anki), then new questions (no card yet) up to the day's remaining new
 * allowance. Cards of questions no longer in the pool (deleted) are left out.
 */
export function dueQueue(input: QueueInput): QueueItem[] {
  const inPool = new Set(input.poolIds);
  const nowIso = input.now.toISOString();
  const due = input.dueCards
    .filter((c) => c.due <= nowIso && inPool.has(c.questionId) && c.state !== NEW)
    .sort((a, b) => a.due.localeCompare(b.due) || a.questionId.localeCompare(b.questionId));
  const learning = due.filter((c) => isLearning(c.state));
  const reviewAllowance = Math.max(
    0,
    (input.reviewLimit ?? Number.POSITIVE_INFINITY) - (input.reviewsToday ?? 0),
  );
  const review = due.filter((c) => c.state === REVIEW).slice(0, reviewAllowance);
  const allowance = Math.max(0, input.newLimit - input.newToday);
  const fresh = input.poolIds.filter((id) => !input.cardIds.has(id)).slice(0, allowance);
  return [
    ...learning.map((card) => ({ questionId: card.questionId, kind: 'learning' as const, card })),
    ...review.map((card) => ({ questionId: card.questionId, kind: 'review' as const, card })),
    ...fresh.map((questionId) => ({ questionId, kind: 'new' as const, card: null })),
  ];
}

/**
 * New questions introduced today: questions answered in review today whose card has no more
 * repetitions than today's review answers (so it had none before today). `todayReviews` are the
 * review-mode attempts since local midnight; `cards` the current cards of those questions.
 */
export function countNewToday(
  todayReviews: readonly { questionId: string }[],
  cards: ReadonlyMap<string, ReviewCard>,
): number {
  const perQuestion = new Map<string, number>();
  for (const a of todayReviews)
    perQuestion.set(a.questionId, (perQuestion.get(a.questionId) ?? 0) + 1);
  let n = 0;
  for (const [id, count] of perQuestion) {
    const card = cards.get(id);
    if (card && card.reps <= count) n++;
  }
  return n;
}

/**
 * Orders new questions so consecutive ones come from different domains (round-robin over
 * domains 1..5, each in pool order): the first day's twenty are not all from domain 1.
 */
export function interleaveByDomain<T extends { id: string; domain: number }>(
  questions: readonly T[],
): string[] {
  const byDomain = new Map<number, string[]>();
  for (const q of questions) {
    const list = byDomain.get(q.domain) ?? [];
    list.push(q.id);
    byDomain.set(q.domain, list);
  }
  const lists = [...byDomain.entries()].sort(([a], [b]) => a - b).map(([, ids]) => ids);
  const out: string[] = [];
  for (let i = 0; out.length < questions.length; i++) {
    for (const list of lists) if (i < list.length) out.push(list[i]!);
  }
  return out;
}

/** Local midnight at the start of `now`'s day. */
export function startOfLocalDay(now: Date): Date {
  return new Date(now.getFullYear(), now.getMonth(), now.getDate());
}

/** A local calendar date as YYYY-MM-DD. */
export function localDateKey(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export interface ForecastDay {
  /** Local calendar date, YYYY-MM-DD. */
  date: string;
  /** Cards due that day; day 0 (today) also counts every overdue card. */
  count: number;
}

/**
 * Due counts per local day for `days` days starting today (day 0 includes overdue cards). New
 * questions without a card are not counted: they are not scheduled yet. Cards due after the
 * window are left out.
 */
export function forecast(
  cards: readonly Pick<ReviewCard, 'due' | 'state'>[],
  now: Date,
  days = 30,
): ForecastDay[] {
  const start = startOfLocalDay(now);
  const out: ForecastDay[] = [];
  const bounds: number[] = [];
  for (let i = 0; i < days; i++) {
    const day = new Date(start.getFullYear(), start.getMonth(), start.getDate() + i);
    out.push({ date: localDateKey(day), count: 0 });
    // End of day i = start of day i + 1 (calendar arithmetic, so DST days are 23 or 25 hours).
    bounds.push(new Date(start.getFullYear(), start.getMonth(), start.getDate() + i + 1).getTime());
  }
  for (const c of cards) {
    if (c.state === NEW) continue;
    const t = Date.parse(c.due);
    const i = bounds.findIndex((end) => t < end);
    if (i >= 0) out[i]!.count++;
  }
  return out;
}

/** Whether a just-rated card comes back in the same session (a learning step within the limit). */
export function comesBackToday(card: ReviewCard, now: Date): boolean {
  return isLearning(card.state) && Date.parse(card.due) - now.getTime() <= LEARN_AHEAD_MS;
}
