/**
 * The daily study loop's storage (Dexie on fake-indexeddb): quick-practice answers joining spaced
 * review, exam questions left unanswered not counted as attempts (new submits and the v9 upgrade of
 * old rows), sessions saved and restored (damaged rows set aside, deleted questions skipped), the
 * study settings, the review limit, and the end-of-session summary.
 */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { allAttempts, attemptsOf, cachedAttempts } from '../../renderer/src/db/attempts';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import { readStudyPrefs, saveStudyPrefs, DEFAULT_STUDY_PREFS } from '../../renderer/src/db/prefs';
import {
  answerReview,
  getCard,
  queueForReview,
  recordPracticeAnswer,
  undoQueueForReview,
} from '../../renderer/src/db/review';
import { clearSession, loadSession, saveSession } from '../../renderer/src/db/sessions';
import type { PracticeSessionRow } from '../../renderer/src/db/schema';
import { dueQueue, Rating, State } from '../../renderer/src/lib/review';
import { sessionTimeText, summarize } from '../../renderer/src/lib/session-summary';
import { singleQuestion } from '../support/questions';
import { restorePractice } from '../../renderer/src/features/quiz/practice/use-practice-session';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-loop-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

const single = (id: string, domain: number, task: string) => singleQuestion(id, domain, task);

describe('quick practice and spaced review', () => {
  it('introduces a question on its first practice answer: wrong as Again, right as Good', async () => {
    const now = new Date('2026-03-10T09:00:00.000Z');
    const wrong = await recordPracticeAnswer({ questionId: 'q1', correct: false, now });
    const right = await recordPracticeAnswer({ questionId: 'q2', correct: true, now });
    expect(wrong.introduced).toBe(true);
    expect(right.introduced).toBe(true);
    const c1 = await getCard('q1');
    const c2 = await getCard('q2');
    // ts-fsrs with the default learning steps (1 min, 10 min): Again is due in 1 minute, Good in 10.
    expect(c1?.state).toBe(State.Learning);
    expect(new Date(c1!.due).getTime() - now.getTime()).toBe(60_000);
    expect(new Date(c2!.due).getTime() - now.getTime()).toBe(10 * 60_000);
    // Same instant: sort by question (the order of equal times is the random ids').
    const attempts = (await allAttempts()).sort((a, b) => a.questionId.localeCompare(b.questionId));
    expect(attempts.map((a) => [a.questionId, a.mode, a.correct, a.newCard])).toEqual([
      ['q1', 'practice', false, true],
      ['q2', 'practice', true, true],
    ]);
  });

  it('never moves the schedule of a question that already has a card', async () => {
    const t0 = new Date('2026-03-10T09:00:00.000Z');
    await answerReview({ questionId: 'q1', correct: true, rating: Rating.Good, now: t0 });
    const before = await getCard('q1');
    const later = new Date('2026-03-10T09:05:00.000Z');
    const out = await recordPracticeAnswer({ questionId: 'q1', correct: false, now: later });
    expect(out.introduced).toBe(false);
    expect(await getCard('q1')).toEqual(before);
    expect((await attemptsOf('q1')).map((a) => a.mode)).toEqual(['review', 'practice']);
  });
});

describe("Home's in-memory attempts", () => {
  it('match the database after writes here and from another connection', async () => {
    const t = new Date('2026-03-10T09:00:00.000Z');
    await recordPracticeAnswer({ questionId: 'q1', correct: true, now: t });
    expect((await cachedAttempts()).map((a) => a.questionId)).toEqual(['q1']);
    // Written by this connection, and by another one (another window): seen at the next read
    // that follows the change event.
    await recordPracticeAnswer({
      questionId: 'q2',
      correct: false,
      now: new Date('2026-03-10T09:01:00.000Z'),
    });
    const other = new StratumDb(db.name);
    await other.attempts.put({
      id: 'x',
      questionId: 'q3',
      at: '2026-03-10T09:02:00.000Z',
      correct: true,
      mode: 'practice',
    });
    await new Promise((r) => setTimeout(r, 50));
    expect((await cachedAttempts()).map((a) => a.questionId)).toEqual(['q1', 'q2', 'q3']);
    await other.attempts.delete('x');
    await new Promise((r) => setTimeout(r, 50));
    expect(await cachedAttempts()).toEqual(await allAttempts());
    other.close();
  });
});

describe('review them later', () => {
  it('brings misses into review due now, leaves due ones alone, and undoes exactly', async () => {
    const t0 = new Date('2026-03-10T09:00:00.000Z');
    await answerReview({ questionId: 'later', correct: true, rating: Rating.Easy, now: t0 });
    await answerReview({ questionId: 'due', correct: false, rating: Rating.Again, now: t0 });
    const laterBefore = await getCard('later');
    const dueBefore = await getCard('due');
    const now = new Date('2026-03-10T10:00:00.000Z');
    const changed = await queueForReview(['new', 'later', 'due'], now);
    expect(changed.map((c) => c.questionId)).toEqual(['new', 'later']);
    expect((await getCard('later'))?.due).toBe(now.toISOString());
    expect((await getCard('later'))?.stability).toBe(laterBefore?.stability);
    expect(await getCard('due')).toEqual(dueBefore);
    expect((await getCard('new'))?.state).toBe(State.Learning);
    await undoQueueForReview(changed);
    expect(await getCard('new')).toBeNull();
    expect(await getCard('later')).toEqual(laterBefore);
  });
});

describe('the review limit', () => {
  it('holds back review cards past the daily maximum, never learning cards', () => {
    const now = new Date('2026-03-10T09:00:00.000Z');
    const card = (questionId: string, state: number) => ({
      questionId,
      due: '2026-03-09T09:00:00.000Z',
      stability: 3,
      difficulty: 5,
      elapsedDays: 1,
      scheduledDays: 1,
      learningSteps: 0,
      reps: 2,
      lapses: 0,
      state,
      lastReview: '2026-03-08T09:00:00.000Z',
    });
    const dueCards = [
      card('r1', State.Review),
      card('r2', State.Review),
      card('l1', State.Learning),
    ];
    const queue = dueQueue({
      dueCards,
      poolIds: ['r1', 'r2', 'l1'],
      cardIds: new Set(['r1', 'r2', 'l1']),
      newToday: 0,
      newLimit: 0,
      reviewLimit: 3,
      reviewsToday: 2,
      now,
    });
    expect(queue.map((i) => `${i.questionId}:${i.kind}`)).toEqual(['l1:learning', 'r1:review']);
  });
});

describe('saved sessions', () => {
  const row: PracticeSessionRow = {
    kind: 'practice',
    startedAt: '2026-03-10T09:00:00.000Z',
    updatedAt: '2026-03-10T09:03:00.000Z',
    activeMs: 180_000,
    questionIds: ['q1', 'q2', 'q3', 'q4'],
    index: 2,
    response: { type: 'single', choice: 'b' },
    checked: false,
    results: [true, false],
  };

  it('saves, reads back and clears a practice session', async () => {
    await saveSession(row);
    expect(await loadSession('practice')).toEqual({ status: 'ok', row });
    expect(await clearSession('practice')).toEqual(row);
    expect(await loadSession('practice')).toEqual({ status: 'none' });
  });

  it('sets a damaged row aside with a notice instead of failing', async () => {
    await db.sessions.put({ kind: 'practice', questionIds: 'not a list' } as never);
    const loaded = await loadSession('practice');
    expect(loaded.status).toBe('discarded');
    expect(loaded.status === 'discarded' && loaded.notice).toMatch(/could not be read/);
    expect(await db.sessions.count()).toBe(0);
  });

  it('refuses to save an invalid row', async () => {
    await expect(saveSession({ ...row, questionIds: [] })).rejects.toThrow();
  });

  it('resumes exactly where it was, and skips a deleted question with a note', () => {
    const pool = new Map(['q1', 'q2', 'q3', 'q4'].map((id) => [id, single(id, 1, '1.1')]));
    const same = restorePractice(row, pool)!;
    expect(same.notice).toBeNull();
    expect(same.state.index).toBe(2);
    expect(same.state.response).toEqual({ type: 'single', choice: 'b' });
    expect(same.state.results).toEqual([true, false]);

    pool.delete('q1');
    const skipped = restorePractice(row, pool)!;
    expect(skipped.notice).toBe('1 question of this session was deleted and skipped.');
    expect(skipped.state.questions.map((q) => q.id)).toEqual(['q2', 'q3', 'q4']);
    expect(skipped.state.index).toBe(1);
    expect(skipped.state.results).toEqual([false]);
    expect(skipped.state.response).toEqual({ type: 'single', choice: 'b' });

    pool.delete('q3');
    const current = restorePractice(row, pool)!;
    expect(current.state.questions.map((q) => q.id)).toEqual(['q2', 'q4']);
    expect(current.state.index).toBe(1);
    expect(current.state.response).toEqual({ type: 'single', choice: null });
    expect(restorePractice(row, new Map())).toBeNull();
  });
});

describe('study settings', () => {
  it('reads defaults, saves a change, and refuses out-of-range values', async () => {
    expect(await readStudyPrefs()).toEqual(DEFAULT_STUDY_PREFS);
    await saveStudyPrefs({ examDate: '2026-04-01', targetRetention: 0.85 });
    expect(await readStudyPrefs()).toMatchObject({ examDate: '2026-04-01', targetRetention: 0.85 });
    await expect(saveStudyPrefs({ targetRetention: 0.99 })).rejects.toThrow();
    expect((await readStudyPrefs()).targetRetention).toBe(0.85);
  });
});

describe('the end-of-session summary', () => {
  it('counts only answered questions, per domain and per task', () => {
    const qs = [
      single('a', 1, '1.1'),
      single('b', 1, '1.2'),
      single('c', 3, '3.1'),
      single('d', 3, '3.1'),
    ];
    const s = summarize(qs, [true, false, false]);
    expect(s.correct).toBe(1);
    expect(s.total).toBe(3);
    expect(s.byDomain).toEqual([
      { key: '1', correct: 1, total: 2 },
      { key: '3', correct: 0, total: 1 },
    ]);
    expect(s.byTask.map((t) => t.key)).toEqual(['1.1', '1.2', '3.1']);
    expect(s.missed.map((q) => q.id)).toEqual(['b', 'c']);
  });
});

describe('session time in words', () => {
  it.each([
    [20_000, 'under a minute'],
    [90_000, '2 min'],
    [59 * 60_000, '59 min'],
    [65 * 60_000, '1 h 5 min'],
  ])('%i ms is %s', (ms, text) => expect(sessionTimeText(ms)).toBe(text));
});

describe('version 9', () => {
  it('keeps every row, and marks old exam rows of unanswered questions as not attempts', async () => {
    const name = 'stratum-upgrade-v8-test';
    const v8 = new Dexie(name);
    v8.version(1).stores({ noteProgress: 'noteId, lastOpenedAt, bookmarkedAt' });
    v8.version(2).stores({ experiments: 'id, createdAt, kind' });
    v8.version(3).stores({ images: 'id, createdAt' });
    v8.version(4).stores({ attempts: 'id, questionId, at' });
    v8.version(5).stores({
      attempts: 'id, questionId, at, mode',
      questions: 'id, updatedAt',
      reports: 'id, questionId, at',
      reviewCards: 'questionId, due',
      exams: 'id, startedAt',
    });
    v8.version(6).stores({ conversations: 'id, updatedAt' });
    v8.version(7).stores({ attempts: 'id, questionId, at, mode, [mode+at]' });
    v8.version(8).stores({ pendingQuestions: 'id, position' });
    const exam = {
      id: 'e1',
      startedAt: '2026-03-10T09:00:00.000Z',
      deadline: '2026-03-10T10:30:00.000Z',
      finishedAt: '2026-03-10T09:30:00.000Z',
      questionIds: ['q1', 'q2', 'q3'],
      responses: { q1: { type: 'single', choice: 'a' }, q3: { type: 'single', choice: null } },
      flagged: [],
      result: null,
    };
    const base = { at: '2026-03-10T09:30:00.000Z', mode: 'exam', examId: 'e1' };
    const attempts = [
      { id: 'x1', questionId: 'q1', correct: true, ...base },
      { id: 'x2', questionId: 'q2', correct: false, ...base },
      { id: 'x3', questionId: 'q3', correct: false, ...base },
      { id: 'p1', questionId: 'q2', correct: false, at: base.at, mode: 'practice' },
    ];
    await v8.table('exams').put(exam);
    await v8.table('attempts').bulkPut(attempts);
    await v8.table('noteProgress').put({ noteId: 'n', read: true });
    v8.close();

    const current = new StratumDb(name);
    await current.open();
    // The upgrade runs through every later version too (v10, v11 and v12 only add stores).
    expect(current.verno).toBe(12);
    expect(await current.attempts.count()).toBe(4);
    expect(await current.exams.get('e1')).toEqual(exam);
    expect(await current.noteProgress.count()).toBe(1);
    const marked = (await current.attempts.toArray()).filter((a) => a.notAnswered).map((a) => a.id);
    expect(marked.sort()).toEqual(['x2', 'x3']);
    setDb(current);
    expect((await allAttempts()).map((a) => a.id).sort()).toEqual(['p1', 'x1']);
    setDb(db);
    await current.delete();
  });
});
