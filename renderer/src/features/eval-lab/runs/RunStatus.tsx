/** The current run: progress and Stop while it runs; its outcome, Resume and the cost afterwards. */
import { formatUsd, formatUsdOrUnknown, plural } from '../../../lib/format';
import {
  cancelRun,
  countedCost,
  missingPairs,
  resumeRun,
  type ActiveRun,
  type EvalRunRow,
} from '../runs-store';

export function RunStatus({ run, active }: { run: EvalRunRow; active: ActiveRun | null }) {
  const missing = missingPairs(run).length;
  const cost = countedCost(run);
  const truncated = run.responses.filter((r) => r.truncated).length;
  const empty = run.responses.filter((r) => r.empty).length;
  const running = active?.runId === run.id;
  return (
    <section className="card eval-run-status" aria-labelledby="eval-run-status-title">
      <h2 id="eval-run-status-title">{run.name}</h2>
      {running ? (
        <div className="eval-progress" role="status">
          <progress max={Math.max(1, active.total)} value={active.done} aria-label="Run progress" />
          <span>
            {active.done} of {plural(active.total, 'response')}
          </span>
          <button type="button" onClick={cancelRun}>
            Stop
          </button>
        </div>
      ) : (
        <p role="status">
          {run.status === 'complete'
            ? `Complete: ${plural(run.responses.length, 'response')}.`
            : `${run.status === 'stopped' ? 'Stopped' : 'Failed'} with ${plural(missing, 'response')} missing; the ${plural(run.responses.length, 'response')} received are kept.`}
        </p>
      )}
      {run.error && !running ? (
        <p className="status status-error" role="alert">
          {run.error.message} {run.error.remedy ?? ''}
        </p>
      ) : null}
      {!running && missing > 0 ? (
        <button type="button" className="primary" onClick={() => void resumeRun(run.id)}>
          Resume: ask for the {plural(missing, 'missing response')}
        </button>
      ) : null}
      <p className="small">
        Estimated before: at most {formatUsdOrUnknown(run.estimatedCostUsd)}. Counted so far:{' '}
        {formatUsd(cost.usd)}
        {cost.unknown > 0 ? ` (plus ${plural(cost.unknown, 'response')} without a price)` : ''}.
        {truncated > 0 ? ` ${plural(truncated, 'response')} cut by max tokens.` : ''}
        {empty > 0 ? ` ${plural(empty, 'empty response')} kept (scored as empty).` : ''}
      </p>
    </section>
  );
}
