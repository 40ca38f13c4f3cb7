/**
 * A submitted mock exam: the scaled-score ESTIMATE (labelled as such, with why it is only an
 * estimate), pass or fail against 700, the per-domain breakdown, and every question reviewable
 * with the learner's answer, the right answer and the explanations (filter: all, wrong, flagged).
 * It appears where the eye is: a results region scrolled into view and announced, its heading
 * focused (the Submit button is gone).
 */
import { useEffect, useRef } from 'react';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Question } from '../../../../shared/questions';
import { ResultsRegion } from '../../components/ResultsRegion';
import type { ExamSession } from '../../db/schema';
import { formatDateTime, formatDuration } from '../../lib/format';
import { timeUsedMs } from '../../lib/mock-exam';
import { ResultActions } from './exam/ResultActions';
import { ResultQuestions } from './exam/ResultQuestions';
import { ScoreCard } from './exam/ScoreCard';

function announcement(session: ExamSession): string {
  const r = session.result;
  if (!r) return 'Mock exam result: no result, none of its questions are in your pool any more.';
  return `Mock exam result: ${r.correct} of ${r.total} correct, estimated score ${r.scaled}, ${r.passed ? 'at or above' : 'below'} the pass mark (estimate).`;
}

export function ExamResult({
  session,
  byId,
  notice,
  onBack,
}: {
  session: ExamSession;
  byId: ReadonlyMap<string, Question>;
  notice: string | null;
  onBack: () => void;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => heading.current?.focus(), []);
  return (
    <ResultsRegion
      label="Mock exam result"
      revealKey={session.id}
      announce={announcement(session)}
      className="exam-result"
    >
      <h2 ref={heading} tabIndex={-1}>
        Mock exam result
      </h2>
      <p className="muted">
        Taken {formatDateTime(session.startedAt)} · {formatDuration(timeUsedMs(session))} of{' '}
        {formatDuration(EXAM_GUIDE.exam.minutes * 60_000)} used
      </p>
      {notice ? (
        <p className="status status-warn" role="status">
          {notice}
        </p>
      ) : null}
      {session.result ? (
        <ScoreCard result={session.result} />
      ) : (
        <p className="status status-error">
          This exam has no result: none of its questions are in your pool any more.
        </p>
      )}
      <ResultActions session={session} byId={byId} onBack={onBack} />
      <ResultQuestions session={session} byId={byId} />
    </ResultsRegion>
  );
}
