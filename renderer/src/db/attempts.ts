/** Practice attempts. Rows are validated on the way out; a bad row is skipped, not deleted. */
import { Attempt, getDb } from './db';

export async function recordAttempt(questionId: string, correct: boolean): Promise<void> {
  const row: Attempt = {
    id: crypto.randomUUID(),
    questionId,
    at: new Date().toISOString(),
    correct,
    mode: 'practice',
  };
  await getDb().attempts.put(Attempt.parse(row));
}

export async function allAttempts(): Promise<Attempt[]> {
  const rows = await getDb().attempts.orderBy('at').toArray();
  return rows.flatMap((row) => {
    const parsed = Attempt.safeParse(row);
    return parsed.success ? [parsed.data] : [];
  });
}

/** Questions whose most recent attempt was wrong. */
export function missedIds(attempts: readonly Attempt[]): Set<string> {
  const last = new Map<string, boolean>();
  for (const a of attempts) last.set(a.questionId, a.correct);
  return new Set([...last].filter(([, correct]) => !correct).map(([id]) => id));
}
