/** The training loss, live: one point per window of steps, on a linear scale from 0. */
import { formatCount } from '../../../lib/format';

const W = 420;
const H = 160;
const PAD = { left: 40, right: 10, top: 10, bottom: 26 };

export function LossChart({
  curve,
  window,
  totalSteps,
  label,
}: {
  curve: readonly number[];
  window: number;
  totalSteps: number;
  label: string;
}) {
  const max = Math.max(0.01, ...curve);
  const x = (i: number) =>
    PAD.left + (((i + 1) * window) / Math.max(totalSteps, window)) * (W - PAD.left - PAD.right);
  const y = (v: number) => PAD.top + (1 - v / max) * (H - PAD.top - PAD.bottom);
  const points = curve.map((v, i) => `${x(i).toFixed(1)},${y(v).toFixed(1)}`).join(' ');
  const last = curve[curve.length - 1];
  return (
    <figure className="loss-chart">
      <svg viewBox={`0 0 ${W} ${H}`} role="img" aria-label={label}>
        <line
          className="axis-line"
          x1={PAD.left}
          y1={H - PAD.bottom}
          x2={W - PAD.right}
          y2={H - PAD.bottom}
        />
        <line className="axis-line" x1={PAD.left} y1={PAD.top} x2={PAD.left} y2={H - PAD.bottom} />
        <text className="axis" x={PAD.left - 4} y={PAD.top + 8} textAnchor="end">
          {max.toFixed(2)}
        </text>
        <text className="axis" x={PAD.left - 4} y={H - PAD.bottom} textAnchor="end">
          0
        </text>
        <text className="axis" x={W - PAD.right} y={H - 8} textAnchor="end">
          step {formatCount(totalSteps)}
        </text>
        {curve.length > 0 ? <polyline className="loss-line" points={points} /> : null}
        {last != null ? (
          <circle className="loss-dot" cx={x(curve.length - 1)} cy={y(last)} r={3.5} />
        ) : null}
      </svg>
      <figcaption>
        Loss (mean squared error of the predicted image, weighted as in training), mean of every{' '}
        {window} steps{last != null ? `; latest ${last.toFixed(4)}` : ''}.
      </figcaption>
    </figure>
  );
}
