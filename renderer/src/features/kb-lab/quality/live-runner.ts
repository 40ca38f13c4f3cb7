/**
 * The figures that need Bedrock, for one vector index: the bank's questions embedded with the
 * index's model (search_query, in batches so progress shows and Cancel stops between them), vector
 * and hybrid rankings over the index's stored vectors, and optionally each question's hybrid
 * candidates reordered by a rerank model (one Rerank call, priced per query, per question).
 */
import {
  estimateEmbeddingCost,
  estimateRerankCost,
  MAX_QUESTION_CHARS,
  type RerankModelId,
} from '../../../../../shared/knowledge-bases';
import type { AppError } from '../../../../../shared/result';
import type { RagIndex } from '../../../db/schema';
import type { Chunk } from '../../../lib/rag/chunking';
import { chunkingKey } from '../../../lib/rag/content-hash';
import {
  applyRerank,
  EVAL_DEPTH,
  figuresFromRankings,
  hybridRankings,
  vectorRankings,
  type Rankings,
} from '../../../lib/rag/quality';
import { countTokens } from '../../../lib/rag/tokens';
import { currentContentHash } from '../corpus-store';
import { embedQuestions, KbRetrievalError, rerankHits, type LocalHit } from '../retrieval-api';
import { loadVectorIndex } from '../vector-store';
import { TEST_QUESTIONS } from './bank';
import { Cancelled, drive } from './drive';
import { lexicalFor } from './lexical-runner';
import { patchLive, updateQuality } from './quality-store';

const BATCH = 50;
const RERANK_CONCURRENCY = 4;

export interface LivePlan {
  questions: number;
  /** Approximate (lib/rag/tokens), for the estimate only. */
  embedTokens: number;
  /** null: unknown; undefined: the model has no embedding price in the catalog. */
  embedCostUsd: number | null | undefined;
  rerankQueries: number;
  rerankCostUsd: number | null;
}

/** The bank's token count, counted once (the panel plans on every render, progress included). */
let bankTokens: number | null = null;

/** What a run will send and cost, before it is run. */
export function planLive(index: RagIndex, rerank: RerankModelId | null): LivePlan {
  const questions = TEST_QUESTIONS.length;
  const embedTokens = (bankTokens ??= TEST_QUESTIONS.reduce((s, q) => s + countTokens(q.stem), 0));
  const perQuery = rerank ? estimateRerankCost(rerank, EVAL_DEPTH) : 0;
  return {
    questions,
    embedTokens,
    embedCostUsd: estimateEmbeddingCost(index.modelId, embedTokens),
    rerankQueries: rerank ? questions : 0,
    rerankCostUsd: perQuery === null ? null : perQuery * (rerank ? questions : 0),
  };
}

const problem = (message: string, remedy: string): AppError => ({
  code: 'invalid_input',
  message,
  remedy,
});

async function embedAll(
  key: string,
  index: RagIndex,
  queries: readonly { questionId: string; query: string }[],
  signal: AbortSignal,
): Promise<Map<string, Float32Array>> {
  const out = new Map<string, Float32Array>();
  let cost: number | null = 0;
  const addCost = (c: number | null) => {
    cost = cost === null || c === null ? null : cost + c;
  };
  for (let i = 0; i < queries.length; i += BATCH) {
    const batch = queries.slice(i, i + BATCH);
    const vectors = await embedQuestions(
      batch.map((q) => q.query),
      index,
      signal,
      addCost,
    );
    batch.forEach((q, j) => out.set(q.questionId, vectors[j]!));
    patchLive(key, {
      stage: 'embedding the questions',
      done: out.size,
      total: queries.length,
      embedCostUsd: cost,
    });
    if (signal.aborted) throw new Cancelled();
  }
  return out;
}

async function rerankAll(
  key: string,
  queries: readonly { questionId: string; query: string }[],
  hybrid: Rankings,
  chunks: ReadonlyMap<string, Chunk>,
  model: RerankModelId,
  signal: AbortSignal,
): Promise<{ rankings: Rankings; costUsd: number | null }> {
  const rankings: Rankings = new Map();
  let cost: number | null = 0;
  let next = 0;
  const worker = async () => {
    while (next < queries.length) {
      if (signal.aborted) throw new Cancelled();
      const q = queries[next++]!;
      const ids = hybrid.get(q.questionId) ?? [];
      const hits = ids.flatMap((id, i): LocalHit[] => {
        const chunk = chunks.get(id);
        return chunk
          ? [
              {
                chunk,
                parent: null,
                noteId: chunk.noteId,
                noteTitle: '',
                score: 0,
                rank: i + 1,
                matchedTerms: [],
              },
            ]
          : [];
      });
      const r = await rerankHits(q.query.slice(0, MAX_QUESTION_CHARS), hits, model);
      const order = r.hits.map((h) => ({ index: h.previousRank - 1 }));
      rankings.set(q.questionId, applyRerank(ids, order));
      cost = cost === null || r.costUsd === null ? null : cost + r.costUsd;
      patchLive(key, { stage: 'reranking', done: rankings.size, total: queries.length });
    }
  };
  await Promise.all(Array.from({ length: RERANK_CONCURRENCY }, worker));
  return { rankings, costUsd: cost };
}

/**
 * Long on purpose: one run's steps in order (check the index, lexical lists, embed, rank, fuse,
 * rerank), each reporting into the store, with one place that turns a failure into the run's
 * error or a cancellation.
 */
export async function runLive(
  index: RagIndex,
  rerank: RerankModelId | null,
  signal: AbortSignal,
): Promise<void> {
  const key = chunkingKey(index.chunking);
  updateQuality((s) => ({
    ...s,
    live: {
      ...s.live,
      [key]: {
        indexId: index.id,
        key,
        status: 'running',
        stage: 'checking the index',
        done: 0,
        total: TEST_QUESTIONS.length,
        vector: null,
        hybrid: null,
        reranked: null,
        rerankCostUsd: null,
        rerankCalls: 0,
        embedCostUsd: null,
        error: null,
      },
    },
  }));
  try {
    if (index.contentHash !== currentContentHash())
      throw new KbRetrievalError(
        'stale',
        problem(
          'This index was built from an earlier version of the notes.',
          'Rebuild it on the Embeddings tab.',
        ),
      );
    const { vectors } = await loadVectorIndex(index);
    if (vectors.ids.length < index.chunkCount)
      throw new KbRetrievalError(
        'incomplete',
        problem(
          `This index holds ${vectors.ids.length} of its ${index.chunkCount} chunks.`,
          'Resume building it on the Embeddings tab.',
        ),
      );
    patchLive(key, { stage: 'lexical lists' });
    const lex = await lexicalFor(index.chunking);
    if (!lex) throw new Error('The lexical figures for this chunking could not be computed.');
    const queries = lex.testSet.queries;
    const qv = await embedAll(key, index, queries, signal);
    const vec = await drive(
      vectorRankings(lex, vectors, qv),
      (p) => patchLive(key, { stage: 'vector search', done: p.done, total: p.total }),
      signal,
    );
    const hybrid = hybridRankings(lex.rankings, vec);
    patchLive(key, {
      vector: figuresFromRankings(lex.testSet, vec),
      hybrid: figuresFromRankings(lex.testSet, hybrid),
    });
    if (rerank) {
      // Rerank reorders what is served (for HIERARCHICAL the parents).
      const chunks = new Map(lex.served.map((c) => [c.id, c]));
      const r = await rerankAll(key, queries, hybrid, chunks, rerank, signal);
      patchLive(key, {
        reranked: figuresFromRankings(lex.testSet, r.rankings),
        rerankCostUsd: r.costUsd,
        rerankCalls: r.rankings.size,
      });
    }
    patchLive(key, { status: 'done', stage: 'done' });
  } catch (e) {
    if (e instanceof Cancelled || signal.aborted) patchLive(key, { status: 'cancelled' });
    else
      patchLive(key, {
        status: 'failed',
        error:
          e instanceof KbRetrievalError
            ? e.error
            : { code: 'internal', message: e instanceof Error ? e.message : String(e) },
      });
  }
}
