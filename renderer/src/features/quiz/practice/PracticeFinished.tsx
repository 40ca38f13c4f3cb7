/**
 * The end of a quick practice: score and time, results per domain and per task statement, the
 * questions missed with links to their notes, and what to do next (retry the missed ones, resume
 * a session ended early, start another, or go Home).
 */
import { Link } from 'wouter';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatPercent, plural } from '../../../lib/format';
import { sessionTimeText, summarize } from '../../../lib/session-summary';
import { SummaryTables } from '../SummaryTables';
import type { PracticeSessionApi, Session } from './use-practice-session';

export function PracticeFinished({
  session,
  practice,
}: {
  session: Session;
  practice: PracticeSessionApi;
}) {
  const summary = summarize(session.questions, session.results);
  const { correct, total } = summary;
  const score =
    total > 0
      ? `${correct} of ${total} correct (${formatPercent(correct / total, 0)}).`
      : 'No questions answered.';
  const early = session.index < session.questions.length;
  return (
    <ResultsRegion
      label="Practice result"
      revealKey="finished"
      announce={`Practice finished: ${score}`}
    >
      <h2>Practice finished</h2>
      <p className="lede" data-testid="quiz-score">
        {score}
      </p>
      <p className="muted">
        Time on screen: {sessionTimeText(session.activeMs)} for {plural(total, 'question')}
        {early ? ` · ended early, ${session.questions.length - total} not reached` : ''}. Every
        answer counts in Stats; questions new to you also joined spaced review.
      </p>
      <div className="actions">
        {summary.missed.length > 0 ? (
          <button
            type="button"
            className="primary"
            onClick={() => practice.start(summary.missed, summary.missed.length)}
          >
            Retry the missed ones ({summary.missed.length})
          </button>
        ) : null}
        {early ? (
          <button type="button" onClick={practice.resume}>
            Resume where I was
          </button>
        ) : null}
        <button type="button" onClick={practice.close}>
          New practice
        </button>
        <Link className="button" href="/">
          Back to Home
        </Link>
      </div>
      {total > 0 ? <SummaryTables summary={summary} /> : null}
    </ResultsRegion>
  );
}
