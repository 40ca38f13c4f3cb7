/** A small vertical bar chart of one number per day; the table beside it carries exact values. */
import { formatDate } from '../../lib/format';
import type { Aggregate } from '../../lib/metrics';

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
            <li key={d.day} title={`${formatDate(d.day)}: ${format(v)}`}>
              <span className="day-bar-track">
                <span className="day-bar" style={{ height: `${height}%` }} />
              </span>
              <span className="sr-only">
                {formatDate(d.day)}: {format(v)}
              </span>
            </li>
          );
        })}
      </ol>
      <DayLabels days={series.map((d) => d.day)} />
    </figure>
  );
}

/** At most this many day numbers under the bars: more would not fit a narrow card. */
const MAX_LABELS = 8;

/**
 * The day of the month under every few bars, each label spanning the bars up to the next one, so
 * no label is wider than the room it has. The bars' own screen-reader text carries every day.
 */
function DayLabels({ days }: { days: readonly string[] }) {
  const every = Math.max(1, Math.ceil(days.length / MAX_LABELS));
  return (
    <div
      className="day-bar-labels"
      aria-hidden="true"
      style={{ gridTemplateColumns: `repeat(${days.length}, minmax(0, 1fr))` }}
    >
      {days.map((day, i) =>
        i % every === 0 ? (
          <span
            key={day}
            className="day-bar-label"
            style={{ gridColumn: `${i + 1} / span ${Math.min(every, days.length - i)}` }}
          >
            {day.slice(8)}
          </span>
        ) : null,
      )}
    </div>
  );
}
