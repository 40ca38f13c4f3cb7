/** The invocation log's headline figures, as CloudWatch shows Bedrock's own metrics. */
import type { Aggregate } from '../../lib/metrics';
import { formatCount, formatDuration, formatUsd } from '../../lib/format';

function Kpi({ label, value, testId }: { label: string; value: string; testId: string }) {
  return (
    <div className="kpi">
      <dt>{label}</dt>
      <dd data-testid={testId}>{value}</dd>
    </div>
  );
}

export function LogSummary({ stats }: { stats: Aggregate }) {
  return (
    <dl className="kpis" data-testid="log-summary">
      <Kpi label="Invocations" value={formatCount(stats.invocations)} testId="kpi-invocations" />
      <Kpi label="Errors" value={formatCount(stats.errors)} testId="kpi-errors" />
      <Kpi
        label="Tokens in / out"
        value={`${formatCount(stats.inputTokens)} / ${formatCount(stats.outputTokens)}`}
        testId="kpi-tokens"
      />
      <Kpi label="Estimated cost" value={formatUsd(stats.costUsd)} testId="kpi-cost" />
      <Kpi
        label="Latency p50 / p95"
        value={`${formatDuration(stats.p50LatencyMs)} / ${formatDuration(stats.p95LatencyMs)}`}
        testId="kpi-latency"
      />
      <Kpi
        label="First token p50 / p95"
        value={`${formatDuration(stats.p50FirstTokenMs)} / ${formatDuration(stats.p95FirstTokenMs)}`}
        testId="kpi-first-token"
      />
    </dl>
  );
}
