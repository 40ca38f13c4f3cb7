/**
 * The review screen before submitting: counts, the unanswered and flagged questions to jump to,
 * every question in the navigator, and Submit with a confirmation.
 */
import type { ReactNode, RefObject } from 'react';
import type { ExamSession } from '../../../db/schema';
import { plural } from '../../../lib/format';

export function ExamReviewScreen({
  header,
  session,
  index,
  answered,
  error,
  confirming,
  confirmRef,
  submitRef,
  onConfirm,
  onSubmit,
  onGo,
  navigator,
}: {
  header: ReactNode;
  session: ExamSession;
  /** The question the learner came from. */
  index: number;
  answered: (id: string) => boolean;
  error: string | null;
  confirming: boolean;
  /** The focus goes to Submit now when it appears, back to Submit exam… when it goes. */
  confirmRef: RefObject<HTMLButtonElement | null>;
  submitRef: RefObject<HTMLButtonElement | null>;
  onConfirm: (asking: boolean) => void;
  onSubmit: () => void;
  onGo: (i: number) => void;
  navigator: ReactNode;
}) {
  const total = session.questionIds.length;
  const unanswered = session.questionIds.filter((x) => !answered(x));
  const flaggedIds = session.questionIds.filter((x) => session.flagged.includes(x));
  const jumpList = (ids: readonly string[], none: string, label: string) => (
    <JumpList ids={ids} order={session.questionIds} none={none} label={label} onGo={onGo} />
  );
  return (
    <section className="exam exam-review" data-testid="exam-review">
      {header}
      <div className="card">
        <p data-testid="exam-review-counts">
          {total - unanswered.length} of {total} answered · {unanswered.length} unanswered ·{' '}
          {flaggedIds.length} flagged
        </p>
        {error ? (
          <p className="status status-error" role="alert">
            {error}
          </p>
        ) : null}
        {confirming ? (
          <div className="status status-warn exam-confirm" role="alertdialog" aria-label="Submit">
            <div>
              <strong>Submit the exam?</strong>
              <p>
                You cannot change answers afterwards.
                {unanswered.length > 0
                  ? ` ${plural(unanswered.length, 'unanswered question')} will count as wrong.`
                  : ''}
              </p>
              <div className="actions">
                <button ref={confirmRef} type="button" className="primary" onClick={onSubmit}>
                  Submit now
                </button>
                <button type="button" onClick={() => onConfirm(false)}>
                  Keep working
                </button>
              </div>
            </div>
          </div>
        ) : (
          <div className="actions">
            <button
              ref={submitRef}
              type="button"
              className="primary"
              onClick={() => onConfirm(true)}
            >
              Submit exam…
            </button>
            <button type="button" onClick={() => onGo(index)}>
              Back to question {index + 1}
            </button>
            <span className="muted small">Esc goes back to the question.</span>
          </div>
        )}
        <h3>Unanswered</h3>
        {jumpList(unanswered, 'Every question has an answer.', 'Unanswered questions')}
        <h3>Flagged for review</h3>
        {jumpList(flaggedIds, 'No question is flagged.', 'Flagged questions')}
        <h3>All questions</h3>
        {navigator}
      </div>
    </section>
  );
}

/** Buttons to jump to the listed questions, numbered as in the exam. */
function JumpList({
  ids,
  order,
  none,
  label,
  onGo,
}: {
  ids: readonly string[];
  order: readonly string[];
  none: string;
  label: string;
  onGo: (i: number) => void;
}) {
  if (ids.length === 0) return <p className="muted">{none}</p>;
  return (
    <ul className="jump-list" aria-label={label}>
      {ids.map((x) => {
        const i = order.indexOf(x);
        return (
          <li key={x}>
            <button type="button" onClick={() => onGo(i)}>
              Question {i + 1}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
