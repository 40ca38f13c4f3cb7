/**
 * Knowledge bases lab figures (issue 14), pure code in Node:
 * - chunking all notes with each strategy (Bedrock's defaults; median of runs);
 * - the lexical (BM25) index over those chunks, and recall@1/@5 and MRR of lexical retrieval with
 *   every bank question as a query;
 * - top-10 cosine over 10,000 random 1,024-dimension vectors (one Float32Array), and its memory.
 * Goals: chunking < 50 ms, lexical recall over the bank < 1 s, cosine < 10 ms, vectors < 50 MB.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CONTENT_DIR, loadCorpus } from '../tests/support/corpus';
import {
  DEFAULT_CHUNKING,
  chunkNotes,
  widenToParents,
  type ChunkingStrategy,
} from '../renderer/src/lib/rag/chunking';
import { buildLexicalIndex } from '../renderer/src/lib/rag/lexical';
import {
  bankQuestions,
  buildTestSet,
  evaluateRetriever,
  type RetrievalFigures,
} from '../renderer/src/lib/rag/evaluation';
import { cosineTopK, createVectorIndex } from '../renderer/src/lib/rag/vectors';
import { createRng } from '../shared/random';
import type { Question } from '../shared/questions';
import { time } from './timing';

/** The question bank as the app ships it: content/questions/*.json and content/cases/*.json. */
export function loadBank(): Question[] {
  const read = (sub: string) =>
    readdirSync(join(CONTENT_DIR, sub))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(CONTENT_DIR, sub, f), 'utf8')) as unknown);
  return bankQuestions(read('questions'), read('cases'));
}

export interface StrategyFigures {
  strategy: ChunkingStrategy;
  chunks: number;
  chunkMs: number;
  indexMs: number;
  /** Building the test set and running every bank question through BM25. */
  evaluateMs: number;
  retrieval: RetrievalFigures;
  /** HIERARCHICAL: children matched, parents served and judged (as Bedrock returns them). */
  parents?: { count: number; retrieval: RetrievalFigures };
}

export interface RagFigures {
  notes: number;
  questions: number;
  strategies: StrategyFigures[];
  cosine: { vectors: number; dimensions: number; ms: number; mebibytes: number };
}

function cosineFigures() {
  const n = 10_000;
  const d = 1024;
  const rng = createRng(14);
  const data = new Float32Array(n * d);
  for (let i = 0; i < data.length; i++) data[i] = rng.next() * 2 - 1;
  const index = createVectorIndex(
    Array.from({ length: n }, (_, i) => `c${i}`),
    d,
    data,
  );
  const queries = Array.from({ length: 8 }, () =>
    Float32Array.from({ length: d }, () => rng.next() - 0.5),
  );
  let q = 0;
  const { ms } = time(60, () => cosineTopK(index, queries[q++ % queries.length]!, 10), 10);
  const mebibytes = (index.data.byteLength + index.invNorms.byteLength) / 1048576;
  return { vectors: n, dimensions: d, ms, mebibytes };
}

export function ragFigures(): RagFigures {
  // First, on a fresh heap, before the lexical work allocates.
  const cosine = cosineFigures();
  const corpus = loadCorpus();
  const bank = loadBank();
  const strategies = (Object.keys(DEFAULT_CHUNKING) as ChunkingStrategy[]).map((strategy) => {
    const chunked = time(15, () => chunkNotes(corpus.notes, DEFAULT_CHUNKING[strategy]));
    const { chunks } = chunked.value;
    const indexed = time(5, () => buildLexicalIndex(chunks));
    const evaluated = time(3, () => {
      const testSet = buildTestSet(bank, corpus.notes, chunks);
      return evaluateRetriever(testSet, (query) =>
        indexed.value.search(query, 10).map((h) => h.id),
      );
    });
    const { parents } = chunked.value;
    const parentFigures =
      parents.length > 0
        ? {
            count: parents.length,
            retrieval: evaluateRetriever(buildTestSet(bank, corpus.notes, parents), (query) =>
              widenToParents(
                indexed.value.search(query, 30).map((h) => h.id),
                chunks,
              ).slice(0, 10),
            ),
          }
        : undefined;
    return {
      strategy,
      parents: parentFigures,
      chunks: chunks.length,
      chunkMs: chunked.ms,
      indexMs: indexed.ms,
      evaluateMs: evaluated.ms,
      retrieval: evaluated.value,
    };
  });
  return {
    notes: corpus.notes.length,
    questions: bank.length,
    strategies,
    cosine,
  };
}

const pct = (x: number) => `${(x * 100).toFixed(1)}%`;

export function printRag(f: RagFigures): void {
  console.log(
    `\nKnowledge bases lab (${f.notes} notes, ${f.questions} bank questions as queries; median)`,
  );
  for (const s of f.strategies) {
    const r = s.retrieval;
    console.log(
      `  ${s.strategy.padEnd(12)} ${String(s.chunks).padStart(5)} chunks  chunking ${s.chunkMs.toFixed(1).padStart(5)} ms  BM25 index ${s.indexMs.toFixed(1).padStart(5)} ms  recall over the bank ${s.evaluateMs.toFixed(0).padStart(4)} ms  R@1 ${pct(r.recallAt1)}  R@5 ${pct(r.recallAt5)}  MRR ${r.mrr.toFixed(3)}  (${r.queries} labelled, ${r.unlabelled} not)`,
    );
    if (s.parents) {
      const p = s.parents.retrieval;
      console.log(
        `  ${''.padEnd(12)} ${String(s.parents.count).padStart(5)} parents, children matched and parents served:  R@1 ${pct(p.recallAt1)}  R@5 ${pct(p.recallAt5)}  MRR ${p.mrr.toFixed(3)}`,
      );
    }
  }
  console.log('  goals: chunking < 50 ms, lexical recall over the bank < 1 s');
  const c = f.cosine;
  console.log(
    `  top-10 cosine, ${c.vectors.toLocaleString('en-US')} x ${c.dimensions.toLocaleString('en-US')}-d vectors ${c.ms.toFixed(2).padStart(6)} ms   goal < 10 ms (after 10 warm-up searches)`,
  );
  console.log(
    `  their memory (one Float32Array + norms)     ${c.mebibytes.toFixed(1).padStart(6)} MiB  goal < 50 MB`,
  );
}
