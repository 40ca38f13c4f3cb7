/**
 * The break-even chart (SVG): monthly cost against requests per month, on-demand as a rising line
 * and each Provisioned Throughput term as a flat one, the crossings marked, the learner's volume
 * as a dashed line. Colours come from the theme's variables through CSS classes (both themes).
 */
import { COMMITMENT_LABELS } from '../../../../../shared/customization';
import { formatCount, formatUsd } from '../../../lib/format';
import { chartGeometry, type ChartInput } from './chart-geometry';
import { ChartAxes } from './ChartAxes';

const PLOT = { width: 640, height: 300, left: 72, right: 16, top: 14, bottom: 46 };
const TERM_CLASS = { none: 'cl-pt-none', 'one-month': 'cl-pt-1m', 'six-months': 'cl-pt-6m' };

const shortCount = (n: number) =>
  n >= 1_000_000
    ? `${formatCount(n / 1_000_000)}M`
    : n >= 1_000
      ? `${formatCount(n / 1_000)}k`
      : formatCount(n);

export function BreakEvenChart({ input }: { input: ChartInput }) {
  const g = chartGeometry(input, PLOT);
  const bottom = PLOT.height - PLOT.bottom;
  const summary = g.crossings
    .map((c) =>
      c.requests === null
        ? `${COMMITMENT_LABELS[c.term]}: no break-even`
        : `${COMMITMENT_LABELS[c.term]} breaks even at ${formatCount(c.requests)} requests a month`,
    )
    .join('; ');
  return (
    <figure className="card cl-chart">
      <h2>Break-even: on demand against Provisioned Throughput</h2>
      <svg
        viewBox={`0 0 ${PLOT.width} ${PLOT.height}`}
        role="img"
        aria-label={`Monthly cost against requests per month, from prices you entered. ${summary}.`}
      >
        <ChartAxes
          plot={PLOT}
          xTicks={g.xTicks}
          yTicks={g.yTicks}
          x={g.x}
          y={g.y}
          formatX={shortCount}
          formatY={formatUsd}
          xTitle="Requests per month"
        />
        {input.provisioned.map((p) => (
          <line
            key={p.term}
            className={`cl-line ${TERM_CLASS[p.term]}`}
            x1={g.x(0)}
            x2={g.x(g.xMax)}
            y1={g.y(p.monthlyUsd)}
            y2={g.y(p.monthlyUsd)}
          />
        ))}
        <line
          className="cl-line cl-on-demand"
          x1={g.x(0)}
          y1={g.y(0)}
          x2={g.x(
            Math.min(g.xMax, input.perRequestUsd > 0 ? g.yMax / input.perRequestUsd : g.xMax),
          )}
          y2={g.y(Math.min(g.yMax, g.xMax * input.perRequestUsd))}
        />
        <line
          className="cl-volume"
          x1={g.x(input.volume)}
          x2={g.x(input.volume)}
          y1={PLOT.top}
          y2={bottom}
        />
        {g.crossings.map((c) =>
          c.requests !== null && c.requests <= g.xMax ? (
            <circle
              key={c.term}
              className={`cl-dot ${TERM_CLASS[c.term]}`}
              cx={g.x(c.requests)}
              cy={g.y(c.usd)}
              r={5}
            />
          ) : null,
        )}
      </svg>
      <figcaption>
        <ul className="cl-legend">
          <li>
            <span className="cl-key cl-on-demand" /> On demand
          </li>
          {input.provisioned.map((p) => (
            <li key={p.term}>
              <span className={`cl-key ${TERM_CLASS[p.term]}`} /> {COMMITMENT_LABELS[p.term]}
            </li>
          ))}
          <li>
            <span className="cl-key cl-volume" /> Your volume ({formatCount(input.volume)})
          </li>
        </ul>
        <p className="hint">From prices you entered. {summary}.</p>
      </figcaption>
    </figure>
  );
}
