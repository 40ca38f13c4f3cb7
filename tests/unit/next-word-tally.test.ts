import { describe, expect, it } from 'vitest';
import { classifyReply, tally } from '../../renderer/src/lib/next-word';

describe('classifyReply', () => {
  it.each([
    ['wet', { kind: 'word', word: 'wet' }],
    ['Wet.', { kind: 'word', word: 'wet' }],
    ['  “flooded”\n', { kind: 'word', word: 'flooded' }],
    ['"slippery",', { kind: 'word', word: 'slippery' }],
    ["don't", { kind: 'word', word: "don't" }],
    ['top-p', { kind: 'word', word: 'top-p' }],
    ['Überflutet', { kind: 'word', word: 'überflutet' }],
    ['wet and cold', { kind: 'multiple', word: 'wet' }],
    ['The streets were wet.', { kind: 'multiple', word: 'the' }],
    ['', { kind: 'empty' }],
    ['...', { kind: 'empty' }],
  ])('%j -> %j', (reply, expected) => {
    expect(classifyReply(reply)).toEqual(expected);
  });
});

describe('tally', () => {
  it('counts normalised single words, and keeps multi-word and empty replies apart', () => {
    const t = tally(['wet', 'Wet.', 'flooded', 'wet and cold', '', 'Flooded', 'slippery']);
    expect(t.words).toEqual([
      { word: 'flooded', count: 2 },
      { word: 'wet', count: 2 },
      { word: 'slippery', count: 1 },
    ]);
    expect(t.multiple).toEqual(['wet and cold']);
    expect(t.empty).toBe(1);
    expect(t.total).toBe(7);
  });
});
