/**
 * The token lab's math. Every expected number here was computed independently of
 * renderer/src/lib/sampling.ts: by hand (fractions written out in the comments), with Python's
 * mpmath at 30 significant digits, or with scipy (a separate implementation of the same
 * statistic), and written as the nearest double. None is a snapshot of the module's output.
 */
import chiSquareCdf from '@stdlib/stats-base-dists-chisquare-cdf';
import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/random';
import { wilsonInterval } from '../../shared/statistics';
import {
  chiSquareStatistic,
  drawMany,
  entropyBits,
  greedyIndex,
  perplexity,
  pipeline,
  renormalize,
  sampleIndex,
  softmax,
  topKMask,
  topPMask,
  type Candidate,
} from '../../renderer/src/lib/sampling';

/** The lesson's example next-token distribution (sums to exactly 1.00 on paper). */
const SEED_PROBS = [0.4, 0.25, 0.15, 0.05, 0.05, 0.04, 0.03, 0.03];

function expectAllClose(actual: readonly number[], expected: readonly number[], tol = 1e-12) {
  expect(actual).toHaveLength(expected.length);
  actual.forEach((a, i) => {
    expect(Math.abs(a - expected[i]!), `index ${i}: ${a} vs ${expected[i]}`).toBeLessThan(tol);
  });
}

const sum = (xs: readonly number[]) => xs.reduce((a, b) => a + b, 0);

/** Upper-tail p-value of a chi-square statistic, from @stdlib's CDF (not our code). */
const pValue = (statistic: number, df: number) => 1 - chiSquareCdf(statistic, df);

describe('softmax', () => {
  // mpmath (30 digits): e^l / sum(e^l) for l = [1, 2, 3].
  it('matches the reference values at T = 1', () => {
    expectAllClose(
      softmax([1, 2, 3], 1),
      [0.09003057317038046, 0.24472847105479764, 0.6652409557748219],
    );
  });

  // mpmath (30 digits): softmax of [1, 2, 3] / T, i.e. of [2, 4, 6] and of [0.5, 1, 1.5].
  it('sharpens at T = 0.5 and flattens at T = 2', () => {
    expectAllClose(
      softmax([1, 2, 3], 0.5),
      [0.015876239976466765, 0.11731042782619835, 0.8668133321973349],
    );
    expectAllClose(
      softmax([1, 2, 3], 2),
      [0.1863237232258476, 0.3071958857184984, 0.506480391055654],
    );
  });

  // The T -> 0 limit by hand: all mass on the maximum, split equally between exact ties.
  it('is one-hot at T = 0 and at T = 1e-6, and splits ties equally', () => {
    expect(softmax([1, 3, 2], 0)).toEqual([0, 1, 0]);
    expect(softmax([1, 2, 3], 1e-6)).toEqual([0, 0, 1]);
    expect(softmax([3, 1, 3], 0)).toEqual([0.5, 0, 0.5]);
    expect(softmax([3, 1, 3], 1e-6)).toEqual([0.5, 0, 0.5]);
    expect(softmax([7, 7, 7, 7], 0)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('is uniform on equal logits at T = 2', () => {
    expect(softmax([5, 5, 5, 5], 2)).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  it('never produces NaN or Infinity for huge logits or tiny T', () => {
    // By hand: (-1000 - 1000) / 0.01 = -200000, and exp of that underflows to exactly 0.
    expect(softmax([1000, -1000], 0.01)).toEqual([1, 0]);
    expect(softmax([1e308, 1e308], 1)).toEqual([0.5, 0.5]);
    expect(softmax([1e308, -1e308], 1e-300)).toEqual([1, 0]);
    for (const probs of [softmax([1e300, 3, -1e300], 2), softmax([1e-300, 0], 1e-320)]) {
      expect(probs.every(Number.isFinite)).toBe(true);
      expect(sum(probs)).toBeCloseTo(1, 12);
    }
  });

  it('gives -Infinity logits probability 0 and rejects NaN, +Infinity and negative T', () => {
    expect(softmax([0, -Infinity], 1)).toEqual([1, 0]);
    expect(() => softmax([Number.NaN, 1], 1)).toThrow(RangeError);
    expect(() => softmax([Infinity, 1], 1)).toThrow(RangeError);
    expect(() => softmax([1, 2], -0.5)).toThrow(RangeError);
    expect(softmax([], 1)).toEqual([]);
  });

  // Algebra: e^(ln p) / sum(e^(ln q)) = p / sum(q) = p, since the q sum to 1.
  it('gives back the seed probabilities from logits = ln(p) at T = 1', () => {
    expectAllClose(softmax(SEED_PROBS.map(Math.log), 1), SEED_PROBS, 1e-12);
  });
});

describe('topKMask', () => {
  const tied = [0.3, 0.3, 0.2, 0.2];

  it('keeps every token tied with the k-th largest', () => {
    expect(topKMask(tied, 1)).toEqual([true, true, false, false]);
    expect(topKMask(tied, 2)).toEqual([true, true, false, false]);
    expect(topKMask(tied, 3)).toEqual([true, true, true, true]);
  });

  it('keeps the k largest wherever they sit when there are no ties', () => {
    expect(topKMask([0.1, 0.5, 0.15, 0.25], 2)).toEqual([false, true, false, true]);
  });

  it('keeps everything when off or when k exceeds the number of tokens', () => {
    expect(topKMask(tied, null)).toEqual([true, true, true, true]);
    expect(topKMask(tied, 4)).toEqual([true, true, true, true]);
    expect(topKMask(tied, 50)).toEqual([true, true, true, true]);
  });

  it('rejects k below 1 or fractional', () => {
    expect(() => topKMask(tied, 0)).toThrow(RangeError);
    expect(() => topKMask(tied, 1.5)).toThrow(RangeError);
  });
});

describe('topPMask', () => {
  const probs = [0.5, 0.3, 0.2];

  // Cumulative sums by hand: 0.5, 0.8, 1.0 (all exact in binary: 0.5 + 0.3 + 0.2 === 1).
  it('keeps the smallest prefix reaching p, including the crossing token', () => {
    expect(topPMask(probs, 0.5)).toEqual([true, false, false]);
    expect(topPMask(probs, 0.6)).toEqual([true, true, false]);
    expect(topPMask(probs, 0.81)).toEqual([true, true, true]);
  });

  // Python: 0.75 + 0.18 == 0.9299999999999999 < 0.93 although 0.75 + 0.18 + 0.07 == 1.0
  // exactly; without the epsilon the 0.07 would be kept too.
  it('counts a cumulative sum one rounding short of p as reaching it', () => {
    expect(topPMask([0.75, 0.18, 0.07], 0.93)).toEqual([true, true, false]);
  });

  it('works on the sorted order, not the input order', () => {
    expect(topPMask([0.2, 0.5, 0.3], 0.6)).toEqual([false, true, true]);
  });

  it('splits ties at the boundary by index (stable order)', () => {
    expect(topPMask([0.25, 0.25, 0.25, 0.25], 0.5)).toEqual([true, true, false, false]);
  });

  it('always keeps at least the most probable token', () => {
    expect(topPMask(probs, 1e-9)).toEqual([true, false, false]);
    expect(topPMask([0.2, 0.5, 0.3], 0)).toEqual([false, true, false]);
  });

  it('keeps every token, even at probability 0, when p = 1 (off)', () => {
    expect(topPMask([0.6, 0.4, 0], 1)).toEqual([true, true, true]);
  });
});

describe('renormalize', () => {
  // By hand: 0.5 / 0.7 = 5/7 and 0.2 / 0.7 = 2/7.
  it('zeroes masked tokens and rescales the rest to sum to 1', () => {
    const out = renormalize([0.5, 0.3, 0.2], [true, false, true]);
    expectAllClose(out, [5 / 7, 0, 2 / 7]);
    expect(out[1]).toBe(0);
  });

  it('refuses a mask with no probability left, or of the wrong length', () => {
    expect(() => renormalize([1, 0], [false, true])).toThrow(RangeError);
    expect(() => renormalize([0.5, 0.5], [true])).toThrow(RangeError);
  });
});

describe('pipeline', () => {
  const seedCandidates: Candidate[] = SEED_PROBS.map((p, i) => ({
    token: `t${i}`,
    logit: Math.log(p),
  }));

  /*
   * Worked by hand. At T = 0.5, softmax(ln p / 0.5) is proportional to p^2:
   * 0.16, 0.0625, 0.0225, 0.0025, 0.0025, 0.0016, 0.0009, 0.0009 (sum 0.2534).
   * Top-k = 4: the 4th largest is 0.0025, tied with the 5th, so 5 tokens survive.
   * Renormalised after top-k (sum of the five = 0.25): 0.64, 0.25, 0.09, 0.01, 0.01.
   * Top-p = 0.9: cumulative 0.64, 0.89, 0.98 -> the 3rd token crosses 0.9 and is kept.
   * Final: 0.64, 0.25, 0.09 over 0.98 = 64/98, 25/98, 9/98.
   */
  it('applies temperature, then top-k, then top-p, then renormalises', () => {
    const r = pipeline(seedCandidates, { temperature: 0.5, topK: 4, topP: 0.9 });
    expect(r.order).toBe('temperature → top-k → top-p → renormalise');
    expect(r.greedy).toBe(false);
    expectAllClose(
      r.scaled,
      SEED_PROBS.map((p) => 2 * Math.log(p)),
    );
    expectAllClose(
      r.probs,
      [0.16, 0.0625, 0.0225, 0.0025, 0.0025, 0.0016, 0.0009, 0.0009].map((q) => q / 0.2534),
    );
    expect(r.keptByTopK).toEqual([true, true, true, true, true, false, false, false]);
    expect(r.keptByTopP).toEqual([true, true, true, false, false, false, false, false]);
    expect(r.kept).toEqual([true, true, true, false, false, false, false, false]);
    expectAllClose(r.final, [64 / 98, 25 / 98, 9 / 98, 0, 0, 0, 0, 0]);
    expect(sum(r.final)).toBeCloseTo(1, 12);
    r.final.slice(3).forEach((p) => expect(p).toBe(0));
  });

  it('is the seed distribution untouched at T = 1 with both filters off', () => {
    const r = pipeline(seedCandidates, { temperature: 1, topK: null, topP: 1 });
    expect(r.kept.every(Boolean)).toBe(true);
    expectAllClose(r.final, SEED_PROBS);
  });

  it('reports raw logits and greedy: true at T = 0, keeping tied maxima', () => {
    const candidates: Candidate[] = [
      { token: 'a', logit: 1 },
      { token: 'b', logit: 3 },
      { token: 'c', logit: 3 },
    ];
    const r = pipeline(candidates, { temperature: 0, topK: 1, topP: 1 });
    expect(r.greedy).toBe(true);
    expect(r.scaled).toEqual([1, 3, 3]);
    expect(r.final).toEqual([0, 0.5, 0.5]);
    expect(greedyIndex(r.final)).toBe(1);
  });

  it('always keeps at least one token', () => {
    const flat: Candidate[] = ['x', 'y', 'z'].map((token) => ({ token, logit: 0 }));
    const r = pipeline(flat, { temperature: 2, topK: null, topP: 0.05 });
    expect(r.kept).toEqual([true, false, false]);
    expect(r.final).toEqual([1, 0, 0]);
    expect(() => pipeline([], { temperature: 1, topK: null, topP: 1 })).toThrow(RangeError);
  });
});

describe('createRng', () => {
  const take = (seed: number, n: number) => {
    const rng = createRng(seed);
    return Array.from({ length: n }, () => rng.next());
  };

  /*
   * Computed with an independent Python implementation of xoroshiro128+ from its published
   * reference (Blackman & Vigna, rotations 24/16/37, 64-bit integers), seeded with pure-rand's
   * state layout, jumped once with the published jump polynomial, and mapped to [0, 1) the way
   * pure-rand's uniformFloat64 does (26 + 27 bits). Pins the sequence across platforms.
   */
  it('produces the reference sequence for seed 42', () => {
    expect(take(42, 5)).toEqual([
      0.32010955279849107, 0.029324335110365807, 0.8595967563536034, 0.20165068638532546,
      0.6488984887389643,
    ]);
  });

  it('repeats for the same seed and differs between seeds', () => {
    expect(take(7, 50)).toEqual(take(7, 50));
    expect(take(7, 50)).not.toEqual(take(8, 50));
    expect(take(7, 1000).every((u) => u >= 0 && u < 1)).toBe(true);
  });

  // Without the jump, the first value of every small seed is ~0.99999 (the same token each time).
  it('spreads the first draw of consecutive seeds uniformly', () => {
    const bins = new Array<number>(10).fill(0);
    for (let seed = 0; seed < 1000; seed++) bins[Math.floor(createRng(seed).next() * 10)]! += 1;
    expect(pValue(chiSquareStatistic(bins, new Array<number>(10).fill(100)), 9)).toBeGreaterThan(
      0.001,
    );
  });

  it('rejects a non-integer seed', () => {
    expect(() => createRng(1.5)).toThrow(RangeError);
  });
});

describe('sampleIndex and greedyIndex', () => {
  const justBelowOne = 1 - 2 ** -53;

  it('inverts the CDF with strict <, skipping zero-probability tokens', () => {
    const dist = [0, 0.5, 0.5, 0];
    expect(sampleIndex(dist, 0)).toBe(1);
    expect(sampleIndex(dist, 0.4999)).toBe(1);
    expect(sampleIndex(dist, 0.5)).toBe(2);
    expect(sampleIndex(dist, justBelowOne)).toBe(2);
  });

  // Python: ten 0.1s add up to 0.9999999999999999, not 1.
  it('returns the last positive token when the sum falls short of 1', () => {
    const tenths = new Array<number>(10).fill(0.1);
    expect(sampleIndex(tenths, 0)).toBe(0);
    expect(sampleIndex(tenths, justBelowOne)).toBe(9);
    expect(sampleIndex([...tenths, 0], justBelowOne)).toBe(9);
  });

  it('rejects u outside [0, 1) and distributions without mass', () => {
    expect(() => sampleIndex([1], 1)).toThrow(RangeError);
    expect(() => sampleIndex([1], -0.1)).toThrow(RangeError);
    expect(() => sampleIndex([0, 0], 0.5)).toThrow(RangeError);
  });

  it('breaks argmax ties toward the lowest index', () => {
    expect(greedyIndex([0.2, 0.4, 0.4])).toBe(1);
    expect(greedyIndex([0.1, 0.2, 0.7])).toBe(2);
    expect(greedyIndex([1])).toBe(0);
  });
});

describe('drawMany', () => {
  it('matches sampleIndex draw for draw and counts every draw once', () => {
    const dist = [0.5, 0, 0.3, 0.2];
    const counts = drawMany(dist, 2000, createRng(11));
    const rng = createRng(11);
    const expected = [0, 0, 0, 0];
    for (let i = 0; i < 2000; i++) expected[sampleIndex(dist, rng.next())]! += 1;
    expect(counts).toEqual(expected);
    expect(sum(counts)).toBe(2000);
    expect(counts[1]).toBe(0);
    expect(drawMany(dist, 0, createRng(11))).toEqual([0, 0, 0, 0]);
  });

  // Sanity check of the test's own tool: the 95% critical value of chi-square(7) is 14.0671
  // (statistical tables; scipy.stats.chi2.sf(14.067140449340169, 7) = 0.05).
  it('uses a chi-square CDF that agrees with the tables', () => {
    expect(pValue(14.067140449340169, 7)).toBeCloseTo(0.05, 9);
  });

  const n = 100_000;
  const expectedCounts = SEED_PROBS.map((p) => p * n);
  const df = SEED_PROBS.length - 1;

  it('fits the seed distribution (chi-square goodness of fit, 100,000 seeded draws)', () => {
    const observed = drawMany(SEED_PROBS, n, createRng(2024));
    expect(pValue(chiSquareStatistic(observed, expectedCounts), df)).toBeGreaterThan(0.001);
  });

  // Negative control: the same test must reject draws from a nearby but different distribution.
  // Expected statistic is about 7 + n * sum((q - p)^2 / p) = 7 + 260, far beyond the p = 1e-6
  // critical value of 40.5 (scipy.stats.chi2.isf(1e-6, 7)).
  it('rejects draws from a different distribution (the test can fail)', () => {
    const shifted = [0.38, 0.27, 0.15, 0.05, 0.05, 0.04, 0.03, 0.03];
    const observed = drawMany(shifted, n, createRng(2024));
    expect(pValue(chiSquareStatistic(observed, expectedCounts), df)).toBeLessThan(1e-6);
  });
});

describe('statistics', () => {
  it('gives 3 bits and perplexity 8 for a uniform distribution over 8', () => {
    const uniform = new Array<number>(8).fill(1 / 8);
    expect(entropyBits(uniform)).toBeCloseTo(3, 12);
    expect(perplexity(uniform)).toBeCloseTo(8, 10);
  });

  it('gives 0 bits and perplexity 1 for a one-hot distribution', () => {
    expect(entropyBits([0, 1, 0])).toBe(0);
    expect(perplexity([0, 1, 0])).toBe(1);
  });

  // mpmath (30 digits): -sum p log2 p = 2.3607967555028152, and 2^that = 5.1365395577650312;
  // scipy.stats.entropy(p, base=2) agrees (2.3607967555028155).
  it('matches the reference entropy of the seed distribution', () => {
    expect(entropyBits(SEED_PROBS)).toBeCloseTo(2.360796755502815, 12);
    expect(perplexity(SEED_PROBS)).toBeCloseTo(5.1365395577650315, 11);
  });

  /*
   * Wilson bounds at z = 1.96 from the textbook formula in mpmath (30 digits), cross-checked
   * with scipy.stats.binomtest(k, 20).proportion_ci(method='wilson') at confidence
   * 2 * Phi(1.96) - 1 (agreement to 1e-16).
   */
  it.each([
    [0, 0, 0.16113012549493322],
    [20, 0.8388698745050668, 1],
    [10, 0.2992949144298199, 0.7007050855701801],
  ])('gives the Wilson interval for %i/20', (k, lo, hi) => {
    const { low: actualLo, high: actualHi } = wilsonInterval(k, 20);
    expect(actualLo).toBeCloseTo(lo, 12);
    expect(actualHi).toBeCloseTo(hi, 12);
  });

  it('pins the Wilson interval ends at exactly 0 and 1, and knows nothing at n = 0', () => {
    expect(wilsonInterval(0, 20).low).toBe(0);
    expect(wilsonInterval(20, 20).high).toBe(1);
    expect(wilsonInterval(0, 0)).toEqual({ low: 0, high: 1 });
    expect(() => wilsonInterval(21, 20)).toThrow(RangeError);
  });

  // By hand: 8^2/40 + 8^2/30 + 2^2/20 + 2^2/10 = 1.6 + 2.1333... + 0.2 + 0.4 = 13/3;
  // scipy.stats.chisquare([48, 22, 18, 12], [40, 30, 20, 10]) gives 4.333333333333334.
  it('computes the Pearson chi-square statistic', () => {
    expect(chiSquareStatistic([48, 22, 18, 12], [40, 30, 20, 10])).toBeCloseTo(13 / 3, 12);
  });

  it('skips empty impossible categories but is Infinity when one is observed', () => {
    expect(chiSquareStatistic([5, 0], [5, 0])).toBe(0);
    expect(chiSquareStatistic([4, 1], [5, 0])).toBe(Infinity);
    expect(() => chiSquareStatistic([1], [1, 2])).toThrow(RangeError);
  });
});
