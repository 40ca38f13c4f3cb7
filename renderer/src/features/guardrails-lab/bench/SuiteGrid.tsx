/**
 * The built-in suite as a pass/fail grid: each exam-tied case against its expected action, the
 * previous run beside the current one, and a row marked when its outcome changed.
 */
import { GUARDRAIL_SUITE } from '../../../../../shared/guardrail-suite';
import type { CaseOutcome, SuiteRun } from './bench-store';

function Cell({ outcome }: { outcome: CaseOutcome | undefined }) {
  if (!outcome) return <span className="muted">…</span>;
  if (outcome.error) return <span className="gr-fail">Error: {outcome.error.message}</span>;
  const v = outcome.verdict;
  if (!v) return <span className="muted">…</span>;
  return (
    <span title={v.reason}>
      <span className={v.passed ? 'gr-pass' : 'gr-fail'}>{v.passed ? 'Pass' : 'Fail'}</span>{' '}
      <span className="small">{v.actualAction === 'NONE' ? 'let through' : 'intervened'}</span>
    </span>
  );
}

const passed = (o: CaseOutcome | undefined) => (o?.verdict ? o.verdict.passed : null);

export function SuiteGrid({ run, previous }: { run: SuiteRun; previous: SuiteRun | null }) {
  const outcome = (r: SuiteRun | null, id: string) => r?.outcomes.find((o) => o.caseId === id);
  return (
    <div className="table-wrap">
      <table className="gr-table gr-suite" aria-label="Test suite results">
        <colgroup>
          <col className="gr-col-case" />
          <col className="gr-col-expected" />
          {previous ? <col className="gr-col-run" /> : null}
          <col className="gr-col-run" />
          <col />
        </colgroup>
        <thead>
          <tr>
            <th scope="col">Case</th>
            <th scope="col">Expected</th>
            {previous ? <th scope="col">Previous run</th> : null}
            <th scope="col">This run</th>
            <th scope="col">What acted</th>
          </tr>
        </thead>
        <tbody>
          {GUARDRAIL_SUITE.map((c) => {
            const now = outcome(run, c.id);
            const before = outcome(previous, c.id);
            const changed =
              previous !== null &&
              now?.verdict &&
              passed(before) !== null &&
              passed(before) !== passed(now);
            return (
              <tr key={c.id} className={changed ? 'gr-changed' : undefined} data-case={c.id}>
                <th scope="row">
                  {c.title}
                  <span className="muted small">
                    {' '}
                    ({c.source}, task {c.task})
                  </span>
                  {changed ? <strong className="small"> Changed</strong> : null}
                </th>
                <td>
                  <code>{c.expectedAction}</code>
                </td>
                {previous ? (
                  <td>
                    <Cell outcome={before} />
                  </td>
                ) : null}
                <td>
                  <Cell outcome={now} />
                </td>
                <td className="small">
                  {now?.verdict ? now.verdict.acted.join(', ') || 'nothing' : ''}
                  {(now?.result?.summary.grounding ?? []).map((g) => (
                    <span key={g.type} className="gr-score">
                      {g.type} {g.score.toFixed(2)} {g.passed ? '≥' : '<'} {g.threshold.toFixed(2)}
                    </span>
                  ))}
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
