/**
 * A generation run as it goes and when it ends: progress (n of N), calls, tokens and cost as main
 * sends them, Cancel or Clear, the error if it stopped, and every rejected item with its reasons
 * (./Rejections).
 * A results region: it scrolls into view when the learner starts a run.
 */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatCount, formatUsdOrUnknown, plural } from '../../../lib/format';
import { cancelGeneration, clearRun, type RunState } from '../generation-store';
import { Rejections } from './Rejections';

const PHASE = {
  generating: 'Writing questions',
  repairing: 'Asking for corrections',
  checking: 'Blind check',
} as const;

const HEADING = {
  running: 'Generating…',
  complete: 'Run finished',
  cancelled: 'Run cancelled',
  failed: 'Run stopped',
} as const;

function announcement(run: RunState): string {
  if (run.status === 'running') return `Generating ${plural(run.target, 'question')}…`;
  return `${HEADING[run.status]}: ${run.accepted} of ${run.target} accepted, ${run.rejected} rejected.`;
}

export function RunPanel({ run }: { run: RunState }) {
  const running = run.status === 'running';
  return (
    <ResultsRegion
      label="Generation run"
      className="card gen-run"
      revealKey={run.id}
      announce={announcement(run)}
    >
      <h2 id="gen-run-heading">{HEADING[run.status]}</h2>
      <div role="status" aria-live="polite" data-testid="gen-progress">
        <progress max={run.target} value={run.accepted} />{' '}
        <strong>
          {run.accepted} of {run.target}
        </strong>{' '}
        accepted · {run.rejected} rejected{running ? ` · ${PHASE[run.phase]}` : ''}
      </div>
      <p className="small muted" data-testid="gen-usage">
        {plural(run.usage.calls, 'call')} · {formatCount(run.usage.inputTokens)} input and{' '}
        {formatCount(run.usage.outputTokens)} output tokens · cost about{' '}
        {formatUsdOrUnknown(run.usage.costUsd, 'unknown (no price in the catalog)')} at on-demand
        list prices · {run.modelId}
        {run.autoAccept ? ` · ${run.saved} saved automatically` : ''}
      </p>
      <div className="actions">
        {running ? (
          <button type="button" onClick={cancelGeneration}>
            Cancel
          </button>
        ) : (
          <button type="button" className="link" onClick={clearRun}>
            Clear this run
          </button>
        )}
      </div>
      {run.error ? (
        <ErrorPanel
          error={run.error}
          footer={
            run.accepted > 0
              ? `The ${plural(run.accepted, 'item')} accepted before the error are kept.`
              : undefined
          }
        />
      ) : null}
      <Rejections rejections={run.rejections} />
    </ResultsRegion>
  );
}
