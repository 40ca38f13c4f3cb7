/**
 * Home's study dashboard, pure: the last mock estimate and its trend, the weakest task
 * statements (lib/stats' Wilson ranking, the same as Stats), reading progress per domain, and the
 * plan to the exam date (new questions and notes per day to cover everything in time).
 */
import type { Attempt, ExamSession } from '../db/schema';
import {
  accuracy,
  addDays,
  daysBetween,
  examHistory,
  weakestTasks,
  type DayKey,
  type NoteFacts,
  type QuestionFacts,
  type WeakArea,
} from './stats';

export interface MockSummary {
  /** The newest submitted exam's estimate. */
  scaled: number;
  passed: boolean;
  correct: number;
  total: number;
  finishedAt: string;
  /** Estimates of up to the last five exams, oldest first (the trend). */
  trend: number[];
  /** Change from the exam before, or null when there is only one. */
  change: number | null;
}

export interface ExamPlan {
  examDate: DayKey;
  /** Study days left, today included and the exam day excluded (0: the exam is today or past). */
  daysLeft: number;
  unseenQuestions: number;
  unreadNotes: number;
  questionsPerDay: number;
  notesPerDay: number;
  /** The day new material should be done by (the day before the exam), for the sentence. */
  finishBy: DayKey;
}

export interface DomainReading {
  domain: number;
  read: number;
  total: number;
}

export interface DashboardInput {
  attempts: readonly Attempt[];
  exams: readonly ExamSession[];
  questions: readonly QuestionFacts[];
  notes: readonly (NoteFacts & { domain: number })[];
  /** Ids of the notes marked read. */
  readNotes: ReadonlySet<string>;
  examDate: DayKey | null;
  today: DayKey;
}

export interface Dashboard {
  mock: MockSummary | null;
  weak: WeakArea[];
  reading: DomainReading[];
  plan: ExamPlan | null;
  answeredQuestions: number;
}

export function mockSummary(exams: readonly ExamSession[]): MockSummary | null {
  const history = examHistory(exams);
  const last = history[0];
  if (!last) return null;
  const trend = history
    .slice(0, 5)
    .map((e) => e.result.scaled)
    .reverse();
  const before = history[1];
  return {
    scaled: last.result.scaled,
    passed: last.result.passed,
    correct: last.result.correct,
    total: last.result.total,
    finishedAt: last.finishedAt,
    trend,
    change: before ? last.result.scaled - before.result.scaled : null,
  };
}

/** New questions and notes per day, spread evenly over the days left before the exam day. */
export function examPlan(
  examDate: DayKey,
  today: DayKey,
  unseenQuestions: number,
  unreadNotes: number,
): ExamPlan {
  const daysLeft = Math.max(0, daysBetween(today, examDate));
  const per = (n: number) => (daysLeft > 0 ? Math.ceil(n / daysLeft) : n);
  return {
    examDate,
    daysLeft,
    unseenQuestions,
    unreadNotes,
    questionsPerDay: per(unseenQuestions),
    notesPerDay: per(unreadNotes),
    finishBy: addDays(examDate, -1),
  };
}

export function dashboard(input: DashboardInput): Dashboard {
  const acc = accuracy(input.attempts, input.questions);
  const reading = [1, 2, 3, 4, 5].map((domain) => {
    const notes = input.notes.filter((n) => n.domain === domain);
    return {
      domain,
      read: notes.filter((n) => input.readNotes.has(n.id)).length,
      total: notes.length,
    };
  });
  const unseen = input.questions.length - acc.latest.size;
  const unread = input.notes.filter((n) => !input.readNotes.has(n.id)).length;
  return {
    mock: mockSummary(input.exams),
    weak: weakestTasks(acc, input.questions, input.notes, 3),
    reading,
    plan: input.examDate ? examPlan(input.examDate, input.today, unseen, unread) : null,
    answeredQuestions: acc.latest.size,
  };
}
