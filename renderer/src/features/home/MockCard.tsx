/** The last mock exam's estimate, its trend over the last five, and a way to take another. */
import { Link } from 'wouter';
import { formatDate } from '../../lib/format';
import { PASS_SCORE } from '../../lib/mock-exam';
import type { MockSummary } from '../../lib/dashboard';

function Trend({ points }: { points: readonly number[] }) {
  if (points.length < 2) return null;
  const w = 120;
  const h = 36;
  const y = (s: number) => h - ((s - 100) / 900) * h;
  const x = (i: number) => (i / (points.length - 1)) * w;
  const pass = y(PASS_SCORE);
  return (
    <svg
      className="trend"
      viewBox={`-4 -4 ${w + 8} ${h + 8}`}
      width={w + 8}
      height={h + 8}
      aria-hidden="true"
    >
      <line className="trend-pass" x1={0} x2={w} y1={pass} y2={pass} />
      <polyline className="trend-line" points={points.map((p, i) => `${x(i)},${y(p)}`).join(' ')} />
      {points.map((p, i) => (
        <circle key={i} className="trend-dot" cx={x(i)} cy={y(p)} r={3} />
      ))}
    </svg>
  );
}

export function MockCard({ mock }: { mock: MockSummary | null }) {
  return (
    <section className="card mock-card" aria-labelledby="mock-heading">
      <h2 id="mock-heading">Mock exams</h2>
      {mock ? (
        <>
          <div className="mock-row">
            <p className="mock-score" data-testid="home-mock">
              <strong>{mock.scaled}</strong> <small>estimate</small>
            </p>
            <Trend points={mock.trend} />
          </div>
          <p className="muted small">
            Last taken {formatDate(mock.finishedAt)}: {mock.correct} of {mock.total} right,{' '}
            {mock.passed ? 'at or above' : 'below'} the {PASS_SCORE} pass mark (an estimate, not an
            official score).
            {mock.change !== null
              ? ` ${mock.change >= 0 ? '+' : '−'}${Math.abs(mock.change)} since the one before.`
              : ''}
          </p>
          {mock.trend.length > 1 ? (
            <p className="sr-only">Last estimates, oldest first: {mock.trend.join(', ')}.</p>
          ) : null}
        </>
      ) : (
        <p className="muted">No mock exam yet. A full one takes 90 minutes and 65 questions.</p>
      )}
      <div className="actions">
        <Link className="button" href="/practice/exam">
          {mock ? 'Take another' : 'Take a mock exam'}
        </Link>
      </div>
    </section>
  );
}
