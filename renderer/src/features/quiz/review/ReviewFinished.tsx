/** The end of a review session: how many answers were rated, by rating; back or undo. */
import type { ReactNode } from 'react';
import { plural } from '../../../lib/format';
import { GRADES, RATING_LABEL } from '../../../lib/review';
import type { Done } from './session';

export function ReviewFinished({
  done,
  undoButton,
  onEnd,
}: {
  done: readonly Done[];
  undoButton: ReactNode;
  onEnd: () => void;
}) {
  const tally = GRADES.map((g) => [g, done.filter((d) => d.rating === g).length] as const);
  return (
    <section>
      <h2>Review finished</h2>
      <p className="lede" data-testid="review-summary">
        {plural(done.length, 'answer')} rated:{' '}
        {tally.map(([g, n]) => `${n} ${RATING_LABEL[g]}`).join(', ')}.
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onEnd}>
          Back to the review overview
        </button>
        {undoButton}
      </div>
    </section>
  );
}
