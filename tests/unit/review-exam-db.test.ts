/**
 * Spaced-review and mock-exam storage in IndexedDB (Dexie on fake-indexeddb): answering and
 * undoing a rating, the due queue from the database, today's new count, and an exam saved as it
 * goes, then submitted once with its attempts.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../shared/questions';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import { type ReviewCard } from '../../renderer/src/db/schema';
import {
  answerReview,
  getCard,
  newIntroducedToday,
  nextDueAfter,
  readDueQueue,
  undoReview,
} from '../../renderer/src/db/review';
import {
  allExams,
  discardExam,
  restoreDiscardedExam,
  saveProgress,
  startExam,
  submitExam,
  unfinishedExam,
} from '../../renderer/src/db/exams';
import { allAttempts, recordAttempt } from '../../renderer/src/db/attempts';
import { Rating, State } from '../../renderer/src/lib/review';
import { applyImport, exportBackup, parseBackup } from '../../renderer/src/db/backup';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-review-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

/** Local times, so "today" is the same day in every time zone the tests run in. */
const at = (day: number, hour: number, minute = 0) => new Date(2026, 2, day, hour, minute);

describe('review storage', () => {
  it('writes the card and a review attempt together, and undo restores both exactly', async () => {
    const t1 = at(10, 9);
    const first = await answerReview({
      questionId: 'q1',
      correct: true,
      rating: Rating.Good,
      now: t1,
    });
    expect(first.previous).toBeNull();
    const afterFirst = await getCard('q1');
    expect(afterFirst).toEqual(first.card);
    expect(afterFirst?.state).toBe(State.Learning);

    const t2 = at(10, 9, 12);
    const second = await answerReview({
      questionId: 'q1',
      correct: false,
      rating: Rating.Again,
      now: t2,
    });
    expect(second.previous).toEqual(afterFirst);
    const attempts = await allAttempts();
    expect(attempts.map((a) => [a.mode, a.rating, a.correct])).toEqual([
      ['review', Rating.Good, true],
      ['review', Rating.Again, false],
    ]);

    await undoReview(second);
    expect(await getCard('q1')).toEqual(afterFirst);
    expect((await allAttempts()).map((a) => a.id)).toEqual([first.attemptId]);

    await undoReview(first);
    expect(await getCard('q1')).toBeNull();
    expect(await allAttempts()).toEqual([]);
  });

  it('builds the due queue from the database, with today’s new questions counted', async () => {
    // q-old: first reviewed yesterday (not new today), due again now.
    await answerReview({ questionId: 'q-old', correct: true, rating: Rating.Easy, now: at(1, 9) });
    // q-new1: first answered today -> counts as new today, even after a second answer today.
    await answerReview({
      questionId: 'q-new1',
      correct: true,
      rating: Rating.Good,
      now: at(10, 8),
    });
    await answerReview({
      questionId: 'q-new1',
      correct: true,
      rating: Rating.Good,
      now: at(10, 8, 15),
    });
    // A practice attempt today does not count.
    await recordAttempt('q-x', true, { at: at(10, 8).toISOString() });
    const now = at(10, 12);
    expect(await newIntroducedToday(now)).toBe(1);

    const pool = ['q-old', 'q-new1', 'q-a', 'q-b', 'q-c'];
    const queue = await readDueQueue(pool, now, { newPerDay: 3, maxReviewsPerDay: 200 });
    // q-old (Easy on 1 March: 8 days) is due; q-new1 graduated to review (days away); two new.
    expect(queue.map((i) => [i.questionId, i.kind])).toEqual([
      ['q-old', 'review'],
      ['q-a', 'new'],
      ['q-b', 'new'],
    ]);
    const next = await nextDueAfter(now, new Set(pool));
    expect(next).toBe((await getCard('q-new1'))!.due);
    expect(await nextDueAfter(now, new Set(['q-old']))).toBeNull();
  });

  it('counts new questions from answers written before v7 (no newCard field)', async () => {
    // Two review answers today, as v5/v6 wrote them: no `newCard`. q-a was first seen today (its
    // card has one repetition); q-b was seen yesterday too (its card has two).
    const card = (questionId: string, reps: number): ReviewCard => ({
      questionId,
      due: at(11, 9).toISOString(),
      stability: 3,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 0,
      reps,
      lapses: 0,
      state: State.Review,
      lastReview: at(10, 9).toISOString(),
    });
    await db.reviewCards.bulkPut([card('q-a', 1), card('q-b', 2)]);
    await db.attempts.bulkPut([
      { id: 'a1', questionId: 'q-a', at: at(10, 9).toISOString(), correct: true, mode: 'review' },
      { id: 'a2', questionId: 'q-b', at: at(10, 9).toISOString(), correct: true, mode: 'review' },
    ]);
    expect(await newIntroducedToday(at(10, 12))).toBe(1);
    // A new-style answer today joins them: the old way is still used for the whole day.
    await answerReview({ questionId: 'q-c', correct: true, rating: Rating.Good, now: at(10, 10) });
    expect(await newIntroducedToday(at(10, 12))).toBe(2);
  });

  it('keeps the due queue’s view of which questions are new in step with ratings, undo and imports', async () => {
    const pool = ['q-a', 'q-b', 'q-c'];
    const now = at(10, 9);
    const newIds = async () =>
      (await readDueQueue(pool, now, { newPerDay: 10, maxReviewsPerDay: 200 }))
        .filter((i) => i.kind === 'new')
        .map((i) => i.questionId);
    expect(await newIds()).toEqual(['q-a', 'q-b', 'q-c']);
    // A rating gives q-a a card: it is no longer new (and is not due yet).
    const answer = await answerReview({
      questionId: 'q-a',
      correct: true,
      rating: Rating.Easy,
      now,
    });
    expect(await newIds()).toEqual(['q-b', 'q-c']);
    // Undo removes the card again: q-a is new again.
    await undoReview(answer);
    expect(await newIds()).toEqual(['q-a', 'q-b', 'q-c']);
    // A backup import that brings a card for q-b.
    const { backup: file } = await exportBackup(db);
    const card: ReviewCard = {
      questionId: 'q-b',
      due: at(20, 9).toISOString(),
      stability: 10,
      difficulty: 5,
      elapsedDays: 0,
      scheduledDays: 10,
      learningSteps: 0,
      reps: 3,
      lapses: 0,
      state: State.Review,
      lastReview: at(9, 9).toISOString(),
    };
    const parsed = parseBackup(
      JSON.stringify({ ...file, tables: { ...file.tables, reviewCards: [card] } }),
    );
    if (!parsed.ok) throw new Error(parsed.reason);
    await applyImport(db, parsed.backup, 'keep-newer');
    expect(await newIds()).toEqual(['q-a', 'q-c']);
  });

  it('keeps its in-memory cards true to writes from another connection (another window)', async () => {
    const pool = ['q-a', 'q-b', 'q-c'];
    const now = at(10, 9);
    const queue = async () =>
      (await readDueQueue(pool, now, { newPerDay: 10, maxReviewsPerDay: 200 })).map(
        (i) => `${i.questionId}:${i.kind}`,
      );
    expect(await queue()).toEqual(['q-a:new', 'q-b:new', 'q-c:new']);
    // Another connection to the same database, as another window would have.
    const other = new StratumDb(db.name);
    const card = (questionId: string, due: Date, state: number): ReviewCard => ({
      questionId,
      due: due.toISOString(),
      stability: 3,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 3,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state,
      lastReview: at(7, 9).toISOString(),
    });
    // One key written elsewhere: it is read again before the next queue.
    await other.reviewCards.put(card('q-b', at(9, 9), State.Review));
    expect(await queue()).toEqual(['q-b:review', 'q-a:new', 'q-c:new']);
    // A changed due date (no longer due) and a relearning card.
    await other.reviewCards.bulkPut([
      card('q-b', at(12, 9), State.Review),
      card('q-c', at(10, 8), State.Relearning),
    ]);
    expect(await queue()).toEqual(['q-c:learning', 'q-a:new']);
    expect(await nextDueAfter(now, new Set(pool))).toBe(at(12, 9).toISOString());
    // A deleted card: its question is new again.
    await other.reviewCards.delete('q-c');
    expect(await queue()).toEqual(['q-a:new', 'q-c:new']);
    // A clear (a range of keys): everything is read again.
    await other.reviewCards.clear();
    expect(await queue()).toEqual(['q-a:new', 'q-b:new', 'q-c:new']);
    other.close();
  });

  it('skips an invalid stored card instead of failing, and a new answer replaces it', async () => {
    await db.reviewCards.put({ questionId: 'bad', due: 'yesterday' } as unknown as ReviewCard);
    await answerReview({ questionId: 'ok', correct: true, rating: Rating.Easy, now: at(1, 9) });
    expect(await getCard('bad')).toBeNull();
    // The bad row is left alone, and its question comes back as new so it can be answered again.
    const queue = await readDueQueue(['bad', 'ok'], at(10, 12), {
      newPerDay: 5,
      maxReviewsPerDay: 200,
    });
    expect(queue.map((i) => [i.questionId, i.kind])).toEqual([
      ['ok', 'review'],
      ['bad', 'new'],
    ]);
    expect(await db.reviewCards.get('bad')).toEqual({ questionId: 'bad', due: 'yesterday' });
    const replaced = await answerReview({
      questionId: 'bad',
      correct: true,
      rating: Rating.Good,
      now: at(10, 12),
    });
    expect(replaced.previous).toBeNull();
    expect(await getCard('bad')).toMatchObject({ state: State.Learning, reps: 1 });
  });
});

function single(id: string, domain: number, answer: string): Question {
  return {
    id,
    type: 'single',
    stem: `Question ${id}: which option is the right one here?`,
    domain,
    task: `${domain}.1`,
    sourceNoteId: 'ai-ml-basics',
    sourcePassage: 'A passage that is long enough to quote.',
    difficulty: 'medium',
    explanation: 'Because the passage says so, plainly.',
    origin: { kind: 'bank' },
    tags: [],
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Option ${o}` })),
    answer,
    whyWrong: {},
  };
}

describe('exam storage', () => {
  const WEIGHTS = [
    { id: 1, weight: 50 },
    { id: 2, weight: 50 },
  ];
  const qs = [single('e1', 1, 'a'), single('e2', 1, 'b'), single('e3', 2, 'c')];

  it('saves progress, resumes, and submits once with exam attempts', async () => {
    const start = new Date('2026-03-10T09:00:00.000Z');
    const session = await startExam(
      qs.map((q) => q.id),
      start,
    );
    expect(session.deadline).toBe('2026-03-10T10:30:00.000Z');
    const progressed = {
      ...session,
      responses: {
        e1: { type: 'single' as const, choice: 'a' },
        e2: { type: 'single' as const, choice: 'c' },
      },
      flagged: ['e2'],
    };
    await saveProgress(progressed);
    expect(await unfinishedExam()).toEqual(progressed);

    const done = await submitExam(progressed, qs, WEIGHTS, new Date('2026-03-10T09:40:00.000Z'));
    expect(done.finishedAt).toBe('2026-03-10T09:40:00.000Z');
    // 1 of 3 right = 33.3%: 100 + 0.3333 / 0.72 x 600 = 377.8
    expect(done.result).toEqual({
      correct: 1,
      total: 3,
      scaled: 378,
      passed: false,
      byDomain: { '1': { correct: 1, total: 2 }, '2': { correct: 0, total: 1 } },
    });
    expect(await unfinishedExam()).toBeNull();
    const attempts = await allAttempts();
    expect(attempts.map((a) => [a.questionId, a.correct, a.mode, a.examId]).sort()).toEqual([
      ['e1', true, 'exam', session.id],
      ['e2', false, 'exam', session.id],
      // e3 was left unanswered: wrong in the exam's result above, but not an attempt.
    ]);

    // A late save (e.g. an answer typed as time ran out) and a second submit change nothing.
    await saveProgress({ ...progressed, responses: {} });
    const again = await submitExam(progressed, qs, WEIGHTS, new Date());
    expect(again).toEqual(done);
    expect(await allAttempts()).toHaveLength(2);
  });

  it('discards an unfinished exam with undo, but never a submitted one', async () => {
    const start = new Date('2026-03-10T09:00:00.000Z');
    const session = await startExam(
      qs.map((q) => q.id),
      start,
    );
    const progressed = { ...session, responses: { e1: { type: 'single' as const, choice: 'a' } } };
    await saveProgress(progressed);

    const gone = await discardExam(session.id);
    expect(gone).toEqual(progressed);
    expect(await unfinishedExam()).toBeNull();
    expect(await allAttempts()).toEqual([]);

    // Undo brings it back exactly, deadline included.
    expect(await restoreDiscardedExam(gone!)).toBe(true);
    expect(await unfinishedExam()).toEqual(progressed);

    // Discard again, start another exam: the old one can no longer be restored (one at a time).
    await discardExam(session.id);
    const other = await startExam(['e1'], new Date('2026-03-10T09:05:00.000Z'));
    expect(await restoreDiscardedExam(progressed)).toBe(false);
    expect(await unfinishedExam()).toEqual(other);

    // A submitted exam stays.
    const done = await submitExam(other, qs, WEIGHTS, new Date('2026-03-10T09:10:00.000Z'));
    expect(await discardExam(other.id)).toBeNull();
    expect(await allExams()).toEqual([done]);
  });
});
