/**
 * An index's vectors in memory: read from IndexedDB once into ONE Float32Array (lib/rag/vectors)
 * and kept, so a query scans memory instead of re-reading the database. The copy is keyed by the
 * index row's `updatedAt`, which every saved batch moves on, so a grown index is read again.
 * Top-10 over 10,000 x 1,024 takes a few milliseconds on the main thread (bench/rag.ts), so no
 * worker is needed.
 */
import { loadVectors } from '../../db/rag';
import type { RagIndex } from '../../db/schema';
import { createVectorIndex, type VectorIndex } from '../../lib/rag/vectors';

export interface LoadedIndex {
  vectors: VectorIndex;
  /** Stored rows that were damaged and left out. */
  skipped: number;
}

const loaded = new Map<string, { version: string; value: Promise<LoadedIndex> }>();

async function read(index: RagIndex): Promise<LoadedIndex> {
  const { rows, skipped } = await loadVectors(index.id, index.dimensions);
  const d = index.dimensions;
  const data = new Float32Array(rows.length * d);
  rows.forEach((row, i) => data.set(row.vector, i * d));
  return {
    vectors: createVectorIndex(
      rows.map((r) => r.chunkId),
      d,
      data,
    ),
    skipped,
  };
}

export function loadVectorIndex(index: RagIndex): Promise<LoadedIndex> {
  const have = loaded.get(index.id);
  if (have && have.version === index.updatedAt) return have.value;
  const value = read(index);
  loaded.set(index.id, { version: index.updatedAt, value });
  value.catch(() => loaded.delete(index.id));
  return value;
}

/** Forget an index's copy (deleted, or written to). */
export function forgetVectorIndex(id: string): void {
  loaded.delete(id);
}
