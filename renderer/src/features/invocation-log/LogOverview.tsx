/**
 * The log's first card: the period to count, Refresh, and the summary (or why there is none: the
 * log is being read, could not be read, or is empty).
 */
import { Link } from 'wouter';
import type { InvocationList } from '../../../../shared/contract';
import { plural } from '../../lib/format';
import type { Aggregate } from '../../lib/metrics';
import { PERIODS, type PeriodId } from './log-labels';
import { LogSummary } from './LogSummary';
import { SelectField } from '../../components/choice-fields';

export function LogOverview({
  list,
  failed,
  stats,
  period,
  onPeriod,
  loading,
  onRefresh,
}: {
  list: InvocationList | null;
  /** True when the last read failed. */
  failed: boolean;
  stats: Aggregate;
  period: PeriodId;
  onPeriod: (period: PeriodId) => void;
  loading: boolean;
  onRefresh: () => void;
}) {
  return (
    <section className="card" aria-labelledby="log-summary-h">
      <div className="log-head">
        <h2 id="log-summary-h">Bedrock calls from this app</h2>
        <div className="log-head-tools">
          <SelectField
            inline
            label="Period"
            value={period}
            options={PERIODS.map((p) => ({ value: p.id, label: p.label }))}
            onChange={onPeriod}
          />
          <button type="button" onClick={onRefresh} disabled={loading}>
            {loading ? 'Loading…' : 'Refresh'}
          </button>
        </div>
      </div>
      {list === null ? (
        <p className="loading">{failed ? 'The log could not be read.' : 'Reading the log…'}</p>
      ) : list.records.length === 0 ? (
        <div className="empty" data-testid="log-empty">
          <p>
            No Bedrock calls in the log yet. Every call Stratum makes (chat, compare, the token
            lab’s live experiment, image generation, quiz generation, the knowledge bases lab’s
            embeddings, retrieval and reranking, the connection test) is recorded here with its
            time, model, tokens, latency, status and estimated cost.
          </p>
          <p>
            Try the <Link href="/playground/compare">Compare</Link> view, or{' '}
            <Link href="/settings">test your connection</Link>.
          </p>
        </div>
      ) : (
        <>
          <LogSummary stats={stats} />
          <p className="muted small">
            Latency is from sending a request to its last byte, measured in Stratum’s main process;
            p50 and p95 are nearest-rank percentiles over successful calls.
            {stats.unpriced > 0
              ? ` ${plural(stats.unpriced, 'call')} had no price in Stratum’s catalog (a model it does not price, an imported model, an agent): the cost leaves them out.`
              : ''}
            {stats.s3Requests > 0
              ? ` ${plural(stats.s3Requests, 'request')} to your S3 bucket (the customization job’s dataset and metrics) ${stats.s3Requests === 1 ? 'is' : 'are'} billed by Amazon S3, not Bedrock: the cost leaves them out.`
              : ''}
            {stats.controlPlane > 0
              ? ` ${plural(stats.controlPlane, 'control-plane call')} (guardrails, jobs, model lists) invoked no model: a per-call cost does not apply.`
              : ''}
            {list.skippedLines > 0
              ? ` ${plural(list.skippedLines, 'damaged line')} of the log file were skipped.`
              : ''}
          </p>
        </>
      )}
    </section>
  );
}
