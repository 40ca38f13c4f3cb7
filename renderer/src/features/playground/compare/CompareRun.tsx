/** One call in a Compare column: its status, its figures, its reply and any error. */
import { memo } from 'react';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { formatCount, formatDuration, formatUsd } from '../../../lib/format';
import { StreamingOutput } from '../ModelOutput';
import { slotStatus, type Slot, type SlotStatus } from './compare-store';

const STATUS_TEXT: Record<SlotStatus, string> = {
  waiting: 'Waiting',
  streaming: 'Streaming…',
  done: 'Done',
  failed: 'Failed',
  cancelled: 'Stopped',
};

const count = (n: number | undefined) => (n === undefined ? '–' : formatCount(n));

function RunMetrics({ slot }: { slot: Slot }) {
  const usage = slot?.usage ?? null;
  return (
    <dl className="compare-metrics">
      <div>
        <dt>First token</dt>
        <dd data-metric="first-token">{formatDuration(slot?.firstTokenMs)}</dd>
      </div>
      <div>
        <dt>Total</dt>
        <dd data-metric="total">{formatDuration(slot?.totalMs)}</dd>
      </div>
      <div>
        <dt>Tokens in / out</dt>
        <dd data-metric="tokens">
          {count(usage?.inputTokens)} / {count(usage?.outputTokens)}
        </dd>
      </div>
      <div>
        <dt>Cost</dt>
        <dd data-metric="cost">
          {slot?.costUsd != null ? formatUsd(slot.costUsd) : usage ? 'no price' : '–'}
        </dd>
      </div>
      <div>
        <dt>Stop reason</dt>
        <dd data-metric="stop">{slot?.stopReason ?? '–'}</dd>
      </div>
    </dl>
  );
}

/** Memoised: a delta re-renders only the run it belongs to, not its neighbours or other columns. */
export const CompareRun = memo(function CompareRun({
  slot,
  index,
  of,
}: {
  slot: Slot;
  index: number;
  of: number;
}) {
  const status = slotStatus(slot);
  const text = slot?.text ?? '';
  return (
    <article className="compare-run" data-testid="compare-run" data-status={status}>
      <p className="compare-run-head small">
        {of > 1 ? <strong>Run {index + 1}</strong> : null}
        <span className={`compare-state compare-state-${status}`}>{STATUS_TEXT[status]}</span>
      </p>
      <RunMetrics slot={slot} />
      {text ? (
        <div className="prose compare-text">
          <StreamingOutput text={text} streaming={status === 'streaming'} />
        </div>
      ) : status === 'streaming' || status === 'waiting' ? (
        <p className="muted small">No text yet.</p>
      ) : null}
      {slot?.error ? (
        <ErrorPanel
          error={slot.error}
          footer={text ? 'The text that arrived before the error is kept above.' : undefined}
        />
      ) : null}
    </article>
  );
});
