/**
 * The grid, tick labels and x-axis title the customization lab's two SVG charts (break-even and
 * loss) share; each chart draws its own lines and y-axis title on top.
 */
import type { Plot } from './chart-geometry';

export function ChartAxes({
  plot,
  xTicks,
  yTicks,
  x,
  y,
  formatX,
  formatY,
  xTitle,
}: {
  plot: Plot;
  xTicks: readonly number[];
  yTicks: readonly number[];
  x: (value: number) => number;
  y: (value: number) => number;
  formatX: (value: number) => string;
  formatY: (value: number) => string;
  xTitle: string;
}) {
  const bottom = plot.height - plot.bottom;
  return (
    <>
      {yTicks.map((t) => (
        <g key={`y${t}`}>
          <line
            className="cl-grid"
            x1={plot.left}
            x2={plot.width - plot.right}
            y1={y(t)}
            y2={y(t)}
          />
          <text className="cl-tick" x={plot.left - 6} y={y(t) + 4} textAnchor="end">
            {formatY(t)}
          </text>
        </g>
      ))}
      {xTicks.map((t) => (
        <text key={`x${t}`} className="cl-tick" x={x(t)} y={bottom + 16} textAnchor="middle">
          {formatX(t)}
        </text>
      ))}
      <text
        className="cl-axis"
        x={(plot.left + plot.width - plot.right) / 2}
        y={plot.height - 6}
        textAnchor="middle"
      >
        {xTitle}
      </text>
    </>
  );
}
