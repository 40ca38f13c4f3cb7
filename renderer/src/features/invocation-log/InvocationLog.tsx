/**
 * The invocation log screen: every Bedrock call the app made (chat, compare, token lab,
 * images, quiz generation, the knowledge bases lab, connection tests), as the main process recorded it, summed up the way
 * Amazon CloudWatch shows Bedrock's own metrics: invocations, latency percentiles, tokens, cost
 * per day, per model and per operation, errors by type, and a monthly budget warning the learner sets.
 *
 * A container: the log is read by useInvocationLog, the sums come from lib/metrics, and the
 * cards live in log/.
 */
import { useMemo, useState } from 'react';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { ScreenHeading } from '../../components/ScreenHeading';
import { plural } from '../../lib/format';
import { aggregate, byModel, dailySeries, errorsByCode, localDay } from '../../lib/metrics';
import { BudgetBanner } from './BudgetBanner';
import { BudgetCard } from './BudgetCard';
import { CloudWatchNote } from './CloudWatchNote';
import { LogDays } from './LogDays';
import { LogErrors } from './LogErrors';
import { LogModels } from './LogModels';
import { LogOperations } from './LogOperations';
import { LogOverview } from './LogOverview';
import { PERIODS, type PeriodId } from './log-labels';
import { RecentCalls } from './RecentCalls';
import { useInvocationLog } from './use-invocation-log';
import './invocation-log.css';

export default function InvocationLog() {
  const log = useInvocationLog();
  const { list, now } = log;
  const [period, setPeriod] = useState<PeriodId>('30');
  const records = useMemo(() => list?.records ?? [], [list]);
  const periodDays = PERIODS.find((p) => p.id === period)?.days ?? null;
  const inPeriod = useMemo(() => {
    if (periodDays === null) return records;
    const from = localDay(new Date(now.getTime() - (periodDays - 1) * 86_400_000));
    return records.filter((r) => localDay(r.at) >= from);
  }, [records, periodDays, now]);
  const stats = useMemo(() => aggregate(inPeriod), [inPeriod]);
  const series = useMemo(
    () => dailySeries(records, periodDays ?? 30, now),
    [records, periodDays, now],
  );
  const models = useMemo(() => byModel(inPeriod), [inPeriod]);
  const errors = useMemo(() => errorsByCode(inPeriod), [inPeriod]);
  const hasCalls = list !== null && records.length > 0;

  return (
    <section className="screen log-view">
      <header className="screen-header">
        <ScreenHeading>Invocation log</ScreenHeading>
        <p className="lede">
          Every Amazon Bedrock call Stratum makes, from every screen, as its main process recorded
          it: tokens, latency, status and estimated cost, summed up the way CloudWatch sums up
          Bedrock’s own metrics.
        </p>
      </header>
      <BudgetBanner records={records} now={now} />
      {log.error ? <ErrorPanel error={log.error} /> : null}
      {log.undo ? (
        <p role="status" className="status status-idle">
          Cleared {plural(log.undo.removed, 'call')} from the log.{' '}
          <button type="button" className="link" onClick={() => void log.restore()}>
            Undo
          </button>
        </p>
      ) : null}
      {log.notice ? (
        <p role="status" className="status status-idle">
          {log.notice}
        </p>
      ) : null}
      <LogOverview
        list={list}
        failed={log.error !== null}
        stats={stats}
        period={period}
        onPeriod={setPeriod}
        loading={log.loading}
        onRefresh={() => void log.load()}
      />
      {hasCalls ? (
        <>
          <LogDays series={series} />
          <LogModels models={models} />
          <LogOperations records={inPeriod} />
          <LogErrors errors={errors} cancelled={stats.cancelled} />
          <RecentCalls records={records} path={list.path} onClear={() => void log.clear()} />
        </>
      ) : null}
      <BudgetCard records={records} now={now} />
      <CloudWatchNote />
    </section>
  );
}
