/**
 * One bar per metric per candidate (the mean over items, 0-1) with its bootstrap 95% interval as
 * a whisker. Colours come from the theme (runs.css), so the chart reads in light and dark.
 */
import { formatPercent } from '../../../lib/format';
import type { CandidateScores, MetricId } from '../../../lib/eval';
import type { EvalRunRow } from '../runs-store';
import { METRIC_INFO } from './metric-info';

const W = 760;
const H = 260;
const PAD = { left: 44, right: 8, top: 30, bottom: 46 };

export function MetricChart({
  run,
  metrics,
  candidates,
}: {
  run: EvalRunRow;
  metrics: readonly MetricId[];
  candidates: readonly CandidateScores[];
}) {
  const plotW = W - PAD.left - PAD.right;
  const plotH = H - PAD.top - PAD.bottom;
  const groupW = plotW / Math.max(1, metrics.length);
  const barW = Math.min(36, (groupW - 14) / Math.max(1, candidates.length));
  const y = (v: number) => PAD.top + plotH * (1 - v);
  const label = (id: string) => run.candidates.find((c) => c.id === id)?.label ?? id;
  return (
    <svg
      className="eval-chart"
      viewBox={`0 0 ${W} ${H}`}
      role="img"
      aria-label="Mean of each metric per candidate with bootstrap 95% intervals (the table has the figures)"
    >
      <g className="legend">
        {candidates.map((c, i) => (
          <g key={c.candidateId} transform={`translate(${PAD.left + i * 240}, 10)`}>
            <rect className={`bar-${i}`} width="12" height="12" rx="2" />
            <text x="17" y="10.5">
              {label(c.candidateId).slice(0, 34)}
            </text>
          </g>
        ))}
      </g>
      {[0, 0.25, 0.5, 0.75, 1].map((v) => (
        <g key={v} className="grid">
          <line x1={PAD.left} x2={W - PAD.right} y1={y(v)} y2={y(v)} />
          <text x={PAD.left - 6} y={y(v) + 4} textAnchor="end">
            {formatPercent(v, 0)}
          </text>
        </g>
      ))}
      {metrics.map((m, g) => {
        const x0 = PAD.left + g * groupW + (groupW - barW * candidates.length) / 2;
        return (
          <g key={m}>
            {candidates.map((c, i) => {
              const s = c.summary.find((x) => x.metric === m);
              if (!s) return null;
              const x = x0 + i * barW;
              const cx = x + (barW - 4) / 2;
              return (
                <g key={c.candidateId}>
                  <rect
                    className={`bar-${i}`}
                    x={x}
                    y={y(s.mean)}
                    width={barW - 4}
                    height={Math.max(0, y(0) - y(s.mean))}
                  />
                  <line className="whisker" x1={cx} x2={cx} y1={y(s.high)} y2={y(s.low)} />
                  <line className="whisker" x1={cx - 4} x2={cx + 4} y1={y(s.high)} y2={y(s.high)} />
                  <line className="whisker" x1={cx - 4} x2={cx + 4} y1={y(s.low)} y2={y(s.low)} />
                </g>
              );
            })}
            <text
              className="axis-label"
              x={PAD.left + g * groupW + groupW / 2}
              y={H - 24}
              textAnchor="middle"
            >
              {METRIC_INFO[m].label}
            </text>
          </g>
        );
      })}
    </svg>
  );
}
