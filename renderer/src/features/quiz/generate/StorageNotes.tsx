/** Storage trouble: items not saved (a reload would lose them), a failed read or discard. */
import { plural } from '../../../lib/format';
import {
  dismissStorageError,
  retrySaving,
  type PendingItem,
  type PendingStorage,
} from '../generation-store';

export function StorageNotes({
  pending,
  storage,
}: {
  pending: PendingItem[];
  storage: PendingStorage;
}) {
  const unsaved = pending.filter((p) => p.saveError !== null);
  return (
    <>
      {unsaved.length > 0 ? <Unsaved unsaved={unsaved} /> : null}
      {storage.error ? (
        <div className="status status-error small" role="alert" data-testid="gen-storage-error">
          <div>
            <p>{storage.error}</p>
            <div className="actions">
              <button type="button" className="link" onClick={dismissStorageError}>
                Dismiss
              </button>
            </div>
          </div>
        </div>
      ) : null}
      {storage.unreadable.length > 0 ? <Unreadable rows={storage.unreadable} /> : null}
    </>
  );
}

function Unsaved({ unsaved }: { unsaved: PendingItem[] }) {
  const one = unsaved.length === 1;
  const them = one ? 'it' : 'them';
  return (
    <div className="status status-error small" role="alert" data-testid="gen-unsaved">
      <div>
        <strong>{plural(unsaved.length, 'item')} could not be saved on this computer</strong>
        <p>
          Storing {them} failed: {unsaved[0]!.saveError}. {one ? 'It is' : 'They are'} still listed
          below (marked “not saved”), but a reload or restart would lose {them}. Try again, or
          accept {them} now.
        </p>
        <div className="actions">
          <button type="button" onClick={() => void retrySaving()}>
            Try again
          </button>
        </div>
      </div>
    </div>
  );
}

function Unreadable({ rows }: { rows: PendingStorage['unreadable'] }) {
  const one = rows.length === 1;
  return (
    <p className="muted small" data-testid="gen-unreadable">
      {plural(rows.length, 'stored item')} waiting for review could not be read and{' '}
      {one ? 'is' : 'are'} not shown (first: “{rows[0]!.id}”, {rows[0]!.problem}).{' '}
      {one ? 'It is' : 'They are'} left as stored.
    </p>
  );
}
