/**
 * The knowledge bases lab's vector indexes in IndexedDB: one `ragIndexes` row per index and one
 * `ragVectors` row per embedded chunk. Rows are validated with zod on the way out; a damaged row
 * is skipped and counted (the screen says so), never thrown.
 *
 * An index is complete when it holds a vector for each of its `chunkCount` chunks; until then a
 * run can resume, sending only the chunks it has no vector for (`storedChunkIds`).
 */
import { getDb } from './db';
import { RagIndex, RagVector } from './schema';

export interface StoredIndex extends RagIndex {
  /** Valid vector rows stored for it (at most chunkCount). */
  vectorCount: number;
}

export interface IndexList {
  indexes: StoredIndex[];
  /** Index rows that could not be read. */
  skipped: number;
}

/** Newest first, with their vector counts. */
export async function listIndexes(): Promise<IndexList> {
  const db = getDb();
  // All rows, not orderBy('updatedAt'): a damaged row without that key must still be counted.
  const rows = await db.ragIndexes.toArray();
  let skipped = 0;
  const indexes: StoredIndex[] = [];
  for (const row of rows) {
    const parsed = RagIndex.safeParse(row);
    if (!parsed.success) {
      skipped++;
      continue;
    }
    const vectorCount = await db.ragVectors.where('indexId').equals(parsed.data.id).count();
    indexes.push({ ...parsed.data, vectorCount });
  }
  indexes.sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : a.updatedAt > b.updatedAt ? -1 : 0));
  return { indexes, skipped };
}

export async function getIndex(id: string): Promise<RagIndex | null> {
  const parsed = RagIndex.safeParse(await getDb().ragIndexes.get(id));
  return parsed.success ? parsed.data : null;
}

export async function createIndex(index: RagIndex): Promise<RagIndex> {
  const row = RagIndex.parse(index);
  await getDb().ragIndexes.add(row);
  return row;
}

/** The chunk ids that already have a vector (read from the keys only, not the vectors). */
export async function storedChunkIds(indexId: string): Promise<Set<string>> {
  const keys = await getDb().ragVectors.where('indexId').equals(indexId).primaryKeys();
  return new Set(keys.map((k) => k[1]));
}

export interface VectorBatch {
  vectors: { chunkId: string; vector: Float32Array<ArrayBuffer> }[];
  /** Added to the index's cost (null costs counted as 0 here; the run reports them as unknown). */
  costUsd: number;
  inputTokens: number;
}

/**
 * Stores arrived vectors and adds their cost and tokens to the index, in one transaction. A vector
 * whose length is not the index's dimensions is refused before anything is written.
 */
export async function saveVectors(indexId: string, batch: VectorBatch): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.ragIndexes, db.ragVectors, async () => {
    const index = RagIndex.parse(await db.ragIndexes.get(indexId));
    for (const v of batch.vectors) {
      if (v.vector.length !== index.dimensions)
        throw new RangeError(
          `An embedding of ${v.vector.length} numbers for ${v.chunkId}; this index holds ${index.dimensions}. Nothing was saved.`,
        );
    }
    await db.ragVectors.bulkPut(batch.vectors.map((v) => ({ indexId, ...v })));
    await db.ragIndexes.put({
      ...index,
      costUsd: index.costUsd + batch.costUsd,
      inputTokens: index.inputTokens + batch.inputTokens,
      updatedAt: new Date().toISOString(),
    });
  });
}

export interface LoadedVectors {
  rows: RagVector[];
  /** Rows that were damaged or of the wrong length, skipped. */
  skipped: number;
}

/** Every valid vector of an index, in chunk-id order. */
export async function loadVectors(indexId: string, dimensions: number): Promise<LoadedVectors> {
  const raw = await getDb().ragVectors.where('indexId').equals(indexId).toArray();
  let skipped = 0;
  const rows: RagVector[] = [];
  for (const row of raw) {
    const parsed = RagVector.safeParse(row);
    if (parsed.success && parsed.data.vector.length === dimensions && allFinite(parsed.data.vector))
      rows.push(parsed.data);
    else skipped++;
  }
  return { rows, skipped };
}

function allFinite(v: Float32Array): boolean {
  for (let i = 0; i < v.length; i++) if (!Number.isFinite(v[i]!)) return false;
  return true;
}

/** What `deleteIndex` removed, to hand back to `restoreIndex` (Undo). */
export interface DeletedIndex {
  index: RagIndex;
  vectors: RagVector[];
}

/** Removes an index and its vectors in one transaction; null when there was no such index. */
export async function deleteIndex(id: string): Promise<DeletedIndex | null> {
  const db = getDb();
  return db.transaction('rw', db.ragIndexes, db.ragVectors, async () => {
    const parsed = RagIndex.safeParse(await db.ragIndexes.get(id));
    const vectors = (await db.ragVectors.where('indexId').equals(id).toArray()).filter(
      (v) => RagVector.safeParse(v).success,
    );
    await db.ragVectors.where('indexId').equals(id).delete();
    await db.ragIndexes.delete(id);
    return parsed.success ? { index: parsed.data, vectors } : null;
  });
}

/** Puts a deleted index back exactly as it was (Undo). */
export async function restoreIndex(deleted: DeletedIndex): Promise<void> {
  const db = getDb();
  await db.transaction('rw', db.ragIndexes, db.ragVectors, async () => {
    await db.ragIndexes.put(deleted.index);
    await db.ragVectors.bulkPut(deleted.vectors);
  });
}
