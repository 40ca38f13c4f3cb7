/** Reviews due per day over the next weeks, as a bar chart. */
import { Link } from 'wouter';
import { plural } from '../../../lib/format';
import { dayAsDate, type Forecast } from '../../../lib/stats';
import { dateText, FORECAST_DAYS } from './common';

/** A short day under every seventh bar ("4 Dec"): a chart label, not a date shown as a date. */
const shortDate = new Intl.DateTimeFormat(undefined, {
  day: 'numeric',
  month: 'short',
  timeZone: 'UTC',
});

export function DueForecast({ forecast, hasCards }: { forecast: Forecast; hasCards: boolean }) {
  const total = forecast.days.reduce((s, d) => s + d.count, 0);
  const week = forecast.days.slice(0, 7).reduce((s, d) => s + d.count, 0);
  const max = Math.max(1, ...forecast.days.map((d) => d.count));
  return (
    <section className="card" aria-labelledby="stats-forecast-heading">
      <h2 id="stats-forecast-heading">Reviews due, next {FORECAST_DAYS} days</h2>
      {!hasCards ? (
        <p className="empty">
          Nothing is scheduled yet. A question joins the review schedule the first time you rate it
          in <Link href="/practice/review">Spaced review</Link>; its next review date then appears
          here.
        </p>
      ) : (
        <>
          <p data-testid="stats-forecast-summary">
            Today: {forecast.days[0]?.count ?? 0}
            {forecast.overdue > 0 ? ` (${forecast.overdue} overdue)` : ''} · next 7 days: {week} ·
            next {FORECAST_DAYS} days: {total}
            {forecast.later > 0 ? ` · later: ${forecast.later}` : ''}.
          </p>
          <ol className="forecast" aria-label="Reviews due per day">
            {forecast.days.map((d, i) => (
              <li key={d.date} title={`${plural(d.count, 'review')} due on ${dateText(d.date)}`}>
                <span className="sr-only">
                  {plural(d.count, 'review')} due on {dateText(d.date)}
                </span>
                <span className="forecast-count" aria-hidden="true">
                  {d.count > 0 ? d.count : ''}
                </span>
                <span
                  className="forecast-bar"
                  aria-hidden="true"
                  style={{ height: `${(d.count / max) * 100}%` }}
                />
                <span className="forecast-day muted" aria-hidden="true">
                  {i === 0 ? 'Today' : i % 7 === 0 ? shortDate.format(dayAsDate(d.date)) : ''}
                </span>
              </li>
            ))}
          </ol>
          {(forecast.days[0]?.count ?? 0) > 0 ? (
            <div className="actions">
              <Link href="/practice/review" className="button">
                Review now
              </Link>
            </div>
          ) : null}
        </>
      )}
    </section>
  );
}
