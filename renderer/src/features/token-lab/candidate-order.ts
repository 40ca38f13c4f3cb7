/**
 * Candidates from most to least probable, once per candidate list. Softmax is monotonic in the
 * logit at any temperature, so this order holds for every setting: a slider move needs no sort
 * of the whole vocabulary (about 4,400 words for the small model), only the pipeline's maths.
 */
import type { Candidate } from '../../lib/sampling';

export function byLogit(candidates: readonly Candidate[]): number[] {
  return candidates
    .map((_, i) => i)
    .sort((a, b) => (candidates[b]?.logit ?? 0) - (candidates[a]?.logit ?? 0) || a - b);
}

/** The first `rows` of `order`, plus `chosen` when it is further down. */
export function shownRows(order: readonly number[], rows: number, chosen: number | null): number[] {
  const shown = order.slice(0, rows);
  if (chosen !== null && !shown.includes(chosen)) shown.push(chosen);
  return shown;
}
