/**
 * Retrieval quality over the bank (./evaluation's test set) for the four ways of ranking chunks
 * the lab shows: lexical (BM25), vector (cosine), hybrid (reciprocal rank fusion of the two) and
 * reranked (a rerank model's order of the hybrid candidates). Every method is scored on a ranked
 * list of at most `EVAL_DEPTH` chunks per question, so MRR here is MRR@10.
 *
 * HIERARCHICAL chunking is judged as Bedrock serves it: the children are matched, and each hit is
 * widened to its parent (children of one parent count once), so the test set is labelled over the
 * parents and every method ranks parents. Other strategies rank and judge the chunks themselves.
 *
 * The work is cut into steps (generators that yield progress) so a screen can run it a slice at a
 * time between frames and cancel it between steps; run to the end they give exactly what
 * `evaluateRetriever` gives.
 */
import { chunkNotes, widenToParents, type ChunkingConfig, type Chunk } from './chunking';
import {
  buildTestSet,
  meanReciprocalRank,
  recallAtK,
  type LabelledQuery,
  type RetrievalFigures,
  type TestSet,
} from './evaluation';
import { reciprocalRankFusion } from './fusion';
import { buildLexicalIndex } from './lexical';
import { cosineTopK, type VectorIndex } from './vectors';
import type { Question } from '../../../../shared/questions';

export type RetrievalMethod = 'lexical' | 'vector' | 'hybrid' | 'reranked';
export const RETRIEVAL_METHODS: readonly RetrievalMethod[] = [
  'lexical',
  'vector',
  'hybrid',
  'reranked',
];

/** How many chunks each method ranks per question. */
export const EVAL_DEPTH = 10;

/** Ranked chunk ids per question id. */
export type Rankings = Map<string, string[]>;

export interface EvalProgress {
  /** What is being done: 'chunking', 'indexing', 'labelling', 'searching'. */
  stage: string;
  done: number;
  total: number;
}

export type BankQuestion = Pick<Question, 'id' | 'stem' | 'sourceNoteId' | 'sourcePassage'>;

export interface LexicalEvaluation {
  config: ChunkingConfig;
  /** The chunks that are searched (for HIERARCHICAL the children). */
  chunks: Chunk[];
  /** The chunks that are served and judged: `chunks`, or for HIERARCHICAL their parents. */
  served: Chunk[];
  testSet: TestSet;
  rankings: Rankings;
  figures: RetrievalFigures;
}

/** recall@1, recall@5 and MRR of rankings over a test set (a query with no ranking found nothing). */
export function figuresFromRankings(testSet: TestSet, rankings: Rankings): RetrievalFigures {
  const runs = testSet.queries.map((q) => ({
    ranked: rankings.get(q.questionId) ?? [],
    relevant: q.relevant,
  }));
  return {
    queries: runs.length,
    unlabelled: testSet.unlabelled.length,
    recallAt1: recallAtK(runs, 1),
    recallAt5: recallAtK(runs, 5),
    mrr: meanReciprocalRank(runs),
  };
}

/** Ranks every query with `rank`, yielding progress after each. */
function* rankAll(
  queries: readonly LabelledQuery[],
  rank: (q: LabelledQuery) => string[],
  stage = 'searching',
): Generator<EvalProgress, Rankings> {
  const out: Rankings = new Map();
  for (let i = 0; i < queries.length; i++) {
    const q = queries[i]!;
    out.set(q.questionId, rank(q));
    yield { stage, done: i + 1, total: queries.length };
  }
  return out;
}

/** How many searched ids to take per query: deeper when children are widened to fewer parents. */
export function searchDepth(evaluation: Pick<LexicalEvaluation, 'chunks' | 'served'>): number {
  return evaluation.served === evaluation.chunks ? EVAL_DEPTH : EVAL_DEPTH * 3;
}

/** A ranked list of searched ids as served: widened to parents (HIERARCHICAL), top EVAL_DEPTH. */
export function serveRanked(
  ids: readonly string[],
  evaluation: Pick<LexicalEvaluation, 'chunks' | 'served'>,
): string[] {
  const served =
    evaluation.served === evaluation.chunks ? [...ids] : widenToParents(ids, evaluation.chunks);
  return served.slice(0, EVAL_DEPTH);
}

/** Lexical (BM25) figures of one chunking over the bank, step by step. */
export function* lexicalEvaluation(
  notes: readonly { id: string; body: string }[],
  questions: readonly BankQuestion[],
  config: ChunkingConfig,
): Generator<EvalProgress, LexicalEvaluation> {
  yield { stage: 'chunking', done: 0, total: questions.length };
  const { chunks, parents } = chunkNotes(notes, config);
  const shape = { chunks, served: parents.length > 0 ? parents : chunks };
  yield { stage: 'indexing', done: 0, total: questions.length };
  const index = buildLexicalIndex(chunks);
  yield { stage: 'labelling', done: 0, total: questions.length };
  const testSet = buildTestSet(questions, notes, shape.served);
  const depth = searchDepth(shape);
  const rankings = yield* rankAll(testSet.queries, (q) =>
    serveRanked(
      index.search(q.query, depth).map((h) => h.id),
      shape,
    ),
  );
  return {
    config,
    ...shape,
    testSet,
    rankings,
    figures: figuresFromRankings(testSet, rankings),
  };
}

/**
 * Vector rankings: each question's embedding against the index (of the searched chunks), top
 * EVAL_DEPTH by cosine as served (`evaluation` says whether hits widen to parents).
 */
export function* vectorRankings(
  evaluation: Pick<LexicalEvaluation, 'testSet' | 'chunks' | 'served'>,
  index: VectorIndex,
  queryVectors: ReadonlyMap<string, ArrayLike<number>>,
): Generator<EvalProgress, Rankings> {
  const depth = searchDepth(evaluation);
  return yield* rankAll(evaluation.testSet.queries, (q) => {
    const v = queryVectors.get(q.questionId);
    return v
      ? serveRanked(
          cosineTopK(index, v, depth).map((h) => h.id),
          evaluation,
        )
      : [];
  });
}

/** Hybrid rankings: reciprocal rank fusion of each question's lexical and vector lists. */
export function hybridRankings(lexical: Rankings, vector: Rankings): Rankings {
  const out: Rankings = new Map();
  for (const [id, lex] of lexical) {
    const fused = reciprocalRankFusion([lex, vector.get(id) ?? []], { limit: EVAL_DEPTH });
    out.set(
      id,
      fused.map((h) => h.id),
    );
  }
  return out;
}

/**
 * A reranked list: the candidates reordered by a rerank model's results (indexes into the
 * candidates, best first); candidates the model did not return keep their order after them.
 */
export function applyRerank(
  candidates: readonly string[],
  results: readonly { index: number }[],
): string[] {
  const first = results.map((r) => candidates[r.index]).filter((id): id is string => !!id);
  const seen = new Set(first);
  return [...first, ...candidates.filter((id) => !seen.has(id))];
}
