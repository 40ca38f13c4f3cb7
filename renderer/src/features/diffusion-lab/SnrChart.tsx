/** Signal (√ᾱ_t), noise (√(1 − ᾱ_t)) and log₁₀ SNR over the steps of a schedule, with a cursor at t. */
import { alphaBarAt, snr, type Schedule } from '../../lib/diffusion';

const W = 320;
const H = 140;

export function SnrChart({ schedule, t }: { schedule: Schedule; t: number }) {
  const points = (f: (t: number) => number, lo: number, hi: number) =>
    Array.from({ length: 101 }, (_, i) => {
      const tt = Math.max(1, Math.round((i / 100) * schedule.T));
      const y = Math.min(hi, Math.max(lo, f(tt)));
      return `${((tt / schedule.T) * W).toFixed(1)},${(H - ((y - lo) / (hi - lo)) * H).toFixed(1)}`;
    }).join(' ');
  const x = (t / schedule.T) * W;
  return (
    <svg
      viewBox={`0 0 ${W} ${H + 18}`}
      className="snr-chart"
      role="img"
      aria-label="Signal and noise over the steps"
    >
      <polyline
        points={points((tt) => Math.log10(snr(schedule, tt)), -5, 4)}
        className="line-snr"
      />
      <polyline
        points={points((tt) => Math.sqrt(alphaBarAt(schedule, tt)), 0, 1)}
        className="line-signal"
      />
      <polyline
        points={points((tt) => Math.sqrt(1 - alphaBarAt(schedule, tt)), 0, 1)}
        className="line-noise"
      />
      <line x1={x} x2={x} y1={0} y2={H} className="cursor" />
      <text x={4} y={H + 14} className="axis">
        t = 1
      </text>
      <text x={W - 4} y={H + 14} textAnchor="end" className="axis">
        t = {schedule.T}
      </text>
    </svg>
  );
}
