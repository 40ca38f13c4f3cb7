/** The practice calendar: answers per day over the last weeks, as a heatmap, and the streak. */
import { plural } from '../../../lib/format';
import { dayAsDate, HEAT_LEVELS, type Heatmap, type Streak } from '../../../lib/stats';
import { dateText, WEEKS } from './common';
import { monthLabels } from './month-labels';

/**
 * The month over a calendar column: a chart label, not a date shown as a date (so it stays here
 * rather than in lib/format.ts). Formats dayAsDate's noon UTC in UTC, so it never shifts a day.
 */
const monthName = new Intl.DateTimeFormat(undefined, { month: 'short', timeZone: 'UTC' });

const WEEKDAY_LABELS = ['Mon', '', 'Wed', '', 'Fri', '', ''];

export function ActivityCalendar({ heat, streak: s }: { heat: Heatmap; streak: Streak }) {
  const busiest = heat.busiest;
  const months = monthLabels(heat.weeks);
  const legend = [
    'No answers',
    ...HEAT_LEVELS.map((t, i) => {
      const next = HEAT_LEVELS[i + 1];
      return next ? `${t}–${next - 1}` : `${t} or more`;
    }),
  ];
  return (
    <section className="card" aria-labelledby="stats-calendar-heading">
      <h2 id="stats-calendar-heading">Practice calendar</h2>
      <p data-testid="stats-calendar-summary">
        {plural(heat.total, 'answer')} on {plural(heat.activeDays, 'day')} in the last {WEEKS}{' '}
        weeks.
        {busiest
          ? ` Busiest day: ${dateText(busiest.date)} (${plural(busiest.count, 'answer')}).`
          : ''}{' '}
        Current streak: {plural(s.current, 'day')}; longest: {plural(s.longest, 'day')}.
      </p>
      <div className="heatmap-wrap">
        <div
          className="heatmap"
          role="group"
          aria-label={`Answers per day, ${WEEKS} weeks, one column per week from Monday to Sunday`}
          style={{ gridTemplateColumns: `auto repeat(${heat.weeks.length}, var(--heat-cell))` }}
        >
          <span className="heat-corner" aria-hidden="true" />
          {heat.weeks.map((_, w) => {
            const month = months.get(w);
            return (
              <span key={`m${w}`} className="heat-month" aria-hidden="true">
                {month ? monthName.format(dayAsDate(month)) : ''}
              </span>
            );
          })}
          {WEEKDAY_LABELS.map((label, row) => (
            <Row key={row} label={label} row={row} heat={heat} />
          ))}
        </div>
      </div>
      <div className="heat-legend" aria-hidden="true">
        <span className="muted small">Fewer</span>
        {legend.map((text, level) => (
          <span key={text} className={`heat-cell heat-${level}`} title={text} />
        ))}
        <span className="muted small">More</span>
      </div>
    </section>
  );
}

function Row({ label, row, heat }: { label: string; row: number; heat: Heatmap }) {
  return (
    <>
      <span className="heat-day muted small" aria-hidden="true">
        {label}
      </span>
      {heat.weeks.map((week) => {
        const cell = week[row]!;
        if (cell.future) return <span key={cell.date} className="heat-cell heat-future" />;
        const text = `${plural(cell.count, 'answer')} on ${dateText(cell.date)}`;
        return (
          <span
            key={cell.date}
            className={`heat-cell heat-${cell.level}`}
            role="img"
            aria-label={text}
            title={text}
            data-date={cell.date}
          />
        );
      })}
    </>
  );
}
