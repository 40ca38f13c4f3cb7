/**
 * What the review overview shows, read live from the database: the due queue (new questions
 * round-robin over the domains, so a day's new ones cover the exam) within the learner's daily
 * limits (Settings), the next due time, the new questions introduced today and how many are
 * scheduled. "Learn more" raises today's new limit.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useMemo, useState } from 'react';
import { DEFAULT_STUDY_PREFS, useStudyPrefs } from '../../../db/prefs';
import { useQuestionPool } from '../../../db/questions';
import { countCards, newIntroducedToday, nextDueAfter, readDueQueue } from '../../../db/review';
import { interleaveByDomain } from '../../../lib/review';
import { BANK } from '../bank';
import { useNow } from '../use-now';

/** How many more new questions "Learn more" adds for today. */
export const MORE_NEW = 10;

export function useReviewOverview() {
  const pool = useQuestionPool(BANK);
  const prefs = useStudyPrefs() ?? DEFAULT_STUDY_PREFS;
  const now = useNow(30_000);
  const [extraNew, setExtraNew] = useState(0);
  const byId = useMemo(() => new Map((pool ?? []).map((q) => [q.id, q])), [pool]);
  const order = useMemo(() => interleaveByDomain(pool ?? []), [pool]);
  const limit = prefs.newPerDay + extraNew;
  const maxReviews = prefs.maxReviewsPerDay;
  const overview = useLiveQuery(async () => {
    if (!pool) return undefined;
    const at = new Date(now);
    const [queue, next, newToday, seen] = await Promise.all([
      readDueQueue(order, at, { newPerDay: limit, maxReviewsPerDay: maxReviews }),
      nextDueAfter(at, new Set(order)),
      newIntroducedToday(at),
      countCards(),
    ]);
    return { queue, next, newToday, seen };
  }, [pool, order, now, limit, maxReviews]);
  return {
    pool,
    byId,
    now,
    limit,
    maxReviews,
    overview,
    learnMore: () => setExtraNew((n) => n + MORE_NEW),
  };
}
