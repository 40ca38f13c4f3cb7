/**
 * Grouped bars: for each chunking, one bar per retrieval method, height = the chosen metric
 * (0-100%). Values are printed on the bars; a method not run yet is labelled so, not drawn as 0.
 * Colours come from the theme's tokens (quality.css), so the chart reads in light and dark.
 */
import { formatPercent } from '../../../lib/format';
import { RETRIEVAL_METHODS } from '../../../lib/rag/quality';
import { METHOD_LABELS, METRICS, type Metric, type QualityRow } from './quality-rows';

const W = 720;
const H = 280;
const PAD = { left: 44, right: 8, top: 34, bottom: 52 };

/** Recall as a percentage, MRR as a number from 0 to 1. */
export const formatMetric = (metric: Metric, v: number) =>
  metric === 'mrr' ? v.toFixed(2) : formatPercent(v, 0);

export function QualityChart({ rows, metric }: { rows: readonly QualityRow[]; metric: Metric }) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, rows.length);
  const barW = Math.min(34, (groupW - 16) / RETRIEVAL_METHODS.length);
  const y = (v: number) => PAD.top + plotH * (1 - v);
  const metricLabel = METRICS.find((m) => m.id === metric)?.label ?? metric;
  return (
    <svg
      className="quality-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label={`${metricLabel} by chunking and retrieval method (the table below has the figures)`}
    >
      <g className="legend">
        {RETRIEVAL_METHODS.map((m, i) => (
          <g key={m} transform={`translate(${PAD.left + i * 165}, 12)`}>
            <rect className={`bar-${m}`} width="12" height="12" rx="2" />
            <text x="17" y="10.5">
              {METHOD_LABELS[m]}
            </text>
          </g>
        ))}
      </g>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v} className="grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {formatMetric(metric, v)}
          </text>
        </g>
      ))}
      {rows.map((row, g) => {
        const x0 = PAD.left + g * groupW + (groupW - barW * RETRIEVAL_METHODS.length) / 2;
        return (
          <g key={row.key}>
            {RETRIEVAL_METHODS.map((m, i) => {
              const f = row.figures[m];
              const x = x0 + i * barW;
              if (!f)
                return (
                  <text
                    key={m}
                    className="not-run"
                    x={x + barW / 2}
                    y={y(0) - 4}
                    textAnchor="middle"
                  >
                    –
                  </text>
                );
              const v = f[metric];
              return (
                <g key={m}>
                  <rect
                    className={`bar-${m}`}
                    x={x + 2}
                    y={y(v)}
                    width={barW - 4}
                    height={y(0) - y(v)}
                  />
                  <text className="value" x={x + barW / 2} y={y(v) - 4} textAnchor="middle">
                    {formatMetric(metric, v)}
                  </text>
                </g>
              );
            })}
            <text
              className="group-label"
              x={PAD.left + g * groupW + groupW / 2}
              y={H - PAD.bottom + 18}
              textAnchor="middle"
            >
              {row.label.split(/[,(]/)[0]?.trim()}
            </text>
            <text
              className="group-sub"
              x={PAD.left + g * groupW + groupW / 2}
              y={H - PAD.bottom + 34}
              textAnchor="middle"
            >
              {row.chunks ?? 'computing…'}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
