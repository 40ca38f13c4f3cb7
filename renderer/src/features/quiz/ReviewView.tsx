/**
 * Spaced review: the questions FSRS says are due, answered one at a time, then rated Again / Hard
 * / Good / Easy (keys 1-4) with the next interval on each button, as in Anki. A wrong answer can
 * only be rated Again. The last ratings can be undone (Ctrl/⌘+Z or the Undo button): the card
 * goes back to exactly what it was and the attempt is deleted. The session is saved as it goes.
 *
 * A container: the overview's data and the session's state live in hooks (review/), the overview,
 * the session and the summary are their own parts.
 */
import { useEffect, useRef, useState } from 'react';
import { takeReviewStart } from './review-intent';
import { ReviewFinished } from './review/ReviewFinished';
import { ReviewOverview } from './review/ReviewOverview';
import { ReviewSession } from './review/ReviewSession';
import { current } from './review/session';
import { UndoRatingButton } from './review/UndoRatingButton';
import { useReviewOverview } from './review/use-review-overview';
import { useReviewSession } from './review/use-review-session';
import { SessionNotice } from './SessionNotice';

export function ReviewView() {
  const { pool, byId, now, limit, maxReviews, overview, learnMore } = useReviewOverview();
  const review = useReviewSession(byId, pool !== undefined);
  const { session } = review;
  // Home's Study button: start today's session as soon as the queue is known (once).
  const [asked] = useState(takeReviewStart);
  const autoStart = useRef(asked);
  useEffect(() => {
    if (!autoStart.current || !review.loaded || !overview) return;
    autoStart.current = false;
    if (!session && overview.queue.length > 0) review.start(overview.queue);
  }, [review, overview, session]);
  const notice = review.notice ? (
    <SessionNotice text={review.notice} onDismiss={review.dismissNotice} />
  ) : null;
  if (!pool || !overview || !review.loaded)
    return <p className="loading">Loading your review queue…</p>;
  let body;
  if (session && current(session, byId)) {
    body = <ReviewSession review={{ ...review, session }} byId={byId} />;
  } else if (session) {
    body = (
      <ReviewFinished
        session={session}
        byId={byId}
        undoButton={<UndoRatingButton session={session} onUndo={review.undo} />}
        onClose={review.close}
      />
    );
  } else {
    body = (
      <ReviewOverview
        queue={overview.queue}
        next={overview.next}
        newToday={overview.newToday}
        limit={limit}
        maxReviews={maxReviews}
        seen={overview.seen}
        poolSize={pool.length}
        now={now}
        onStart={() => review.start(overview.queue)}
        onLearnMore={learnMore}
      />
    );
  }
  return (
    <>
      {notice}
      {body}
    </>
  );
}
