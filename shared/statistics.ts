/**
 * The one statistics module both sides use: the Wilson score interval for a proportion, the
 * nearest-rank percentile and the median. Pure: no DOM, no Node.
 */

/**
 * Wilson score interval for a proportion (z = 1.96 is about 95%). Chosen over the textbook
 * p ± z·sqrt(p(1-p)/n) because that one collapses to zero width at 0 and n successes ("never
 * happens" after 20 draws) and can spill outside [0, 1]; Wilson stays inside [0, 1] and is still
 * informative at 0 and n. The ends are pinned to exactly 0 and 1 there (the formula gives them
 * up to rounding). n = 0 carries no information: [0, 1]. Reference: Wilson (1927); the same
 * formula as statsmodels' proportion_confint(method='wilson').
 */
export function wilsonInterval(
  successes: number,
  n: number,
  z = 1.96,
): { low: number; high: number } {
  if (!Number.isInteger(n) || n < 0 || !Number.isInteger(successes)) {
    throw new RangeError('successes and n must be integers, n >= 0');
  }
  if (successes < 0 || successes > n) throw new RangeError('successes must be in 0..n');
  if (n === 0) return { low: 0, high: 1 };
  const phat = successes / n;
  const z2 = z * z;
  const denominator = 1 + z2 / n;
  const centre = (phat + z2 / (2 * n)) / denominator;
  const half = (z / denominator) * Math.sqrt((phat * (1 - phat)) / n + z2 / (4 * n * n));
  const low = successes === 0 ? 0 : Math.max(0, centre - half);
  const high = successes === n ? 1 : Math.min(1, centre + half);
  return { low, high };
}

/**
 * The p-th percentile by the **nearest-rank** method: sort the values and take the one at rank
 * ⌈p/100 × n⌉ (1-based), so the answer is always a value that was actually observed. p = 0 gives
 * the minimum, p = 100 the maximum. Null for an empty list; non-finite values are ignored.
 *
 * Example: for 1..10, p50 is the 5th value (5) and p95 the 10th (10).
 */
export function percentile(values: readonly number[], p: number): number | null {
  if (!(p >= 0 && p <= 100)) throw new RangeError(`A percentile must be 0..100, not ${p}.`);
  const sorted = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (sorted.length === 0) return null;
  const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
  return sorted[rank - 1] ?? null;
}

/** The median (the mean of the two middle values for an even count); null for an empty list. */
export function median(values: readonly number[]): number | null {
  const s = values.filter((v) => Number.isFinite(v)).sort((a, b) => a - b);
  if (s.length === 0) return null;
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}
