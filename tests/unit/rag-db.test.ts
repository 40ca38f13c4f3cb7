/**
 * The knowledge bases lab's vector indexes in IndexedDB (Dexie on fake-indexeddb): vectors saved
 * as they arrive with their cost, a resume that knows which chunks are done, a vector of the wrong
 * length refused with nothing written, delete and Undo, and a damaged row skipped with a count.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import {
  createIndex,
  deleteIndex,
  listIndexes,
  loadVectors,
  restoreIndex,
  saveVectors,
  storedChunkIds,
} from '../../renderer/src/db/rag';
import type { RagIndex } from '../../renderer/src/db/schema';
import { DEFAULT_CHUNKING } from '../../renderer/src/lib/rag/chunking';
import { indexStatus } from '../../renderer/src/features/kb-lab/index-status';

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-rag-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

const index = (over: Partial<RagIndex> = {}): RagIndex => ({
  id: 'rag-1',
  createdAt: '2026-12-04T10:00:00.000Z',
  updatedAt: '2026-12-04T10:00:00.000Z',
  modelId: 'amazon.titan-embed-text-v2:0',
  dimensions: 4,
  chunking: DEFAULT_CHUNKING.FIXED_SIZE,
  contentHash: 'abc',
  chunkCount: 3,
  costUsd: 0,
  inputTokens: 0,
  ...over,
});
const vec = (...xs: number[]) => Float32Array.from(xs);

describe('vector indexes', () => {
  it('saves vectors as they arrive, adds their cost, and knows which chunks a resume still needs', async () => {
    await createIndex(index());
    await saveVectors('rag-1', {
      vectors: [{ chunkId: 'n#0', vector: vec(1, 0, 0, 0) }],
      costUsd: 0.00001,
      inputTokens: 10,
    });
    await saveVectors('rag-1', {
      vectors: [{ chunkId: 'n#2', vector: vec(0, 1, 0, 0) }],
      costUsd: 0.00002,
      inputTokens: 20,
    });
    expect([...(await storedChunkIds('rag-1'))].sort()).toEqual(['n#0', 'n#2']);
    const { indexes, skipped } = await listIndexes();
    expect(skipped).toBe(0);
    expect(indexes).toHaveLength(1);
    expect(indexes[0]).toMatchObject({ vectorCount: 2, inputTokens: 30, chunkCount: 3 });
    expect(indexes[0]!.costUsd).toBeCloseTo(0.00003, 10);
    const loaded = await loadVectors('rag-1', 4);
    expect(loaded.rows.map((r) => r.chunkId)).toEqual(['n#0', 'n#2']);
    expect(Array.from(loaded.rows[1]!.vector)).toEqual([0, 1, 0, 0]);
  });

  it('refuses an embedding of the wrong length and leaves the index untouched', async () => {
    await createIndex(index());
    await expect(
      saveVectors('rag-1', {
        vectors: [
          { chunkId: 'n#0', vector: vec(1, 0, 0, 0) },
          { chunkId: 'n#1', vector: vec(1, 0) },
        ],
        costUsd: 1,
        inputTokens: 1,
      }),
    ).rejects.toThrow(/2 numbers.*holds 4/);
    expect((await storedChunkIds('rag-1')).size).toBe(0);
    expect((await listIndexes()).indexes[0]).toMatchObject({ costUsd: 0, vectorCount: 0 });
  });

  it('deletes an index with its vectors, and Undo puts both back', async () => {
    await createIndex(index());
    await createIndex(index({ id: 'rag-2' }));
    await saveVectors('rag-1', {
      vectors: [{ chunkId: 'n#0', vector: vec(1, 2, 3, 4) }],
      costUsd: 0,
      inputTokens: 0,
    });
    const removed = await deleteIndex('rag-1');
    expect(removed?.vectors).toHaveLength(1);
    expect((await listIndexes()).indexes.map((i) => i.id)).toEqual(['rag-2']);
    expect(await db.ragVectors.count()).toBe(0);
    await restoreIndex(removed!);
    const back = (await listIndexes()).indexes.find((i) => i.id === 'rag-1');
    expect(back).toMatchObject({ vectorCount: 1 });
    expect(Array.from((await loadVectors('rag-1', 4)).rows[0]!.vector)).toEqual([1, 2, 3, 4]);
    expect(await deleteIndex('nope')).toBeNull();
  });

  it('skips a damaged index row and damaged vectors with a count, without throwing', async () => {
    await createIndex(index());
    await db.ragIndexes.put({ id: 'bad', modelId: 42 } as unknown as RagIndex);
    await db.ragVectors.bulkPut([
      { indexId: 'rag-1', chunkId: 'n#0', vector: vec(1, 0, 0, 0) },
      {
        indexId: 'rag-1',
        chunkId: 'n#1',
        vector: [1, 0, 0, 0] as unknown as Float32Array<ArrayBuffer>,
      },
      { indexId: 'rag-1', chunkId: 'n#2', vector: vec(1, 0) },
      { indexId: 'rag-1', chunkId: 'n#3', vector: vec(NaN, 0, 0, 0) },
    ]);
    const list = await listIndexes();
    expect(list.skipped).toBe(1);
    expect(list.indexes.map((i) => i.id)).toEqual(['rag-1']);
    const loaded = await loadVectors('rag-1', 4);
    expect(loaded.rows.map((r) => r.chunkId)).toEqual(['n#0']);
    expect(loaded.skipped).toBe(3);
  });
});

describe('index status', () => {
  const current = { contentHash: 'abc', chunking: DEFAULT_CHUNKING.FIXED_SIZE };
  it('is ready when complete and built from these notes with this chunking', () => {
    expect(indexStatus({ ...index(), vectorCount: 3 }, current)).toEqual({ kind: 'ready' });
  });
  it('is incomplete with the chunks left, until every chunk has a vector', () => {
    expect(indexStatus({ ...index(), vectorCount: 1 }, current)).toEqual({
      kind: 'incomplete',
      missing: 2,
    });
  });
  it('is stale when the notes changed or the chunking differs (either key order)', () => {
    expect(indexStatus({ ...index({ contentHash: 'old' }), vectorCount: 3 }, current)).toEqual({
      kind: 'stale',
      why: 'notes',
    });
    const other = { ...current, chunking: DEFAULT_CHUNKING.SEMANTIC };
    expect(indexStatus({ ...index(), vectorCount: 3 }, other)).toEqual({
      kind: 'stale',
      why: 'chunking',
    });
    const reordered = { overlapPercentage: 20, maxTokens: 300, strategy: 'FIXED_SIZE' as const };
    expect(
      indexStatus({ ...index(), vectorCount: 3 }, { ...current, chunking: reordered }),
    ).toEqual({ kind: 'ready' });
  });
});
