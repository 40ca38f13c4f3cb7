/** The questions per domain the next exam will draw, why, and the Start button. */
import { useMemo } from 'react';
import type { Question } from '../../../../../shared/questions';
import { allocate, EXAM_QUESTIONS } from '../../../lib/mock-exam';
import { EstimateCaveat } from './EstimateCaveat';
import { DOMAINS } from './use-exam-stage';

export function ExamPlan({
  pool,
  error,
  blocked,
  onStart,
}: {
  pool: readonly Question[];
  error: string | null;
  /** An exam is in progress: finish it first. */
  blocked: boolean;
  onStart: () => void;
}) {
  const available = useMemo(() => {
    const m = new Map<number, number>();
    for (const q of pool) m.set(q.domain, (m.get(q.domain) ?? 0) + 1);
    return m;
  }, [pool]);
  const plan = allocate(EXAM_QUESTIONS, DOMAINS, available);
  const size = [...plan.counts.values()].reduce((s, n) => s + n, 0);
  return (
    <div className="card">
      <h2>Questions by domain</h2>
      <table className="exam-plan">
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col" className="num">
              Weight
            </th>
            <th scope="col" className="num">
              In your pool
            </th>
            <th scope="col" className="num">
              In the exam
            </th>
          </tr>
        </thead>
        <tbody>
          {DOMAINS.map((d) => (
            <tr key={d.id}>
              <th scope="row">
                {d.id}. {d.title}
              </th>
              <td className="num">{d.weight}%</td>
              <td className="num">{available.get(d.id) ?? 0}</td>
              <td className="num">{plan.counts.get(d.id)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <p className="muted small">
        Counts follow the weights with largest-remainder rounding (13, 15.6, 18.2, 9.1 and 9.1
        become 13, 16, 18, 9 and 9), spread over each domain’s task statements.
      </p>
      {plan.notes.map((n) => (
        <p key={n} className="status status-warn">
          {n}
        </p>
      ))}
      <EstimateCaveat />
      {error ? (
        <p className="status status-error" role="alert">
          {error}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={size === 0 || blocked}
          onClick={onStart}
        >
          Start a {size}-question mock exam
        </button>
        {blocked ? (
          <span className="muted small">Finish the exam in progress first.</span>
        ) : (
          <span className="muted small">
            In the exam: N next, P previous, F flag, R review screen; arrow keys move in the
            question grid.
          </span>
        )}
      </div>
      {size === 0 ? <p className="empty">Your question pool is empty.</p> : null}
    </div>
  );
}
