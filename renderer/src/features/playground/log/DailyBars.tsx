/** A small vertical bar chart of one number per day; the table beside it carries exact values. */
import type { Aggregate } from '../../../lib/metrics';
import { formatDay } from './log-labels';

export function DailyBars({
  series,
  value,
  format,
  label,
}: {
  series: readonly { day: string; stats: Aggregate }[];
  value: (s: Aggregate) => number;
  format: (n: number) => string;
  label: string;
}) {
  const max = Math.max(0, ...series.map((d) => value(d.stats)));
  return (
    <figure className="day-bars">
      <figcaption className="small muted">{label}</figcaption>
      <ol aria-label={label}>
        {series.map((d) => {
          const v = value(d.stats);
          const height = max > 0 ? Math.max(v > 0 ? 4 : 0, (v / max) * 100) : 0;
          return (
            <li key={d.day} title={`${formatDay(d.day)}: ${format(v)}`}>
              <span className="day-bar-track">
                <span className="day-bar" style={{ height: `${height}%` }} />
              </span>
              <span className="day-bar-label">{d.day.slice(8)}</span>
              <span className="sr-only">
                {formatDay(d.day)}: {format(v)}
              </span>
            </li>
          );
        })}
      </ol>
    </figure>
  );
}
