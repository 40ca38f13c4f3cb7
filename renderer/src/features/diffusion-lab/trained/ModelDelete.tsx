/**
 * Deleting a model the learner trained (each keeps 1.4 MB of weights on this computer), with Undo:
 * the row is kept in memory until another model is deleted or the view closes.
 */
import { useState } from 'react';
import { deleteDiffusionModel, saveDiffusionModel } from '../../../db/diffusion-models';
import type { DiffusionModelRow } from '../../../db/schema';

export function ModelDelete({
  chosen,
  onDeleted,
  onRestored,
}: {
  /** The learner's model now selected, or null for the shipped one. */
  chosen: DiffusionModelRow | null;
  onDeleted: () => void;
  onRestored: (id: string) => void;
}) {
  const [undo, setUndo] = useState<DiffusionModelRow | null>(null);
  const [error, setError] = useState<string | null>(null);
  const remove = async (row: DiffusionModelRow) => {
    setError(null);
    try {
      await deleteDiffusionModel(row.id);
      setUndo(row);
      onDeleted();
    } catch (e) {
      setError(`The model was not deleted: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  const restore = async (row: DiffusionModelRow) => {
    try {
      await saveDiffusionModel(row);
      setUndo(null);
      onRestored(row.id);
    } catch (e) {
      setError(`The model could not be put back: ${e instanceof Error ? e.message : String(e)}`);
    }
  };
  return (
    <>
      {chosen ? (
        <button type="button" className="link" onClick={() => void remove(chosen)}>
          Delete this model
        </button>
      ) : null}
      {undo ? (
        <p role="status" className="status status-idle">
          Deleted “{undo.name}”.{' '}
          <button type="button" className="link" onClick={() => void restore(undo)}>
            Undo
          </button>
        </p>
      ) : null}
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
    </>
  );
}
