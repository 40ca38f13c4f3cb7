/**
 * The learner's study settings (exam date, daily limits, target retention): one row in IndexedDB,
 * read through `useStudyPrefs`. A missing or damaged row reads as the defaults.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { DEFAULT_MAX_REVIEWS_PER_DAY, DEFAULT_NEW_PER_DAY, DEFAULT_RETENTION } from '../lib/review';
import { getDb } from './db';
import { StudyPrefs } from './schema';

export const DEFAULT_STUDY_PREFS: StudyPrefs = {
  id: 'study',
  examDate: null,
  newPerDay: DEFAULT_NEW_PER_DAY,
  maxReviewsPerDay: DEFAULT_MAX_REVIEWS_PER_DAY,
  targetRetention: DEFAULT_RETENTION,
};

export async function readStudyPrefs(): Promise<StudyPrefs> {
  const parsed = StudyPrefs.safeParse(await getDb().prefs.get('study'));
  return parsed.success ? parsed.data : DEFAULT_STUDY_PREFS;
}

/** Saves a change to the study settings; refuses (throws) values outside their limits. */
export async function saveStudyPrefs(change: Partial<Omit<StudyPrefs, 'id'>>): Promise<StudyPrefs> {
  const db = getDb();
  return db.transaction('rw', db.prefs, async () => {
    const next = StudyPrefs.parse({ ...(await readStudyPrefs()), ...change, id: 'study' });
    await db.prefs.put(next);
    return next;
  });
}

/** The study settings, live (undefined while the first read is under way). */
export function useStudyPrefs(): StudyPrefs | undefined {
  return useLiveQuery(readStudyPrefs, []);
}
