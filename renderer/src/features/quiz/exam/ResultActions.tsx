/**
 * What to do after a mock exam: retake the questions got wrong or left unanswered (a quick
 * practice of exactly those), or add them to spaced review (with Undo), or go back.
 */
import { useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import { queueForReview, undoQueueForReview, type QueuedForReview } from '../../../db/review';
import type { ExamSession } from '../../../db/schema';
import { plural } from '../../../lib/format';
import { isAnswered } from '../../../lib/mock-exam';
import { isCorrect } from '../../../lib/scoring';
import { PracticeLink } from '../PracticeLink';
import { SessionNotice } from '../SessionNotice';

/** The exam's questions (still in the pool) answered wrongly or not at all, in exam order. */
export function incorrectIds(session: ExamSession, byId: ReadonlyMap<string, Question>): string[] {
  return session.questionIds.filter((id) => {
    const q = byId.get(id);
    const r = session.responses[id];
    return q !== undefined && (!isAnswered(q, r) || !isCorrect(q, r!));
  });
}

export function ResultActions({
  session,
  byId,
  onBack,
}: {
  session: ExamSession;
  byId: ReadonlyMap<string, Question>;
  onBack: () => void;
}) {
  const ids = incorrectIds(session, byId);
  const [queued, setQueued] = useState<QueuedForReview | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const addToReview = () => {
    queueForReview(ids, new Date())
      .then((changed) => {
        setQueued(changed);
        setMessage(
          changed.length > 0
            ? `${plural(changed.length, 'question')} added to spaced review, due now.`
            : 'They were all due in spaced review already.',
        );
      })
      .catch((e: unknown) => setMessage(`Could not add them to spaced review (${String(e)}).`));
  };
  const undo = () => {
    if (!queued) return;
    undoQueueForReview(queued)
      .then(() => {
        setQueued(null);
        setMessage('Undone: spaced review is as it was.');
      })
      .catch((e: unknown) => setMessage(`Could not undo (${String(e)}).`));
  };
  return (
    <>
      {message ? (
        <SessionNotice
          text={message}
          onDismiss={() => setMessage(null)}
          undo={queued && queued.length > 0 ? { label: 'Undo', run: undo } : undefined}
        />
      ) : null}
      <div className="actions">
        <button type="button" className="primary" onClick={onBack}>
          Back to mock exams
        </button>
        {ids.length > 0 ? (
          <>
            <PracticeLink className="button" intent={{ questionIds: ids }}>
              Retake the incorrect ones ({ids.length})
            </PracticeLink>
            <button type="button" onClick={addToReview} disabled={queued !== null}>
              Review them later
            </button>
            <span className="muted small">
              Incorrect includes the {plural(ids.length, 'question')} you got wrong or left
              unanswered.
            </span>
          </>
        ) : null}
      </div>
    </>
  );
}
