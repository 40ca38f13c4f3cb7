/**
 * Counts of drawn tokens as bars: observed share (solid), expected probability (light, when
 * known) and a 95% Wilson interval (thin line). The top `rows` rows are shown; the rest are
 * summed in one line.
 */
import { wilsonInterval } from '../../../../shared/statistics';
import { formatPercent, plural } from '../../lib/format';

const pct = (x: number) => formatPercent(x, 1);

/** Row order: most drawn first, then most expected, then candidate order. */
function histogramOrder(
  labels: readonly string[],
  counts: readonly number[],
  expected: readonly number[] | null,
): number[] {
  return labels
    .map((_, i) => i)
    .sort(
      (a, b) =>
        (counts[b] ?? 0) - (counts[a] ?? 0) || (expected?.[b] ?? 0) - (expected?.[a] ?? 0) || a - b,
    );
}

function HistogramRow({
  label,
  count,
  n,
  expected,
}: {
  label: string;
  count: number;
  n: number;
  expected: number | null;
}) {
  const observed = n ? count / n : 0;
  const { low, high } = wilsonInterval(count, n);
  return (
    <li data-testid="histogram-row" data-count={count}>
      <span className="h-label">
        <code>{label}</code>
      </span>
      <span className="h-track" title={`95% interval ${pct(low)}–${pct(high)}`}>
        {expected !== null ? (
          <span className="h-expected" style={{ width: `${expected * 100}%` }} />
        ) : null}
        <span className="h-observed" style={{ width: `${observed * 100}%` }} />
        <span className="h-ci" style={{ left: `${low * 100}%`, width: `${(high - low) * 100}%` }} />
      </span>
      <span className="h-value">
        <strong>{count}</strong>{' '}
        <span className="muted">
          {pct(observed)}
          {expected !== null ? ` / ${pct(expected)}` : ''}
        </span>
      </span>
    </li>
  );
}

export function Histogram({
  labels,
  expected,
  counts,
  n,
  title,
  rows = 10,
}: {
  labels: readonly string[];
  expected: readonly number[] | null;
  counts: readonly number[];
  n: number;
  title: string;
  rows?: number;
}) {
  const order = histogramOrder(labels, counts, expected);
  const top = order
    .slice(0, rows)
    .filter((i) => (counts[i] ?? 0) > 0 || (expected?.[i] ?? 0) > 0.0005);
  const otherCount = order.slice(rows).reduce((s, i) => s + (counts[i] ?? 0), 0);
  return (
    <figure className="histogram" aria-label={title}>
      <figcaption>
        {title}
        <span className="muted small"> count · observed{expected ? ' / expected' : ''}</span>
      </figcaption>
      <ul>
        {top.map((i) => (
          <HistogramRow
            key={i}
            label={labels[i] ?? ''}
            count={counts[i] ?? 0}
            n={n}
            expected={expected ? (expected[i] ?? 0) : null}
          />
        ))}
        {otherCount > 0 ? (
          <li className="muted small">
            {plural(otherCount, 'draw')} landed on {plural(order.length - rows, 'other token')}
          </li>
        ) : null}
      </ul>
    </figure>
  );
}
