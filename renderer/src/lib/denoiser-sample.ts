/**
 * Sampling new images from the trained shapes network with the lab's own samplers: DDPM
 * ancestral steps (Ho et al. 2020) or DDIM (Song, Meng and Ermon 2020), any number of evenly
 * spaced steps of either schedule, and classifier-free guidance (Ho and Salimans 2022,
 * diffusers' convention eps = eps_u + w (eps_c - eps_u)).
 *
 * The network's output is its estimate of the clean image x0; the noise it implies is
 * eps_hat = (x_t - sqrt(abar) x0_hat) / sqrt(1 - abar) (lib/diffusion.ts `epsFromX0`), so
 * guiding in x0 is the same combination as guiding in eps. Guidance needs two predictions per
 * image (with the class and with the null class); both go through the network as one batch.
 * Many images are sampled as one batch too, which is how 200 images take seconds.
 */
import { createRng } from '../../../shared/random';
import {
  alphaBarAt,
  ddimStep,
  ddpmStep,
  fillGaussian,
  stepSequence,
  type SamplerKind,
  type Schedule,
} from './diffusion';
import { allocActivations, forward, views, type NetConfig } from './denoiser-net';
import { netTime } from './denoiser-train';

export interface NetModel {
  config: NetConfig;
  weights: Float32Array;
}

export interface NetSampleOptions {
  model: NetModel;
  schedule: Schedule;
  steps: number;
  sampler: SamplerKind;
  /** DDIM noise level (0 deterministic); DDPM ignores it. */
  eta?: number;
  seed: number;
  /** Class index, or null for unconditional (the null class). */
  label: number | null;
  /** Guidance scale w; ignored when label is null. */
  guidance?: number;
  /** How many images (one batch); default 1. */
  count?: number;
  /** Keep x_t and x0_hat of image 0 at every step. */
  snapshots?: boolean;
}

export interface NetSampleResult {
  /** count x dim clean images, clipped to [-1, 1]. */
  images: Float32Array;
  steps: number[];
  snapshots?: { t: number; xt: Float32Array; x0hat: Float32Array }[];
}

/**
 * x0_hat for `count` images at one step: one network pass over the conditional and, when
 * guidance is on, the unconditional copies, combined as x0_u + w (x0_c - x0_u), then clipped.
 */
function predict(
  o: NetSampleOptions,
  x: Float32Array,
  ab: number,
  count: number,
  buffers: { acts: ReturnType<typeof allocActivations>; input: Float32Array },
  out: Float32Array,
): void {
  const { config: c, weights } = o.model;
  const w = o.label == null ? 0 : (o.guidance ?? 1);
  const both = o.label != null && w !== 1;
  const rows = both ? 2 * count : count;
  const time = new Float64Array(rows).fill(netTime(ab));
  const labels = new Uint8Array(rows);
  // Rows 0..count-1: the class (or null); rows count..: the null class, for guidance.
  for (let r = 0; r < rows; r++)
    labels[r] = r < count && o.label != null && w !== 0 ? o.label : c.classes;
  buffers.input.set(x, 0);
  if (both) buffers.input.set(x, count * c.dim);
  const pred = forward(c, views(c, weights), buffers.input, time, labels, buffers.acts);
  const n = count * c.dim;
  for (let i = 0; i < n; i++) {
    const cond = pred[i]!;
    const v = both ? pred[n + i]! + w * (cond - pred[n + i]!) : cond;
    out[i] = Math.min(1, Math.max(-1, v));
  }
}

/**
 * New images: x_T ~ N(0, I) from the seed, then for each step predict x0_hat (guided, clipped)
 * and take a DDPM or DDIM jump to the next step (the last jump lands on x0_hat). Same options,
 * same images.
 */
export function sampleNet(o: NetSampleOptions): NetSampleResult {
  const count = o.count ?? 1;
  const { config: c } = o.model;
  const n = count * c.dim;
  const eta = o.sampler === 'ddpm' ? 1 : (o.eta ?? 0);
  const seq = stepSequence(o.schedule.T, o.steps);
  const rng = createRng(o.seed);
  let x = fillGaussian(new Float32Array(n), rng);
  let next = new Float32Array(n);
  const x0hat = new Float32Array(n);
  const z = new Float32Array(n);
  const guided = o.label != null && (o.guidance ?? 1) !== 1;
  const rows = guided ? 2 * count : count;
  const buffers = {
    acts: allocActivations(c, rows, Float32Array),
    input: new Float32Array(rows * c.dim),
  };
  const snapshots: NetSampleResult['snapshots'] = o.snapshots ? [] : undefined;
  const x64 = new Float64Array(n);
  const out64 = new Float64Array(n);
  for (let k = 0; k < seq.length; k++) {
    const t = seq[k]!;
    const tPrev = seq[k + 1] ?? 0;
    const abT = alphaBarAt(o.schedule, t);
    const abPrev = alphaBarAt(o.schedule, tPrev);
    predict(o, x, abT, count, buffers, x0hat);
    snapshots?.push({ t, xt: x.slice(0, c.dim), x0hat: x0hat.slice(0, c.dim) });
    if (tPrev === 0) break;
    x64.set(x);
    const noisy = eta > 0 && abPrev < 1;
    if (noisy) fillGaussian(z, rng);
    if (o.sampler === 'ddpm') ddpmStep(x64, x0hat, abT, abPrev, noisy ? z : null, out64);
    else ddimStep(x64, x0hat, abT, abPrev, eta, noisy ? z : null, out64);
    next.set(out64);
    [x, next] = [next, x];
  }
  const result: NetSampleResult = { images: x0hat, steps: seq };
  if (snapshots) result.snapshots = snapshots;
  return result;
}
