/**
 * Bootstrap confidence intervals for a mean score: draw n items with replacement from the n item
 * scores, take the mean, repeat `resamples` times, and read the 2.5th and 97.5th percentiles of
 * those means (the percentile method, Efron & Tibshirani 1993, ch. 13). Seeded (shared/random.ts),
 * so the same scores and seed always give the same interval. With few items the interval is wide:
 * that is the point of showing it.
 */
import { createRng } from '../../../../shared/random';
import { percentile } from '../../../../shared/statistics';

export interface BootstrapInterval {
  mean: number;
  low: number;
  high: number;
  resamples: number;
}

export interface BootstrapOptions {
  seed: number;
  /** 1,000 unless given. */
  resamples?: number;
  /** 0.95 unless given. */
  level?: number;
}

/** The percentile-bootstrap interval of the mean of `values` (all 0 for an empty list). */
export function bootstrapMean(
  values: readonly number[],
  { seed, resamples = 1_000, level = 0.95 }: BootstrapOptions,
): BootstrapInterval {
  if (!Number.isInteger(resamples) || resamples < 1) {
    throw new RangeError(`resamples must be a positive integer, got ${resamples}`);
  }
  if (!(level > 0 && level < 1))
    throw new RangeError(`level must be between 0 and 1, got ${level}`);
  const n = values.length;
  if (n === 0) return { mean: 0, low: 0, high: 0, resamples };
  const mean = values.reduce((a, b) => a + b, 0) / n;
  const rng = createRng(seed);
  const means = new Float64Array(resamples);
  for (let r = 0; r < resamples; r++) {
    let sum = 0;
    for (let i = 0; i < n; i++) sum += values[Math.floor(rng.next() * n)] as number;
    means[r] = sum / n;
  }
  const tail = ((1 - level) / 2) * 100;
  const all = Array.from(means);
  return {
    mean,
    low: percentile(all, tail) ?? mean,
    high: percentile(all, 100 - tail) ?? mean,
    resamples,
  };
}
