/**
 * Bench figures for spaced review and the mock exam (printed by bench/run.ts):
 * - the due-queue query (`readDueQueue`: due cards from the in-memory cards, today's new count
 *   through the `[mode+at]` index) over 10,000 cards and 50,000 attempts: on opening Spaced
 *   review, after each rating, and in a session whose cards were not read in advance. This module uses
 *   whatever `indexedDB` the global scope has: bench/run.ts runs it in Node on fake-indexeddb and
 *   bench/quiz-browser.ts bundles it into a page in Chromium, whose IndexedDB the app really uses;
 * - drawing a 65-question mock exam from 10,000 questions;
 * - Home's dashboard with those cards and attempts, 10,000 questions and 100 exams.
 */
import { EXAM_GUIDE } from '../shared/exam-guide';
import type { Question } from '../shared/questions';
import { setDb, StratumDb } from '../renderer/src/db/db';
import { type Attempt, type ReviewCard } from '../renderer/src/db/schema';
import {
  allCards,
  answerReview,
  forgetCachedCards,
  newIntroducedToday,
  readDueQueue,
} from '../renderer/src/db/review';
import { drawExam } from '../renderer/src/lib/mock-exam';
import { loadDashboard } from '../renderer/src/features/home/dashboard-data';
import { createRng } from '../shared/random';
import { DEFAULT_NEW_PER_DAY, Rating } from '../renderer/src/lib/review';

const LIMITS = { newPerDay: DEFAULT_NEW_PER_DAY, maxReviewsPerDay: 10_000 };
import { median as medianOrNull } from '../shared/statistics';

const median = (xs: readonly number[]): number => medianOrNull(xs) ?? NaN;

const DAY = 86_400_000;

function syntheticQuestion(i: number): Question {
  const domain = 1 + (i % 5);
  const tasks = EXAM_GUIDE.domains[domain - 1]!.tasks;
  return {
    id: `q${i}`,
    type: 'single',
    stem: `Synthetic question number ${i} for the benchmark.`,
    domain,
    task: tasks[i % tasks.length]!.id,
    sourceNoteId: 'ai-ml-basics',
    sourcePassage: 'A passage that is long enough to quote.',
    difficulty: 'medium',
    explanation: 'Because the passage says so, plainly.',
    origin: { kind: 'bank' },
    tags: [],
    options: ['a', 'b', 'c', 'd'].map((o) => ({ id: o, text: `Option ${o}` })),
    answer: 'a',
    whyWrong: {},
  };
}

/**
 * `backlog` sets how far back due dates go: a steady state has a few percent of cards due
 * (due dates from 3 days ago to 90 days ahead: about 3%), a learner back from a break has many
 * more (30 days ago to 60 ahead: about a third).
 */
export async function quizFigures(
  backlogDays = 3,
  aheadDays = 90,
): Promise<{
  cards: number;
  attempts: number;
  due: number;
  /** The first query of a session whose cards were not read in advance (it reads them all). */
  coldQueueMs: number;
  /** The query with the cards in memory (opening Spaced review). */
  queueMs: number;
  /** The query right after a rating (the written card is read again first). */
  afterRatingMs: number;
  drawMs: number;
  seedMs: number;
  /** Home's dashboard (lib/dashboard via features/home/dashboard-data), steady and first open. */
  homeMs: number;
  homeColdMs: number;
  parts: { cardLoadMs: number; newTodayMs: number };
}> {
  const db = new StratumDb(`stratum-bench-${Date.now()}`);
  setDb(db);
  const now = new Date();
  const rng = createRng(1);
  const t0 = performance.now();
  // 10,000 cards, most in review, some learning or relearning.
  const cards: ReviewCard[] = Array.from({ length: 10_000 }, (_, i) => {
    const due = new Date(
      now.getTime() + (rng.next() * (backlogDays + aheadDays) - backlogDays) * DAY,
    ).toISOString();
    const state = rng.next() < 0.9 ? 2 : rng.next() < 0.5 ? 1 : 3;
    return {
      questionId: `q${i}`,
      due,
      stability: 1 + rng.next() * 50,
      difficulty: 1 + rng.next() * 9,
      elapsedDays: 0,
      scheduledDays: 5,
      learningSteps: 0,
      reps: 1 + Math.floor(rng.next() * 10),
      lapses: Math.floor(rng.next() * 3),
      state,
      lastReview: new Date(now.getTime() - rng.next() * 30 * DAY).toISOString(),
    };
  });
  // 50,000 attempts over the last year, a few hundred of them today.
  const modes = ['practice', 'review', 'exam'] as const;
  const attempts: Attempt[] = Array.from({ length: 50_000 }, (_, i) => ({
    id: `a${i}`,
    questionId: `q${Math.floor(rng.next() * 12_000)}`,
    at: new Date(
      now.getTime() - (i < 300 ? rng.next() * 3_600_000 : rng.next() * 365 * DAY),
    ).toISOString(),
    correct: rng.next() < 0.7,
    mode: modes[i % 3]!,
    // As the app writes review answers since v7: whether the answer introduced its question.
    ...(i % 3 === 1 ? { newCard: rng.next() < 0.2 } : {}),
  }));
  await db.reviewCards.bulkPut(cards);
  await db.attempts.bulkPut(attempts);
  const seedMs = performance.now() - t0;

  const pool = Array.from({ length: 10_000 }, (_, i) => syntheticQuestion(i));
  const poolIds = [...pool.map((q) => q.id), 'new-1', 'new-2'];
  const timeOf = async (f: () => Promise<unknown>, runs = 9) => {
    const times: number[] = [];
    for (let i = 0; i < runs; i++) {
      const t = performance.now();
      await f();
      times.push(performance.now() - t);
    }
    return times;
  };
  // A session that did not read the cards in advance: the first query reads every card.
  forgetCachedCards();
  const [coldQueueMs] = await timeOf(() => readDueQueue(poolIds, now, LIMITS), 1);
  // Reading every card into memory (the app does it once, when idle after start).
  const cardLoadMs = median(
    await timeOf(async () => {
      forgetCachedCards();
      await allCards();
    }),
  );
  // With the cards in memory, as after the app's idle-time read: the queue on opening Spaced
  // review, then the queue after each rating (one card and one attempt written, read again).
  let due = 0;
  const queueMs = median(
    await timeOf(async () => {
      due = (await readDueQueue(poolIds, now, LIMITS)).length;
    }, 15),
  );
  const afterRatingTimes: number[] = [];
  for (let i = 0; i < 15; i++) {
    await answerReview({ questionId: `q${i}`, correct: true, rating: Rating.Good, now });
    const t = performance.now();
    await readDueQueue(poolIds, now, LIMITS);
    afterRatingTimes.push(performance.now() - t);
  }
  const parts = {
    cardLoadMs,
    newTodayMs: median(await timeOf(() => newIntroducedToday(now))),
  };
  // Home's dashboard over the same cards and attempts, 10,000 questions (the learner's own, so
  // every row is read and validated) and 100 submitted exams: the first open and a steady one.
  await db.questions.bulkPut(
    pool.map((question) => ({
      id: question.id,
      question,
      deleted: false,
      createdAt: now.toISOString(),
      updatedAt: now.toISOString(),
      blindCheck: null,
    })),
  );
  await db.exams.bulkPut(Array.from({ length: 100 }, (_, i) => syntheticExam(i, now)));
  const [homeColdMs] = await timeOf(() => loadDashboard(now, [], BENCH_NOTES), 1);
  const homeMs = median(await timeOf(() => loadDashboard(now, [], BENCH_NOTES)));
  const drawTimes: number[] = [];
  for (let i = 0; i < 50; i++) {
    const t = performance.now();
    drawExam(pool, EXAM_GUIDE.domains, i);
    drawTimes.push(performance.now() - t);
  }
  setDb(null);
  await db.delete();
  return {
    cards: cards.length,
    attempts: attempts.length,
    due,
    coldQueueMs: coldQueueMs!,
    queueMs,
    afterRatingMs: median(afterRatingTimes),
    drawMs: median(drawTimes),
    seedMs,
    parts,
    homeMs,
    homeColdMs: homeColdMs!,
  };
}

/** Notes for the dashboard's reading progress and weakest-task links. */
const BENCH_NOTES = EXAM_GUIDE.domains.flatMap((d) =>
  d.tasks.map((t) => ({ id: `note-${t.id}`, title: t.title, tasks: [t.id], domain: d.id })),
);

/** A submitted 65-question exam, `i` days ago. */
function syntheticExam(i: number, now: Date) {
  const at = new Date(now.getTime() - i * DAY).toISOString();
  const questionIds = Array.from({ length: 65 }, (_, k) => `q${(i * 65 + k) % 10_000}`);
  return {
    id: `exam-${i}`,
    startedAt: at,
    deadline: at,
    finishedAt: at,
    questionIds,
    responses: Object.fromEntries(
      questionIds.map((id, k) => [id, { type: 'single' as const, choice: k % 3 ? 'a' : 'b' }]),
    ),
    flagged: [],
    result: {
      correct: 40,
      total: 65,
      scaled: 650 + (i % 7) * 20,
      passed: i % 2 === 0,
      byDomain: { '1': { correct: 8, total: 13 } },
    },
  };
}
