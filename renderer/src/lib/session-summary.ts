/**
 * The end-of-session summary of a practice or review session: the score, and right/total per
 * domain and per task statement, over the questions actually answered (a question the learner
 * never reached is not counted anywhere).
 */
import type { Question } from '../../../shared/questions';

export interface Tallied {
  key: string;
  correct: number;
  total: number;
}

export interface SessionSummary {
  correct: number;
  total: number;
  byDomain: Tallied[];
  byTask: Tallied[];
  /** The questions answered wrongly, in the order they were asked. */
  missed: Question[];
}

function tally(into: Map<string, Tallied>, key: string, correct: boolean) {
  const t = into.get(key) ?? { key, correct: 0, total: 0 };
  t.total++;
  if (correct) t.correct++;
  into.set(key, t);
}

/** `answered[i]` is the result of `questions[i]`; questions past the results are not counted. */
export function summarize(
  questions: readonly Question[],
  answered: readonly boolean[],
): SessionSummary {
  const byDomain = new Map<string, Tallied>();
  const byTask = new Map<string, Tallied>();
  const missed: Question[] = [];
  let correct = 0;
  answered.forEach((ok, i) => {
    const q = questions[i];
    if (!q) return;
    if (ok) correct++;
    else missed.push(q);
    tally(byDomain, String(q.domain), ok);
    tally(byTask, q.task, ok);
  });
  const sorted = (m: Map<string, Tallied>) =>
    [...m.values()].sort((a, b) => a.key.localeCompare(b.key, 'en', { numeric: true }));
  return {
    correct,
    total: answered.length,
    byDomain: sorted(byDomain),
    byTask: sorted(byTask),
    missed,
  };
}

/** A session's time on screen in words: "under a minute", "12 min", "1 h 5 min". */
export function sessionTimeText(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return 'under a minute';
  if (minutes < 60) return `${minutes} min`;
  return `${Math.floor(minutes / 60)} h ${minutes % 60} min`;
}
