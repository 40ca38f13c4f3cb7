/** The live runs saved on this computer: open one, delete one (with Undo). */
import { useLiveQuery } from 'dexie-react-hooks';
import { useState } from 'react';
import { deleteExperiment, listExperiments, saveExperiment } from '../../db/experiments';
import type { TokenExperiment } from '../../db/schema';
import { formatDateTime } from '../../lib/format';

export function SavedExperiments({
  onOpen,
  onDeleted,
}: {
  onOpen: (experiment: TokenExperiment) => void;
  onDeleted: (id: string) => void;
}) {
  const saved = useLiveQuery(listExperiments, []);
  const [undo, setUndo] = useState<TokenExperiment | null>(null);
  const remove = async (id: string) => {
    setUndo(await deleteExperiment(id));
    onDeleted(id);
  };
  return (
    <section className="card" aria-labelledby="saved-heading">
      <h2 id="saved-heading">Saved experiments</h2>
      {undo ? (
        <p role="status" className="status status-idle">
          Deleted the run of {formatDateTime(undo.createdAt)}.{' '}
          <button
            type="button"
            className="link"
            onClick={() => void saveExperiment(undo).then(() => setUndo(null))}
          >
            Undo
          </button>
        </p>
      ) : null}
      {saved && saved.length > 0 ? (
        <ul className="saved" data-testid="saved-experiments">
          {saved.map((e) => (
            <li key={e.id}>
              <button type="button" className="link" onClick={() => onOpen(e)}>
                “{e.prompt}” · {e.modelId} · {e.replies.filter((r) => r !== null).length}/
                {e.settings.n} · T {e.settings.temperature}
              </button>
              <span className="muted small">
                {formatDateTime(e.createdAt)} · {e.status}
              </span>
              <button
                type="button"
                className="link"
                aria-label={`Delete the run of ${formatDateTime(e.createdAt)}`}
                onClick={() => void remove(e.id)}
              >
                Delete
              </button>
            </li>
          ))}
        </ul>
      ) : (
        <p className="empty">Runs you make are saved here on this computer.</p>
      )}
    </section>
  );
}
