/**
 * Spaced review (lib/review): FSRS scheduling against hand-computed FSRS-6 values, the due queue
 * order and daily new limit, new-today counting, the forecast and interval labels.
 */
import { describe, expect, it } from 'vitest';
import type { ReviewCard } from '../../renderer/src/db/schema';
import {
  allowedRatings,
  comesBackToday,
  countNewToday,
  dueQueue,
  forecast,
  formatInterval,
  interleaveByDomain,
  preview,
  Rating,
  schedule,
  State,
  suggestedRating,
  toCard,
  toRow,
} from '../../renderer/src/lib/review';
import type { Question } from '../../shared/questions';
import {
  afterRating,
  afterUndo,
  checked,
  current,
  startSession,
} from '../../renderer/src/features/quiz/review/session';

const MIN = 60_000;
const DAY = 24 * 60 * MIN;
/** FSRS-6 default weights w0..w20 as published by the FSRS project (copied, not imported). */
const W = [
  0.212, 1.2931, 2.3065, 8.2956, 6.4133, 0.8334, 3.0194, 0.001, 1.8722, 0.1666, 0.796, 1.4835,
  0.0614, 0.2629, 1.6483, 0.6014, 1.8729, 0.5425, 0.0912, 0.0658, 0.1542,
];

function card(questionId: string, over: Partial<ReviewCard>): ReviewCard {
  return {
    questionId,
    due: '2026-03-10T12:00:00.000Z',
    stability: 5,
    difficulty: 5,
    elapsedDays: 0,
    scheduledDays: 5,
    learningSteps: 0,
    reps: 3,
    lapses: 0,
    state: State.Review,
    lastReview: '2026-03-05T12:00:00.000Z',
    ...over,
  };
}

describe('FSRS scheduling', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');

  it('a new question rated Good: first learning step (10 min), S = w2, D = w4 - e^(2·w5) + 1', () => {
    const c = schedule('q1', null, Rating.Good, now);
    expect(c.state).toBe(State.Learning);
    expect(c.stability).toBeCloseTo(W[2]!, 6);
    expect(c.difficulty).toBeCloseTo(W[4]! - Math.exp(2 * W[5]!) + 1, 4); // 2.1181
    expect(Date.parse(c.due) - now.getTime()).toBe(10 * MIN);
    expect(c).toMatchObject({ reps: 1, lapses: 0, lastReview: now.toISOString() });
  });

  it('a new question rated Again comes back in 1 min; Easy graduates to review in 8 days', () => {
    const again = schedule('q1', null, Rating.Again, now);
    expect(again.state).toBe(State.Learning);
    expect(Date.parse(again.due) - now.getTime()).toBe(1 * MIN);
    const easy = schedule('q1', null, Rating.Easy, now);
    expect(easy.state).toBe(State.Review);
    // S = w3 = 8.2956; at 90% requested retention the interval equals S: round(8.2956) = 8 days.
    expect(easy.stability).toBeCloseTo(W[3]!, 6);
    expect(easy.scheduledDays).toBe(8);
    expect(easy.due).toBe('2026-03-18T12:00:00.000Z');
  });

  it('Again on a review card is a lapse: relearning, 10-min step, stability from the forget formula', () => {
    // Reviewed 10 days ago with S = 10: R = 0.9 exactly (the definition of S in FSRS).
    const before = card('q2', {
      stability: 10,
      difficulty: 5,
      lastReview: '2026-02-28T12:00:00.000Z',
      scheduledDays: 10,
      reps: 4,
      lapses: 1,
    });
    const after = schedule('q2', before, Rating.Again, now);
    expect(after.state).toBe(State.Relearning);
    expect(after.lapses).toBe(2);
    expect(after.reps).toBe(5);
    expect(Date.parse(after.due) - now.getTime()).toBe(10 * MIN);
    // FSRS-6: S'f = w11 · D^-w12 · ((S+1)^w13 - 1) · e^(w14·(1-R)), at most S / e^(w17·w18).
    const sf = W[11]! * 5 ** -W[12]! * ((10 + 1) ** W[13]! - 1) * Math.exp(W[14]! * (1 - 0.9));
    expect(sf).toBeLessThan(10 / Math.exp(W[17]! * W[18]!));
    expect(after.stability).toBeCloseTo(sf, 3);
  });

  it('round-trips a card through the stored row without loss', () => {
    const row = schedule('q3', null, Rating.Good, now);
    expect(toRow('q3', toCard(row))).toEqual(row);
  });

  it('suggests Good after a right answer and only allows Again after a wrong one', () => {
    expect(suggestedRating(true)).toBe(Rating.Good);
    expect(suggestedRating(false)).toBe(Rating.Again);
    expect(allowedRatings(false)).toEqual([Rating.Again]);
    expect(allowedRatings(true)).toEqual([Rating.Again, Rating.Hard, Rating.Good, Rating.Easy]);
  });

  it('previews each rating of a new question: 1 min, 6 min, 10 min, 8 days', () => {
    const p = preview(null, now);
    expect(p[Rating.Again].intervalMs).toBe(1 * MIN);
    // Hard on the first step waits the mean of the two steps: (1 + 10) / 2 = 5.5, rounded to 6.
    expect(p[Rating.Hard].intervalMs).toBe(6 * MIN);
    expect(p[Rating.Good].intervalMs).toBe(10 * MIN);
    expect(p[Rating.Easy].intervalMs).toBe(8 * DAY);
  });

  it('labels intervals like Anki buttons', () => {
    expect(formatInterval(20_000)).toBe('<1 min');
    expect(formatInterval(1 * MIN)).toBe('1 min');
    expect(formatInterval(10 * MIN)).toBe('10 min');
    expect(formatInterval(3 * 60 * MIN)).toBe('3 h');
    expect(formatInterval(8 * DAY)).toBe('8 d');
    expect(formatInterval(45 * DAY)).toBe('1.5 mo');
    expect(formatInterval(400 * DAY)).toBe('1.1 y');
  });

  it('brings learning steps back within 20 minutes, not review cards', () => {
    expect(comesBackToday(schedule('q', null, Rating.Good, now), now)).toBe(true);
    expect(comesBackToday(schedule('q', null, Rating.Easy, now), now)).toBe(false);
  });
});

describe('due queue', () => {
  const now = new Date('2026-03-10T12:00:00.000Z');
  const cards = [
    card('review-2d', { due: '2026-03-08T12:00:00.000Z', state: State.Review }),
    card('learn-5m', { due: '2026-03-10T11:55:00.000Z', state: State.Learning }),
    card('review-1h', { due: '2026-03-10T11:00:00.000Z', state: State.Review }),
    card('relearn-1h', { due: '2026-03-10T11:00:00.000Z', state: State.Relearning }),
    card('review-later', { due: '2026-03-10T12:00:01.000Z', state: State.Review }),
    card('deleted', { due: '2026-03-01T12:00:00.000Z', state: State.Review }),
  ];
  const poolIds = [
    'review-2d',
    'learn-5m',
    'review-1h',
    'relearn-1h',
    'review-later',
    'n1',
    'n2',
    'n3',
    'n4',
  ];
  const cardIds = new Set(cards.map((c) => c.questionId));

  it('orders learning first (most overdue first), then reviews by due date, then new', () => {
    const q = dueQueue({ dueCards: cards, poolIds, cardIds, newToday: 1, newLimit: 3, now });
    expect(q.map((i) => i.questionId)).toEqual([
      'relearn-1h',
      'learn-5m',
      'review-2d',
      'review-1h',
      'n1',
      'n2',
    ]);
    expect(q.map((i) => i.kind)).toEqual([
      'learning',
      'learning',
      'review',
      'review',
      'new',
      'new',
    ]);
  });

  it('adds no new questions once the daily limit is reached', () => {
    const q = dueQueue({ dueCards: cards, poolIds, cardIds, newToday: 3, newLimit: 3, now });
    expect(q.filter((i) => i.kind === 'new')).toEqual([]);
    const over = dueQueue({ dueCards: cards, poolIds, cardIds, newToday: 7, newLimit: 3, now });
    expect(over).toHaveLength(4);
  });

  it('counts questions first reviewed today as new today', () => {
    const cardsById = new Map([
      ['a', card('a', { reps: 2 })], // two answers today, two reps: new today
      ['b', card('b', { reps: 5 })], // one answer today, reps from earlier days
      ['c', card('c', { reps: 1 })], // its first answer
    ]);
    const today = [
      { questionId: 'a' },
      { questionId: 'a' },
      { questionId: 'b' },
      { questionId: 'c' },
    ];
    expect(countNewToday(today, cardsById)).toBe(2);
  });

  it('interleaves new questions over domains', () => {
    const qs = [
      { id: 'a1', domain: 1 },
      { id: 'a2', domain: 1 },
      { id: 'a3', domain: 1 },
      { id: 'c1', domain: 3 },
      { id: 'b1', domain: 2 },
      { id: 'b2', domain: 2 },
    ];
    expect(interleaveByDomain(qs)).toEqual(['a1', 'b1', 'c1', 'a2', 'b2', 'a3']);
  });
});

describe('forecast', () => {
  it('counts due cards per local day for 30 days, overdue in today', () => {
    const now = new Date(2026, 2, 10, 15, 0); // 10 March, 15:00 local
    const at = (d: number, h: number) => new Date(2026, 2, d, h, 0).toISOString();
    const cards = [
      { due: at(8, 9), state: State.Review }, // overdue: today
      { due: at(10, 18), state: State.Learning }, // later today
      { due: at(11, 9), state: State.Review }, // tomorrow
      { due: at(11, 23), state: State.Review }, // tomorrow, late
      { due: new Date(2026, 3, 8, 12).toISOString(), state: State.Review }, // day 29 (8 April)
      { due: new Date(2026, 3, 9, 0, 0).toISOString(), state: State.Review }, // day 30: outside
      { due: at(12, 9), state: State.New }, // never scheduled
    ];
    const f = forecast(cards, now);
    expect(f).toHaveLength(30);
    expect(f[0]).toEqual({ date: '2026-03-10', count: 2 });
    expect(f[1]).toEqual({ date: '2026-03-11', count: 2 });
    expect(f[2]).toEqual({ date: '2026-03-12', count: 0 });
    expect(f[29]).toEqual({ date: '2026-04-08', count: 1 });
    expect(f.reduce((s, d) => s + d.count, 0)).toBe(5);
  });
});

describe('a review session, step by step (features/quiz/review/session)', () => {
  const question = (id: string): Question => ({
    id,
    domain: 1,
    task: '1.1',
    sourceNoteId: 'ai-ml-basics',
    sourcePassage: 'A passage that is long enough to quote.',
    difficulty: 'medium',
    explanation: 'Why a is right.',
    origin: { kind: 'bank' },
    tags: [],
    type: 'single',
    stem: `Question ${id}: which option is the right one here?`,
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Option ${o}` })),
    answer: 'a',
    whyWrong: { b: 'Not b.', c: 'Not c.', d: 'Not d.' },
  });
  const byId = new Map(['q1', 'q2'].map((id) => [id, question(id)]));
  const now = new Date('2026-12-04T09:00:00.000Z');
  const queue = [
    { questionId: 'q1', kind: 'new' as const, card: null },
    { questionId: 'q2', kind: 'new' as const, card: null },
  ];

  it('puts a card that comes back today at the end, and undo takes that copy out again', () => {
    let s = startSession(queue, byId, new Date('2026-03-10T09:00:00.000Z'))!;
    s = { ...s, response: { type: 'single', choice: 'b' } };
    s = checked(s, byId.get('q1')!);
    expect(s.correct).toBe(false);
    const card = schedule('q1', null, Rating.Again, now);
    const answer = { questionId: 'q1', attemptId: 'x1', previous: null, card };
    const rated = afterRating(s, queue[0]!, answer, Rating.Again, now, byId);
    expect(rated.queue.map((i) => i.questionId)).toEqual(['q2', 'q1']);
    expect(rated.queue[1]!.kind).toBe('learning');
    expect(rated.done).toHaveLength(1);
    expect(rated.done[0]!.requeued).toBe(true);
    expect(rated.correct).toBeNull();
    expect(current(rated, byId)?.item.questionId).toBe('q2');

    const undone = afterUndo(rated, rated.done[0]!);
    expect(undone.queue.map((i) => i.questionId)).toEqual(['q1', 'q2']);
    expect(undone.correct).toBe(false);
    expect(undone.response).toEqual({ type: 'single', choice: 'b' });
    expect(undone.done).toHaveLength(0);
  });

  it('drops a card rated Easy from the session, and ends when the queue is empty', () => {
    let s = startSession(queue.slice(0, 1), byId, new Date('2026-03-10T09:00:00.000Z'))!;
    s = checked({ ...s, response: { type: 'single', choice: 'a' } }, byId.get('q1')!);
    const card = schedule('q1', null, Rating.Easy, now);
    const answer = { questionId: 'q1', attemptId: 'x1', previous: null, card };
    const rated = afterRating(s, queue[0]!, answer, Rating.Easy, now, byId);
    expect(rated.queue).toHaveLength(0);
    expect(current(rated, byId)).toBeNull();
  });

  it('does not start on a question missing from the pool', () => {
    expect(
      startSession(
        [{ questionId: 'gone', kind: 'new', card: null }],
        byId,
        new Date('2026-03-10T09:00:00.000Z'),
      ),
    ).toBeNull();
  });
});
