/** Stored indexes: what each was built with, whether it is ready, stale or incomplete; use, resume, delete with Undo. */
import { formatCount, formatDateTime, formatUsd, plural } from '../../../lib/format';
import { describeChunking } from '../../../lib/rag/content-hash';
import { indexStatus, type IndexStatus } from '../index-status';
import {
  dismissUndo,
  removeIndex,
  runIndex,
  undoDelete,
  type IndexStoreState,
} from '../index-store';
import { setActiveIndexId, setChunking, type KbCorpus } from '../retrieval-api';
import type { StoredIndex } from '../../../db/rag';
import { modelName } from './embedding-models';

function statusText(s: IndexStatus): string {
  switch (s.kind) {
    case 'ready':
      return 'Ready';
    case 'incomplete':
      return `Incomplete: ${plural(s.missing, 'chunk')} to go`;
    case 'stale':
      return s.why === 'notes' ? 'Stale: the notes changed' : 'Stale: another chunking';
  }
}

function Row({
  index,
  corpus,
  active,
  busy,
}: {
  index: StoredIndex;
  corpus: KbCorpus;
  active: boolean;
  busy: boolean;
}) {
  const status = indexStatus(index, {
    contentHash: corpus.contentHash,
    chunking: corpus.chunkSet.config,
  });
  const label = `${modelName(index.modelId)}, ${formatCount(index.dimensions)} dimensions`;
  return (
    <tr className={active ? 'active' : undefined}>
      <td>
        <label className="kb-use">
          <input
            type="radio"
            name="kb-active-index"
            checked={active}
            onChange={() => setActiveIndexId(index.id)}
          />
          {label}
        </label>
      </td>
      <td>{describeChunking(index.chunking)}</td>
      <td className="kb-num">
        {formatCount(index.vectorCount)} of {formatCount(index.chunkCount)}
      </td>
      <td className="kb-num">{formatUsd(index.costUsd)}</td>
      <td>{formatDateTime(index.createdAt)}</td>
      <td>
        <span className={`badge ${status.kind === 'ready' ? 'kb-ok' : 'badge-legacy'}`}>
          {statusText(status)}
        </span>
      </td>
      <td>
        <div className="kb-actions">
          {status.kind === 'incomplete' ? (
            <button type="button" disabled={busy} onClick={() => void runIndex(index.id)}>
              Resume
            </button>
          ) : null}
          {status.kind === 'stale' && status.why === 'chunking' ? (
            <button type="button" onClick={() => setChunking(index.chunking)}>
              Use its chunking
            </button>
          ) : null}
          <button
            type="button"
            disabled={busy}
            aria-label={`Delete ${label}, built ${formatDateTime(index.createdAt)}`}
            onClick={() => void removeIndex(index.id)}
          >
            Delete
          </button>
        </div>
      </td>
    </tr>
  );
}

export function IndexList({
  store,
  corpus,
  activeIndexId,
}: {
  store: IndexStoreState;
  corpus: KbCorpus;
  activeIndexId: string | null;
}) {
  const busy = store.run?.status === 'running';
  return (
    <section className="card" aria-labelledby="kb-indexes-heading">
      <h2 id="kb-indexes-heading">Vector indexes</h2>
      {store.deleted ? (
        <p className="status status-idle kb-undo" role="status">
          Deleted the index of {plural(store.deleted.index.chunkCount, 'chunk')}.
          <button type="button" onClick={() => void undoDelete()}>
            Undo
          </button>
          <button type="button" onClick={dismissUndo}>
            Dismiss
          </button>
        </p>
      ) : null}
      {store.loadError ? (
        <p role="alert" className="status status-error">
          {store.loadError} Reload the window to try again.
        </p>
      ) : null}
      {store.skipped > 0 ? (
        <p className="status status-warn">
          {plural(store.skipped, 'index', 'indexes')} could not be read (damaged) and{' '}
          {store.skipped === 1 ? 'is' : 'are'} left out.
        </p>
      ) : null}
      {store.indexes === null ? <p className="loading">Reading indexes…</p> : null}
      {store.indexes?.length === 0 ? (
        <p className="empty">No index yet. Build one above; retrieval by meaning needs it.</p>
      ) : null}
      {store.indexes && store.indexes.length > 0 ? (
        <div className="table-wrap">
          <table className="kb-index-table">
            <caption className="sr-only">
              Stored vector indexes; the chosen one is used for retrieval
            </caption>
            <thead>
              <tr>
                <th scope="col">Use for retrieval</th>
                <th scope="col">Chunking</th>
                <th scope="col">Chunks</th>
                <th scope="col">Cost</th>
                <th scope="col">Built</th>
                <th scope="col">Status</th>
                <th scope="col">
                  <span className="sr-only">Actions</span>
                </th>
              </tr>
            </thead>
            <tbody>
              {store.indexes.map((index) => (
                <Row
                  key={index.id}
                  index={index}
                  corpus={corpus}
                  active={index.id === activeIndexId}
                  busy={busy}
                />
              ))}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
