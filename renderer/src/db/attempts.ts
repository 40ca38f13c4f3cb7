/** Practice attempts. Rows are validated on the way out; a bad row is skipped, not deleted. */
import { getDb } from './db';
import { KeyedCache } from './keyed-cache';
import { Attempt } from './schema';

const parseAttempt = (row: unknown): Attempt | null => {
  const parsed = Attempt.safeParse(row);
  return parsed.success && !parsed.data.notAnswered ? parsed.data : null;
};
const attemptCache = new KeyedCache<Attempt>(
  'attempts',
  (db) => db.attempts,
  parseAttempt,
  (a) => a.id,
);
let sorted: { version: number; list: Attempt[] } | null = null;

/**
 * Every attempt, oldest first, from an in-memory copy kept in step with the database
 * (keyed-cache.ts): for Home, which reads them all each time it opens. Same rows as allAttempts.
 */
export async function cachedAttempts(): Promise<readonly Attempt[]> {
  const rows = await attemptCache.rows();
  if (sorted?.version !== attemptCache.version) {
    const list = [...rows.values()].sort(
      (a, b) => a.at.localeCompare(b.at) || a.id.localeCompare(b.id),
    );
    sorted = { version: attemptCache.version, list };
  }
  return sorted.list;
}

/**
 * Records one answer (by default a quick-practice answer, now) and returns the stored row. Review
 * answers pass their mode and rating, mock-exam answers their mode and exam id.
 */
export async function recordAttempt(
  questionId: string,
  correct: boolean,
  options: Partial<Pick<Attempt, 'mode' | 'rating' | 'examId' | 'at'>> = {},
): Promise<Attempt> {
  const row = Attempt.parse({
    id: crypto.randomUUID(),
    questionId,
    at: options.at ?? new Date().toISOString(),
    correct,
    mode: options.mode ?? 'practice',
    ...(options.rating !== undefined ? { rating: options.rating } : {}),
    ...(options.examId !== undefined ? { examId: options.examId } : {}),
  } satisfies Attempt);
  await getDb().attempts.put(row);
  return row;
}

/**
 * Every attempt, oldest first. Rows that are not attempts (an old exam row for a question left
 * unanswered, marked by the v9 upgrade) and rows that fail validation are left out, not deleted.
 */
export async function allAttempts(): Promise<Attempt[]> {
  const rows = await getDb().attempts.orderBy('at').toArray();
  return rows.flatMap((row) => parseAttempt(row) ?? []);
}

/** Every attempt at one question, oldest first (the question's history in My questions). */
export async function attemptsOf(questionId: string): Promise<Attempt[]> {
  const rows = await getDb().attempts.where('questionId').equals(questionId).toArray();
  return rows.flatMap((row) => parseAttempt(row) ?? []).sort((a, b) => a.at.localeCompare(b.at));
}

/** Questions whose most recent attempt was wrong. */
export function missedIds(attempts: readonly Attempt[]): Set<string> {
  const last = new Map<string, boolean>();
  for (const a of attempts) last.set(a.questionId, a.correct);
  return new Set([...last].filter(([, correct]) => !correct).map(([id]) => id));
}
