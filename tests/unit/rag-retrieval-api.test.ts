/**
 * The lab's shared retrieval API (features/kb-lab/retrieval-api) over the real notes, with
 * IndexedDB on fake-indexeddb and a bridge whose embedTexts stream embeds by hashed words (like the
 * fake Bedrock): lexical needs no index; vector and hybrid use the chosen index and explain, with a
 * reason and remedy, when there is none, it is stale or incomplete; a bad question is refused.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { setBridge } from '../../renderer/src/api';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import { createIndex, saveVectors } from '../../renderer/src/db/rag';
import {
  getKbCorpus,
  KbRetrievalError,
  retrieveAll,
  retrieveLocal,
} from '../../renderer/src/features/kb-lab/retrieval-api';
import { DEFAULT_CHUNKING } from '../../renderer/src/lib/rag/chunking';
import { contentWords } from '../../renderer/src/lib/rag/highlight';
import type { StratumBridge } from '../../shared/channels';

const D = 64;
/** Hashed content words, unit length: texts sharing words point the same way. */
function embed(text: string): number[] {
  const v = new Array<number>(D).fill(0);
  for (const w of contentWords(text)) {
    let h = 2166136261;
    for (let i = 0; i < w.length; i++) h = Math.imul(h ^ w.charCodeAt(i), 16777619);
    v[(h >>> 0) % D]! += 1;
  }
  const n = Math.hypot(...v) || 1;
  return v.map((x) => x / n);
}

let streamCalls = 0;
function fakeBridge(): StratumBridge {
  let listener: (m: unknown) => void = () => undefined;
  return {
    mode: 'browser',
    request: new Proxy(
      {},
      {
        get: () => () => Promise.resolve({ ok: false, error: { code: 'internal', message: 'no' } }),
      },
    ) as StratumBridge['request'],
    startStream(_name, streamId, input) {
      streamCalls++;
      const { texts } = input as { texts: { id: string; text: string }[] };
      setTimeout(() => {
        for (const t of texts)
          listener({
            kind: 'event',
            streamId,
            event: {
              type: 'vector',
              id: t.id,
              vector: embed(t.text),
              inputTokens: 3,
              costUsd: 0.000001,
            },
          });
        listener({ kind: 'end', streamId, error: null });
      }, 0);
      return Promise.resolve({ ok: true, value: null });
    },
    cancelStream: () => undefined,
    onStreamMessage(l) {
      listener = l;
      return () => undefined;
    },
  };
}

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-rag-api-test-${n++}`);
  setDb(db);
  setBridge(fakeBridge());
  streamCalls = 0;
});
afterEach(async () => {
  setBridge(null);
  setDb(null);
  await db.delete();
});

const corpus = getKbCorpus(DEFAULT_CHUNKING.FIXED_SIZE);
const QUESTION = 'Which vector stores can a knowledge base keep its embeddings in?';

async function buildIndex(id: string, keep = corpus.chunkSet.chunks.length) {
  const now = new Date().toISOString();
  await createIndex({
    id,
    createdAt: now,
    updatedAt: now,
    modelId: 'amazon.titan-embed-text-v2:0',
    dimensions: D,
    chunking: DEFAULT_CHUNKING.FIXED_SIZE,
    contentHash: corpus.contentHash,
    chunkCount: corpus.chunkSet.chunks.length,
    costUsd: 0,
    inputTokens: 0,
  });
  await saveVectors(id, {
    vectors: corpus.chunkSet.chunks
      .slice(0, keep)
      .map((c) => ({ chunkId: c.id, vector: Float32Array.from(embed(c.text)) })),
    costUsd: 0,
    inputTokens: 0,
  });
}

describe('retrieveLocal', () => {
  it('lexical works without an index or Bedrock, with notes, ranks and matched words', async () => {
    const hits = await retrieveLocal(QUESTION, 'lexical', 5, { corpus, indexId: null });
    expect(hits).toHaveLength(5);
    expect(hits.map((h) => h.rank)).toEqual([1, 2, 3, 4, 5]);
    expect(hits[0]!.noteTitle.length).toBeGreaterThan(3);
    expect(hits[0]!.matchedTerms).toEqual(expect.arrayContaining(['vector']));
    expect(streamCalls).toBe(0);
  });

  it('vector and hybrid search the stored vectors with one embedding of the question', async () => {
    await buildIndex('rag-a');
    const vector = await retrieveLocal(QUESTION, 'vector', 5, { corpus, indexId: 'rag-a' });
    expect(vector).toHaveLength(5);
    expect(vector[0]!.score).toBeGreaterThan(vector[4]!.score);
    expect(vector[0]!.score).toBeLessThanOrEqual(1);
    const all = await retrieveAll(QUESTION, 5, { corpus, indexId: 'rag-a' });
    expect(Array.isArray(all.hybrid) && all.hybrid[0]!.fusedFrom).toBeTruthy();
    expect(streamCalls).toBe(2);
  });

  it('says why vector search cannot run: no index, incomplete, another chunking', async () => {
    const why = async (indexId: string | null, c = corpus) => {
      const e = await retrieveLocal(QUESTION, 'vector', 5, { corpus: c, indexId }).catch(
        (x: unknown) => x,
      );
      expect(e).toBeInstanceOf(KbRetrievalError);
      return (e as KbRetrievalError).reason;
    };
    expect(await why(null)).toBe('no-index');
    await buildIndex('rag-half', 10);
    expect(await why('rag-half')).toBe('incomplete');
    expect(await why('rag-half', getKbCorpus(DEFAULT_CHUNKING.SEMANTIC))).toBe('stale');
    const all = await retrieveAll(QUESTION, 3, { corpus, indexId: null });
    expect(all.lexical).toHaveLength(3);
    expect(all.vector).toBeInstanceOf(KbRetrievalError);
  });

  it('refuses an empty or over-long question with KbQuestion’s message', async () => {
    await expect(retrieveLocal('  ', 'lexical', 5, { corpus, indexId: null })).rejects.toThrow(
      'Type a question first.',
    );
    await expect(
      retrieveLocal('x'.repeat(1001), 'lexical', 5, { corpus, indexId: null }),
    ).rejects.toThrow(/at most 1,000 characters/);
  });
});
