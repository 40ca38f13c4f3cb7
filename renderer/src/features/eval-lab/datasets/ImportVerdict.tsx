/** A checked file: counts, notes, refused lines with reasons, the task choice, and accept/discard. */
import type { EvalTaskKind } from '../../../lib/eval';
import { plural } from '../../../lib/format';
import { TASK_LABELS } from './builtin-datasets';
import { acceptImport, discardImport, setImportTask, type ImportState } from './datasets-store';
import { SelectField } from '../../../components/choice-fields';

const PROBLEMS_SHOWN = 50;

export function ImportVerdict({ state }: { state: Extract<ImportState, { status: 'checked' }> }) {
  const { check } = state;
  const warnings = check.valid.filter((v) => v.warnings.length > 0);
  return (
    <div className="stack eval-verdict">
      <p>
        <strong>{state.name}</strong>: {plural(check.lines, 'line')} read,{' '}
        {plural(check.valid.length, 'valid line')}, {plural(check.problems.length, 'refused line')}.
      </p>
      {check.notes.map((note) => (
        <p key={note} className="status status-warn">
          {note}
        </p>
      ))}
      {check.problems.length > 0 ? (
        <div>
          <h3>Refused lines</h3>
          <ul className="eval-problems" aria-label="Refused lines">
            {check.problems.slice(0, PROBLEMS_SHOWN).map((p) => (
              <li key={p.line}>
                <strong>Line {p.line}:</strong> {p.reasons.join(' ')}
              </li>
            ))}
          </ul>
          {check.problems.length > PROBLEMS_SHOWN ? (
            <p className="muted small">
              and {plural(check.problems.length - PROBLEMS_SHOWN, 'more refused line')}.
            </p>
          ) : null}
        </div>
      ) : null}
      {warnings.length > 0 ? (
        <details>
          <summary>{plural(warnings.length, 'line')} with keys Bedrock does not read</summary>
          <ul className="eval-problems">
            {warnings.slice(0, PROBLEMS_SHOWN).map((w) => (
              <li key={w.line}>
                <strong>Line {w.line}:</strong> {w.warnings.join(' ')}
              </li>
            ))}
          </ul>
        </details>
      ) : null}
      {check.valid.length > 0 ? (
        <SelectField
          label="Task type for these prompts"
          value={state.task}
          options={(Object.keys(TASK_LABELS) as EvalTaskKind[]).map((t) => ({
            value: t,
            label: TASK_LABELS[t],
          }))}
          onChange={setImportTask}
        />
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={check.valid.length === 0}
          onClick={acceptImport}
        >
          Import {plural(check.valid.length, 'valid line')}
        </button>
        <button type="button" onClick={discardImport}>
          Discard the file
        </button>
      </div>
    </div>
  );
}
