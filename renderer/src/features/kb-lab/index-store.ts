/**
 * Building vector indexes of the notes, kept outside React so a run keeps going while the learner
 * looks at another tab. Vectors are written to IndexedDB as they arrive (db/rag), so a run that is
 * cancelled, fails (throttling, no credentials) or is cut by a reload keeps its finished chunks,
 * and Resume sends only the chunks that have no vector yet. Progress counts chunks that are
 * saved, so it is exact: it never counts a vector that was not kept.
 *
 * The cost counted is the sum of the `costUsd` main sends with each vector (never recomputed).
 */
import { useSyncExternalStore } from 'react';
import type { EmbeddingDimensions, EmbeddingModelId } from '../../../../shared/knowledge-bases';
import type { AppError } from '../../../../shared/result';
import { openStream, type StreamHandle } from '../../api';
import { onBackupImported } from '../../db/backup';
import {
  createIndex,
  deleteIndex,
  getIndex,
  listIndexes,
  restoreIndex,
  saveVectors,
  storedChunkIds,
  type DeletedIndex,
  type StoredIndex,
} from '../../db/rag';
import type { Chunk } from '../../lib/rag/chunking';
import { getKbCorpus, currentContentHash } from './corpus-store';
import { tooLongFor } from './index-tab/embedding-models';
import { kbSettings, setActiveIndexId } from './settings-store';
import { forgetVectorIndex } from './vector-store';

export type RunStatus = 'running' | 'stopped' | 'failed' | 'complete';

export interface IndexRun {
  indexId: string;
  status: RunStatus;
  /** Chunks with a saved vector, of `total`. */
  done: number;
  total: number;
  /** Counted in this run from main's figures; `costUnknown` when some vector came without one. */
  costUsd: number;
  costUnknown: boolean;
  error: AppError | null;
}

export interface IndexStoreState {
  indexes: StoredIndex[] | null;
  /** Index rows that could not be read. */
  skipped: number;
  loadError: string | null;
  run: IndexRun | null;
  /** The last deleted index, for Undo. */
  deleted: DeletedIndex | null;
}

let state: IndexStoreState = {
  indexes: null,
  skipped: 0,
  loadError: null,
  run: null,
  deleted: null,
};
const listeners = new Set<() => void>();
let handle: StreamHandle | null = null;
let stopRequested = false;

function set(patch: Partial<IndexStoreState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}
const setRun = (patch: Partial<IndexRun>) => {
  if (state.run) set({ run: { ...state.run, ...patch } });
};

function subscribe(listener: () => void) {
  listeners.add(listener);
  if (state.indexes === null && listeners.size === 1) void refreshIndexes();
  return () => listeners.delete(listener);
}

export function useIndexStore(): IndexStoreState {
  return useSyncExternalStore(subscribe, () => state);
}

const storageMessage = (what: string, error: unknown) =>
  `Stratum could not ${what}: ${error instanceof Error ? error.message : String(error)}.`;

export async function refreshIndexes(): Promise<void> {
  try {
    const { indexes, skipped } = await listIndexes();
    set({ indexes, skipped, loadError: null });
  } catch (error) {
    set({ loadError: storageMessage('read the indexes', error) });
  }
}

// An imported backup may bring indexes: list them again if this window has listed them once.
onBackupImported(() => {
  if (state.indexes !== null) void refreshIndexes();
});

const BATCH = 500;
const failure = (message: string, remedy?: string): AppError => ({
  code: 'invalid_input',
  message,
  ...(remedy ? { remedy } : {}),
});

/** Creates an index of the current chunking and starts embedding it. */
export async function startIndex(
  modelId: EmbeddingModelId,
  dimensions: EmbeddingDimensions,
): Promise<void> {
  if (state.run?.status === 'running') return;
  try {
    await createAndRun(modelId, dimensions);
  } catch (error) {
    storageFailed(error);
  }
}

/** A database failure (quota, a blocked upgrade) shown as the run's error, never thrown. */
function storageFailed(error: unknown) {
  const run = state.run ?? {
    indexId: '',
    done: 0,
    total: 0,
    costUsd: 0,
    costUnknown: false,
    status: 'failed' as const,
    error: null,
  };
  set({
    run: {
      ...run,
      status: 'failed',
      error: {
        code: 'save_failed',
        message: `Stratum could not store the index: ${error instanceof Error ? error.message : String(error)}`,
        remedy: 'Free some disk space or close other Stratum windows, then Resume.',
      },
    },
  });
}

async function createAndRun(modelId: EmbeddingModelId, dimensions: EmbeddingDimensions) {
  const { chunking } = kbSettings();
  const corpus = getKbCorpus(chunking);
  const now = new Date().toISOString();
  const id = `rag-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`;
  await createIndex({
    id,
    createdAt: now,
    updatedAt: now,
    modelId,
    dimensions,
    chunking,
    contentHash: corpus.contentHash,
    chunkCount: corpus.chunkSet.chunks.length,
    costUsd: 0,
    inputTokens: 0,
  });
  setActiveIndexId(id);
  await embedMissing(id);
}

/** Embeds the chunks of an index that have no vector yet (a new run, or Resume). */
export async function runIndex(indexId: string): Promise<void> {
  if (state.run?.status === 'running') return;
  try {
    await embedMissing(indexId);
  } catch (error) {
    storageFailed(error);
  }
}

async function embedMissing(indexId: string): Promise<void> {
  stopRequested = false;
  const index = await getIndex(indexId);
  const base = { indexId, done: 0, total: 0, costUsd: 0, costUnknown: false };
  if (!index) {
    set({ run: { ...base, status: 'failed', error: failure('This index is gone.') } });
    return;
  }
  const chunks = getKbCorpus(index.chunking).chunkSet.chunks;
  const stored = await storedChunkIds(indexId);
  const missing = chunks.filter((c) => !stored.has(c.id));
  const done = chunks.length - missing.length;
  set({ run: { ...base, total: chunks.length, done, status: 'running', error: null } });
  const refused = preflight(index.contentHash, index.modelId as EmbeddingModelId, missing);
  if (refused) return finish(refused);
  for (let i = 0; i < missing.length; i += BATCH) {
    const error = await embedBatch(index.id, index, missing.slice(i, i + BATCH));
    if (error || stopRequested) return finish(error);
  }
  return finish(null);
}

function preflight(hash: string, modelId: EmbeddingModelId, missing: Chunk[]): AppError | null {
  if (hash !== currentContentHash())
    return failure(
      'The notes changed since this index was built, so its chunks no longer match them.',
      'Build a new index; this one can be deleted.',
    );
  const long = tooLongFor(modelId, missing);
  if (long.length > 0)
    return failure(
      `${long.length} chunks are longer than the 2,048 characters Cohere Embed v3 takes per text.`,
      'Choose smaller chunks on the Chunking tab, or Titan Text Embeddings V2.',
    );
  return null;
}

async function finish(error: AppError | null) {
  handle = null;
  const status: RunStatus =
    error === null
      ? stopRequested
        ? 'stopped'
        : 'complete'
      : error.code === 'cancelled'
        ? 'stopped'
        : 'failed';
  setRun({ status, error: status === 'failed' ? error : null });
  if (state.run) forgetVectorIndex(state.run.indexId);
  await refreshIndexes();
}

/**
 * One embedTexts stream over `chunks`; vectors are saved in small transactions as they arrive.
 * Resolves with the stream's error (null when it ended well) once everything that arrived is saved.
 */
async function embedBatch(
  indexId: string,
  index: { modelId: string; dimensions: number },
  chunks: Chunk[],
): Promise<AppError | null> {
  const wanted = new Set(chunks.map((c) => c.id));
  let buffer: {
    chunkId: string;
    vector: Float32Array<ArrayBuffer>;
    cost: number | null;
    tokens: number;
  }[] = [];
  let writing: Promise<AppError | null> = Promise.resolve(null);
  let refused: AppError | null = null;
  const flush = () => {
    const rows = buffer;
    buffer = [];
    writing = writing.then(async (earlier) => {
      if (earlier || rows.length === 0) return earlier;
      try {
        await saveVectors(indexId, {
          vectors: rows.map(({ chunkId, vector }) => ({ chunkId, vector })),
          costUsd: rows.reduce((s, r) => s + (r.cost ?? 0), 0),
          inputTokens: rows.reduce((s, r) => s + r.tokens, 0),
        });
      } catch (e) {
        return failure(
          `Stratum could not save vectors: ${e instanceof Error ? e.message : String(e)}`,
        );
      }
      const run = state.run;
      if (run)
        setRun({
          done: run.done + rows.length,
          costUsd: run.costUsd + rows.reduce((s, r) => s + (r.cost ?? 0), 0),
          costUnknown: run.costUnknown || rows.some((r) => r.cost === null),
        });
      return null;
    });
  };
  handle = openStream(
    'embedTexts',
    {
      modelId: index.modelId as EmbeddingModelId,
      dimensions: index.dimensions as EmbeddingDimensions,
      inputType: 'search_document',
      texts: chunks.map((c) => ({ id: c.id, text: c.text })),
      concurrency: 4,
    },
    (event) => {
      if (refused || !wanted.delete(event.id)) return;
      if (event.vector.length !== index.dimensions || !event.vector.every(Number.isFinite)) {
        refused = failure(
          `Bedrock sent an embedding of ${event.vector.length} numbers for ${event.id}; this index holds ${index.dimensions}. It was refused and not saved.`,
          'Resume to try the remaining chunks again.',
        );
        handle?.cancel();
        return;
      }
      buffer.push({
        chunkId: event.id,
        vector: Float32Array.from(event.vector),
        cost: event.costUsd,
        tokens: event.inputTokens ?? 0,
      });
      if (buffer.length >= 16) flush();
      else queueMicrotask(flush);
    },
  );
  const streamError = await handle.done;
  flush();
  const saveError = await writing;
  return refused ?? saveError ?? streamError;
}

/** Stops the running index; what arrived is kept and Resume continues. */
export function cancelRun(): void {
  stopRequested = true;
  handle?.cancel();
}

export async function removeIndex(id: string): Promise<void> {
  if (state.run?.status === 'running' && state.run.indexId === id) return;
  let deleted: DeletedIndex | null;
  try {
    deleted = await deleteIndex(id);
  } catch (error) {
    set({ loadError: storageMessage('delete the index', error) });
    return;
  }
  forgetVectorIndex(id);
  if (kbSettings().activeIndexId === id) setActiveIndexId(null);
  set({ deleted, run: state.run?.indexId === id ? null : state.run });
  await refreshIndexes();
}

export async function undoDelete(): Promise<void> {
  const deleted = state.deleted;
  if (!deleted) return;
  try {
    await restoreIndex(deleted);
  } catch (error) {
    set({ loadError: storageMessage('bring the index back', error) });
    return;
  }
  if (kbSettings().activeIndexId === null) setActiveIndexId(deleted.index.id);
  set({ deleted: null });
  await refreshIndexes();
}

export function dismissUndo(): void {
  set({ deleted: null });
}
