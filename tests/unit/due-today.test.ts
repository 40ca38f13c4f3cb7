/**
 * Today's study counts (lib/due-today), shared by Home's Today card and Practice → Stats. The
 * scenario a reviewer found: three quick-practice answers introduce three cards (due minutes
 * later), Home then said "20 due" and Stats "3 due". Both now read the same `dueToday`.
 */
import { describe, expect, it } from 'vitest';
import { reviewsDue, todayPlan } from '../../renderer/src/lib/due-today';
import { dueQueue, schedule, suggestedRating } from '../../renderer/src/lib/review';
import { dayOf, dueForecast } from '../../renderer/src/lib/stats';

const ZONE = 'Europe/Berlin';
const day = dayOf(ZONE);
const card = (questionId: string, due: string, state = 2) => ({ questionId, due, state });

describe('reviewsDue', () => {
  const now = new Date('2026-12-04T10:00:00Z'); // 11:00 in Berlin
  const cards = [
    card('overdue', '2026-12-02T08:00:00Z'),
    card('now', '2026-12-04T09:59:00Z'),
    card('tonight', '2026-12-04T22:30:00Z'), // 23:30 Berlin: still today
    card('tomorrow', '2026-12-04T23:30:00Z'), // 00:30 Berlin on the 5th
    card('never-reviewed', '2026-12-01T00:00:00Z', 0),
    card('deleted', '2026-12-03T00:00:00Z'),
  ];
  const pool = new Set(['overdue', 'now', 'tonight', 'tomorrow', 'never-reviewed']);

  it('counts cards due on or before today, overdue included, new cards and other pools left out', () => {
    expect(reviewsDue(cards, now, day, pool)).toEqual({ dueToday: 3, overdue: 1, dueNow: 2 });
  });

  it('counts every card when no pool is given', () => {
    expect(reviewsDue(cards, now, day).dueToday).toBe(4);
  });

  it('is the first bar of the Stats forecast', () => {
    const forecast = dueForecast(cards, day(now), day, 30, pool);
    expect(forecast.days[0]!.count).toBe(reviewsDue(cards, now, day, pool).dueToday);
    expect(forecast.overdue).toBe(reviewsDue(cards, now, day, pool).overdue);
  });
});

describe('todayPlan after three quick-practice answers', () => {
  const answeredAt = new Date('2026-12-04T10:00:00Z');
  const now = new Date('2026-12-04T10:01:00Z');
  const poolIds = Array.from({ length: 40 }, (_, i) => `q${i}`);
  const cards = ['q0', 'q1', 'q2'].map((id) =>
    schedule(id, null, suggestedRating(true), answeredAt),
  );
  const queue = dueQueue({
    dueCards: cards,
    poolIds,
    cardIds: new Set(cards.map((c) => c.questionId)),
    newToday: 0, // practice answers do not use the day's new allowance
    newLimit: 20,
    now,
  });
  const due = reviewsDue(cards, now, day, new Set(poolIds));
  const plan = todayPlan(due, queue);

  it('says 23 to study today: 3 reviews due (later today), 20 new', () => {
    expect(cards.every((c) => c.due > now.toISOString())).toBe(true);
    expect(plan).toEqual({
      total: 23,
      reviews: 3,
      fresh: 20,
      readyNow: { learning: 0, review: 0, fresh: 20, total: 20 },
      laterToday: 3,
      heldBack: 0,
    });
  });

  it('gives Stats the same number of reviews', () => {
    expect(dueForecast(cards, day(now), day, 30, new Set(poolIds)).days[0]!.count).toBe(
      plan.reviews,
    );
  });

  it('reports reviews due now but over the daily review limit as held back', () => {
    const reviewCards = ['q0', 'q1', 'q2'].map((id) => card(id, '2026-12-04T08:00:00Z'));
    const limited = dueQueue({
      dueCards: reviewCards.map((c) => ({ ...cards[0]!, ...c })),
      poolIds,
      cardIds: new Set(['q0', 'q1', 'q2']),
      newToday: 20,
      newLimit: 20,
      reviewLimit: 1,
      reviewsToday: 0,
      now,
    });
    const p = todayPlan(reviewsDue(reviewCards, now, day), limited);
    expect(p).toMatchObject({ total: 3, reviews: 3, fresh: 0, heldBack: 2, laterToday: 0 });
    expect(p.readyNow).toEqual({ learning: 0, review: 1, fresh: 0, total: 1 });
  });
});
