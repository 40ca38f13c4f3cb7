/**
 * Spaced review: the questions FSRS says are due, answered one at a time, then rated Again / Hard
 * / Good / Easy (keys 1-4) with the next interval on each button, as in Anki. A wrong answer can
 * only be rated Again. The last ratings can be undone (Ctrl/⌘+Z or the Undo button): the card
 * goes back to exactly what it was and the attempt is deleted.
 *
 * A container: the overview's data and the session's state live in hooks (review/), the overview
 * and the session are their own parts.
 */
import { ReviewOverview } from './review/ReviewOverview';
import { ReviewSession } from './review/ReviewSession';
import { useReviewOverview } from './review/use-review-overview';
import { useReviewSession } from './review/use-review-session';

export function ReviewView() {
  const { pool, byId, now, limit, overview, learnMore } = useReviewOverview();
  const review = useReviewSession(byId);
  const { session } = review;
  if (session) return <ReviewSession review={{ ...review, session }} byId={byId} />;
  if (!pool || !overview) return <p className="loading">Loading your review queue…</p>;
  return (
    <ReviewOverview
      queue={overview.queue}
      next={overview.next}
      newToday={overview.newToday}
      limit={limit}
      seen={overview.seen}
      poolSize={pool.length}
      now={now}
      onStart={() => review.start(overview.queue)}
      onLearnMore={learnMore}
    />
  );
}
