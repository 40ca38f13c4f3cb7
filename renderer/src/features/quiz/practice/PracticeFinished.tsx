/** The end of a quick practice: the score and each question marked right or wrong. */
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatPercent } from '../../../lib/format';
import type { Session } from './use-practice-session';

export function PracticeFinished({ session, onNew }: { session: Session; onNew: () => void }) {
  const right = session.results.filter(Boolean).length;
  const total = session.results.length;
  const score = `${right} of ${total} correct (${formatPercent(total > 0 ? right / total : 0, 0)}).`;
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
      <ul className="links">
        {session.questions.map((x, i) => (
          <li key={x.id}>
            <span>
              {session.results[i] ? '✓' : '✗'} {x.stem}
            </span>
          </li>
        ))}
      </ul>
      <div className="actions">
        <button type="button" className="primary" onClick={onNew}>
          New practice
        </button>
      </div>
    </ResultsRegion>
  );
}
