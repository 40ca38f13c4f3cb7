/**
 * The token lab's math: how a language model turns next-token logits into one chosen token.
 * Temperature reshapes the distribution, top-k and top-p cut its tail, the survivors are
 * renormalised, and one token is drawn with a seeded RNG so a lesson replays identically.
 * Every stage returns plain numbers so the UI can show them exactly as computed.
 * Pure: no DOM and no Node APIs, so it runs in the renderer and in Node tests alike.
 */
import type { Rng } from '../../../shared/random';

/** One candidate next token and the raw score (logit) the model gave it. */
export interface Candidate {
  token: string;
  logit: number;
}

/** The three decoding knobs a model API exposes. */
export interface SamplingSettings {
  /** 0..2 in the UI; 0 means greedy decoding. */
  temperature: number;
  /** null turns top-k off; otherwise an integer >= 1. */
  topK: number | null;
  /** 0.05..1 in the UI; 1 turns top-p off. */
  topP: number;
}

/** The order the filters run in, shown verbatim in the UI. */
export const PIPELINE_ORDER = 'temperature → top-k → top-p → renormalise' as const;

/** Every intermediate stage of {@link pipeline}, index-aligned with the candidates. */
export interface PipelineResult {
  /** logit / T; for T = 0 the logits unchanged (dividing by zero would show nothing useful). */
  scaled: number[];
  /** softmax at temperature T (the greedy limit at T = 0). */
  probs: number[];
  /** Top-k's verdict on `probs`. */
  keptByTopK: boolean[];
  /**
   * Top-p's verdict on `probs` renormalised over the top-k survivors. Tokens top-k removed have
   * probability 0 there, so top-p drops them too, except at p = 1 (off), which keeps every token.
   */
  keptByTopP: boolean[];
  /** Kept by both filters: the tokens that can still be sampled. */
  kept: boolean[];
  /** `probs` renormalised over `kept`: exactly 0 outside it, summing to 1 inside. */
  final: number[];
  /** True when T = 0: the draw is an argmax, not a random choice. */
  greedy: boolean;
  order: typeof PIPELINE_ORDER;
}

/** Floating slack for cumulative sums: 0.5 + 0.3 must count as reaching p = 0.8. */
const EPSILON = 1e-12;

function assertTemperature(temperature: number): void {
  if (!(temperature >= 0) || !Number.isFinite(temperature)) {
    throw new RangeError(`temperature must be a finite number >= 0, got ${temperature}`);
  }
}

function assertSameLength(a: readonly unknown[], b: readonly unknown[], what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`${what}: lengths differ (${a.length} vs ${b.length})`);
  }
}

/**
 * Indices of the largest values: the tokens greedy decoding chooses between. Exact equality is
 * deliberate: the T -> 0 limit only splits mass between logits that are exactly tied.
 */
function argmaxSet(values: readonly number[]): number[] {
  const max = Math.max(...values);
  const winners: number[] = [];
  values.forEach((v, i) => {
    if (v === max) winners.push(i);
  });
  return winners;
}

/** The T -> 0 limit of softmax: all mass split equally among the tied maximum logits. */
function greedySoftmax(logits: readonly number[]): number[] {
  const winners = argmaxSet(logits);
  const share = 1 / winners.length;
  const probs = new Array<number>(logits.length).fill(0);
  for (const i of winners) probs[i] = share;
  return probs;
}

/**
 * Softmax of logits / T. The maximum is subtracted first so the exponent is never positive:
 * exp cannot overflow to Infinity, and the largest term is exactly exp(0) = 1, so the sum is at
 * least 1 and the division is safe however big the logits or small T (T = 0.01 with logits
 * ±1000 gives [1, 0]). T = 0 is its own branch, the limit of softmax as T -> 0 (greedy);
 * computing (l - max) / 0 would give NaN for the maximum itself.
 * Logits may be -Infinity (a token the model forbids: probability 0); NaN and +Infinity throw.
 */
export function softmax(logits: readonly number[], temperature: number): number[] {
  assertTemperature(temperature);
  if (logits.some((l) => Number.isNaN(l) || l === Infinity)) {
    throw new RangeError('logits must be finite numbers or -Infinity');
  }
  if (logits.length === 0) return [];
  const max = Math.max(...logits);
  // Every logit forbidden: no preference at all, so fall back to the tie rule (uniform).
  if (temperature === 0 || max === -Infinity) return greedySoftmax(logits);
  const exps = logits.map((l) => Math.exp((l - max) / temperature));
  const sum = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / sum);
}

/**
 * Top-k: keep the k most probable tokens. Tie policy: keep every token whose probability is
 * >= the k-th largest, so tokens tied at the boundary are all kept (as Hugging Face's
 * TopKLogitsWarper does) and the result can hold more than k tokens. Cutting a tie would have to
 * favour one token by position, which says nothing about the model. null means off (keep all);
 * k >= the number of tokens keeps all.
 */
export function topKMask(probs: readonly number[], k: number | null): boolean[] {
  if (k === null) return probs.map(() => true);
  if (!Number.isInteger(k) || k < 1) {
    throw new RangeError(`top-k must be null or an integer >= 1, got ${k}`);
  }
  if (k >= probs.length) return probs.map(() => true);
  const threshold = [...probs].sort((a, b) => b - a)[k - 1] ?? -Infinity;
  return probs.map((p) => p >= threshold);
}

/** Indices sorted by probability, highest first; ties stay in index order (stable sort). */
function indicesByProbability(probs: readonly number[]): number[] {
  return probs.map((_, i) => i).sort((a, b) => (probs[b] ?? 0) - (probs[a] ?? 0));
}

/**
 * Top-p (nucleus): keep the smallest set of most probable tokens whose cumulative probability
 * reaches p, INCLUDING the token that crosses p (otherwise the kept mass would fall short of p).
 * "Reaches" allows EPSILON of floating slack: 0.75 + 0.18 is 0.9299999999999999 in binary
 * (while 0.75 + 0.18 + 0.07 is exactly 1) and must count as reaching p = 0.93. Tokens are taken highest first; ties are taken in index order,
 * so unlike top-k a tie at the boundary can be split (the nucleus is a prefix of one fixed
 * ordering). The most probable token is always kept, so even a tiny p leaves one token.
 * p >= 1 means off: every token is kept, including zero-probability ones (nothing is cut).
 * p is compared against the total mass, so probs need not be normalised exactly.
 */
export function topPMask(probs: readonly number[], p: number): boolean[] {
  if (Number.isNaN(p)) throw new RangeError('top-p must be a number');
  if (p >= 1) return probs.map(() => true);
  const target = p * probs.reduce((a, b) => a + b, 0) - EPSILON;
  const mask = probs.map(() => false);
  let cumulative = 0;
  for (const i of indicesByProbability(probs)) {
    mask[i] = true;
    cumulative += probs[i] ?? 0;
    if (cumulative >= target) break;
  }
  return mask;
}

/**
 * Zero every token outside the mask and divide the rest by their sum, so the survivors form a
 * distribution again (their relative odds are unchanged). Masked tokens are exactly 0, not tiny.
 * Throws if the kept tokens carry no probability: there is nothing to renormalise.
 */
export function renormalize(probs: readonly number[], mask: readonly boolean[]): number[] {
  assertSameLength(probs, mask, 'renormalize');
  const kept = probs.map((p, i) => (mask[i] === true ? p : 0));
  const sum = kept.reduce((a, b) => a + b, 0);
  if (!(sum > 0)) throw new RangeError('renormalize: the kept tokens have zero probability');
  return kept.map((p) => p / sum);
}

/**
 * The whole decoding step with every stage visible. Order: temperature, then top-k on the
 * tempered distribution, then top-p on the distribution renormalised after top-k (so p is a
 * share of what top-k left, as in Hugging Face's warper chain), then a final renormalisation.
 * At least one token always survives: top-k keeps the most probable token, and that token is
 * also the first one top-p takes. `final` is computed from `probs` directly (same result as
 * renormalising twice, one rounding fewer).
 */
export function pipeline(
  candidates: readonly Candidate[],
  settings: SamplingSettings,
): PipelineResult {
  if (candidates.length === 0) throw new RangeError('pipeline needs at least one candidate');
  const { temperature, topK, topP } = settings;
  const logits = candidates.map((c) => c.logit);
  const probs = softmax(logits, temperature);
  const greedy = temperature === 0;
  const keptByTopK = topKMask(probs, topK);
  const keptByTopP = topPMask(renormalize(probs, keptByTopK), topP);
  const kept = keptByTopK.map((k, i) => k && keptByTopP[i] === true);
  return {
    scaled: greedy ? logits : logits.map((l) => l / temperature),
    probs,
    keptByTopK,
    keptByTopP,
    kept,
    final: renormalize(probs, kept),
    greedy,
    order: PIPELINE_ORDER,
  };
}

/** A cumulative distribution for inverse-CDF sampling. */
interface Cdf {
  cumulative: Float64Array;
  total: number;
  /** Where a u that rounds past the last cumulative value lands: the last possible token. */
  lastPositive: number;
}

function buildCdf(dist: readonly number[]): Cdf {
  const cumulative = new Float64Array(dist.length);
  let total = 0;
  let lastPositive = -1;
  dist.forEach((p, i) => {
    if (!(p >= 0) || p === Infinity) throw new RangeError(`probability ${i} is ${p}`);
    total += p;
    cumulative[i] = total;
    if (p > 0) lastPositive = i;
  });
  if (lastPositive < 0) throw new RangeError('the distribution has no positive probability');
  return { cumulative, total, lastPositive };
}

/**
 * Inverse CDF by binary search: the first i with u * total < cumulative[i]. Scaling u by the
 * total lets weights that sum to 0.9999999999999999 (or anything) be used as they are. Strict
 * "<" means a zero-probability token is never chosen (its cumulative equals its predecessor's).
 * If rounding leaves u at or above the last cumulative value, the last token with positive
 * probability is returned rather than running off the end.
 */
function lookup(cdf: Cdf, u: number): number {
  const x = u * cdf.total;
  const { cumulative } = cdf;
  let lo = 0;
  let hi = cumulative.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (x < (cumulative[mid] ?? 0)) hi = mid;
    else lo = mid + 1;
  }
  return lo < cumulative.length ? lo : cdf.lastPositive;
}

function assertUnit(u: number): void {
  if (!(u >= 0 && u < 1)) throw new RangeError(`u must be in [0, 1), got ${u}`);
}

/**
 * Draw one index from `dist` given a uniform u in [0, 1): the first i with u < cumulative_i
 * (see `lookup`). Taking u as an argument rather than an Rng keeps the draw itself testable.
 */
export function sampleIndex(dist: readonly number[], u: number): number {
  assertUnit(u);
  return lookup(buildCdf(dist), u);
}

/**
 * The argmax, which is what T = 0 decoding emits. Ties go to the lowest index: a fixed,
 * reproducible choice (the same one numpy's argmax makes) rather than a hidden coin flip.
 */
export function greedyIndex(dist: readonly number[]): number {
  if (dist.length === 0) throw new RangeError('greedyIndex of an empty distribution');
  let best = 0;
  dist.forEach((p, i) => {
    if (p > (dist[best] ?? -Infinity)) best = i;
  });
  return best;
}

/**
 * Counts per index after n draws from `dist`. The CDF is built once and each draw is a binary
 * search, so 10,000 draws over 50 tokens take about 1 ms once warm. Draw-for-draw it
 * matches calling sampleIndex(dist, rng.next()) n times.
 */
export function drawMany(dist: readonly number[], n: number, rng: Rng): number[] {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  const cdf = buildCdf(dist);
  const counts = new Array<number>(dist.length).fill(0);
  for (let draw = 0; draw < n; draw++) {
    const i = lookup(cdf, rng.next());
    counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/**
 * Shannon entropy in bits: how many yes/no questions the choice is worth on average. Zero
 * probabilities contribute nothing (the limit of p log p as p -> 0 is 0), so they are skipped
 * rather than producing 0 * -Infinity = NaN.
 */
export function entropyBits(dist: readonly number[]): number {
  let bits = 0;
  for (const p of dist) if (p > 0) bits -= p * Math.log2(p);
  return bits;
}

/** 2^entropy: the number of equally likely tokens that would be just as uncertain. */
export function perplexity(dist: readonly number[]): number {
  return 2 ** entropyBits(dist);
}

/**
 * Pearson's chi-square statistic, sum of (observed - expected)^2 / expected. A category with
 * expected 0 is skipped when nothing was observed there (it carries no information), but any
 * observation in it is impossible under the model, so the statistic is Infinity.
 */
export function chiSquareStatistic(
  observed: readonly number[],
  expected: readonly number[],
): number {
  assertSameLength(observed, expected, 'chiSquareStatistic');
  let statistic = 0;
  for (let i = 0; i < expected.length; i++) {
    const o = observed[i] ?? 0;
    const e = expected[i] ?? 0;
    if (e === 0) {
      if (o > 0) return Infinity;
      continue;
    }
    statistic += ((o - e) * (o - e)) / e;
  }
  return statistic;
}
