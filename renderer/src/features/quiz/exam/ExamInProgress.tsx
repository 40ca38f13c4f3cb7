/** The start screen's notices about an unfinished exam: resume or discard it, or undo a discard. */
import type { Question } from '../../../../../shared/questions';
import { discardExam, restoreDiscardedExam } from '../../../db/exams';
import type { ExamSession } from '../../../db/schema';
import { answeredCount, formatClock, timeLeftMs } from '../../../lib/mock-exam';
import { useNow } from '../use-now';

export function ExamInProgress({
  session,
  byId,
  onResume,
  onDiscarded,
}: {
  session: ExamSession;
  byId: ReadonlyMap<string, Question>;
  onResume: () => void;
  onDiscarded: (gone: ExamSession) => void;
}) {
  const now = useNow(1000);
  const left = timeLeftMs(session.deadline, now);
  return (
    <div className="status status-warn" data-testid="exam-in-progress">
      <div>
        <strong>You have a mock exam in progress.</strong>
        <p>
          {answeredCount(session, byId)} of {session.questionIds.length} answered,{' '}
          {formatClock(left)} left.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onResume}>
            Resume exam
          </button>
          <button
            type="button"
            onClick={() =>
              void discardExam(session.id).then((gone) => {
                if (gone) onDiscarded(gone);
              })
            }
          >
            Discard this exam
          </button>
        </div>
      </div>
    </div>
  );
}

export function ExamDiscarded({
  session,
  byId,
  onRestored,
}: {
  session: ExamSession;
  byId: ReadonlyMap<string, Question>;
  onRestored: () => void;
}) {
  return (
    <p className="status" role="status" data-testid="exam-discarded">
      Mock exam discarded ({answeredCount(session, byId)} of {session.questionIds.length} answered);
      nothing from it was recorded.{' '}
      <button
        type="button"
        className="link"
        onClick={() => void restoreDiscardedExam(session).then(onRestored)}
      >
        Undo
      </button>
    </p>
  );
}
