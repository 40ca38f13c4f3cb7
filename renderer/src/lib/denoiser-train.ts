/**
 * Training the shapes denoiser: DDPM's algorithm 1 (Ho et al. 2020) on mini-batches. Each step
 * draws images x0 from the dataset, a timestep t uniformly from 1..T, noise eps ~ N(0, I), forms
 * x_t = sqrt(abar_t) x0 + sqrt(1 - abar_t) eps, and moves the weights down the gradient of
 * ||eps - eps_hat(x_t, t, class)||^2. With probability `dropLabel` the class is replaced by the
 * null class, so one network learns both the conditional and the unconditional prediction that
 * classifier-free guidance combines (Ho and Salimans 2022).
 *
 * The same code runs in the app's training worker and in scripts/train-diffusion.ts; the same
 * seed and settings give the same weights.
 */
import { createRng, type Rng } from '../../../shared/random';
import { alphaBarAt, cosineSchedule, fillGaussian, type Schedule } from './diffusion';
import {
  adamStep,
  allocActivations,
  backward,
  emaUpdate,
  forward,
  initParams,
  weightedMseLoss,
  parameterCount,
  views,
  type Activations,
  type AdamState,
  type NetConfig,
} from './denoiser-net';
import { SHAPE_CLASSES, SHAPE_DIM, type ShapeSet } from './shapes';

/** The network the shipped weights use: 16x16 RGB in, 2 residual blocks of width 256. */
export const DEFAULT_NET: NetConfig = {
  dim: SHAPE_DIM,
  hidden: 256,
  blocks: 2,
  timeDim: 64,
  classes: SHAPE_CLASSES.length,
};

/** The training schedule: cosine, T = 1000 (the network is told the noise level, see netTime). */
export const TRAIN_T = 1000;

/** Min-SNR weighting's cap (Hang et al. 2023): above SNR 5 an image counts as if at SNR 5. */
export const SNR_CAP = 5;

export interface TrainOptions {
  batch: number;
  /** Peak learning rate (after a linear warm-up over `warmup` steps). */
  lr: number;
  warmup: number;
  /** Total steps: the rate decays along a half cosine to 10% of the peak by then. */
  steps: number;
  /** Probability of replacing the class by the null class. */
  dropLabel: number;
  emaDecay: number;
}

/** Training in the app reports the mean loss of every this many steps. */
export const LOSS_WINDOW = 10;

export const DEFAULT_TRAIN: TrainOptions = {
  batch: 64,
  lr: 1e-3,
  warmup: 200,
  steps: 20000,
  dropLabel: 0.1,
  emaDecay: 0.999,
};

export interface Trainer {
  config: NetConfig;
  options: TrainOptions;
  params: Float32Array;
  /** The moving average of the weights: what sampling uses. */
  ema: Float32Array;
  grads: Float32Array;
  adam: AdamState<Float32Array>;
  rng: Rng;
  schedule: Schedule;
  acts: Activations;
  x0: Float32Array;
  xt: Float32Array;
  eps: Float32Array;
  dOut: Float32Array;
  t: Float64Array;
  /** The integer step each image was noised to (1..T). */
  stepOf: Int32Array;
  /** Per-image loss weights min(SNR, 5) (see trainStep). */
  weights: Float64Array;
  labels: Uint8Array;
  scratch: [Float32Array, Float32Array, Float32Array];
  step: number;
}

/**
 * The noise level as the network sees it: the fractional step of the cosine training schedule
 * with the same abar. Conditioning on the noise level rather than on the step number lets one
 * network sample with either schedule the lab offers. Inverts abar(t) = f(t) / f(0).
 */
export function netTime(ab: number, T = TRAIN_T, s = 0.008): number {
  const f0 = Math.cos((s / (1 + s)) * (Math.PI / 2)) ** 2;
  const c = Math.sqrt(Math.min(1, Math.max(0, ab * f0)));
  const t = T * ((1 + s) * (2 / Math.PI) * Math.acos(c) - s);
  return Math.min(T, Math.max(0, t));
}

/** A new trainer with seeded initial weights (or `start`, to continue from given weights). */
export function createTrainer(
  seed: number,
  options: TrainOptions = DEFAULT_TRAIN,
  config: NetConfig = DEFAULT_NET,
  start?: Float32Array,
): Trainer {
  const rng = createRng(seed);
  const n = parameterCount(config);
  const params = start ? Float32Array.from(start) : initParams(config, rng, new Float32Array(n));
  if (params.length !== n) throw new RangeError(`expected ${n} weights, got ${params.length}`);
  const B = options.batch;
  const H = B * config.hidden;
  return {
    config,
    options,
    params,
    ema: Float32Array.from(params),
    grads: new Float32Array(n),
    adam: { m: new Float32Array(n), v: new Float32Array(n), step: 0 },
    rng,
    schedule: cosineSchedule(TRAIN_T),
    acts: allocActivations(config, B, Float32Array),
    x0: new Float32Array(B * config.dim),
    xt: new Float32Array(B * config.dim),
    eps: new Float32Array(B * config.dim),
    dOut: new Float32Array(B * config.dim),
    t: new Float64Array(B),
    stepOf: new Int32Array(B),
    weights: new Float64Array(B),
    labels: new Uint8Array(B),
    scratch: [new Float32Array(H), new Float32Array(H), new Float32Array(H)],
    step: 0,
  };
}

/** The learning rate at a step: linear warm-up, then a half cosine down to 10% of the peak. */
export function learningRate(o: TrainOptions, step: number): number {
  if (step < o.warmup) return (o.lr * (step + 1)) / o.warmup;
  const progress = Math.min(1, (step - o.warmup) / Math.max(1, o.steps - o.warmup));
  return o.lr * (0.1 + 0.9 * 0.5 * (1 + Math.cos(Math.PI * progress)));
}

/** Fills the trainer's batch: images, classes (some dropped), timesteps, noise and x_t. */
export function drawBatch(tr: Trainer, data: ShapeSet): void {
  const { config: c, rng } = tr;
  const D = c.dim;
  fillGaussian(tr.eps, rng);
  for (let b = 0; b < tr.options.batch; b++) {
    const i = Math.floor(rng.next() * data.count);
    tr.x0.set(data.pixels.subarray(i * D, (i + 1) * D), b * D);
    tr.labels[b] = rng.next() < tr.options.dropLabel ? c.classes : data.labels[i]!;
    const step = 1 + Math.floor(rng.next() * TRAIN_T);
    tr.stepOf[b] = step;
    const ab = alphaBarAt(tr.schedule, step);
    tr.t[b] = netTime(ab);
    tr.weights[b] = Math.min(ab / (1 - ab), SNR_CAP);
    const a = Math.sqrt(ab);
    const s = Math.sqrt(1 - ab);
    for (let j = b * D; j < (b + 1) * D; j++) tr.xt[j] = a * tr.x0[j]! + s * tr.eps[j]!;
  }
}

/** One optimisation step on a fresh batch; returns the batch's loss (mean squared error). */
export function trainStep(tr: Trainer, data: ShapeSet): number {
  drawBatch(tr, data);
  const p = views(tr.config, tr.params);
  const out = forward(tr.config, p, tr.xt, tr.t, tr.labels, tr.acts);
  const loss = weightedMseLoss(out, tr.x0, tr.weights, tr.dOut);
  tr.grads.fill(0);
  backward(
    tr.config,
    p,
    views(tr.config, tr.grads),
    tr.xt,
    tr.labels,
    tr.acts,
    tr.dOut,
    tr.scratch,
  );
  adamStep(tr.params, tr.grads, tr.adam, { lr: learningRate(tr.options, tr.step) });
  // A short run cannot wait for a 0.999 average to forget its start: warm the decay up.
  const decay = Math.min(tr.options.emaDecay, (1 + tr.step) / (10 + tr.step));
  emaUpdate(tr.ema, tr.params, decay);
  tr.step += 1;
  return loss;
}
