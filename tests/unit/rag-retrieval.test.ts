import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { DEFAULT_CHUNKING, chunkNotes } from '../../renderer/src/lib/rag/chunking';
import {
  bankQuestions,
  bodyWords,
  buildTestSet,
  evaluateRetriever,
  locatePassage,
  meanReciprocalRank,
  recallAtK,
  relevantChunks,
} from '../../renderer/src/lib/rag/evaluation';
import { reciprocalRankFusion } from '../../renderer/src/lib/rag/fusion';
import { buildLexicalIndex } from '../../renderer/src/lib/rag/lexical';
import { cosineTopK, createVectorIndex, setVector } from '../../renderer/src/lib/rag/vectors';
import { passageOccursIn } from '../../shared/question-checks';
import { createRng } from '../../shared/random';
import { CONTENT_DIR, loadCorpus } from '../support/corpus';

/** The bank as it is on disk now (other question files may be added at any time). */
function loadBank() {
  const read = (sub: string) =>
    readdirSync(join(CONTENT_DIR, sub))
      .filter((f) => f.endsWith('.json'))
      .map((f) => JSON.parse(readFileSync(join(CONTENT_DIR, sub, f), 'utf8')) as unknown);
  return bankQuestions(read('questions'), read('cases'));
}

describe('BM25 (MiniSearch)', () => {
  const chunks = [
    { id: 'guard', text: 'Amazon Bedrock **Guardrails** filter harmful content and deny topics.' },
    { id: 'rag', text: 'RAG retrieves chunks from a knowledge base before the model answers.' },
    {
      id: 'kb',
      text: 'A knowledge base stores chunks as vectors; the knowledge base syncs from S3.',
    },
    { id: 'tune', text: 'Fine-tuning changes the weights of the model with labelled examples.' },
  ];
  const index = buildLexicalIndex(chunks);

  it('ranks the chunk about the query first, with scores falling and the matched words', () => {
    const hits = index.search('Which guardrails deny topics?');
    expect(hits[0]).toMatchObject({ id: 'guard', rank: 1 });
    expect(hits[0]?.terms.sort()).toEqual(['deny', 'guardrails', 'topics']);
    expect(hits).toHaveLength(1);
    const kb = index.search('knowledge base chunks');
    expect(kb.map((h) => h.id)).toEqual(['kb', 'rag']);
    expect(kb[0]!.score).toBeGreaterThan(kb[1]!.score);
  });

  it('honours k, and an empty or stop-word-only query finds nothing', () => {
    expect(index.search('model chunks knowledge', 2)).toHaveLength(2);
    expect(index.search('   ')).toEqual([]);
    expect(index.search('which of the')).toEqual([]);
  });
});

describe('reciprocal rank fusion (k = 60)', () => {
  it('matches hand-computed scores', () => {
    const fused = reciprocalRankFusion([
      ['a', 'b', 'c'],
      ['b', 'c', 'd'],
    ]);
    // b: 1/61 + 1/62, c: 1/63 + 1/62, a: 1/61, d: 1/63.
    expect(fused.map((h) => h.id)).toEqual(['b', 'c', 'a', 'd']);
    expect(fused[0]!.score).toBeCloseTo(1 / 61 + 1 / 62, 12);
    expect(fused[1]!.score).toBeCloseTo(1 / 63 + 1 / 62, 12);
    expect(fused[2]!.score).toBeCloseTo(1 / 61, 12);
    expect(fused[3]!.score).toBeCloseTo(1 / 63, 12);
    expect(fused.map((h) => h.ranks)).toEqual([
      [2, 1],
      [3, 2],
      [1, null],
      [null, 3],
    ]);
    expect(fused.map((h) => h.rank)).toEqual([1, 2, 3, 4]);
  });

  it('takes another k and a limit, and breaks ties by best rank then id', () => {
    const fused = reciprocalRankFusion([['y', 'x'], ['x', 'y'], ['z']], { k: 1, limit: 2 });
    // x and y: 1/2 + 1/3; z: 1/2.
    expect(fused.map((h) => [h.id, h.score])).toEqual([
      ['x', 1 / 2 + 1 / 3],
      ['y', 1 / 2 + 1 / 3],
    ]);
    expect(reciprocalRankFusion([])).toEqual([]);
  });
});

describe('cosine top-k over one Float32Array', () => {
  const rng = createRng(7);
  const n = 257;
  const d = 37;
  const ids = Array.from({ length: n }, (_, i) => `v${i}`);
  const data = Float32Array.from({ length: n * d }, () => rng.next() * 4 - 2);
  data.fill(0, 5 * d, 6 * d); // v5 is a zero vector
  const index = createVectorIndex(ids, d, data);

  function bruteForce(query: Float32Array, k: number) {
    const norm = (v: ArrayLike<number>) => Math.sqrt(Array.from(v).reduce((s, x) => s + x * x, 0));
    return ids
      .map((id, i) => {
        const row = data.subarray(i * d, i * d + d);
        let dot = 0;
        for (let j = 0; j < d; j++) dot += row[j]! * query[j]!;
        const denom = norm(row) * norm(query);
        return { id, score: denom === 0 ? 0 : dot / denom };
      })
      .sort((a, b) => b.score - a.score)
      .slice(0, k);
  }

  it('agrees with a brute-force reference on unnormalised vectors', () => {
    for (let t = 0; t < 5; t++) {
      const query = Float32Array.from({ length: d }, () => rng.next() - 0.5);
      const got = cosineTopK(index, query, 10);
      const want = bruteForce(query, 10);
      expect(got.map((h) => h.id)).toEqual(want.map((h) => h.id));
      got.forEach((h, i) => expect(h.score).toBeCloseTo(want[i]!.score, 5));
      expect(got.map((h) => h.rank)).toEqual(got.map((_, i) => i + 1));
    }
  });

  it('gives every row when k exceeds them, none for k = 0, and 0 for a zero vector', () => {
    const query = Float32Array.from({ length: d }, () => 1);
    expect(cosineTopK(index, query, 1000)).toHaveLength(n);
    expect(cosineTopK(index, query, 0)).toEqual([]);
    expect(cosineTopK(index, query, 1000).find((h) => h.id === 'v5')?.score).toBe(0);
  });

  it('refuses a query or an embedding of the wrong length and leaves the index untouched', () => {
    expect(() => cosineTopK(index, new Float32Array(d + 1), 3)).toThrow(RangeError);
    const before = index.data.slice();
    expect(() => setVector(index, 0, new Float32Array(d - 1))).toThrow(RangeError);
    expect(index.data).toEqual(before);
    expect(() => createVectorIndex(['a'], 3, new Float32Array(4))).toThrow(RangeError);
  });

  it('scores a row written with setVector', () => {
    const small = createVectorIndex(['a', 'b'], 2);
    setVector(small, 0, [3, 4]);
    setVector(small, 1, [0, -2]);
    const hits = cosineTopK(small, [1, 0], 2);
    expect(hits.map((h) => [h.id, h.score])).toEqual([
      ['a', expect.closeTo(0.6, 6)],
      ['b', 0],
    ]);
  });
});

describe('recall@k and MRR (hand-computed fixture)', () => {
  const runs = [
    { ranked: ['a', 'b', 'c'], relevant: ['a'] }, // first relevant at 1
    { ranked: ['d', 'e', 'f'], relevant: ['f'] }, // at 3
    { ranked: ['g', 'h'], relevant: ['x'] }, // never
    { ranked: ['i', 'j', 'k'], relevant: ['k', 'j'] }, // at 2
  ];

  it('recall@k is the share of queries with a relevant chunk in the top k', () => {
    expect(recallAtK(runs, 1)).toBe(1 / 4);
    expect(recallAtK(runs, 2)).toBe(2 / 4);
    expect(recallAtK(runs, 3)).toBe(3 / 4);
    expect(recallAtK(runs, 10)).toBe(3 / 4);
    expect(recallAtK([], 5)).toBe(0);
  });

  it('MRR is the mean of 1 / rank of the first relevant chunk', () => {
    expect(meanReciprocalRank(runs)).toBeCloseTo((1 + 1 / 3 + 0 + 1 / 2) / 4, 12);
    expect(meanReciprocalRank([])).toBe(0);
  });
});

describe('the bank as a labelled test set', () => {
  const body =
    'Intro line.\n\nA **knowledge base** splits [documents](glossary:document) into chunks, ' +
    'then embeds each chunk.\n\n```\nnot prose\n```\n\nThe end.';
  const passage = 'A knowledge base splits documents into chunks, then embeds each chunk.';

  it('locates a quoted passage in the Markdown body, word by word', () => {
    const span = locatePassage(passage, body);
    expect(span).not.toBeNull();
    expect(body.slice(span!.start, span!.end)).toBe(
      'A **knowledge base** splits [documents](glossary:document) into chunks, then embeds each chunk',
    );
    expect(span!.words).toHaveLength(11);
    expect(locatePassage('Glossary document into chunks', body)).toBeNull(); // a link target
    expect(locatePassage('not prose', body)).toBeNull(); // inside code
    expect(locatePassage('...', body)).toBeNull();
  });

  it('labels the chunk holding most of a passage split across two, and both at a tie', () => {
    const span = locatePassage(passage, body)!;
    const cut = (after: number) => span.words[after - 1]!.end; // a cut after `after` words
    const two = (after: number) => [
      { id: 'x', start: 0, end: cut(after) },
      { id: 'y', start: cut(after), end: body.length },
    ];
    expect(relevantChunks(two(8), span)).toEqual(['x']); // 8 of 11 words in x
    expect(relevantChunks(two(3), span)).toEqual(['y']);
    const overlapping = [
      { id: 'x', start: 0, end: body.length },
      { id: 'y', start: span.start, end: body.length },
    ];
    expect(relevantChunks(overlapping, span)).toEqual(['x', 'y']);
    const even = locatePassage('one two three four', 'one two three four')!;
    expect(
      relevantChunks(
        [
          { id: 'x', start: 0, end: 7 },
          { id: 'y', start: 8, end: 18 },
        ],
        even,
      ),
    ).toEqual(['x', 'y']);
    // Spread over three chunks (2 + 2 + 1 of 5 words): the best-covered ones.
    const five = locatePassage('one two three four five', 'one two three four five')!;
    const three = [
      { id: 'p', start: 0, end: 7 },
      { id: 'q', start: 8, end: 18 },
      { id: 'r', start: 19, end: 23 },
    ];
    expect(relevantChunks(three, five)).toEqual(['p', 'q']);
  });

  it('leaves out questions whose note or passage is missing', () => {
    const notes = [{ id: 'kb', body }];
    const chunks = [{ id: 'kb#0', noteId: 'kb', start: 0, end: body.length }];
    const q = { stem: 'What does a knowledge base do?', sourcePassage: passage };
    const set = buildTestSet(
      [
        { ...q, id: 'q1', sourceNoteId: 'kb' },
        { ...q, id: 'q2', sourceNoteId: 'elsewhere' },
        { ...q, id: 'q3', sourceNoteId: 'kb', sourcePassage: 'Nothing like this is in it.' },
      ],
      notes,
      chunks,
    );
    expect(set.queries).toEqual([
      { questionId: 'q1', query: q.stem, noteId: 'kb', relevant: ['kb#0'] },
    ]);
    expect(set.unlabelled.map((u) => u.questionId)).toEqual(['q2', 'q3']);
  });

  const corpus = loadCorpus();
  const bank = loadBank();

  it('finds every passage the bank check accepts', () => {
    expect(bank.length).toBeGreaterThan(300);
    const words = new Map(corpus.notes.map((n) => [n.id, bodyWords(n.body)]));
    const missed = bank.filter((q) => {
      const n = corpus.noteById.get(q.sourceNoteId);
      return (
        n &&
        passageOccursIn(q.sourcePassage, n.body) &&
        !locatePassage(q.sourcePassage, words.get(n.id)!)
      );
    });
    expect(missed.map((q) => q.id)).toEqual([]);
  });

  // Measured on 2026-12-04 with 409 questions (top 10 by BM25): recall@5 56% fixed size, 56%
  // hierarchical (children), 58% headings/sentences, 83% one chunk per note. Floors leave room
  // for the bank to grow.
  const floors = { FIXED_SIZE: 0.4, HIERARCHICAL: 0.4, SEMANTIC: 0.4, NONE: 0.65 };

  it.each(Object.values(DEFAULT_CHUNKING).map((c) => [c.strategy, c] as const))(
    '%s: lexical recall@1, recall@5 and MRR over the whole bank',
    (strategy, config) => {
      const { chunks } = chunkNotes(corpus.notes, config);
      const index = buildLexicalIndex(chunks);
      const testSet = buildTestSet(bank, corpus.notes, chunks);
      expect(testSet.unlabelled).toEqual([]);
      const f = evaluateRetriever(testSet, (query) => index.search(query, 10).map((h) => h.id));
      expect(f.queries).toBe(bank.length);
      expect(f.recallAt1).toBeGreaterThan(0.2);
      expect(f.recallAt5).toBeGreaterThanOrEqual(f.recallAt1);
      expect(f.recallAt5).toBeGreaterThan(floors[strategy]);
      expect(f.recallAt5).toBeLessThanOrEqual(1);
      expect(f.mrr).toBeGreaterThanOrEqual(f.recallAt1);
      expect(f.mrr).toBeLessThanOrEqual(1);
    },
  );
});
