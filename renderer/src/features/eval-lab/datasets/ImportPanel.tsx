/**
 * The learner's own JSON Lines file: chosen, checked line by line in a worker with progress, then
 * the verdict (valid lines, every problem with its line number) and a choice: import the valid
 * lines or discard the file. Nothing is imported before the learner accepts.
 */
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatCount, formatPercent, plural } from '../../../lib/format';
import { ImportVerdict } from './ImportVerdict';
import { checkFile, type ImportState } from './datasets-store';

export function ImportPanel({ state, checks }: { state: ImportState; checks: number }) {
  return (
    <section className="card eval-import" aria-labelledby="eval-import-title">
      <h2 id="eval-import-title">Your own dataset</h2>
      <p className="muted">
        A JSON Lines file in Bedrock's prompt dataset format, for example{' '}
        <code>
          {'{"prompt": "What is RAG?", "referenceResponse": "…", "category": "Domain 3"}'}
        </code>
        . Every line is checked; nothing is imported until you accept the valid lines.
      </p>
      <div className="field">
        <label htmlFor="eval-import-file">Dataset file (.jsonl)</label>
        <input
          id="eval-import-file"
          type="file"
          accept=".jsonl,.json,.txt,application/jsonl,text/plain"
          onChange={(e) => {
            const file = e.currentTarget.files?.[0];
            if (file) checkFile(file);
            e.currentTarget.value = '';
          }}
        />
      </div>
      {state.status === 'reading' ? (
        <div className="eval-import-progress" role="status">
          <progress
            max={Math.max(1, state.totalBytes)}
            value={state.bytes}
            aria-label={`Checking ${state.name}`}
          />
          <span>
            Checking {state.name}: {plural(state.lines, 'line')} checked (
            {formatPercent(state.totalBytes ? state.bytes / state.totalBytes : 1, 0)} of{' '}
            {formatCount(state.totalBytes)} bytes)
          </span>
        </div>
      ) : null}
      <ResultsRegion
        label="Dataset check"
        revealKey={state.status === 'checked' || state.status === 'failed' ? checks : null}
        announce={
          state.status === 'checked'
            ? `${plural(state.check.valid.length, 'valid line')}, ${plural(state.check.problems.length, 'refused line')}.`
            : null
        }
      >
        {state.status === 'checked' ? <ImportVerdict state={state} /> : null}
        {state.status === 'failed' ? (
          <p className="status status-error" role="alert">
            {state.reason}
          </p>
        ) : null}
      </ResultsRegion>
    </section>
  );
}
