/**
 * The diffusion lab's math: how an image diffusion model turns noise into a picture, with real
 * math and no neural network. A noise schedule fixes how much signal survives at each step, the
 * forward process mixes an image with Gaussian noise in one closed-form jump, and the reverse
 * process walks back from pure noise using a denoiser. Here the denoiser is the EXACT optimal one
 * for a small finite dataset (a softmax over the training images), which is why it memorises:
 * every sample lands on a training image. The 2-D Gaussian-mixture toy is the contrast: its exact
 * denoiser is a smooth function of a continuous density, so its samples are new points.
 *
 * Conventions used throughout:
 * - Steps run t = 1..T. Schedule arrays have length T and index `t - 1` holds step t. Step 0 is the
 *   clean image: {@link alphaBarAt} returns 1 for t = 0 so samplers can jump to it.
 * - Images are RGB, row-major, 3 values per pixel, signed in [-1, 1] (the range DDPM trains on).
 * - Classifier-free guidance follows diffusers: eps = eps_uncond + w (eps_cond - eps_uncond), so
 *   w = 0 is unconditional, w = 1 is plain conditional and w > 1 extrapolates past the class.
 *
 * Pure: no DOM and no Node APIs, so it runs in a Web Worker and in Node tests alike. Every random
 * draw comes from a seeded RNG so a lesson replays identically.
 */
import { createRng, type Rng } from '../../../shared/random';

// ---------------------------------------------------------------------------------------------
// Noise schedules
// ---------------------------------------------------------------------------------------------

/** A noise schedule. Arrays have length T; index t - 1 holds step t (t = 1..T). */
export interface Schedule {
  T: number;
  /** beta_t: the variance of the noise added going from step t - 1 to step t. */
  betas: Float64Array;
  /** alpha_t = 1 - beta_t. */
  alphas: Float64Array;
  /** alpha-bar_t = prod_{s <= t} alpha_s: the share of signal variance left at step t. */
  alphaBars: Float64Array;
}

function assertSteps(T: number): void {
  if (!Number.isInteger(T) || T < 2) throw new RangeError(`T must be an integer >= 2, got ${T}`);
}

/** Completes a schedule from its betas, rejecting any beta a Gaussian step cannot have. */
function fromBetas(betas: Float64Array): Schedule {
  const T = betas.length;
  const alphas = new Float64Array(T);
  const alphaBars = new Float64Array(T);
  let product = 1;
  for (let i = 0; i < T; i++) {
    const beta = betas[i]!;
    if (!(beta > 0 && beta < 1)) throw new RangeError(`beta at step ${i + 1} is ${beta}`);
    alphas[i] = 1 - beta;
    product *= 1 - beta;
    alphaBars[i] = product;
  }
  return { T, betas, alphas, alphaBars };
}

/**
 * The DDPM linear schedule: betas evenly spaced from 1e-4 to 0.02 over 1000 steps. For other T
 * both ends are multiplied by 1000 / T (improved-DDPM and diffusers do the same) so the total
 * noise, and hence alpha-bar_T ~ 0, stays about the same; without this, T = 50 would end with
 * most of the image still visible. Needs T > 20, where beta_T = 20 / T stays below 1.
 */
export function linearSchedule(T: number): Schedule {
  assertSteps(T);
  const scale = 1000 / T;
  const start = scale * 1e-4;
  const end = scale * 0.02;
  const betas = new Float64Array(T);
  for (let i = 0; i < T; i++) betas[i] = start + ((end - start) * i) / (T - 1);
  return fromBetas(betas);
}

/**
 * The improved-DDPM cosine schedule: alpha-bar(t) = f(t) / f(0), f(t) = cos^2(((t / T) + s) /
 * (1 + s) * pi / 2). It destroys information more evenly than the linear schedule, which wastes
 * its last steps on images that are already pure noise. beta_t = 1 - alpha-bar(t) / alpha-bar(t -
 * 1) is capped at 0.999 (the last one would be exactly 1) and alpha-bars are the running product
 * of the capped alphas, so every array agrees with every other.
 */
export function cosineSchedule(T: number, s = 0.008): Schedule {
  assertSteps(T);
  if (!(s >= 0) || !Number.isFinite(s)) throw new RangeError(`s must be >= 0, got ${s}`);
  const f = (t: number) => Math.cos(((t / T + s) / (1 + s)) * (Math.PI / 2)) ** 2;
  const betas = new Float64Array(T);
  for (let t = 1; t <= T; t++) betas[t - 1] = Math.min(1 - f(t) / f(t - 1), 0.999);
  return fromBetas(betas);
}

function assertStep(s: Schedule, t: number): void {
  if (!Number.isInteger(t) || t < 0 || t > s.T) {
    throw new RangeError(`step must be an integer in 0..${s.T}, got ${t}`);
  }
}

/** alpha-bar_t for t = 0..T; t = 0 is the clean image (alpha-bar = 1). */
export function alphaBarAt(s: Schedule, t: number): number {
  assertStep(s, t);
  return t === 0 ? 1 : s.alphaBars[t - 1]!;
}

/** sqrt(alpha-bar_t): how much of the image is left in x_t. */
export function signalRate(s: Schedule, t: number): number {
  return Math.sqrt(alphaBarAt(s, t));
}

/** sqrt(1 - alpha-bar_t): the standard deviation of the noise in x_t. */
export function noiseRate(s: Schedule, t: number): number {
  return Math.sqrt(1 - alphaBarAt(s, t));
}

/** Signal-to-noise ratio alpha-bar / (1 - alpha-bar): Infinity at t = 0, near 0 at t = T. */
export function snr(s: Schedule, t: number): number {
  const ab = alphaBarAt(s, t);
  return ab / (1 - ab);
}

/**
 * `steps` evenly spaced steps of 1..T, descending, always from T down to 1: samplers may skip
 * steps (DDIM's point), but must start in the pure-noise regime and finish next to the image.
 * Step k is round(1 + k (T - 1) / (steps - 1)); the spacing is >= 1, so no step repeats.
 */
export function stepSequence(T: number, steps: number): number[] {
  assertSteps(T);
  if (!Number.isInteger(steps) || steps < 1 || steps > T) {
    throw new RangeError(`steps must be an integer in 1..${T}, got ${steps}`);
  }
  if (steps === 1) return [T];
  const out: number[] = [];
  for (let k = steps - 1; k >= 0; k--) out.push(Math.round(1 + (k * (T - 1)) / (steps - 1)));
  return out;
}

// ---------------------------------------------------------------------------------------------
// Seeded Gaussian noise
// ---------------------------------------------------------------------------------------------

/**
 * One standard normal draw from two uniforms (Box-Muller). 1 - u keeps the log finite, since the
 * source returns values in [0, 1).
 */
export function gaussian(rng: Rng): number {
  const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
  return r * Math.cos(2 * Math.PI * rng.next());
}

/** Fills `out` with standard normals, using both Box-Muller outputs: half the uniforms. */
export function fillGaussian<A extends Float32Array | Float64Array>(out: A, rng: Rng): A {
  const n = out.length;
  for (let i = 0; i < n; i += 2) {
    const r = Math.sqrt(-2 * Math.log(1 - rng.next()));
    const theta = 2 * Math.PI * rng.next();
    out[i] = r * Math.cos(theta);
    if (i + 1 < n) out[i + 1] = r * Math.sin(theta);
  }
  return out;
}

/**
 * n standard normals, the same for the same seed. Equal to the x_T that {@link reverseSample}
 * starts from for that seed, so the UI can show the starting noise.
 */
export function gaussianArray(n: number, seed: number): Float64Array {
  if (!Number.isInteger(n) || n < 0) throw new RangeError(`n must be an integer >= 0, got ${n}`);
  return fillGaussian(new Float64Array(n), createRng(seed));
}

// ---------------------------------------------------------------------------------------------
// Images
// ---------------------------------------------------------------------------------------------

/** An RGB image (or any vector) in [-1, 1], row-major, 3 values per pixel. */
export type Pixels = Float32Array | Float64Array;

/** Canvas RGBA bytes to signed RGB: alpha dropped, 0..255 mapped to [-1, 1] by x / 127.5 - 1. */
export function toSignedPixels(rgba: Uint8ClampedArray): Float32Array {
  if (rgba.length % 4 !== 0) throw new RangeError(`RGBA length ${rgba.length} is not 4n`);
  const n = rgba.length / 4;
  const out = new Float32Array(n * 3);
  for (let p = 0; p < n; p++) {
    out[3 * p] = rgba[4 * p]! / 127.5 - 1;
    out[3 * p + 1] = rgba[4 * p + 1]! / 127.5 - 1;
    out[3 * p + 2] = rgba[4 * p + 2]! / 127.5 - 1;
  }
  return out;
}

/** Signed RGB back to canvas RGBA: clamped to [-1, 1] (noisy images overshoot), alpha 255. */
export function toRgba(signed: ArrayLike<number>): Uint8ClampedArray {
  if (signed.length % 3 !== 0) throw new RangeError(`RGB length ${signed.length} is not 3n`);
  const n = signed.length / 3;
  const out = new Uint8ClampedArray(n * 4);
  for (let p = 0; p < n; p++) {
    for (let c = 0; c < 3; c++) {
      const v = Math.min(1, Math.max(-1, signed[3 * p + c]!));
      out[4 * p + c] = Math.round((v + 1) * 127.5);
    }
    out[4 * p + 3] = 255;
  }
  return out;
}

function assertSameLength(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length)
    throw new RangeError(`${what}: lengths differ (${a.length} vs ${b.length})`);
}

// ---------------------------------------------------------------------------------------------
// Forward diffusion
// ---------------------------------------------------------------------------------------------

/**
 * x_t = sqrt(alpha-bar_t) x0 + sqrt(1 - alpha-bar_t) eps: the forward process in one jump, no
 * need to add noise t times. One pass; pass `out` (it may be x0 or eps) to avoid allocating.
 */
export function forwardSample(
  x0: Pixels,
  eps: Pixels,
  s: Schedule,
  t: number,
  out: Pixels = new Float64Array(x0.length),
): Pixels {
  assertSameLength(x0, eps, 'forwardSample x0/eps');
  assertSameLength(x0, out, 'forwardSample x0/out');
  const ab = alphaBarAt(s, t);
  const a = Math.sqrt(ab);
  const b = Math.sqrt(1 - ab);
  for (let i = 0; i < x0.length; i++) out[i] = a * x0[i]! + b * eps[i]!;
  return out;
}

// ---------------------------------------------------------------------------------------------
// The exact denoiser for a finite dataset
// ---------------------------------------------------------------------------------------------

/** One training image. */
export interface DatasetItem {
  pixels: Pixels;
  /** Class label for conditional sampling; items without one belong to no class. */
  label?: string | null;
  /** Unnormalised prior weight pi_i; 1 (uniform) when absent. */
  weight?: number;
}

/** Restricts the denoiser to one class; null or absent means the whole dataset. */
export interface ClassOption {
  label?: string | null;
}

/** ||x_t - sqrt(ab) y_i||^2 for every item: the one O(N * pixels) pass a prediction needs. */
function noisedDistances(xt: Pixels, dataset: readonly DatasetItem[], ab: number): Float64Array {
  if (dataset.length === 0) throw new RangeError('the dataset is empty');
  if (!(ab > 0 && ab <= 1)) throw new RangeError(`alpha-bar must be in (0, 1], got ${ab}`);
  const a = Math.sqrt(ab);
  const dist = new Float64Array(dataset.length);
  dataset.forEach((item, i) => {
    assertSameLength(xt, item.pixels, `dataset item ${i}`);
    const y = item.pixels;
    let d = 0;
    for (let j = 0; j < xt.length; j++) {
      const diff = xt[j]! - a * y[j]!;
      d += diff * diff;
    }
    dist[i] = d;
  });
  return dist;
}

/**
 * log pi_i - dist_i / (2 (1 - ab)): the log posterior of item i up to a constant; -Infinity for
 * items outside `label`. At ab = 1 (no noise) the Gaussian collapses and its limit is used: only
 * the nearest eligible items keep their prior.
 */
function posteriorLogits(
  dist: Float64Array,
  dataset: readonly DatasetItem[],
  ab: number,
  label: string | null | undefined,
): Float64Array {
  const variance = 1 - ab;
  const n = dataset.length;
  const logPrior = new Float64Array(n).fill(-Infinity);
  let min = Infinity;
  for (let i = 0; i < n; i++) {
    const item = dataset[i]!;
    const w = item.weight ?? 1;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`item ${i} has weight ${w}`);
    if (w > 0 && (label == null || item.label === label)) {
      logPrior[i] = Math.log(w);
      if (dist[i]! < min) min = dist[i]!;
    }
  }
  if (min === Infinity) {
    throw new RangeError(
      label == null ? 'every dataset weight is 0' : `no dataset item has label "${label}"`,
    );
  }
  const logits = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    const prior = logPrior[i]!;
    if (prior === -Infinity) logits[i] = -Infinity;
    else if (variance > 0) logits[i] = prior - dist[i]! / (2 * variance);
    else logits[i] = dist[i] === min ? prior : -Infinity;
  }
  return logits;
}

/** Softmax via log-sum-exp: subtracting the max keeps exp() from underflowing to 0 / 0. */
function softmaxInPlace(logits: Float64Array): Float64Array {
  let max = -Infinity;
  for (const v of logits) if (v > max) max = v;
  let total = 0;
  for (let i = 0; i < logits.length; i++) {
    const e = logits[i] === -Infinity ? 0 : Math.exp(logits[i]! - max);
    logits[i] = e;
    total += e;
  }
  for (let i = 0; i < logits.length; i++) logits[i] = logits[i]! / total;
  return logits;
}

/**
 * p(y_i | x_t): how much each training image could have produced x_t, i.e.
 * softmax_i(log pi_i - ||x_t - sqrt(ab) y_i||^2 / (2 (1 - ab))). Computed with log-sum-exp, since
 * near t = 0 the exponents are in the thousands. With `label`, only that class is summed over.
 */
export function posteriorWeights(
  xt: Pixels,
  dataset: readonly DatasetItem[],
  ab: number,
  options: ClassOption = {},
): Float64Array {
  return softmaxInPlace(
    posteriorLogits(noisedDistances(xt, dataset, ab), dataset, ab, options.label),
  );
}

function weightedSum(
  weights: Float64Array,
  dataset: readonly DatasetItem[],
  out: Float64Array,
): Float64Array {
  out.fill(0);
  for (let i = 0; i < dataset.length; i++) {
    const w = weights[i]!;
    if (w === 0) continue;
    const y = dataset[i]!.pixels;
    for (let j = 0; j < out.length; j++) out[j] = out[j]! + w * y[j]!;
  }
  return out;
}

/**
 * E[x0 | x_t] = sum_i w_i y_i: the best possible denoiser (least squares) when the data is exactly
 * these images. It is what a network trained to convergence on them would learn, which is why a
 * perfectly fit model reproduces its training set. With `label`, the class-conditional denoiser.
 */
export function denoise(
  xt: Pixels,
  dataset: readonly DatasetItem[],
  ab: number,
  options: ClassOption = {},
): Float64Array {
  const weights = posteriorWeights(xt, dataset, ab, options);
  return weightedSum(weights, dataset, new Float64Array(xt.length));
}

/**
 * eps = (x_t - sqrt(ab) x0hat) / sqrt(1 - ab): the noise a denoiser implies. Predicting eps and
 * predicting x0 are the same model seen two ways; diffusion networks are usually trained on eps.
 */
export function epsFromX0(
  xt: Pixels,
  x0hat: Pixels,
  ab: number,
  out: Float64Array = new Float64Array(xt.length),
): Float64Array {
  assertSameLength(xt, x0hat, 'epsFromX0');
  if (!(ab >= 0 && ab < 1)) throw new RangeError(`alpha-bar must be in [0, 1), got ${ab}`);
  const a = Math.sqrt(ab);
  const b = Math.sqrt(1 - ab);
  for (let i = 0; i < xt.length; i++) out[i] = (xt[i]! - a * x0hat[i]!) / b;
  return out;
}

/** The inverse of {@link epsFromX0}: x0hat = (x_t - sqrt(1 - ab) eps) / sqrt(ab). */
export function x0FromEps(
  xt: Pixels,
  eps: Pixels,
  ab: number,
  out: Float64Array = new Float64Array(xt.length),
): Float64Array {
  assertSameLength(xt, eps, 'x0FromEps');
  if (!(ab > 0 && ab <= 1)) throw new RangeError(`alpha-bar must be in (0, 1], got ${ab}`);
  const a = Math.sqrt(ab);
  const b = Math.sqrt(1 - ab);
  for (let i = 0; i < xt.length; i++) out[i] = (xt[i]! - b * eps[i]!) / a;
  return out;
}

/** Every piece of one classifier-free-guided prediction, for the UI to show side by side. */
export interface GuidedPrediction {
  /** eps from the unconditional denoiser (the whole dataset). */
  epsUncond: Float64Array;
  /** eps from the class-conditional denoiser; equal to epsUncond when there is no class. */
  epsCond: Float64Array;
  /** eps_uncond + w (eps_cond - eps_uncond). */
  eps: Float64Array;
  /** The x0 that the guided eps implies. */
  x0hat: Float64Array;
  /** Posterior weights over the whole dataset. */
  weightsUncond: Float64Array;
  /** Posterior weights within the class (0 outside it). */
  weightsCond: Float64Array;
}

/**
 * Classifier-free guidance with the diffusers convention eps = eps_uncond + w (eps_cond -
 * eps_uncond): w = 0 ignores the class, w = 1 is the plain conditional model, w > 1 pushes past it
 * (sharper, less varied samples). (The CFG paper writes (1 + w) eps_cond - w eps_uncond; its w is
 * this w - 1.) With no class label the prediction is unconditional whatever w is. Because eps is
 * affine in x0hat at fixed x_t, the guided x0hat is x0_uncond + w (x0_cond - x0_uncond) too.
 */
export function guidedPrediction(
  xt: Pixels,
  dataset: readonly DatasetItem[],
  ab: number,
  classLabel: string | null | undefined,
  guidance: number,
): GuidedPrediction {
  if (!Number.isFinite(guidance)) throw new RangeError(`guidance must be finite, got ${guidance}`);
  const n = xt.length;
  const dist = noisedDistances(xt, dataset, ab);
  const weightsUncond = softmaxInPlace(posteriorLogits(dist, dataset, ab, null));
  const x0Uncond = weightedSum(weightsUncond, dataset, new Float64Array(n));
  const epsUncond = epsFromX0(xt, x0Uncond, ab);
  if (classLabel == null) {
    return {
      epsUncond,
      epsCond: epsUncond,
      eps: epsUncond,
      x0hat: x0Uncond,
      weightsUncond,
      weightsCond: weightsUncond,
    };
  }
  const weightsCond = softmaxInPlace(posteriorLogits(dist, dataset, ab, classLabel));
  const x0Cond = weightedSum(weightsCond, dataset, new Float64Array(n));
  const epsCond = epsFromX0(xt, x0Cond, ab);
  const eps = new Float64Array(n);
  const x0hat = new Float64Array(n);
  for (let i = 0; i < n; i++) {
    eps[i] = epsUncond[i]! + guidance * (epsCond[i]! - epsUncond[i]!);
    // The same combination in x0 space: computed directly rather than by dividing by
    // sqrt(ab), which near t = T would amplify rounding a hundredfold.
    x0hat[i] = x0Uncond[i]! + guidance * (x0Cond[i]! - x0Uncond[i]!);
  }
  return { epsUncond, epsCond, eps, x0hat, weightsUncond, weightsCond };
}

// ---------------------------------------------------------------------------------------------
// Samplers
// ---------------------------------------------------------------------------------------------

/**
 * One DDPM ancestral step from step t to an earlier step (any earlier step, so steps can be
 * skipped): a draw from q(x_prev | x_t, x0 = x0hat). With alpha = abT / abPrev and beta = 1 -
 * alpha (the beta of the whole jump), the mean is sqrt(abPrev) beta / (1 - abT) x0hat + sqrt(alpha)
 * (1 - abPrev) / (1 - abT) x_t and the variance beta-tilde = (1 - abPrev) / (1 - abT) beta.
 * `z` is a standard normal vector (ignored when the variance is 0, as on the jump to abPrev = 1).
 */
export function ddpmStep(
  xt: Pixels,
  x0hat: Pixels,
  abT: number,
  abPrev: number,
  z: Pixels | null,
  out: Float64Array = new Float64Array(xt.length),
): Float64Array {
  assertSameLength(xt, x0hat, 'ddpmStep');
  assertJump(abT, abPrev);
  const alpha = abT / abPrev;
  const beta = 1 - alpha;
  const cx0 = (Math.sqrt(abPrev) * beta) / (1 - abT);
  const cxt = (Math.sqrt(alpha) * (1 - abPrev)) / (1 - abT);
  const sigma = Math.sqrt(((1 - abPrev) / (1 - abT)) * beta);
  const noisy = sigma > 0;
  if (noisy) {
    if (z == null) throw new RangeError('ddpmStep needs noise z when the variance is > 0');
    assertSameLength(xt, z, 'ddpmStep z');
  }
  for (let i = 0; i < xt.length; i++) {
    out[i] = cx0 * x0hat[i]! + cxt * xt[i]! + (noisy ? sigma * z![i]! : 0);
  }
  return out;
}

/**
 * One DDIM step (Song et al. 2021, eq. 12) from step t to an earlier step: x_prev =
 * sqrt(abPrev) x0hat + sqrt(1 - abPrev - sigma^2) eps + sigma z, with eps implied by x0hat and
 * sigma = eta sqrt((1 - abPrev) / (1 - abT)) sqrt(1 - abT / abPrev). eta = 0 is deterministic (an
 * ODE: the same x_T always gives the same image); eta = 1 is exactly {@link ddpmStep}.
 */
export function ddimStep(
  xt: Pixels,
  x0hat: Pixels,
  abT: number,
  abPrev: number,
  eta: number,
  z: Pixels | null,
  out: Float64Array = new Float64Array(xt.length),
): Float64Array {
  assertSameLength(xt, x0hat, 'ddimStep');
  assertJump(abT, abPrev);
  if (!(eta >= 0 && eta <= 1)) throw new RangeError(`eta must be in [0, 1], got ${eta}`);
  const sigma = ddimSigma(abT, abPrev, eta);
  const noisy = sigma > 0;
  if (noisy) {
    if (z == null) throw new RangeError('ddimStep needs noise z when eta > 0');
    assertSameLength(xt, z, 'ddimStep z');
  }
  const a = Math.sqrt(abT);
  const b = Math.sqrt(1 - abT);
  const aPrev = Math.sqrt(abPrev);
  // max(0, ...) only absorbs rounding: sigma^2 <= 1 - abPrev because eta <= 1.
  const dir = Math.sqrt(Math.max(0, 1 - abPrev - sigma * sigma));
  for (let i = 0; i < xt.length; i++) {
    const eps = (xt[i]! - a * x0hat[i]!) / b;
    out[i] = aPrev * x0hat[i]! + dir * eps + (noisy ? sigma * z![i]! : 0);
  }
  return out;
}

function ddimSigma(abT: number, abPrev: number, eta: number): number {
  return eta * Math.sqrt(((1 - abPrev) / (1 - abT)) * (1 - abT / abPrev));
}

function assertJump(abT: number, abPrev: number): void {
  if (!(abT > 0 && abT < 1 && abPrev <= 1 && abPrev >= abT)) {
    throw new RangeError(`need 0 < abT < 1 and abT <= abPrev <= 1, got ${abT}, ${abPrev}`);
  }
}

/** The samplers the lab offers. */
export type SamplerKind = 'ddpm' | 'ddim';

/** One recorded step of {@link reverseSample}. */
export interface Snapshot {
  /** The diffusion step t of `xt`. */
  t: number;
  /** The noisy image at step t (before the update). */
  xt: Float64Array;
  /** The denoiser's guess of the clean image from `xt`. */
  x0hat: Float64Array;
}

export interface ReverseSampleOptions {
  dataset: readonly DatasetItem[];
  schedule: Schedule;
  /** A number of evenly spaced steps ({@link stepSequence}) or an explicit descending sequence. */
  steps: number | readonly number[];
  sampler: SamplerKind;
  /** DDIM noise level: 0 (default) deterministic, 1 equals DDPM. Ignored by DDPM. */
  eta?: number;
  seed: number;
  /** Condition on this class; null or absent samples unconditionally. */
  classLabel?: string | null;
  /** Classifier-free guidance scale w (diffusers convention); default 1. */
  guidance?: number;
  /** Clip x0hat to [-1, 1] before each update (default true), as DDPM and diffusers do. */
  clip?: boolean;
  /** Start from this x_T instead of drawing it from the seed; the seed then only drives z. */
  xT?: Pixels;
  /** Record a copy of x_t and x0hat at every step. */
  snapshots?: boolean;
  /**
   * Called at every step k (0-based) with x_t and the denoiser's x0hat, before the update. The
   * buffers are reused between steps: copy them to keep them.
   */
  onStep?: (k: number, xt: Float64Array, x0hat: Float64Array, t: number) => void;
}

export interface ReverseSampleResult {
  /** The generated image (x0hat at the last step, which is where x_0 lands exactly). */
  x0: Float64Array;
  /** The step sequence used, descending. */
  steps: number[];
  /** One entry per step when requested. */
  snapshots?: Snapshot[];
}

function resolveSteps(schedule: Schedule, steps: number | readonly number[]): number[] {
  const seq = typeof steps === 'number' ? stepSequence(schedule.T, steps) : [...steps];
  if (seq.length === 0) throw new RangeError('the step sequence is empty');
  seq.forEach((t, k) => {
    assertStep(schedule, t);
    if (t === 0) throw new RangeError('the step sequence must not contain 0');
    if (k > 0 && !(t < seq[k - 1]!)) throw new RangeError('the step sequence must descend');
  });
  return seq;
}

/**
 * Generates an image: x_T ~ N(0, I) from the seed, then for each step t in the sequence (next
 * step t' or 0 after the last) predict x0hat with the guided exact denoiser, optionally clip it,
 * and jump to t' with the chosen sampler using alpha-bar_t and alpha-bar_t'. That is how skipped
 * steps are handled: each jump is one Gaussian step with the combined beta. The final jump goes
 * to alpha-bar = 1, which lands exactly on x0hat. Same options and seed, same image.
 */
export function reverseSample(options: ReverseSampleOptions): ReverseSampleResult {
  const { dataset, schedule, sampler, seed } = options;
  const eta = sampler === 'ddpm' ? 1 : (options.eta ?? 0);
  const guidance = options.guidance ?? 1;
  const clip = options.clip ?? true;
  if (dataset.length === 0) throw new RangeError('the dataset is empty');
  const n = dataset[0]!.pixels.length;
  const seq = resolveSteps(schedule, options.steps);
  const rng = createRng(seed);
  let x: Float64Array;
  if (options.xT) {
    assertSameLength(options.xT, dataset[0]!.pixels, 'xT');
    x = Float64Array.from(options.xT);
  } else {
    x = fillGaussian(new Float64Array(n), rng);
  }
  let next: Float64Array = new Float64Array(n);
  const z = new Float64Array(n);
  const snapshots: Snapshot[] | undefined = options.snapshots ? [] : undefined;
  let x0hat: Float64Array = new Float64Array(n);
  for (let k = 0; k < seq.length; k++) {
    const t = seq[k]!;
    const tPrev = seq[k + 1] ?? 0;
    const abT = alphaBarAt(schedule, t);
    const abPrev = alphaBarAt(schedule, tPrev);
    x0hat = guidedPrediction(x, dataset, abT, options.classLabel, guidance).x0hat;
    if (clip) for (let i = 0; i < n; i++) x0hat[i] = Math.min(1, Math.max(-1, x0hat[i]!));
    snapshots?.push({ t, xt: x.slice(), x0hat: x0hat.slice() });
    options.onStep?.(k, x, x0hat, t);
    if (tPrev === 0) break;
    const noisy = ddimSigma(abT, abPrev, eta) > 0;
    if (noisy) fillGaussian(z, rng);
    if (sampler === 'ddpm') ddpmStep(x, x0hat, abT, abPrev, noisy ? z : null, next);
    else ddimStep(x, x0hat, abT, abPrev, eta, noisy ? z : null, next);
    [x, next] = [next, x];
  }
  const result: ReverseSampleResult = { x0: x0hat, steps: seq };
  if (snapshots) result.snapshots = snapshots;
  return result;
}

/** Index of the training image closest (Euclidean) to x: "which image did it reproduce?". */
export function nearestItem(x: Pixels, dataset: readonly DatasetItem[]): number {
  let best = -1;
  let bestDist = Infinity;
  dataset.forEach((item, i) => {
    assertSameLength(x, item.pixels, `dataset item ${i}`);
    let d = 0;
    for (let j = 0; j < x.length; j++) d += (x[j]! - item.pixels[j]!) ** 2;
    if (d < bestDist) {
      bestDist = d;
      best = i;
    }
  });
  return best;
}

// ---------------------------------------------------------------------------------------------
// The 2-D Gaussian-mixture toy
// ---------------------------------------------------------------------------------------------

export type Point = [number, number];

/**
 * A mixture of isotropic 2-D Gaussians N(mu_k, sigma^2 I) with weights w_k (normalised here).
 * sigma = 0 makes it a finite dataset of points: the memorising case again.
 */
export interface Gmm2 {
  means: readonly (readonly [number, number])[];
  sigma: number;
  weights: readonly number[];
}

/**
 * Responsibilities r_k of each noised component for the point, and that component's noised
 * variance v = ab sigma^2 + (1 - ab) (the same for every component). Noising component k gives
 * N(sqrt(ab) mu_k, v I).
 */
function gmmResponsibilities(
  point: readonly [number, number],
  gmm: Gmm2,
  ab: number,
): { r: Float64Array; v: number; a: number } {
  const K = gmm.means.length;
  if (K === 0 || gmm.weights.length !== K) {
    throw new RangeError(`need >= 1 mean and one weight per mean (${K} vs ${gmm.weights.length})`);
  }
  if (!(gmm.sigma >= 0) || !Number.isFinite(gmm.sigma)) {
    throw new RangeError(`sigma must be >= 0, got ${gmm.sigma}`);
  }
  if (!(ab > 0 && ab <= 1)) throw new RangeError(`alpha-bar must be in (0, 1], got ${ab}`);
  const a = Math.sqrt(ab);
  const v = ab * gmm.sigma * gmm.sigma + (1 - ab);
  if (!(v > 0)) throw new RangeError('sigma = 0 and alpha-bar = 1: the density is not defined');
  const r = new Float64Array(K);
  for (let k = 0; k < K; k++) {
    const w = gmm.weights[k]!;
    if (!(w >= 0) || !Number.isFinite(w)) throw new RangeError(`weight ${k} is ${w}`);
    const [mx, my] = gmm.means[k]!;
    const dx = point[0] - a * mx;
    const dy = point[1] - a * my;
    r[k] = w === 0 ? -Infinity : Math.log(w) - (dx * dx + dy * dy) / (2 * v);
  }
  return { r: softmaxInPlace(r), v, a };
}

/**
 * The exact score grad_x log p_t(x) of the noised mixture: sum_k r_k (sqrt(ab) mu_k - x) / v. It
 * points toward the data; a trained diffusion model learns an approximation of exactly this.
 */
export function gmmScore(point: readonly [number, number], gmm: Gmm2, ab: number): Point {
  const { r, v, a } = gmmResponsibilities(point, gmm, ab);
  let sx = 0;
  let sy = 0;
  gmm.means.forEach(([mx, my], k) => {
    sx += (r[k]! * (a * mx - point[0])) / v;
    sy += (r[k]! * (a * my - point[1])) / v;
  });
  return [sx, sy];
}

/**
 * E[x0 | x_t] for the mixture: sum_k r_k (mu_k + sqrt(ab) sigma^2 / v (x_t - sqrt(ab) mu_k)).
 * It is a point between and around the means, not a stored example, so samples are new points
 * from the distribution. Equals Tweedie's formula (x_t + (1 - ab) score) / sqrt(ab).
 */
export function gmmDenoise(point: readonly [number, number], gmm: Gmm2, ab: number): Point {
  const { r, v, a } = gmmResponsibilities(point, gmm, ab);
  const shrink = (a * gmm.sigma * gmm.sigma) / v;
  let x = 0;
  let y = 0;
  gmm.means.forEach(([mx, my], k) => {
    x += r[k]! * (mx + shrink * (point[0] - a * mx));
    y += r[k]! * (my + shrink * (point[1] - a * my));
  });
  return [x, y];
}

/** log p_t(x) of the noised mixture, for drawing density heat maps. */
export function gmmLogDensity(point: readonly [number, number], gmm: Gmm2, ab: number): number {
  const a = Math.sqrt(ab);
  const v = ab * gmm.sigma * gmm.sigma + (1 - ab);
  const total = gmm.weights.reduce((acc, w) => acc + w, 0);
  const terms = gmm.means.map(([mx, my], k) => {
    const dx = point[0] - a * mx;
    const dy = point[1] - a * my;
    return (
      Math.log(gmm.weights[k]! / total) - Math.log(2 * Math.PI * v) - (dx * dx + dy * dy) / (2 * v)
    );
  });
  const max = Math.max(...terms);
  return max + Math.log(terms.reduce((acc, l) => acc + Math.exp(l - max), 0));
}

export interface SampleParticlesOptions {
  gmm: Gmm2;
  schedule: Schedule;
  steps: number | readonly number[];
  count: number;
  seed: number;
  sampler: SamplerKind;
  /** DDIM noise level (default 0); ignored by DDPM. */
  eta?: number;
}

export interface SampleParticlesResult {
  /** The step sequence used, descending. */
  steps: number[];
  /**
   * trajectories[p][k]: particle p before step k (k = 0 is x_T); the last entry (index
   * steps.length) is the final sample at t = 0.
   */
  trajectories: Point[][];
}

/**
 * Runs `count` 2-D particles through the same reverse process as {@link reverseSample}, with the
 * mixture's exact denoiser (no clipping: the plane has no [-1, 1] box). x_T for every particle is
 * drawn first, then each step's noise, all from one seeded RNG.
 */
export function sampleParticles(options: SampleParticlesOptions): SampleParticlesResult {
  const { gmm, schedule, count, seed, sampler } = options;
  if (!Number.isInteger(count) || count < 0) {
    throw new RangeError(`count must be an integer >= 0, got ${count}`);
  }
  const eta = sampler === 'ddpm' ? 1 : (options.eta ?? 0);
  const seq = resolveSteps(schedule, options.steps);
  const rng = createRng(seed);
  const start = fillGaussian(new Float64Array(2 * count), rng);
  const trajectories: Point[][] = [];
  for (let p = 0; p < count; p++) trajectories.push([[start[2 * p]!, start[2 * p + 1]!]]);
  const z = new Float64Array(2);
  const xt = new Float64Array(2);
  const x0 = new Float64Array(2);
  const out = new Float64Array(2);
  for (let k = 0; k < seq.length; k++) {
    const abT = alphaBarAt(schedule, seq[k]!);
    const abPrev = alphaBarAt(schedule, seq[k + 1] ?? 0);
    const noisy = ddimSigma(abT, abPrev, eta) > 0;
    for (const traj of trajectories) {
      const current = traj[traj.length - 1]!;
      const guess = gmmDenoise(current, gmm, abT);
      xt[0] = current[0];
      xt[1] = current[1];
      x0[0] = guess[0];
      x0[1] = guess[1];
      if (noisy) fillGaussian(z, rng);
      if (sampler === 'ddpm') ddpmStep(xt, x0, abT, abPrev, noisy ? z : null, out);
      else ddimStep(xt, x0, abT, abPrev, eta, noisy ? z : null, out);
      traj.push([out[0]!, out[1]!]);
    }
  }
  return { steps: seq, trajectories };
}
