import { findModel, modelDisplayName } from '../../../../../shared/models';
import type { EvalJudgementRow } from '../../../db/eval-judgements';
import { METRIC_INFO } from '../../../lib/eval/judge';
import { formatDateTime, plural } from '../../../lib/format';
import { removeJudgeRun, showJudgeRun, undoRemoveJudgeRun } from './judge-runs';
import type { JudgeState } from './judge-store';

export function judgeModelName(id: string): string {
  const model = findModel(id);
  return model ? modelDisplayName(model) : id;
}

/** "Nova Lite, pairwise, order swapped, 4 Dec 2026, 12:00" (single mode names its metrics). */
export function judgeRunTitle(row: EvalJudgementRow): string {
  const mode =
    row.mode === 'pairwise'
      ? 'pairwise, order swapped'
      : row.metrics.map((m) => METRIC_INFO[m.metric].label).join(', ');
  return `${judgeModelName(row.judgeModelId)}, ${mode}, ${formatDateTime(row.createdAt)}`;
}

function progress(row: EvalJudgementRow): string {
  const done = `${row.judgements.length} of ${plural(row.total, 'result')}`;
  if (row.status === 'running') return `${done}, judging`;
  if (row.status === 'complete') return done;
  return `${done}, ${row.status}`;
}

/** The evaluation run's saved judge runs: open one, delete one (with Undo). */
export function SavedJudgeRuns({ state }: { state: JudgeState }) {
  const { saved, skipped, shownId, activeId, deleted } = state;
  if (!saved) return <p className="hint">Reading the saved judge runs…</p>;
  return (
    <section className="saved-judge-runs" aria-labelledby="saved-judge-heading">
      <h3 id="saved-judge-heading">Saved judge runs</h3>
      {saved.length === 0 ? (
        <p className="hint">None yet for this run: judged results are saved as they arrive.</p>
      ) : (
        <ul aria-label="Saved judge runs">
          {saved.map((row) => {
            const title = judgeRunTitle(row);
            return (
              <li key={row.id} aria-label={title} aria-current={row.id === shownId || undefined}>
                <span className="title">{title}</span>
                <span className="progress">{progress(row)}</span>
                <button
                  type="button"
                  disabled={row.id === shownId}
                  onClick={() => showJudgeRun(row.id)}
                >
                  {row.id === shownId ? 'Shown' : 'Show'}
                </button>
                <button
                  type="button"
                  disabled={row.id === activeId}
                  onClick={() => void removeJudgeRun(row.id)}
                >
                  Delete
                </button>
              </li>
            );
          })}
        </ul>
      )}
      {deleted ? (
        <p className="undo-line" role="status">
          {`Deleted the judge run of ${formatDateTime(deleted.createdAt)}. `}
          <button type="button" onClick={() => void undoRemoveJudgeRun()}>
            Undo
          </button>
        </p>
      ) : null}
      {skipped > 0 ? (
        <p className="hint" role="note">
          {`${plural(skipped, 'saved judge run')} of this run could not be read (damaged) and ${skipped === 1 ? 'is' : 'are'} not shown; ${skipped === 1 ? 'it stays' : 'they stay'} in storage.`}
        </p>
      ) : null}
    </section>
  );
}
