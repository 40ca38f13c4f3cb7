/** Save the open dataset under a name; the saved ones listed with Open and Delete (with Undo). */
import { useId, useState } from 'react';
import {
  deleteCustomDataset,
  saveCustomDataset,
  useCustomDatasets,
} from '../../../db/custom-datasets';
import type { CustomDatasetRow } from '../../../db/schema';
import { formatCount, formatDateTime, plural } from '../../../lib/format';
import type { DatasetState } from './dataset-store';
import { openSavedDataset, saveOpenDataset } from './saved-actions';

const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function SavedDatasets({ state }: { state: DatasetState }) {
  const load = useCustomDatasets();
  const [name, setName] = useState('');
  const [note, setNote] = useState<{ text: string; error: boolean } | null>(null);
  const [deleted, setDeleted] = useState<CustomDatasetRow | null>(null);
  const id = useId();
  const shownName = name || state.saved?.name || '';
  const run = (work: Promise<unknown>, done: string | null): void => {
    work.then(
      () => setNote(done ? { text: done, error: false } : null),
      (e: unknown) => setNote({ text: messageOf(e), error: true }),
    );
  };
  const save = () =>
    run(saveOpenDataset(shownName), `Saved "${shownName.trim()}" in this browser's storage.`);
  const remove = (row: CustomDatasetRow) =>
    run(
      deleteCustomDataset(row.id).then((r) => setDeleted(r)),
      `Deleted "${row.name}".`,
    );
  return (
    <section className="card cl-saved" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Saved datasets</h2>
      <div className="field">
        <label htmlFor={`${id}-name`}>Dataset name</label>
        <input id={`${id}-name`} value={shownName} onChange={(e) => setName(e.target.value)} />
      </div>
      <button type="button" disabled={!state.data || shownName.trim() === ''} onClick={save}>
        {state.saved ? 'Save changes' : 'Save dataset'}
      </button>
      {note ? (
        <p className={note.error ? 'field-error' : 'hint'} role={note.error ? 'alert' : 'status'}>
          {note.text}{' '}
          {deleted && !note.error ? (
            <button
              type="button"
              className="link"
              onClick={() =>
                run(
                  saveCustomDataset(deleted).then(() => setDeleted(null)),
                  `Restored "${deleted.name}".`,
                )
              }
            >
              Undo
            </button>
          ) : null}
        </p>
      ) : null}
      {load?.skipped.length ? (
        <p className="field-error">
          {plural(load.skipped.length, 'saved dataset')} could not be read and{' '}
          {load.skipped.length === 1 ? 'is' : 'are'} left as they are:{' '}
          {load.skipped.map((s) => s.id).join(', ')}.
        </p>
      ) : null}
      {load && load.rows.length > 0 ? (
        <ul className="cl-saved-list">
          {load.rows.map((row) => (
            <li key={row.id}>
              <strong>{row.name}</strong>
              <span className="small muted">
                {plural(row.validRecords, 'valid record')}, {formatCount(row.estimatedTokens)}{' '}
                estimated tokens · {formatDateTime(row.updatedAt)}
              </span>
              <span className="actions">
                <button
                  type="button"
                  className="link"
                  onClick={() => run(openSavedDataset(row), null)}
                >
                  Open {row.name}
                </button>
                <button type="button" className="link" onClick={() => remove(row)}>
                  Delete {row.name}
                </button>
              </span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted small">Nothing saved yet.</p>
      )}
    </section>
  );
}
