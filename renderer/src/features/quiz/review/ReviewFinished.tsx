/**
 * The end of a review session: how many answers were rated and how, the time, results per domain
 * and task, the missed questions with their notes; practise the missed ones, undo, or go back.
 */
import type { ReactNode } from 'react';
import { Link } from 'wouter';
import type { Question } from '../../../../../shared/questions';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { plural } from '../../../lib/format';
import { GRADES, RATING_LABEL } from '../../../lib/review';
import { sessionTimeText, summarize } from '../../../lib/session-summary';
import { PracticeLink } from '../PracticeLink';
import { SummaryTables } from '../SummaryTables';
import type { Session } from './session';

export function ReviewFinished({
  session,
  byId,
  undoButton,
  onClose,
}: {
  session: Session;
  byId: ReadonlyMap<string, Question>;
  undoButton: ReactNode;
  onClose: () => void;
}) {
  const { done } = session;
  const tally = GRADES.map((g) => [g, done.filter((d) => d.rating === g).length] as const);
  const answered = done.flatMap((d) => {
    const q = byId.get(d.item.questionId);
    return q ? [{ q, correct: d.correct }] : [];
  });
  const summary = summarize(
    answered.map((a) => a.q),
    answered.map((a) => a.correct),
  );
  const missedIds = [...new Set(summary.missed.map((q) => q.id))];
  const line = `${plural(done.length, 'answer')} rated: ${tally.map(([g, n]) => `${n} ${RATING_LABEL[g]}`).join(', ')}.`;
  return (
    <ResultsRegion label="Review result" revealKey="review-finished" announce={line}>
      <h2>Review finished</h2>
      <p className="lede" data-testid="review-summary">
        {line}
      </p>
      <p className="muted">
        {summary.correct} of {summary.total} answered right, in {sessionTimeText(session.activeMs)}.
      </p>
      <div className="actions">
        {missedIds.length > 0 ? (
          <PracticeLink className="button primary" intent={{ questionIds: missedIds }}>
            Practise the missed ones ({missedIds.length})
          </PracticeLink>
        ) : null}
        <button type="button" onClick={onClose}>
          Back to the review overview
        </button>
        <Link className="button" href="/" onClick={onClose}>
          Back to Home
        </Link>
        {undoButton}
      </div>
      {summary.total > 0 ? <SummaryTables summary={summary} /> : null}
    </ResultsRegion>
  );
}
