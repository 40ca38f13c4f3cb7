/**
 * The shared seeded random module and the shared statistics module. Expected values are computed
 * independently: medians as numpy.median gives them, FNV-1a 32-bit hashes from the published
 * test vectors (draft-eastlake-fnv, "a" -> 0xe40c292c, "foobar" -> 0xbf9cf968).
 */
import { describe, expect, it } from 'vitest';
import { createRng, seedFromText, shuffle } from '../../shared/random';
import { median, percentile } from '../../shared/statistics';

describe('seedFromText (FNV-1a, 32 bits)', () => {
  it('matches the published test vectors', () => {
    expect(seedFromText('')).toBe(0x811c9dc5);
    expect(seedFromText('a')).toBe(0xe40c292c);
    expect(seedFromText('foobar')).toBe(0xbf9cf968);
  });
});

describe('shuffle', () => {
  it('returns a permutation and leaves its input alone', () => {
    const input = [1, 2, 3, 4, 5, 6, 7, 8];
    const out = shuffle(input, createRng(3));
    expect([...out].sort((a, b) => a - b)).toEqual(input);
    expect(input).toEqual([1, 2, 3, 4, 5, 6, 7, 8]);
  });

  it('gives the same order for the same seed and another for another seed', () => {
    const input = Array.from({ length: 20 }, (_, i) => i);
    expect(shuffle(input, createRng(42))).toEqual(shuffle(input, createRng(42)));
    expect(shuffle(input, createRng(42))).not.toEqual(shuffle(input, createRng(43)));
  });

  it('makes each of the 6 orders of 3 items about equally likely', () => {
    const counts = new Map<string, number>();
    const rng = createRng(7);
    const n = 60_000;
    for (let i = 0; i < n; i++) {
      const key = shuffle(['a', 'b', 'c'], rng).join('');
      counts.set(key, (counts.get(key) ?? 0) + 1);
    }
    expect(counts.size).toBe(6);
    // Each order expects 10,000; 5 standard deviations (sqrt(10000 * 5/6) ~ 91) is ~456.
    for (const c of counts.values()) expect(Math.abs(c - n / 6)).toBeLessThan(456);
  });
});

describe('median', () => {
  it('matches numpy.median for odd and even counts', () => {
    expect(median([3, 1, 2])).toBe(2);
    expect(median([4, 1, 3, 2])).toBe(2.5);
    expect(median([7])).toBe(7);
  });
  it('is null for nothing and ignores non-finite values', () => {
    expect(median([])).toBeNull();
    expect(median([NaN, 5, Infinity])).toBe(5);
  });
});

describe('percentile', () => {
  it('refuses a p outside 0..100', () => {
    expect(() => percentile([1], 101)).toThrow(RangeError);
  });
});
