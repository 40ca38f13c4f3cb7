import { describe, expect, it } from 'vitest';
import { parseCitations, spanSegments } from '../../renderer/src/lib/rag/citations';

describe('numbered citations in an answer', () => {
  it('cuts text and citations, in order, keeping every character', () => {
    const text = 'RAG retrieves chunks [1]. Then the model answers [2].';
    const parsed = parseCitations(text, 5);
    expect(parsed.parts).toEqual([
      { kind: 'text', text: 'RAG retrieves chunks ' },
      { kind: 'citation', raw: '[1]', refs: [{ n: 1, known: true }] },
      { kind: 'text', text: '. Then the model answers ' },
      { kind: 'citation', raw: '[2]', refs: [{ n: 2, known: true }] },
      { kind: 'text', text: '.' },
    ]);
    expect(parsed.parts.map((p) => (p.kind === 'text' ? p.text : p.raw)).join('')).toBe(text);
    expect(parsed.cited).toEqual([1, 2]);
    expect(parsed.unknown).toEqual([]);
  });

  it('flags a number outside 1..n (cited [9] of 5, and [0])', () => {
    const parsed = parseCitations('Made up [9], also [0], real [5].', 5);
    const refs = parsed.parts.flatMap((p) => (p.kind === 'citation' ? p.refs : []));
    expect(refs).toEqual([
      { n: 9, known: false },
      { n: 0, known: false },
      { n: 5, known: true },
    ]);
    expect(parsed.cited).toEqual([5]);
    expect(parsed.unknown).toEqual([9, 0]);
  });

  it('lists a repeated source once, in order of first citation', () => {
    const parsed = parseCitations('A [2]. B [1]. C [2]. D [9]. E [9].', 3);
    expect(parsed.cited).toEqual([2, 1]);
    expect(parsed.unknown).toEqual([9]);
    expect(parsed.parts.filter((p) => p.kind === 'citation')).toHaveLength(5);
  });

  it('reads adjacent brackets [1][2] as two citations', () => {
    const parsed = parseCitations('Both [1][2].', 2);
    expect(parsed.parts).toEqual([
      { kind: 'text', text: 'Both ' },
      { kind: 'citation', raw: '[1]', refs: [{ n: 1, known: true }] },
      { kind: 'citation', raw: '[2]', refs: [{ n: 2, known: true }] },
      { kind: 'text', text: '.' },
    ]);
  });

  it('reads a list [1, 2] or [1;3] as one citation of several sources', () => {
    const parsed = parseCitations('Both [1, 2] and [1;3] and [2 , 7].', 3);
    const cites = parsed.parts.filter((p) => p.kind === 'citation');
    expect(cites.map((c) => c.raw)).toEqual(['[1, 2]', '[1;3]', '[2 , 7]']);
    expect(cites.map((c) => c.refs.map((r) => r.n))).toEqual([
      [1, 2],
      [1, 3],
      [2, 7],
    ]);
    expect(parsed.cited).toEqual([1, 2, 3]);
    expect(parsed.unknown).toEqual([7]);
  });

  it('finds none in plain text, words in brackets, empty brackets or Markdown links', () => {
    for (const text of ['No sources here.', '[see 1]', '[]', '[1a]', 'a [1](https://x.y) link']) {
      const parsed = parseCitations(text, 3);
      expect(parsed.parts).toEqual([{ kind: 'text', text }]);
      expect(parsed.cited).toEqual([]);
      expect(parsed.unknown).toEqual([]);
    }
    expect(parseCitations('', 3).parts).toEqual([]);
  });

  it('with no sources given, every number is unknown', () => {
    expect(parseCitations('Guess [1].', 0).unknown).toEqual([1]);
  });
});

describe('citation spans of a knowledge base answer', () => {
  it('cuts the answer at each span, clipping and ordering them', () => {
    const text = 'RAG retrieves. Then it answers.';
    expect(
      spanSegments(text, [
        { start: 15, end: 31 },
        { start: 0, end: 14 },
      ]),
    ).toEqual([
      { text: 'RAG retrieves.', citation: 1 },
      { text: ' ', citation: null },
      { text: 'Then it answers.', citation: 0 },
    ]);
    expect(spanSegments(text, [{ start: 4, end: 999 }])).toEqual([
      { text: 'RAG ', citation: null },
      { text: 'retrieves. Then it answers.', citation: 0 },
    ]);
  });

  it('starts an overlapping span where the earlier one ended, and drops empty ones', () => {
    expect(
      spanSegments('abcdef', [
        { start: 0, end: 4 },
        { start: 2, end: 6 },
        { start: 3, end: 3 },
      ]),
    ).toEqual([
      { text: 'abcd', citation: 0 },
      { text: 'ef', citation: 1 },
    ]);
    expect(spanSegments('abc', [])).toEqual([{ text: 'abc', citation: null }]);
  });
});
