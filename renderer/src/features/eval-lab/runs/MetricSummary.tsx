/** Means with bootstrap 95% intervals per metric and candidate, each metric explained in a sentence. */
import type { CandidateScores, MetricId } from '../../../lib/eval';
import { formatPercent } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { METRIC_INFO } from './metric-info';

export function MetricSummary({
  run,
  metrics,
  candidates,
}: {
  run: EvalRunRow;
  metrics: readonly MetricId[];
  candidates: readonly CandidateScores[];
}) {
  const label = (id: string) => run.candidates.find((c) => c.id === id)?.label ?? id;
  return (
    <div className="table-wrap">
      <table className="eval-summary-table">
        <caption className="muted small">
          Mean over items, with a bootstrap 95% interval (1,000 resamples of the items, seeded).
        </caption>
        <thead>
          <tr>
            <th scope="col">Metric</th>
            {candidates.map((c) => (
              <th scope="col" key={c.candidateId}>
                {label(c.candidateId)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {metrics.map((m) => (
            <tr key={m}>
              <th scope="row">
                {METRIC_INFO[m].label}
                <span className="eval-explain">{METRIC_INFO[m].explain}</span>
              </th>
              {candidates.map((c) => {
                const s = c.summary.find((x) => x.metric === m);
                return (
                  <td key={c.candidateId}>
                    {s
                      ? `${formatPercent(s.mean)} (${formatPercent(s.low)}–${formatPercent(s.high)})`
                      : '–'}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
