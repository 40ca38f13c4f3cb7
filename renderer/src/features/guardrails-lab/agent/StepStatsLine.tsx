/** Tokens, latency and cost of one step, as main measured and priced them. */
import { formatCount, formatDuration, formatUsdOrUnknown } from '../../../lib/format';
import type { StepStats } from './timeline';

export function StepStatsLine({ stats }: { stats: StepStats }) {
  const parts = [
    stats.inputTokens !== null ? `${formatCount(stats.inputTokens)} in` : null,
    stats.outputTokens !== null ? `${formatCount(stats.outputTokens)} out tokens` : null,
    stats.latencyMs !== null ? formatDuration(stats.latencyMs) : null,
  ].filter((p): p is string => p !== null);
  return (
    <p className="agent-step-stats">
      {parts.join(' · ')}
      {stats.latencyMs !== null || stats.costUsd !== null ? (
        <> · {formatUsdOrUnknown(stats.costUsd, 'cost unknown')}</>
      ) : null}
    </p>
  );
}
