/**
 * The knowledge bases lab's retrieval API, shared by every tab (Retrieval, Grounded answer,
 * Retrieval quality, ...):
 *
 * - `useKbCorpus()`: the notes chunked with the chosen chunking (memoised), with its BM25 index.
 * - `useKbSettings()`: the chosen chunking and vector index (kept across reloads).
 * - `retrieveLocal(question, mode, k, { corpus, indexId })`: lexical needs nothing but the notes;
 *   vector and hybrid embed the question through Bedrock (`embedTexts`, search_query) with the
 *   index's model and search its stored vectors (held in memory after the first query).
 * - `retrieveAll`: the three lists for one question with one embedding call.
 * - `embedQuestions`: many questions in one `embedTexts` stream (for evaluations), to pass back as
 *   `queryVector`.
 * - `rerankHits`: Bedrock's Rerank API over a list of hits, with each hit's old and new rank.
 *
 * Failures throw `KbRetrievalError`, whose `error` is an AppError (message and remedy to show) and
 * whose `reason` says which: no index chosen, a stale or incomplete index, or a failed Bedrock call.
 */
import { useMemo } from 'react';
import {
  KbQuestion,
  type EmbeddingDimensions,
  type EmbeddingModelId,
  type RerankModelId,
} from '../../../../shared/knowledge-bases';
import type { AppError } from '../../../../shared/result';
import { call, openStream } from '../../api';
import { getIndex } from '../../db/rag';
import type { RagIndex } from '../../db/schema';
import type { Chunk } from '../../lib/rag/chunking';
import { chunkingKey } from '../../lib/rag/content-hash';
import { reciprocalRankFusion } from '../../lib/rag/fusion';
import { matchedQueryTerms } from '../../lib/rag/highlight';
import { cosineTopK } from '../../lib/rag/vectors';
import { getKbCorpus, type KbCorpus } from './corpus-store';
import { useKbSettings } from './settings-store';
import { loadVectorIndex } from './vector-store';

export type { KbCorpus } from './corpus-store';
export { getKbCorpus } from './corpus-store';
export { useKbSettings, kbSettings, setActiveIndexId, setChunking } from './settings-store';

export type RetrievalMode = 'lexical' | 'vector' | 'hybrid';

export interface LocalHit {
  /** The chunk that matched (for hierarchical chunking, a child). */
  chunk: Chunk;
  /** Hierarchical chunking: the parent Bedrock would return in its place; null otherwise. */
  parent: Chunk | null;
  noteId: string;
  noteTitle: string;
  /** BM25 (lexical), cosine similarity (vector) or reciprocal-rank-fusion score (hybrid). */
  score: number;
  /** 1-based. */
  rank: number;
  /** The question's content words found in the chunk (lower case), for highlighting. */
  matchedTerms: string[];
  /** Hybrid only: the hit's rank in the lexical and vector lists (null where it was absent). */
  fusedFrom?: { lexical: number | null; vector: number | null };
}

export type RetrievalFailure = 'invalid-question' | 'no-index' | 'stale' | 'incomplete' | 'bedrock';

export class KbRetrievalError extends Error {
  constructor(
    readonly reason: RetrievalFailure,
    readonly error: AppError,
  ) {
    super(error.message);
    this.name = 'KbRetrievalError';
  }
}

/** The notes chunked with the chosen (valid) chunking. */
export function useKbCorpus(): KbCorpus {
  const { chunking } = useKbSettings();
  return useMemo(() => getKbCorpus(chunking), [chunking]);
}

/** The question trimmed, or a KbRetrievalError with KbQuestion's message (empty, too long). */
export function checkQuestion(question: string): string {
  const parsed = KbQuestion.safeParse(question);
  if (parsed.success) return parsed.data;
  throw new KbRetrievalError('invalid-question', {
    code: 'invalid_input',
    message: parsed.error.issues[0]?.message ?? 'This question cannot be asked.',
  });
}

function hitOf(corpus: KbCorpus, chunk: Chunk, question: string, rank: number, score: number) {
  return {
    chunk,
    parent: chunk.parentId ? (corpus.chunkById.get(chunk.parentId) ?? null) : null,
    noteId: chunk.noteId,
    noteTitle: corpus.noteById.get(chunk.noteId)?.title ?? chunk.noteId,
    score,
    rank,
    matchedTerms: matchedQueryTerms(question, chunk.text),
  } satisfies LocalHit;
}

function lexicalHits(question: string, k: number, corpus: KbCorpus): LocalHit[] {
  return corpus.lexical.search(question, k).flatMap((h) => {
    const chunk = corpus.chunkById.get(h.id);
    if (!chunk) return [];
    const hit = hitOf(corpus, chunk, question, h.rank, h.score);
    return [{ ...hit, matchedTerms: [...new Set([...h.terms, ...hit.matchedTerms])] }];
  });
}

/**
 * The index that vector search may use with this corpus, or why not. Stale: the notes changed
 * since it was built, or it was cut with another chunking than the one chosen now.
 */
export async function usableIndex(indexId: string | null, corpus: KbCorpus): Promise<RagIndex> {
  const index = indexId ? await getIndex(indexId) : null;
  if (!index)
    throw new KbRetrievalError('no-index', {
      code: 'invalid_input',
      message: 'Vector search needs a vector index of the notes, and none is chosen.',
      remedy: 'Build one (or choose one) on the Embeddings tab. Lexical search works without it.',
    });
  if (index.contentHash !== corpus.contentHash || chunkingKey(index.chunking) !== corpus.key)
    throw new KbRetrievalError('stale', {
      code: 'invalid_input',
      message:
        index.contentHash !== corpus.contentHash
          ? 'The chosen vector index was built from an earlier version of the notes.'
          : 'The chosen vector index was cut with another chunking than the one chosen now.',
      remedy:
        'On the Embeddings tab, build an index with the current chunking, or use that index’s chunking.',
    });
  return index;
}

function embeddingFailure(error: AppError): KbRetrievalError {
  return new KbRetrievalError('bedrock', error);
}

/**
 * Embeds questions with an index's model (inputType search_query), in one stream. Resolves with
 * one vector per question, in order; throws KbRetrievalError('bedrock') if any is missing.
 */
export async function embedQuestions(
  questions: readonly string[],
  index: Pick<RagIndex, 'modelId' | 'dimensions'>,
  signal?: AbortSignal,
  /** Called with each vector's cost as main sent it (null when unknown). */
  onCost?: (costUsd: number | null) => void,
): Promise<Float32Array[]> {
  const vectors = new Map<string, Float32Array>();
  const handle = openStream(
    'embedTexts',
    {
      modelId: index.modelId as EmbeddingModelId,
      dimensions: index.dimensions as EmbeddingDimensions,
      inputType: 'search_query',
      texts: questions.map((text, i) => ({ id: `q${i}`, text })),
      concurrency: Math.min(4, questions.length),
    },
    (event) => {
      if (event.vector.length === index.dimensions)
        vectors.set(event.id, Float32Array.from(event.vector));
      onCost?.(event.costUsd);
    },
  );
  const abort = () => handle.cancel();
  signal?.addEventListener('abort', abort, { once: true });
  const error = await handle.done;
  signal?.removeEventListener('abort', abort);
  if (error) throw embeddingFailure(error);
  return questions.map((_, i) => {
    const v = vectors.get(`q${i}`);
    if (!v)
      throw embeddingFailure({
        code: 'model_error',
        message: `Bedrock sent no usable ${index.dimensions}-number embedding for the question.`,
        remedy: 'Try again; if it keeps happening, rebuild the index.',
      });
    return v;
  });
}

async function vectorHits(
  question: string,
  k: number,
  corpus: KbCorpus,
  index: RagIndex,
  queryVector: Float32Array,
): Promise<LocalHit[]> {
  const { vectors } = await loadVectorIndex(index);
  if (vectors.ids.length < index.chunkCount)
    throw new KbRetrievalError('incomplete', {
      code: 'invalid_input',
      message: `The chosen index holds ${vectors.ids.length} of its ${index.chunkCount} chunks.`,
      remedy: 'Resume building it on the Embeddings tab.',
    });
  return cosineTopK(vectors, queryVector, k).flatMap((h) => {
    const chunk = corpus.chunkById.get(h.id);
    return chunk ? [hitOf(corpus, chunk, question, h.rank, h.score)] : [];
  });
}

function fuse(question: string, k: number, corpus: KbCorpus, lex: LocalHit[], vec: LocalHit[]) {
  return reciprocalRankFusion([lex.map((h) => h.chunk.id), vec.map((h) => h.chunk.id)], {
    limit: k,
  }).flatMap((f) => {
    const chunk = corpus.chunkById.get(f.id);
    if (!chunk) return [];
    const fusedFrom = { lexical: f.ranks[0] ?? null, vector: f.ranks[1] ?? null };
    return [{ ...hitOf(corpus, chunk, question, f.rank, f.score), fusedFrom }];
  });
}

export interface RetrieveOptions {
  corpus: KbCorpus;
  indexId: string | null;
  signal?: AbortSignal;
  /** The question's embedding when the caller already has it (embedQuestions). */
  queryVector?: Float32Array;
}

/** How deep the two lists go before fusion: deeper than k so fusion can promote. */
const fusionDepth = (k: number, n: number) => Math.min(n, Math.max(2 * k, 20));

/** One retrieval list for a question; see the module comment. */
export async function retrieveLocal(
  question: string,
  mode: RetrievalMode,
  k: number,
  opts: RetrieveOptions,
): Promise<LocalHit[]> {
  const q = checkQuestion(question);
  const { corpus } = opts;
  if (mode === 'lexical') return lexicalHits(q, k, corpus);
  const index = await usableIndex(opts.indexId, corpus);
  const vector = opts.queryVector ?? (await embedQuestions([q], index, opts.signal))[0]!;
  const depth = mode === 'vector' ? k : fusionDepth(k, corpus.chunkSet.chunks.length);
  const vec = await vectorHits(q, depth, corpus, index, vector);
  if (mode === 'vector') return vec;
  return fuse(q, k, corpus, lexicalHits(q, depth, corpus), vec);
}

export interface AllLists {
  question: string;
  lexical: LocalHit[];
  /** The vector and hybrid lists, or why they could not be made (the same reason for both). */
  vector: LocalHit[] | KbRetrievalError;
  hybrid: LocalHit[] | KbRetrievalError;
  /** The index used (null when none could be). */
  index: RagIndex | null;
}

/** The three lists for one question, with one embedding call. Throws only for a bad question. */
export async function retrieveAll(
  question: string,
  k: number,
  opts: RetrieveOptions,
): Promise<AllLists> {
  const q = checkQuestion(question);
  const { corpus } = opts;
  const depth = fusionDepth(k, corpus.chunkSet.chunks.length);
  // One BM25 search serves both the lexical list (top k) and fusion's deeper list.
  const deepLexical = lexicalHits(q, Math.max(k, depth), corpus);
  const lexical = deepLexical.slice(0, k);
  try {
    const index = await usableIndex(opts.indexId, corpus);
    const vector = opts.queryVector ?? (await embedQuestions([q], index, opts.signal))[0]!;
    const deep = await vectorHits(q, depth, corpus, index, vector);
    const hybrid = fuse(q, k, corpus, deepLexical.slice(0, depth), deep);
    return { question: q, lexical, vector: deep.slice(0, k), hybrid, index };
  } catch (e) {
    if (!(e instanceof KbRetrievalError)) throw e;
    return { question: q, lexical, vector: e, hybrid: e, index: null };
  }
}

export interface RerankedHit extends LocalHit {
  /** The hit's rank before reranking. */
  previousRank: number;
  /** The rerank model's relevance score. */
  relevanceScore: number;
}

export interface RerankResult {
  hits: RerankedHit[];
  /** As main estimated and logged it; null when unknown. */
  costUsd: number | null;
  latencyMs: number;
}

/** Reorders hits with Bedrock's Rerank API (Amazon Rerank or Cohere Rerank). */
export async function rerankHits(
  question: string,
  hits: readonly LocalHit[],
  modelId: RerankModelId,
): Promise<RerankResult> {
  const q = checkQuestion(question);
  if (hits.length === 0) return { hits: [], costUsd: 0, latencyMs: 0 };
  const result = await call('rerank', {
    modelId,
    query: q,
    documents: hits.map((h) => h.chunk.text.slice(0, 32_000)),
    topN: hits.length,
  });
  if (!result.ok) throw new KbRetrievalError('bedrock', result.error);
  const reranked = result.value.results.flatMap((r, i) => {
    const hit = hits[r.index];
    return hit
      ? [{ ...hit, rank: i + 1, previousRank: hit.rank, relevanceScore: r.relevanceScore }]
      : [];
  });
  return { hits: reranked, costUsd: result.value.costUsd, latencyMs: result.value.latencyMs };
}
