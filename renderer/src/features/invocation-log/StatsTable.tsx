/** Calls, errors, tokens, latency and cost per row (a day, a model), with a bar for the cost. */
import type { ReactNode } from 'react';
import { formatCount, formatDuration, formatUsd, plural } from '../../lib/format';
import type { Aggregate } from '../../lib/metrics';
import { NotApplicableCost } from './NotApplicableCost';

export interface StatsRow {
  key: string;
  label: ReactNode;
  stats: Aggregate;
}

const NUMBERS = ['Calls', 'Errors', 'Tokens in', 'Tokens out', 'p50', 'p95'] as const;

function numbers(stats: Aggregate): string[] {
  return [
    formatCount(stats.invocations),
    formatCount(stats.errors),
    formatCount(stats.inputTokens),
    formatCount(stats.outputTokens),
    formatDuration(stats.p50LatencyMs),
    formatDuration(stats.p95LatencyMs),
  ];
}

/**
 * A row's estimated cost: "n/a" when no call in it has a Bedrock price (control-plane calls,
 * requests to S3, which Amazon S3 bills), else the sum, with the calls it leaves out.
 */
function RowCost({ stats }: { stats: Aggregate }) {
  const { invocations, controlPlane, s3Requests, unpriced } = stats;
  const allOutside = invocations > 0 && controlPlane + s3Requests === invocations;
  return (
    <span className="cost-value">
      {allOutside ? <NotApplicableCost s3={s3Requests > 0} /> : formatUsd(stats.costUsd)}
      {unpriced > 0 ? (
        <span className="muted small"> + {plural(unpriced, 'call')} unpriced</span>
      ) : null}
      {s3Requests > 0 && !allOutside ? (
        <span className="muted small">
          {' '}
          + {plural(s3Requests, 'S3 request')} billed by Amazon S3
        </span>
      ) : null}
    </span>
  );
}

export function StatsTable({
  rows,
  first,
  testId,
}: {
  rows: readonly StatsRow[];
  first: string;
  testId: string;
}) {
  const maxCost = Math.max(0, ...rows.map((r) => r.stats.costUsd));
  return (
    <div className="table-wrap">
      <table className="log-table log-stats" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{first}</th>
            {NUMBERS.map((n) => (
              <th key={n} scope="col" className="num">
                {n}
              </th>
            ))}
            <th scope="col">Estimated cost</th>
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {numbers(r.stats).map((value, i) => (
                <td key={NUMBERS[i]} className="num">
                  {value}
                </td>
              ))}
              <td>
                <span className="cost-cell">
                  <span className="bar-cell" aria-hidden="true">
                    <span
                      className="bar-fill"
                      style={{ width: `${maxCost > 0 ? (r.stats.costUsd / maxCost) * 100 : 0}%` }}
                    />
                  </span>
                  <RowCost stats={r.stats} />
                </span>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
