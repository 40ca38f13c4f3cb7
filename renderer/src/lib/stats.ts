/**
 * Practice statistics, pure and DOM-free: accuracy by domain and task statement, answers per
 * local calendar day (for the heatmap and the streak), the review forecast, the weakest task
 * statements with the notes that teach them, and the mock-exam history.
 *
 * Days are the learner's local calendar days. Every function that needs them takes a `DayOf`
 * (instant -> 'YYYY-MM-DD' in one time zone, see `dayOf`) and does its day arithmetic on those
 * civil dates, never by adding 24 hours, so a daylight-saving change cannot shift a bucket.
 */
import { wilsonInterval } from '../../../shared/statistics';
import type { Attempt, ExamSession, ReviewCard } from '../db/schema';

/** A local calendar date, 'YYYY-MM-DD'. */
export type DayKey = string;
/** Maps an instant to its calendar date in one time zone. */
export type DayOf = (instant: Date) => DayKey;

/** Every UTC offset in use is a whole number of quarter hours, so a day starts on a slot edge. */
const SLOT_MS = 15 * 60 * 1000;

const pad2 = (n: number) => String(n).padStart(2, '0');

/** The calendar date of an instant in the system's time zone (the Date's local getters). */
export function localDay(instant: Date): DayKey {
  const y = String(instant.getFullYear()).padStart(4, '0');
  return `${y}-${pad2(instant.getMonth() + 1)}-${pad2(instant.getDate())}`;
}

/**
 * The calendar date of an instant in `timeZone` (an IANA name such as 'Europe/London'), or in
 * the system's zone when it is omitted (`localDay`, fast: the app's path). A named zone goes
 * through Intl, cached per quarter hour, which is exact because local midnight always falls on a
 * quarter-hour boundary in UTC.
 */
export function dayOf(timeZone?: string): DayOf {
  if (!timeZone) return localDay;
  const format = new Intl.DateTimeFormat('en-US', {
    timeZone,
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    calendar: 'gregory',
    numberingSystem: 'latn',
  });
  const cache = new Map<number, DayKey>();
  return (instant) => {
    const slot = Math.floor(instant.getTime() / SLOT_MS);
    let key = cache.get(slot);
    if (key === undefined) {
      const parts = format.formatToParts(instant);
      const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
      key = `${part('year').padStart(4, '0')}-${part('month')}-${part('day')}`;
      cache.set(slot, key);
    }
    return key;
  };
}

function civil(key: DayKey): [number, number, number] {
  const [y, m, d] = key.split('-').map(Number);
  return [y ?? 1970, m ?? 1, d ?? 1];
}

/** The date `n` calendar days after (or before, for negative `n`) `key`. */
export function addDays(key: DayKey, n: number): DayKey {
  const [y, m, d] = civil(key);
  return new Date(Date.UTC(y, m - 1, d + n)).toISOString().slice(0, 10);
}

/** Whole calendar days from `a` to `b` (positive when b is later). */
export function daysBetween(a: DayKey, b: DayKey): number {
  const [ya, ma, da] = civil(a);
  const [yb, mb, db] = civil(b);
  return Math.round((Date.UTC(yb, mb - 1, db) - Date.UTC(ya, ma - 1, da)) / 86_400_000);
}

/** Day of the week of a date: 0 Sunday .. 6 Saturday. */
export function weekday(key: DayKey): number {
  const [y, m, d] = civil(key);
  return new Date(Date.UTC(y, m - 1, d)).getUTCDay();
}

/**
 * A date key as a Date at local noon, for the app's formatters (lib/format.ts), which format in
 * the learner's time zone: noon keeps the same calendar day in every zone.
 */
export function dayAsLocalDate(key: DayKey): Date {
  const [y, m, d] = civil(key);
  return new Date(y, m - 1, d, 12);
}

/** A date key as a Date at noon UTC, for formatting with `timeZone: 'UTC'` (never shifts). */
export function dayAsDate(key: DayKey): Date {
  const [y, m, d] = civil(key);
  return new Date(Date.UTC(y, m - 1, d, 12));
}

// ---------------------------------------------------------------------------------------------
// Accuracy

/** What stats need to know about a question. */
export interface QuestionFacts {
  id: string;
  domain: number;
  task: string;
  sourceNoteId: string;
}

/** Counts for one group: every answer, and the latest answer to each question. */
export interface Tally {
  /** Every answer given, repeats included. */
  answers: number;
  answersCorrect: number;
  /** Distinct questions answered. */
  questions: number;
  /** Questions whose latest answer was right. */
  questionsCorrect: number;
}

export const emptyTally = (): Tally => ({
  answers: 0,
  answersCorrect: 0,
  questions: 0,
  questionsCorrect: 0,
});

export interface Accuracy {
  /** Over every answer to a question still in the pool. */
  overall: Tally;
  byDomain: Map<number, Tally>;
  byTask: Map<string, Tally>;
  /** Latest answer per question id (pool questions only). */
  latest: Map<string, boolean>;
  /** Answers to questions no longer in the pool (deleted): counted as activity only. */
  orphanAnswers: number;
}

const time = (iso: string) => Date.parse(iso);
const CANONICAL = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const sameForm = (a: string, b: string) =>
  a.length === 24 && b.length === 24 && CANONICAL.test(a) && CANONICAL.test(b);

/** Attempts in time order; attempts at the same instant keep their input order. */
export function byTime(attempts: readonly Attempt[]): Attempt[] {
  // Already in order (as the database returns them): skip the sort, which costs tens of
  // milliseconds over 50,000 attempts.
  let ordered = true;
  for (let i = 1; i < attempts.length && ordered; i++) {
    const a = attempts[i - 1]!.at;
    const b = attempts[i]!.at;
    // Two instants in the same canonical form (toISOString's) compare as strings.
    ordered = sameForm(a, b) ? a <= b : time(a) <= time(b);
  }
  if (ordered) return [...attempts];
  return attempts
    .map((a, i) => ({ a, i, t: time(a.at) }))
    .sort((x, y) => x.t - y.t || x.i - y.i)
    .map((x) => x.a);
}

/** The latest answer to each question: true when it was right. */
export function latestPerQuestion(attempts: readonly Attempt[]): Map<string, boolean> {
  const latest = new Map<string, boolean>();
  for (const a of byTime(attempts)) latest.set(a.questionId, a.correct);
  return latest;
}

/** Accuracy overall, by domain and by task statement, joining attempts to the question pool. */
export function accuracy(
  attempts: readonly Attempt[],
  questions: readonly QuestionFacts[],
): Accuracy {
  const facts = new Map(questions.map((q) => [q.id, q]));
  const known = attempts.filter((a) => facts.has(a.questionId));
  const latest = latestPerQuestion(known);
  const overall = emptyTally();
  const byDomain = new Map<number, Tally>();
  const byTask = new Map<string, Tally>();
  const groups = (q: QuestionFacts) => {
    let d = byDomain.get(q.domain);
    if (!d) byDomain.set(q.domain, (d = emptyTally()));
    let t = byTask.get(q.task);
    if (!t) byTask.set(q.task, (t = emptyTally()));
    return [overall, d, t];
  };
  for (const a of known) {
    for (const tally of groups(facts.get(a.questionId)!)) {
      tally.answers += 1;
      if (a.correct) tally.answersCorrect += 1;
    }
  }
  for (const [id, correct] of latest) {
    for (const tally of groups(facts.get(id)!)) {
      tally.questions += 1;
      if (correct) tally.questionsCorrect += 1;
    }
  }
  return { overall, byDomain, byTask, latest, orphanAnswers: attempts.length - known.length };
}

/** `part / whole` as a fraction, or null when there is nothing to divide. */
export function ratio(part: number, whole: number): number | null {
  return whole > 0 ? part / whole : null;
}

// ---------------------------------------------------------------------------------------------
// Activity: answers per day, streaks, the heatmap

/** Answers per local day. */
export function dailyCounts(attempts: readonly Attempt[], day: DayOf): Map<DayKey, number> {
  const counts = new Map<DayKey, number>();
  for (const a of attempts) {
    const key = day(new Date(a.at));
    counts.set(key, (counts.get(key) ?? 0) + 1);
  }
  return counts;
}

export interface Streak {
  /** Days in a row with at least one answer, ending today (or yesterday, if not yet today). */
  current: number;
  /** The longest such run ever. */
  longest: number;
  /** True when today already has an answer. */
  today: boolean;
}

export function streak(
  days: ReadonlySet<DayKey> | ReadonlyMap<DayKey, number>,
  today: DayKey,
): Streak {
  const has = (k: DayKey) => days.has(k);
  let end = has(today) ? today : addDays(today, -1);
  let current = 0;
  while (has(end)) {
    current += 1;
    end = addDays(end, -1);
  }
  const sorted = [...days.keys()].sort();
  let longest = 0;
  let run = 0;
  let previous: DayKey | null = null;
  for (const key of sorted) {
    run = previous !== null && daysBetween(previous, key) === 1 ? run + 1 : 1;
    longest = Math.max(longest, run);
    previous = key;
  }
  return { current, longest, today: has(today) };
}

/** Heatmap shades: 0 answers, 1-4, 5-9, 10-19, 20 or more. */
export const HEAT_LEVELS = [1, 5, 10, 20] as const;

export function heatLevel(count: number): 0 | 1 | 2 | 3 | 4 {
  let level = 0;
  for (const threshold of HEAT_LEVELS) if (count >= threshold) level += 1;
  return level as 0 | 1 | 2 | 3 | 4;
}

export interface HeatCell {
  date: DayKey;
  count: number;
  level: 0 | 1 | 2 | 3 | 4;
  /** After today: drawn blank. */
  future: boolean;
}

export interface Heatmap {
  /** Columns, oldest first; each holds seven days starting on `weekStartsOn`. */
  weeks: HeatCell[][];
  /** Answers and active days inside the window (up to today). */
  total: number;
  activeDays: number;
  busiest: { date: DayKey; count: number } | null;
}

/**
 * A calendar heatmap like GitHub's: `weeks` columns ending with the week that holds `today`.
 * `weekStartsOn` is 0 for Sunday, 1 for Monday. Month labels over the columns are the
 * calendar's own (features/quiz/stats/month-labels.ts: a column is labelled by the month whose
 * 1st it holds).
 */
export function heatmap(
  counts: ReadonlyMap<DayKey, number>,
  today: DayKey,
  weeks = 26,
  weekStartsOn: 0 | 1 = 1,
): Heatmap {
  const back = (weekday(today) - weekStartsOn + 7) % 7;
  const start = addDays(today, -back - (weeks - 1) * 7);
  const columns: HeatCell[][] = [];
  let total = 0;
  let activeDays = 0;
  let busiest: Heatmap['busiest'] = null;
  for (let w = 0; w < weeks; w++) {
    const column: HeatCell[] = [];
    for (let d = 0; d < 7; d++) {
      const date = addDays(start, w * 7 + d);
      const future = date > today;
      const count = future ? 0 : (counts.get(date) ?? 0);
      column.push({ date, count, level: heatLevel(count), future });
      total += count;
      if (count > 0) activeDays += 1;
      if (count > 0 && (!busiest || count > busiest.count)) busiest = { date, count };
    }
    columns.push(column);
  }
  return { weeks: columns, total, activeDays, busiest };
}

// ---------------------------------------------------------------------------------------------
// Reviews due

export interface Forecast {
  /** Reviews due per day from today; day 0 includes everything overdue. */
  days: { date: DayKey; count: number }[];
  /** Of day 0's count, how many were due before today. */
  overdue: number;
  /** Due after the window. */
  later: number;
}

/**
 * Review cards due per local day over the next `n` days (today first). Cards still in the FSRS
 * New state (0) are not scheduled yet and are left out, as are cards of questions not in `pool`
 * when it is given (deleted questions are never shown for review).
 */
export function dueForecast(
  cards: readonly Pick<ReviewCard, 'questionId' | 'due' | 'state'>[],
  today: DayKey,
  day: DayOf,
  n = 30,
  pool?: ReadonlySet<string>,
): Forecast {
  const days = Array.from({ length: n }, (_, i) => ({ date: addDays(today, i), count: 0 }));
  let overdue = 0;
  let later = 0;
  for (const card of cards) {
    if (card.state === 0 || (pool && !pool.has(card.questionId))) continue;
    const key = day(new Date(card.due));
    const offset = Math.max(0, daysBetween(today, key));
    if (key < today) overdue += 1;
    const slot = days[offset];
    if (slot) slot.count += 1;
    else later += 1;
  }
  return { days, overdue, later };
}

// ---------------------------------------------------------------------------------------------
// Weakest task statements

/** What stats need to know about a note. */
export interface NoteFacts {
  id: string;
  title: string;
  /** Task statements the note covers; the first is its home. */
  tasks: readonly string[];
}

export interface WeakArea {
  task: string;
  tally: Tally;
  /** Lower end of the 95% Wilson interval of the latest-answer accuracy: the ranking score. */
  score: number;
  /** Notes to read, most specific first. */
  notes: NoteFacts[];
}

/** Tasks whose score reaches this are not listed as weak: we are 95% sure they are above 70%. */
export const STRONG_SCORE = 0.7;

/**
 * The notes that teach a task: first the source notes of its questions the learner last got
 * wrong (most missed first), then notes whose home is the task, then notes that also cover it.
 */
export function notesForTask(
  task: string,
  notes: readonly NoteFacts[],
  questions: readonly QuestionFacts[],
  latest: ReadonlyMap<string, boolean>,
  limit = 3,
): NoteFacts[] {
  const byId = new Map(notes.map((n) => [n.id, n]));
  const missed = new Map<string, number>();
  for (const q of questions) {
    if (q.task === task && latest.get(q.id) === false)
      missed.set(q.sourceNoteId, (missed.get(q.sourceNoteId) ?? 0) + 1);
  }
  const ids = [
    ...[...missed].sort((a, b) => b[1] - a[1]).map(([id]) => id),
    ...notes.filter((n) => n.tasks[0] === task).map((n) => n.id),
    ...notes.filter((n) => n.tasks.includes(task)).map((n) => n.id),
  ];
  const out: NoteFacts[] = [];
  for (const id of new Set(ids)) {
    const note = byId.get(id);
    if (note) out.push(note);
    if (out.length === limit) break;
  }
  return out;
}

/**
 * Practised task statements ranked weakest first by the lower Wilson bound of the share of their
 * questions last answered right (so 0 of 3 ranks below 1 of 3, and 1 of 1 below 8 of 10: a
 * single right answer is not yet evidence); ties go to the lower upper bound (0 of 3 before 0 of 1). Tasks scoring STRONG_SCORE or more are left out.
 */
export function weakestTasks(
  acc: Accuracy,
  questions: readonly QuestionFacts[],
  notes: readonly NoteFacts[],
  limit = 5,
): WeakArea[] {
  return (
    [...acc.byTask]
      .filter(([, t]) => t.questions > 0)
      .map(([task, tally]) => {
        const { low, high } = wilsonInterval(tally.questionsCorrect, tally.questions);
        return { task, tally, score: low, high };
      })
      .filter((w) => w.score < STRONG_SCORE)
      // Ties (e.g. 0 of 3 and 0 of 1 both score 0) go to the one with more evidence of weakness.
      .sort((a, b) => a.score - b.score || a.high - b.high || a.task.localeCompare(b.task))
      .slice(0, limit)
      .map(({ task, tally, score }) => ({
        task,
        tally,
        score,
        notes: notesForTask(task, notes, questions, acc.latest),
      }))
  );
}

/** Task statements (of `allTasks`, in that order) with no answer yet. */
export function unpractisedTasks(acc: Accuracy, allTasks: readonly string[]): string[] {
  return allTasks.filter((t) => !(acc.byTask.get(t)?.questions ?? 0));
}

// ---------------------------------------------------------------------------------------------
// Mock exams

export type FinishedExam = ExamSession & {
  finishedAt: string;
  result: NonNullable<ExamSession['result']>;
};

/** Submitted mock exams, newest first. */
export function examHistory(exams: readonly ExamSession[]): FinishedExam[] {
  return exams
    .filter((e): e is FinishedExam => e.finishedAt !== null && e.result !== null)
    .sort((a, b) => time(b.finishedAt) - time(a.finishedAt));
}
