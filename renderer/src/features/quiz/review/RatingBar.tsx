/**
 * Again / Hard / Good / Easy with keys 1-4 and, on each button, when the question comes back.
 * After a wrong answer only Again is allowed; the suggested rating is the primary button.
 */
import type { RefObject } from 'react';
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
  const intervals = preview(card, new Date(previewAt));
  const allowed = allowedRatings(correct);
  const suggested = suggestedRating(correct);
  return (
    <div ref={barRef} className="rating-bar" role="group" aria-label="Rate your answer">
      {GRADES.map((g) => {
        const ok = allowed.includes(g);
        return (
          <button
            key={g}
            type="button"
            className={g === suggested ? `primary rating rating-${g}` : `rating rating-${g}`}
            disabled={!ok || busy}
            title={ok ? undefined : 'After a wrong answer, only Again'}
            onClick={() => onRate(g)}
          >
            <span>
              <kbd>{g}</kbd> {RATING_LABEL[g]}
            </span>
            <small data-testid={`interval-${g}`}>{formatInterval(intervals[g].intervalMs)}</small>
          </button>
        );
      })}
    </div>
  );
}
