/** The saved runs: pick one to see its metrics, or delete it. Damaged rows are named, not shown. */
import { formatDateTime, plural } from '../../../lib/format';
import { removeRun, selectRun, undoRemoveRun, type RunsState } from '../runs-store';

export function RunPicker({ state }: { state: RunsState }) {
  if (state.runs.length === 0 && state.skipped.length === 0 && !state.deleted) return null;
  const current = state.currentRunId ?? '';
  return (
    <section className="card eval-run-picker" aria-labelledby="eval-run-picker-title">
      <h2 id="eval-run-picker-title">Saved runs</h2>
      <div className="row">
        <label htmlFor="eval-run-pick" className="sr-only">
          Run to show
        </label>
        <select
          id="eval-run-pick"
          value={current}
          onChange={(e) => selectRun(e.currentTarget.value)}
        >
          {state.runs.map((r) => (
            <option key={r.id} value={r.id}>
              {formatDateTime(r.createdAt)}: {r.name}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={!current || state.active?.runId === current}
          onClick={() => void removeRun(current)}
        >
          Delete this run
        </button>
      </div>
      {state.deleted ? (
        <p className="undo-line" role="status">
          {`Deleted the run “${state.deleted.name}” with its judge runs and ratings. `}
          <button type="button" onClick={() => void undoRemoveRun()}>
            Undo
          </button>
        </p>
      ) : null}
      {state.skipped.length > 0 ? (
        <p className="status status-warn">
          {plural(state.skipped.length, 'stored run')} could not be read and{' '}
          {state.skipped.length === 1 ? 'is' : 'are'} not shown (kept in the database):{' '}
          {state.skipped.map((s) => `${s.id} (${s.problem})`).join('; ')}.
        </p>
      ) : null}
      {state.storageError ? (
        <p className="status status-error" role="alert">
          {state.storageError}
        </p>
      ) : null}
    </section>
  );
}
