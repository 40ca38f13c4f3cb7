/** The review overview: what is due, today's new questions, when the next is due; Start or more. */
import { Link } from 'wouter';
import { plural } from '../../../lib/format';
import type { QueueItem } from '../../../lib/review';
import { formatDueAt } from '../use-now';
import { MORE_NEW } from './use-review-overview';

export function ReviewOverview({
  queue,
  next,
  newToday,
  limit,
  maxReviews,
  seen,
  poolSize,
  now,
  onStart,
  onLearnMore,
}: {
  queue: readonly QueueItem[];
  next: string | null | undefined;
  newToday: number;
  limit: number;
  maxReviews: number;
  seen: number;
  poolSize: number;
  now: number;
  onStart: () => void;
  onLearnMore: () => void;
}) {
  const count = (kind: QueueItem['kind']) => queue.filter((i) => i.kind === kind).length;
  const unseen = Math.max(0, poolSize - seen);
  return (
    <section className="review-overview">
      <p className="muted">
        Each question is scheduled with FSRS, a spaced-repetition algorithm: answer it, then rate
        how well you knew it. Questions you find hard come back soon; ones you know well come back
        days or months later. Up to {plural(limit, 'new question')} and{' '}
        {plural(maxReviews, 'review')} a day (Settings → Study).
      </p>
      <p className="muted" data-testid="review-link-note">
        Quick practice feeds this queue: a question you answer there for the first time joins spaced
        review (right counts as Good, wrong as Again). Mock exams do not; a result's &ldquo;Review
        them later&rdquo; adds its misses.
      </p>
      <div className="card">
        <dl className="facts facts-row review-facts">
          <div>
            <dt>Due now</dt>
            <dd data-testid="review-due">{queue.length}</dd>
            <dd className="fact-note">
              <small>
                {count('learning')} learning · {count('review')} review · {count('new')} new
              </small>
            </dd>
          </div>
          <div>
            <dt>New today</dt>
            <dd>
              {newToday} of {limit}
            </dd>
            <dd className="fact-note">
              <small>{plural(unseen, 'question')} not seen yet</small>
            </dd>
          </div>
          <div>
            <dt>Next due</dt>
            <dd className="review-next">{next ? formatDueAt(next, now) : '—'}</dd>
            <dd className="fact-note">
              <small>{plural(seen, 'question')} scheduled</small>
            </dd>
          </div>
        </dl>
        {queue.length > 0 ? (
          <div className="actions">
            <button type="button" className="primary" onClick={onStart}>
              Start review ({queue.length})
            </button>
            <span className="muted small">
              Enter checks an answer; keys 1–4 rate it; Ctrl+Z undoes the last rating.
            </span>
          </div>
        ) : (
          <div className="empty review-empty" data-testid="review-empty">
            <p>
              <strong>Nothing is due right now.</strong>{' '}
              {next
                ? `The next question is due ${formatDueAt(next, now)}.`
                : unseen > 0
                  ? 'You have not started any questions in spaced review yet.'
                  : 'Your question pool is empty.'}
            </p>
            <div className="actions">
              {unseen > 0 ? (
                <button type="button" className="primary" onClick={onLearnMore}>
                  Learn {plural(Math.min(MORE_NEW, unseen), 'more new question')} today
                </button>
              ) : null}
              <Link className="button" href="/practice">
                Go to quick practice
              </Link>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}
