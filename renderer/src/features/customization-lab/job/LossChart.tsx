/**
 * Training and validation loss by step (SVG), from the metric files the job wrote to S3, with
 * labelled axes and a legend. Colours come from the theme's variables through CSS classes.
 */
import { formatCount } from '../../../lib/format';
import type { JobMetrics } from '../../../../../shared/customization-jobs-contract';
import { lossGeometry } from './loss-geometry';
import { ChartAxes } from '../costs/ChartAxes';

const PLOT = { width: 560, height: 240, left: 56, right: 16, top: 12, bottom: 44 };

export function LossChart({ metrics }: { metrics: JobMetrics }) {
  const { training, validation } = metrics;
  const g = lossGeometry(training, validation, PLOT);
  const bottom = PLOT.height - PLOT.bottom;
  const last = (points: JobMetrics['training']) => points.at(-1)?.loss;
  const summary = [
    training.length
      ? `training loss ${last(training)?.toFixed(3)} at step ${training.at(-1)?.step}`
      : null,
    validation.length ? `validation loss ${last(validation)?.toFixed(3)}` : null,
  ]
    .filter(Boolean)
    .join(', ');
  return (
    <figure className="cl-loss">
      <svg
        viewBox={`0 0 ${PLOT.width} ${PLOT.height}`}
        role="img"
        aria-label={`Loss by training step: ${summary}.`}
      >
        <ChartAxes
          plot={PLOT}
          xTicks={g.xTicks}
          yTicks={g.yTicks}
          x={g.x}
          y={g.y}
          formatX={formatCount}
          formatY={(t) => Number(t.toFixed(2)).toString()}
          xTitle="Training step"
        />
        <text
          className="cl-axis"
          transform={`translate(14 ${(PLOT.top + bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          Loss
        </text>
        {g.training ? <path className="cl-loss-training" d={g.training} /> : null}
        {g.validation ? <path className="cl-loss-validation" d={g.validation} /> : null}
        {validation.map((p) => (
          <circle
            key={p.step}
            className="cl-loss-point"
            cx={g.x(p.step)}
            cy={g.y(p.loss)}
            r={3.5}
          />
        ))}
      </svg>
      <figcaption>
        <span className="cl-key cl-key-training">Training loss</span>
        {validation.length ? (
          <span className="cl-key cl-key-validation">Validation loss</span>
        ) : null}
        <span className="hint">{summary ? `Last: ${summary}.` : ''}</span>
      </figcaption>
    </figure>
  );
}
