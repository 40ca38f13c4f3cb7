/** A submitted exam's estimated scaled score, pass or fail (estimate), and the domain breakdown. */
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import type { ExamSession } from '../../../db/schema';
import { formatPercent } from '../../../lib/format';
import { PASS_SCORE } from '../../../lib/mock-exam';
import { EstimateCaveat } from './EstimateCaveat';

type Result = NonNullable<ExamSession['result']>;

const share = (n: number, d: number) => (d > 0 ? n / d : 0);
const pct = (n: number, d: number) => formatPercent(share(n, d), 0);

export function ScoreCard({ result }: { result: Result }) {
  return (
    <div className="card score-card" data-testid="exam-score">
      <div className="score-main">
        <span className="score-label">Estimated scaled score</span>
        <span className="score-value">
          {result.scaled}
          <small> / {EXAM_GUIDE.exam.scaledScoreMax} (estimate)</small>
        </span>
        <span className={result.passed ? 'badge badge-pass' : 'badge badge-fail'}>
          {result.passed
            ? `At or above the ${PASS_SCORE} pass mark (estimate)`
            : `Below the ${PASS_SCORE} pass mark (estimate)`}
        </span>
      </div>
      <p className="score-raw">
        <strong>
          {result.correct} of {result.total}
        </strong>{' '}
        correct ({pct(result.correct, result.total)}).
      </p>
      <EstimateCaveat />
      <h3>By domain</h3>
      <ul className="domains exam-domains" data-testid="exam-domains">
        {EXAM_GUIDE.domains.map((d) => {
          const row = result.byDomain[String(d.id)] ?? { correct: 0, total: 0 };
          return (
            <li key={d.id}>
              <div className="domain-label">
                <span>
                  {d.id}. {d.title}
                </span>
                <span className="weight">
                  {row.correct} / {row.total}
                  {row.total > 0 ? ` (${pct(row.correct, row.total)})` : ''}
                </span>
              </div>
              <div
                className="bar"
                role="img"
                aria-label={`Domain ${d.id}: ${pct(row.correct, row.total)} correct`}
              >
                <span style={{ width: pct(row.correct, row.total) }} />
              </div>
            </li>
          );
        })}
      </ul>
    </div>
  );
}
