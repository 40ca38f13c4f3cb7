/**
 * Again / Hard / Good / Easy with keys 1-4 and, on each button, when the question comes back.
 * After a wrong answer only Again is allowed: Hard, Good and Easy stay in view (the learner sees
 * what a right answer would have given) but are marked unavailable (aria-disabled, dimmed) with
 * the reason in text under the bar. The suggested rating is the primary button.
 */
import { useId, type RefObject } from 'react';
import {
  allowedRatings,
  formatInterval,
  GRADES,
  preview,
  RATING_LABEL,
  suggestedRating,
  type Grade,
  type QueueItem,
} from '../../../lib/review';
import './rating-bar.css';

/** Why Hard, Good and Easy are unavailable after a wrong answer. */
export const WRONG_ANSWER_REASON = 'A wrong answer is rated Again.';

export function RatingBar({
  barRef,
  card,
  correct,
  previewAt,
  busy,
  onRate,
}: {
  barRef: RefObject<HTMLDivElement | null>;
  card: QueueItem['card'];
  correct: boolean;
  previewAt: number;
  busy: boolean;
  onRate: (g: Grade) => void;
}) {
  const reasonId = useId();
  const intervals = preview(card, new Date(previewAt));
  const allowed = allowedRatings(correct);
  const suggested = suggestedRating(correct);
  const someUnavailable = allowed.length < GRADES.length;
  return (
    <>
      <div ref={barRef} className="rating-bar" role="group" aria-label="Rate your answer">
        {GRADES.map((g) => {
          const ok = allowed.includes(g);
          return (
            <button
              key={g}
              type="button"
              className={g === suggested ? `primary rating rating-${g}` : `rating rating-${g}`}
              disabled={busy}
              aria-disabled={ok ? undefined : true}
              aria-describedby={ok ? undefined : reasonId}
              onClick={() => {
                if (ok) onRate(g);
              }}
            >
              <span>
                <kbd>{g}</kbd> {RATING_LABEL[g]}
              </span>
              <small data-testid={`interval-${g}`}>{formatInterval(intervals[g].intervalMs)}</small>
            </button>
          );
        })}
      </div>
      {someUnavailable ? (
        <p id={reasonId} className="muted small rating-reason" data-testid="rating-reason">
          {WRONG_ANSWER_REASON} Hard, Good and Easy are for answers you got right.
        </p>
      ) : null}
    </>
  );
}
