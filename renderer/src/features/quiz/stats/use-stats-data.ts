/**
 * Everything the Stats tab shows, computed from IndexedDB (attempts, review cards, exams) and the
 * question pool by the pure functions of lib/stats; null while loading. "Today" is checked every
 * minute, so the calendar and "due today" move on at local midnight.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo } from 'react';
import { allAttempts } from '../../../db/attempts';
import { allExams } from '../../../db/exams';
import { useQuestionPool } from '../../../db/questions';
import { allCards } from '../../../db/review';
import { reviewsDue, type ReviewsDue } from '../../../lib/due-today';
import {
  accuracy,
  dailyCounts,
  dayOf,
  dueForecast,
  examHistory,
  heatmap,
  streak,
  unpractisedTasks,
  weakestTasks,
  type Accuracy,
  type DayKey,
  type FinishedExam,
  type Forecast,
  type Heatmap,
  type QuestionFacts,
  type Streak,
  type WeakArea,
} from '../../../lib/stats';
import { BANK } from '../bank';
import { useNow } from '../use-now';
import { FORECAST_DAYS, NOTES, TASKS, WEEKS } from './common';

export interface StatsData {
  acc: Accuracy;
  counts: Map<DayKey, number>;
  today: DayKey;
  streak: Streak;
  heat: Heatmap;
  forecast: Forecast;
  /** Reviews due today (lib/due-today: the same count as Home's). */
  due: ReviewsDue;
  hasCards: boolean;
  weak: WeakArea[];
  unpractised: string[];
  exams: FinishedExam[];
  /** Mock exams started and not yet submitted. */
  unfinishedExams: number;
  totalAnswers: number;
}

export function useStatsData(): StatsData | null {
  const source = useLiveQuery(async () => {
    const [attempts, cards, exams] = await Promise.all([allAttempts(), allCards(), allExams()]);
    return { attempts, cards, exams };
  }, []);
  const pool = useQuestionPool(BANK);
  const nowMs = useNow(60_000);
  const today = dayOf()(new Date(nowMs));
  const due = useMemo(
    () =>
      source && pool
        ? reviewsDue(source.cards, new Date(nowMs), dayOf(), new Set(pool.map((q) => q.id)))
        : null,
    [source, pool, nowMs],
  );

  return useMemo((): StatsData | null => {
    if (!source || !pool || !due) return null;
    const questions: QuestionFacts[] = pool;
    const day = dayOf();
    const acc = accuracy(source.attempts, questions);
    const counts = dailyCounts(source.attempts, day);
    const poolIds = new Set(pool.map((q) => q.id));
    return {
      acc,
      counts,
      today,
      streak: streak(counts, today),
      heat: heatmap(counts, today, WEEKS, 1),
      forecast: dueForecast(source.cards, today, day, FORECAST_DAYS, poolIds),
      due,
      hasCards: source.cards.some((c) => poolIds.has(c.questionId) && c.state !== 0),
      weak: weakestTasks(acc, questions, NOTES),
      unpractised: unpractisedTasks(
        acc,
        TASKS.map((t) => t.id),
      ),
      exams: examHistory(source.exams),
      unfinishedExams: source.exams.filter((e) => e.finishedAt === null).length,
      totalAnswers: source.attempts.length,
    };
  }, [source, pool, today, due]);
}
