/**
 * The learner's own ratings in the evaluation lab (`evalRatings`): 1-5 scores and blind A/B
 * preferences, read with zod (a damaged row is skipped and counted, never deleted). A rating's id
 * is derived from what was rated, so rating it again replaces the earlier one.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { getDb } from './db';
import { EvalRatingRow } from './schema';

export type { EvalRatingRow } from './schema';
export type RatingRow = Extract<EvalRatingRow, { kind: 'rating' }>;
export type PreferenceRow = Extract<EvalRatingRow, { kind: 'preference' }>;

export function ratingId(runId: string, itemId: string, candidateId: string): string {
  return `${runId}\u0001rating\u0001${itemId}\u0001${candidateId}`;
}

export function preferenceId(
  runId: string,
  itemId: string,
  pair: readonly [string, string],
): string {
  return `${runId}\u0001preference\u0001${itemId}\u0001${[...pair].sort().join('\u0001')}`;
}

export interface RunRatings {
  ratings: RatingRow[];
  preferences: PreferenceRow[];
  /** Stored rows that failed the schema (kept in the database, not shown). */
  skipped: number;
}

export async function loadRunRatings(runId: string): Promise<RunRatings> {
  const raw: unknown[] = await getDb().evalRatings.where('runId').equals(runId).toArray();
  const out: RunRatings = { ratings: [], preferences: [], skipped: 0 };
  for (const row of raw) {
    const parsed = EvalRatingRow.safeParse(row);
    if (!parsed.success) out.skipped++;
    else if (parsed.data.kind === 'rating') out.ratings.push(parsed.data);
    else out.preferences.push(parsed.data);
  }
  return out;
}

/** The run's ratings, live: undefined while the first read is in flight. */
export function useRunRatings(runId: string | null): RunRatings | undefined {
  return useLiveQuery(
    () =>
      runId ? loadRunRatings(runId) : Promise.resolve({ ratings: [], preferences: [], skipped: 0 }),
    [runId],
  );
}

export async function saveRating(row: EvalRatingRow): Promise<void> {
  await getDb().evalRatings.put(EvalRatingRow.parse(row));
}
