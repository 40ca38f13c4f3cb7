import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNKING, widenToParents, type Chunk } from '../../renderer/src/lib/rag/chunking';
import { bankQuestions, evaluateRetriever } from '../../renderer/src/lib/rag/evaluation';
import { buildLexicalIndex } from '../../renderer/src/lib/rag/lexical';
import {
  applyRerank,
  figuresFromRankings,
  hybridRankings,
  lexicalEvaluation,
  searchDepth,
  serveRanked,
  vectorRankings,
  type EvalProgress,
} from '../../renderer/src/lib/rag/quality';
import { createVectorIndex } from '../../renderer/src/lib/rag/vectors';
import { CONTENT_DIR, loadCorpus } from '../support/corpus';

/** Runs a step generator to its end, collecting the progress it yields. */
function finish<T>(gen: Generator<EvalProgress, T>): { value: T; steps: EvalProgress[] } {
  const steps: EvalProgress[] = [];
  for (;;) {
    const next = gen.next();
    if (next.done) return { value: next.value, steps };
    steps.push(next.value);
  }
}

const testSet = {
  queries: [
    { questionId: 'q1', query: 'a', noteId: 'n', relevant: ['a'] },
    { questionId: 'q2', query: 'b', noteId: 'n', relevant: ['f'] },
    { questionId: 'q3', query: 'c', noteId: 'n', relevant: ['x'] },
    { questionId: 'q4', query: 'd', noteId: 'n', relevant: ['k', 'j'] },
  ],
  unlabelled: [{ questionId: 'q5', reason: 'passage not found in its note' }],
};

describe('figures from rankings (hand-computed fixture)', () => {
  it('gives recall@1, recall@5 and MRR; a question with no ranking counts as a miss', () => {
    const rankings = new Map([
      ['q1', ['a', 'b', 'c']], // first relevant at 1
      ['q2', ['d', 'e', 'z', 'y', 'w', 'f']], // at 6: outside the top 5
      ['q4', ['i', 'j', 'k']], // at 2
    ]);
    expect(figuresFromRankings(testSet, rankings)).toEqual({
      queries: 4,
      unlabelled: 1,
      recallAt1: 1 / 4,
      recallAt5: 2 / 4,
      mrr: (1 + 1 / 6 + 0 + 1 / 2) / 4,
    });
  });
});

describe('vector, hybrid and reranked lists', () => {
  it('ranks each question by cosine, and fuses lexical and vector lists (k = 60)', () => {
    const index = createVectorIndex(['a', 'b', 'c'], 2, Float32Array.from([1, 0, 0, 1, 1, 1]));
    const vectors = new Map([
      ['q1', [1, 0.1]],
      ['q2', [0, 1]],
    ]);
    const flat: Chunk[] = [];
    const { value, steps } = finish(
      vectorRankings({ testSet, chunks: flat, served: flat }, index, vectors),
    );
    expect(value.get('q1')).toEqual(['a', 'c', 'b']);
    expect(value.get('q2')).toEqual(['b', 'c', 'a']);
    expect(value.get('q3')).toEqual([]); // no embedding for it
    expect(steps.at(-1)).toEqual({ stage: 'searching', done: 4, total: 4 });
    const hybrid = hybridRankings(new Map([['q1', ['c', 'b']]]), value);
    // c: 1/61 + 1/62, b: 1/62 + 1/63, a: 1/61.
    expect(hybrid.get('q1')).toEqual(['c', 'b', 'a']);
  });

  it('serves HIERARCHICAL hits as their parents: children of one parent count once', () => {
    const child = (id: string, parentId: string) => ({ id, parentId }) as Chunk;
    const children = [child('c1', 'p1'), child('c2', 'p1'), child('c3', 'p2')];
    const parents = [{ id: 'p1' }, { id: 'p2' }] as Chunk[];
    const shape = { chunks: children, served: parents };
    expect(searchDepth(shape)).toBe(30);
    expect(serveRanked(['c2', 'c1', 'c3'], shape)).toEqual(['p1', 'p2']);
    const flat = { chunks: children, served: children };
    expect(searchDepth(flat)).toBe(10);
    expect(serveRanked(['c2', 'c1', 'c3'], flat)).toEqual(['c2', 'c1', 'c3']);
  });

  it('reorders candidates by the rerank results and keeps the rest after them', () => {
    expect(applyRerank(['a', 'b', 'c', 'd'], [{ index: 2 }, { index: 0 }])).toEqual([
      'c',
      'a',
      'b',
      'd',
    ]);
    expect(applyRerank(['a'], [{ index: 5 }])).toEqual(['a']);
  });
});

describe('lexical figures over the whole bank, as the quality tab computes them', () => {
  const corpus = loadCorpus();
  const read = (sub: string) =>
    readdirSync(join(CONTENT_DIR, sub))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(CONTENT_DIR, sub, f), 'utf8')) as unknown);
  const bank = bankQuestions(read('questions'), read('cases'));

  it.each(Object.values(DEFAULT_CHUNKING).map((c) => [c.strategy, c] as const))(
    '%s: the stepped run gives exactly evaluateRetriever’s figures (top 10 by BM25)',
    (_strategy, config) => {
      const { value, steps } = finish(lexicalEvaluation(corpus.notes, bank, config));
      const index = buildLexicalIndex(value.chunks);
      // HIERARCHICAL: children matched (30 deep), widened to their parents, top 10 judged.
      const direct = evaluateRetriever(value.testSet, (q) =>
        value.served === value.chunks
          ? index.search(q, 10).map((h) => h.id)
          : widenToParents(
              index.search(q, 30).map((h) => h.id),
              value.chunks,
            ).slice(0, 10),
      );
      expect(value.served === value.chunks).toBe(config.strategy !== 'HIERARCHICAL');
      expect(value.figures).toEqual(direct);
      expect(value.figures.queries).toBe(bank.length);
      expect(value.figures.unlabelled).toBe(0);
      expect(steps.at(-1)).toEqual({ stage: 'searching', done: bank.length, total: bank.length });
      expect(value.figures.recallAt5).toBeGreaterThanOrEqual(value.figures.recallAt1);
    },
  );
});
