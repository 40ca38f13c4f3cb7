/** The log per day: calls and cost as bars, then the days that had calls, newest first. */
import { formatDate, formatUsd, plural } from '../../lib/format';
import type { Aggregate } from '../../lib/metrics';
import { DailyBars } from './DailyBars';
import { StatsTable } from './StatsTable';

export function LogDays({ series }: { series: readonly { day: string; stats: Aggregate }[] }) {
  return (
    <section className="card" aria-labelledby="log-days-h">
      <h2 id="log-days-h">Per day</h2>
      <div className="day-charts">
        <DailyBars
          series={series}
          value={(s) => s.invocations}
          format={(n) => plural(n, 'call')}
          label="Invocations per day"
        />
        <DailyBars
          series={series}
          value={(s) => s.costUsd}
          format={formatUsd}
          label="Estimated cost per day"
        />
      </div>
      <StatsTable
        first="Day"
        testId="log-days"
        rows={[...series]
          .reverse()
          .filter((d) => d.stats.invocations > 0)
          .map((d) => ({ key: d.day, label: formatDate(d.day), stats: d.stats }))}
      />
    </section>
  );
}
