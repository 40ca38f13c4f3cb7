import { describe, expect, it } from 'vitest';
import {
  DEFAULT_CHUNKING,
  chunkNote,
  chunkNotes,
  chunkingProblems,
  widenToParents,
  type Chunk,
  type ChunkingConfig,
} from '../../renderer/src/lib/rag/chunking';
import { markdownUnits } from '../../renderer/src/lib/rag/markdown-units';
import { countTokens, tokenSpans } from '../../renderer/src/lib/rag/tokens';
import { loadCorpus } from '../support/corpus';

/** "w1 w2 ... wn": one token per word, so token windows are easy to write down. */
const words = (n: number) => Array.from({ length: n }, (_, i) => `w${i + 1}`).join(' ');
const note = (body: string) => ({ id: 'n', body });

function expectSpansHold(body: string, chunks: readonly Chunk[]) {
  for (const c of chunks) {
    expect(c.text).toBe(body.slice(c.start, c.end));
    expect(c.overlapEnd).toBeGreaterThanOrEqual(c.start);
    expect(c.overlapEnd).toBeLessThanOrEqual(c.end);
    expect(c.tokens).toBe(countTokens(c.text));
  }
}

describe('tokens (the documented approximation)', () => {
  it('counts runs of letters and digits and runs of other symbols', () => {
    expect(countTokens("Bedrock's top-k, 5 chunks.")).toBe(10);
    expect(countTokens('**Bold** [link](note:x)')).toBe(10);
    expect(countTokens('  \n ')).toBe(0);
    const spans = tokenSpans('ab, cd');
    expect([...spans.starts]).toEqual([0, 2, 4]);
    expect([...spans.ends]).toEqual([2, 3, 6]);
  });
});

describe('fixed size with overlap', () => {
  it('repeats overlapPercentage of maxTokens at the start of each next chunk', () => {
    const body = words(25);
    const { chunks, parents } = chunkNote(note(body), {
      strategy: 'FIXED_SIZE',
      maxTokens: 10,
      overlapPercentage: 20,
    });
    expect(parents).toEqual([]);
    expect(chunks.map((c) => c.text)).toEqual([
      'w1 w2 w3 w4 w5 w6 w7 w8 w9 w10',
      'w9 w10 w11 w12 w13 w14 w15 w16 w17 w18',
      'w17 w18 w19 w20 w21 w22 w23 w24 w25',
    ]);
    expect(chunks.map((c) => c.id)).toEqual(['n#0', 'n#1', 'n#2']);
    expect(chunks.map((c) => c.tokens)).toEqual([10, 10, 9]);
    expect(chunks.map((c) => c.overlapTokens)).toEqual([0, 2, 2]);
    expect(chunks.map((c) => body.slice(c.start, c.overlapEnd))).toEqual(['', 'w9 w10', 'w17 w18']);
    expectSpansHold(body, chunks);
  });

  it('cuts through a table where the token count says so (it ignores structure)', () => {
    const body = [
      'Pick a store.',
      '',
      '| Store | Kind |',
      '| --- | --- |',
      '| OpenSearch Serverless | search |',
      '| Aurora PostgreSQL | relational |',
    ].join('\n');
    const { chunks } = chunkNote(note(body), {
      strategy: 'FIXED_SIZE',
      maxTokens: 12,
      overlapPercentage: 10,
    });
    expect(chunks.length).toBeGreaterThan(1);
    const tableStart = body.indexOf('|');
    const lineEnds = new Set([...body.matchAll(/\n/g)].map((m) => m.index).concat(body.length));
    const insideRow = chunks.filter((c) => c.end > tableStart && !lineEnds.has(c.end));
    expect(insideRow.length).toBeGreaterThan(0);
    expectSpansHold(body, chunks);
  });
});

describe('a note shorter than one chunk', () => {
  const body = 'RAG answers from **your** documents. It needs no retraining.';
  const configs: ChunkingConfig[] = Object.values(DEFAULT_CHUNKING);

  it.each(configs.map((c) => [c.strategy, c] as const))('%s gives one chunk', (_, config) => {
    const { chunks, parents } = chunkNote(note(body), config);
    expect(chunks).toHaveLength(1);
    expect(chunks[0]).toMatchObject({ text: body, start: 0, end: body.length, overlapTokens: 0 });
    expect(parents).toHaveLength(config.strategy === 'HIERARCHICAL' ? 1 : 0);
    if (config.strategy === 'HIERARCHICAL') expect(chunks[0]?.parentId).toBe('n#p0');
  });

  it('an empty body gives no chunks', () => {
    for (const config of configs) expect(chunkNote(note(' \n'), config).chunks).toEqual([]);
  });
});

describe('hierarchical', () => {
  it('splits parents by the first level and each parent into children by the second', () => {
    const body = words(30);
    const { chunks, parents } = chunkNote(note(body), {
      strategy: 'HIERARCHICAL',
      levelConfigurations: [{ maxTokens: 12 }, { maxTokens: 5 }],
      overlapTokens: 2,
    });
    // Parents: 12 tokens, 2 repeated: tokens [0,12), [10,22), [20,30).
    expect(parents.map((p) => [p.id, p.tokens, p.overlapTokens])).toEqual([
      ['n#p0', 12, 0],
      ['n#p1', 12, 2],
      ['n#p2', 10, 2],
    ]);
    // Children of p0: 5 tokens, 2 repeated, inside [0,12): [0,5), [3,8), [6,11), [9,12).
    const first = chunks.filter((c) => c.parentId === 'n#p0');
    expect(first.map((c) => c.text)).toEqual([
      'w1 w2 w3 w4 w5',
      'w4 w5 w6 w7 w8',
      'w7 w8 w9 w10 w11',
      'w10 w11 w12',
    ]);
    expect(first.map((c) => c.id)).toEqual(['n#p0.0', 'n#p0.1', 'n#p0.2', 'n#p0.3']);
    for (const parent of parents) {
      const kids = chunks.filter((c) => c.parentId === parent.id);
      expect(kids[0]?.start).toBe(parent.start);
      expect(kids.at(-1)?.end).toBe(parent.end);
      expect(kids[0]?.overlapTokens).toBe(0);
      for (const kid of kids) {
        expect(kid.start).toBeGreaterThanOrEqual(parent.start);
        expect(kid.end).toBeLessThanOrEqual(parent.end);
        expect(kid.tokens).toBeLessThanOrEqual(5);
      }
    }
    expect(chunks.map((c) => c.index)).toEqual(chunks.map((_, i) => i));
    expectSpansHold(body, [...parents, ...chunks]);
    // Matched children are served as their parents, each parent once, in first-hit order.
    expect(widenToParents(['n#p1.0', 'n#p0.3', 'n#p1.2', 'other'], chunks)).toEqual([
      'n#p1',
      'n#p0',
      'other',
    ]);
  });
});

describe('semantic (heading and sentence approximation)', () => {
  it('starts a chunk at each ## or ### heading, a ## straight before a ### joining it', () => {
    const body = '## Why\n\nOne reason. Another.\n\n## How\n\n### Step one\n\nLoad it.';
    const { chunks } = chunkNote(note(body), { strategy: 'SEMANTIC', maxTokens: 100 });
    expect(chunks.map((c) => c.text)).toEqual([
      '## Why\n\nOne reason. Another.',
      '## How\n\n### Step one\n\nLoad it.',
    ]);
    expectSpansHold(body, chunks);
  });

  it('packs whole sentences up to maxTokens and cuts a longer sentence into windows', () => {
    const body = `Alpha beta gamma. Delta epsilon. Zeta eta theta iota. Long ${words(9)}.`;
    const { chunks } = chunkNote(note(body), { strategy: 'SEMANTIC', maxTokens: 7 });
    expect(chunks.map((c) => c.text)).toEqual([
      'Alpha beta gamma. Delta epsilon.',
      'Zeta eta theta iota.',
      'Long w1 w2 w3 w4 w5 w6',
      'w7 w8 w9.',
    ]);
    expectSpansHold(body, chunks);
  });

  it('puts a chunk boundary inside a table only between rows', () => {
    const rows = ['| Store | Kind |', '| --- | --- |'].concat(
      Array.from({ length: 6 }, (_, i) => `| Store number ${i} | kind ${i} |`),
    );
    const body = `## Stores\n\nPick a store.\n\n${rows.join('\n')}\n\nThen index.`;
    const { chunks } = chunkNote(note(body), { strategy: 'SEMANTIC', maxTokens: 30 });
    expect(chunks.length).toBeGreaterThan(2);
    for (const row of rows) {
      const at = body.indexOf(row);
      const holders = chunks.filter((c) => c.start <= at && c.end >= at + row.length);
      expect(holders, row).toHaveLength(1);
    }
    expectSpansHold(body, chunks);
  });

  it('keeps list markers, abbreviations and code blocks whole', () => {
    const body = '1. First, e.g. this.\n2. Second.\n\n```\nA. B. C.\n```';
    expect(markdownUnits(body).map((u) => body.slice(u.start, u.end))).toEqual([
      '1. First, e.g. this.',
      '2. Second.',
      '```\nA. B. C.\n```',
    ]);
  });
});

describe('configuration limits (the bedrock-agent service model)', () => {
  it('accepts the defaults and refuses values outside the limits', () => {
    for (const config of Object.values(DEFAULT_CHUNKING))
      expect(chunkingProblems(config)).toEqual([]);
    expect(
      chunkingProblems({ strategy: 'FIXED_SIZE', maxTokens: 8193, overlapPercentage: 0 }),
    ).toHaveLength(2);
    expect(chunkingProblems({ strategy: 'SEMANTIC', maxTokens: 0 })).toHaveLength(1);
    expect(
      chunkingProblems({
        strategy: 'HIERARCHICAL',
        levelConfigurations: [{ maxTokens: 100 }, { maxTokens: 200 }],
        overlapTokens: 200,
      }),
    ).toEqual([
      'Child max tokens must not exceed parent max tokens.',
      'Overlap tokens must be fewer than child max tokens.',
    ]);
    expect(() =>
      chunkNote(note('x'), { strategy: 'FIXED_SIZE', maxTokens: 1.5, overlapPercentage: 20 }),
    ).toThrow(RangeError);
  });
});

describe('the notes corpus', () => {
  const corpus = loadCorpus();

  it.each(Object.values(DEFAULT_CHUNKING).map((c) => [c.strategy, c] as const))(
    '%s: every chunk is a span of its note, within size, in order',
    (_, config) => {
      const { chunks } = chunkNotes(corpus.notes, config);
      const max =
        config.strategy === 'NONE'
          ? Infinity
          : config.strategy === 'HIERARCHICAL'
            ? config.levelConfigurations[1].maxTokens
            : config.maxTokens;
      expect(new Set(chunks.map((c) => c.id)).size).toBe(chunks.length);
      for (const n of corpus.notes) {
        const mine = chunks.filter((c) => c.noteId === n.id);
        expect(mine.length).toBeGreaterThan(0);
        expectSpansHold(n.body, mine);
        for (const [i, c] of mine.entries()) {
          expect(c.tokens).toBeLessThanOrEqual(max);
          if (i > 0) expect(c.start).toBeGreaterThanOrEqual(mine[i - 1]!.start);
        }
      }
    },
  );
});
