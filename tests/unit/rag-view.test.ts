/** Pure helpers of the knowledge bases lab's views: chunk segments, size histogram, highlights, hashes. */
import { describe, expect, it } from 'vitest';
import { chunkSegments, sizeHistogram } from '../../renderer/src/lib/rag/chunk-view';
import { DEFAULT_CHUNKING } from '../../renderer/src/lib/rag/chunking';
import {
  chunkingKey,
  describeChunking,
  notesContentHash,
} from '../../renderer/src/lib/rag/content-hash';
import {
  contentWords,
  highlightRuns,
  matchedQueryTerms,
  snippet,
} from '../../renderer/src/lib/rag/highlight';

describe('chunkSegments', () => {
  it('marks gaps, single chunks and the overlap two chunks share, with where each chunk starts', () => {
    // body of 20: chunk A [2, 10), chunk B [7, 15): overlap [7, 10), gap [0,2) and [15,20).
    const segs = chunkSegments(20, [
      { start: 2, end: 10 },
      { start: 7, end: 15 },
    ]);
    expect(segs).toEqual([
      { kind: 'gap', start: 0, end: 2 },
      { kind: 'chunk', start: 2, end: 7, chunk: 0, first: true },
      { kind: 'overlap', start: 7, end: 10, chunks: [0, 1], first: true },
      { kind: 'chunk', start: 10, end: 15, chunk: 1, first: false },
      { kind: 'gap', start: 15, end: 20 },
    ]);
  });

  it('covers the whole body with no chunks, and adjacent chunks stay separate', () => {
    expect(chunkSegments(5, [])).toEqual([{ kind: 'gap', start: 0, end: 5 }]);
    expect(
      chunkSegments(6, [
        { start: 0, end: 3 },
        { start: 3, end: 6 },
      ]).map((s) => [s.kind, s.start, s.end]),
    ).toEqual([
      ['chunk', 0, 3],
      ['chunk', 3, 6],
    ]);
  });
});

describe('sizeHistogram', () => {
  it('puts values in equal whole-number bins from 0 to the largest', () => {
    const bins = sizeHistogram([10, 20, 95, 100, 100], 10);
    expect(bins[0]).toEqual({ from: 0, to: 10, count: 0 });
    expect(bins[1]).toEqual({ from: 10, to: 20, count: 1 });
    expect(bins.reduce((s, b) => s + b.count, 0)).toBe(5);
    expect(bins.at(-1)).toEqual({ from: 100, to: 110, count: 2 });
    expect(sizeHistogram([])).toEqual([]);
  });
});

describe('highlighting', () => {
  it('finds the question’s content words in a chunk, whole words only, stop words left out', () => {
    expect(contentWords('What is the Knowledge base of a knowledge?')).toEqual([
      'knowledge',
      'base',
    ]);
    expect(matchedQueryTerms('Which vector store?', 'Vectors live in a vector store.')).toEqual([
      'vector',
      'store',
    ]);
  });

  it('cuts text into plain and marked runs that join back to the text', () => {
    const text = 'RAG <b>retrieves</b> chunks; rag is retrieval.';
    const runs = highlightRuns(text, ['rag', 'chunks']);
    expect(runs.map((r) => r.text).join('')).toBe(text);
    expect(runs.filter((r) => r.mark).map((r) => r.text)).toEqual(['RAG', 'chunks', 'rag']);
  });
});

describe('identities', () => {
  it('hashes notes so any change to an id or a body changes the hash', () => {
    const a = notesContentHash([
      { id: 'x', body: 'ab' },
      { id: 'y', body: 'c' },
    ]);
    expect(a).toMatch(/^[0-9a-f]{16}$/);
    expect(
      notesContentHash([
        { id: 'x', body: 'a' },
        { id: 'y', body: 'bc' },
      ]),
    ).not.toBe(a);
    expect(
      notesContentHash([
        { id: 'x', body: 'ab' },
        { id: 'y', body: 'c' },
      ]),
    ).toBe(a);
  });

  it('keys and describes chunking configurations', () => {
    expect(chunkingKey(DEFAULT_CHUNKING.FIXED_SIZE)).toBe('FIXED_SIZE:300:20');
    expect(chunkingKey(DEFAULT_CHUNKING.HIERARCHICAL)).toBe('HIERARCHICAL:1500:300:60');
    expect(describeChunking(DEFAULT_CHUNKING.NONE)).toMatch(/No chunking/);
  });
});

describe('snippet', () => {
  it('keeps short text whole and cuts long text around the first match at spaces', () => {
    expect(snippet('short text', ['text'])).toBe('short text');
    const long = `${'lorem ipsum '.repeat(40)}the vector store answers ${'dolor sit '.repeat(40)}`;
    const s = snippet(long, ['vector'], 120);
    expect(s.startsWith('…')).toBe(true);
    expect(s.endsWith('…')).toBe(true);
    expect(s).toContain('vector store');
    expect(s.length).toBeLessThanOrEqual(122);
  });
});
