/**
 * Today's study counts, one definition for Home and Practice → Stats. A review is a question that
 * already has a card (introduced in spaced review, quick practice or a mock exam's "review them
 * later"); it is due today when its card falls due on or before today's local date (overdue cards
 * included). Stats' "Reviews due today" and the first bar of its forecast are `dueToday`; Home
 * adds the day's new questions and says how many of the reviews are ready now.
 */
import type { ReviewCard } from '../db/schema';
import type { QueueItem } from './review';
import type { DayKey, DayOf } from './stats';

type CardFacts = Pick<ReviewCard, 'questionId' | 'due' | 'state'>;

/** The card state of a question that has a card but no review yet (never counted as due). */
const NEW_STATE = 0;

export interface ReviewsDue {
  /** Cards due on or before today (overdue included): Stats' "Reviews due today". */
  dueToday: number;
  /** Of those, due on a day before today. */
  overdue: number;
  /** Of those, due at or before `now` (the rest fall due later today). */
  dueNow: number;
}

/** Counts the reviews due today among cards of `pool` (every card when `pool` is omitted). */
export function reviewsDue(
  cards: Iterable<CardFacts>,
  now: Date,
  day: DayOf,
  pool?: ReadonlySet<string>,
): ReviewsDue {
  const today: DayKey = day(now);
  const nowIso = now.toISOString();
  const out: ReviewsDue = { dueToday: 0, overdue: 0, dueNow: 0 };
  for (const card of cards) {
    if (card.state === NEW_STATE || (pool && !pool.has(card.questionId))) continue;
    const key = day(new Date(card.due));
    if (key > today) continue;
    out.dueToday += 1;
    if (key < today) out.overdue += 1;
    if (card.due <= nowIso) out.dueNow += 1;
  }
  return out;
}

/** Home's "to study today": the reviews due today, the new questions left, and what is ready now. */
export interface TodayPlan {
  /** Reviews due today plus the new questions still allowed today. */
  total: number;
  /** Reviews due today (the same number as Stats' "Reviews due today"). */
  reviews: number;
  /** New questions still allowed today (Settings → Study: new questions a day). */
  fresh: number;
  /** What Study would start now: the due queue by kind. */
  readyNow: { learning: number; review: number; fresh: number; total: number };
  /** Reviews that fall due later today. */
  laterToday: number;
  /** Reviews due now but over the day's review limit (Settings → Study). */
  heldBack: number;
}

/** Combines `reviewsDue` with the due queue (readDueQueue's items, the queue Study starts). */
export function todayPlan(due: ReviewsDue, queue: readonly Pick<QueueItem, 'kind'>[]): TodayPlan {
  const count = (kind: QueueItem['kind']) => queue.filter((i) => i.kind === kind).length;
  const learning = count('learning');
  const review = count('review');
  const fresh = count('new');
  return {
    total: due.dueToday + fresh,
    reviews: due.dueToday,
    fresh,
    readyNow: { learning, review, fresh, total: queue.length },
    laterToday: due.dueToday - due.dueNow,
    heldBack: Math.max(0, due.dueNow - learning - review),
  };
}
