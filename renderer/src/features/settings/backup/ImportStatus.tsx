/** What the backup card says after an export or during and after an import. */
import { describePlan, newerHereCount, rowCount, TABLE_NAMES } from '../../../db/backup';
import { formatCount, formatPercent } from '../../../lib/format';
import { megabytes, type CheckProgress } from './backup-check';
import { countRows, type ImportState, type useBackup } from './use-backup';

type Backup = ReturnType<typeof useBackup>;

/** The sentence screen readers hear when a step arrives. */
export function importAnnouncement(state: ImportState): string | null {
  switch (state.step) {
    case 'checking':
      return `Checking ${state.file}…`;
    case 'refused':
      return `Not imported: ${state.file}.`;
    case 'confirm':
      return `${state.file} checked: confirm the import.`;
    case 'done':
      return `Imported ${state.file}.`;
    default:
      return null;
  }
}

export function ImportStatus({ backup }: { backup: Backup }) {
  const { state } = backup;
  switch (state.step) {
    case 'idle':
      return null;
    case 'exported':
      return (
        <p className="status status-ok small" role="status">
          {state.text}
        </p>
      );
    case 'export-failed':
      return (
        <p className="status status-error small" role="alert">
          {state.reason}
        </p>
      );
    case 'checking':
      return <Checking state={state} onCancel={backup.cancel} />;
    case 'refused':
      return (
        <div className="status status-error small" role="alert" data-testid="import-refused">
          <div>
            <strong>Not imported: {state.file}</strong>
            <p>{state.reason}</p>
            {state.problems.length ? (
              <ul>
                {state.problems.map((p, i) => (
                  <li key={i}>{p}</li>
                ))}
              </ul>
            ) : null}
            <p className="muted">Nothing was changed.</p>
          </div>
        </div>
      );
    case 'confirm':
      return <Confirm state={state} backup={backup} />;
    case 'writing':
      return (
        <p className="status status-idle small" role="status">
          Importing {state.file}…
        </p>
      );
    case 'done':
      return (
        <p className="status status-ok small" role="status" data-testid="import-done">
          Imported {state.file}: {describePlan(state.plan)}.
        </p>
      );
  }
}

function progressText(file: string, size: number, p: CheckProgress | null): string {
  if (!p) return `Opening ${file} (${megabytes(size)})…`;
  if (p.phase === 'reading')
    return `Reading ${file}: ${megabytes(p.done)} of ${megabytes(p.total)}…`;
  return `Checking ${file}: ${formatCount(p.done)} of ${formatCount(p.total)} rows (${formatPercent(p.total ? p.done / p.total : 1, 0)})…`;
}

function Checking({
  state,
  onCancel,
}: {
  state: Extract<ImportState, { step: 'checking' }>;
  onCancel: () => void;
}) {
  const p = state.progress;
  // Reading is the first tenth of the bar, checking the rest.
  const share = !p
    ? 0
    : p.phase === 'reading'
      ? (0.1 * p.done) / (p.total || 1)
      : 0.1 + (0.9 * p.done) / (p.total || 1);
  return (
    <div className="status status-idle small import-progress" data-testid="import-progress">
      <div>
        <p>{progressText(state.file, state.size, p)}</p>
        <progress max={1} value={share} aria-label={`Checking ${state.file}`} />
        <div className="actions">
          <button type="button" className="link" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}

function Confirm({
  state,
  backup,
}: {
  state: Extract<ImportState, { step: 'confirm' }>;
  backup: Backup;
}) {
  const newer = newerHereCount(state.plan);
  return (
    <div className="status status-idle small" data-testid="import-confirm">
      <div>
        <strong>Import {state.file}?</strong>
        <p>
          The file holds {countRows(state.backup)}. Importing it would give:{' '}
          {describePlan(state.plan)}.
        </p>
        {newer > 0 ? (
          <fieldset className="import-choice">
            <legend>
              {newer} row{newer === 1 ? ' is' : 's are'} newer here than in the file (
              {TABLE_NAMES.filter((t) => state.plan[t].newerHere.length)
                .map((t) => rowCount(t, state.plan[t].newerHere.length))
                .join(', ')}
              ).
            </legend>
            <label className="check">
              <input
                type="radio"
                name="import-choice"
                checked={state.choice === 'keep-newer'}
                onChange={() => backup.choose('keep-newer')}
              />
              Keep my newer rows
            </label>
            <label className="check">
              <input
                type="radio"
                name="import-choice"
                checked={state.choice === 'replace'}
                onChange={() => backup.choose('replace')}
              />
              Replace them with the file’s older copies
            </label>
          </fieldset>
        ) : null}
        <div className="actions">
          <button
            type="button"
            className="primary"
            disabled={backup.busy}
            onClick={() => void backup.apply(state)}
          >
            Import
          </button>
          <button type="button" onClick={backup.cancel}>
            Cancel
          </button>
        </div>
      </div>
    </div>
  );
}
