/**
 * A small denoising network, written by hand in typed arrays, and its training: the DDPM
 * noise-prediction objective (Ho, Jain and Abbeel 2020, "Denoising Diffusion Probabilistic
 * Models", algorithm 1) with label dropout for classifier-free guidance (Ho and Salimans 2022),
 * optimised with Adam (Kingma and Ba 2015) and an exponential moving average of the weights.
 *
 * The network (a residual MLP; every layer is dense):
 *   e = SiLU(Wt sinusoid(t) + bt) + C[class]        timestep and class condition (H values)
 *   h0 = Win x_t + bin + e
 *   h_k = h_{k-1} + Wk SiLU(h_{k-1} + e) + bk       k = 1..L residual blocks
 *   eps_hat = Wout SiLU(h_L) + bout                 the predicted noise (D values)
 * sinusoid(t) is the Transformer's position code (Vaswani et al. 2017) that DDPM uses for t. The
 * class table has one extra row, the null class, used when the label is dropped in training and
 * for the unconditional half of guidance.
 *
 * Why hand-written: measured on the project's 2-core machine (see the commit that added it), a
 * training step of this network in plain Float32Array loops was faster than TensorFlow.js's CPU
 * backend, and it runs unchanged in a Web Worker and in Node with no dependency and no WASM
 * file to serve. Matrices are stored [in x out], row-major; the inner loops run along `out`.
 *
 * Pure: no DOM, no Node. Float64 is allowed too (the gradient tests use it).
 */
import type { Rng } from '../../../shared/random';
import { fillGaussian } from './diffusion';

export type Vec = Float32Array | Float64Array;

export interface NetConfig {
  /** Values per image (size x size x 3). */
  dim: number;
  /** Hidden width H. */
  hidden: number;
  /** Residual blocks L. */
  blocks: number;
  /** Sinusoidal embedding size for t (even). */
  timeDim: number;
  /** Real classes; the null class is index `classes`. */
  classes: number;
}

export interface Tensors<A extends Vec = Vec> {
  wt: A;
  bt: A;
  cls: A;
  win: A;
  bin: A;
  wb: A[];
  bb: A[];
  wout: A;
  bout: A;
}

/** The parameters' shapes, in storage order: the flat array is these one after another. */
export function layout(c: NetConfig): { name: string; size: number }[] {
  const out = [
    { name: 'wt', size: c.timeDim * c.hidden },
    { name: 'bt', size: c.hidden },
    { name: 'cls', size: (c.classes + 1) * c.hidden },
    { name: 'win', size: c.dim * c.hidden },
    { name: 'bin', size: c.hidden },
  ];
  for (let k = 0; k < c.blocks; k++) {
    out.push(
      { name: `w${k + 1}`, size: c.hidden * c.hidden },
      { name: `b${k + 1}`, size: c.hidden },
    );
  }
  out.push({ name: 'wout', size: c.hidden * c.dim }, { name: 'bout', size: c.dim });
  return out;
}

export function parameterCount(c: NetConfig): number {
  return layout(c).reduce((n, l) => n + l.size, 0);
}

/** Named views into one flat parameter (or gradient) array. */
export function views<A extends Vec>(c: NetConfig, flat: A): Tensors<A> {
  let at = 0;
  const take = (n: number) => {
    const v = flat.subarray(at, at + n) as A;
    at += n;
    return v;
  };
  const wt = take(c.timeDim * c.hidden);
  const bt = take(c.hidden);
  const cls = take((c.classes + 1) * c.hidden);
  const win = take(c.dim * c.hidden);
  const bin = take(c.hidden);
  const wb: A[] = [];
  const bb: A[] = [];
  for (let k = 0; k < c.blocks; k++) {
    wb.push(take(c.hidden * c.hidden));
    bb.push(take(c.hidden));
  }
  const wout = take(c.hidden * c.dim);
  const bout = take(c.dim);
  if (at !== flat.length) throw new RangeError(`expected ${at} parameters, got ${flat.length}`);
  return { wt, bt, cls, win, bin, wb, bb, wout, bout };
}

/**
 * Initial weights from a seed: each matrix N(0, 1 / fan_in) (LeCun), the blocks' and the output's
 * scaled by 0.5 so the residual sum starts near the identity, biases 0, class rows N(0, 1).
 */
export function initParams<A extends Vec>(c: NetConfig, rng: Rng, flat: A): A {
  const t = views(c, flat);
  const normal = (v: Vec, std: number) => {
    fillGaussian(v, rng);
    for (let i = 0; i < v.length; i++) v[i] = v[i]! * std;
  };
  normal(t.wt, 1 / Math.sqrt(c.timeDim));
  normal(t.cls, 1);
  normal(t.win, 1 / Math.sqrt(c.dim));
  for (const w of t.wb) normal(w, 0.5 / Math.sqrt(c.hidden));
  normal(t.wout, 0.5 / Math.sqrt(c.hidden));
  for (const b of [t.bt, t.bin, t.bout, ...t.bb]) b.fill(0);
  return flat;
}

/**
 * The sinusoidal code of a (possibly fractional) timestep: sin(t f_j) then cos(t f_j) with
 * f_j = 10000^(-j / (half - 1)), j = 0..half-1, as in DDPM's reference code.
 */
export function timeEmbedding(t: number, dim: number, out: Vec, offset = 0): void {
  const half = dim / 2;
  for (let j = 0; j < half; j++) {
    const f = Math.exp((-Math.log(10000) * j) / Math.max(1, half - 1));
    out[offset + j] = Math.sin(t * f);
    out[offset + half + j] = Math.cos(t * f);
  }
}

const sigmoid = (x: number) => 1 / (1 + Math.exp(-x));
export const silu = (x: number) => x * sigmoid(x);
/** d/dx SiLU(x) = sigma(x) (1 + x (1 - sigma(x))). */
export const siluGrad = (x: number) => {
  const s = sigmoid(x);
  return s * (1 + x * (1 - s));
};

/**
 * out[b, o] = bias[o] + sum_i x[b, i] w[i, o] (out: rows x n, x: rows x m, w: m x n). Rows go
 * four at a time so each weight read serves four rows (about twice as fast in V8).
 */
export function matmulBias(
  x: Vec,
  w: Vec,
  bias: Vec | null,
  rows: number,
  m: number,
  n: number,
  out: Vec,
): void {
  for (let b = 0; b < rows; b++) {
    if (bias) out.set(bias, b * n);
    else out.fill(0, b * n, b * n + n);
  }
  let b = 0;
  for (; b + 3 < rows; b += 4) {
    const r0 = b * n;
    const r1 = r0 + n;
    const r2 = r1 + n;
    const r3 = r2 + n;
    for (let i = 0; i < m; i++) {
      const x0 = x[b * m + i]!;
      const x1 = x[(b + 1) * m + i]!;
      const x2 = x[(b + 2) * m + i]!;
      const x3 = x[(b + 3) * m + i]!;
      const w0 = i * n;
      for (let o = 0; o < n; o++) {
        const wv = w[w0 + o]!;
        out[r0 + o] = out[r0 + o]! + x0 * wv;
        out[r1 + o] = out[r1 + o]! + x1 * wv;
        out[r2 + o] = out[r2 + o]! + x2 * wv;
        out[r3 + o] = out[r3 + o]! + x3 * wv;
      }
    }
  }
  for (; b < rows; b++) {
    const o0 = b * n;
    for (let i = 0; i < m; i++) {
      const xi = x[b * m + i]!;
      const w0 = i * n;
      for (let o = 0; o < n; o++) out[o0 + o] = out[o0 + o]! + xi * w[w0 + o]!;
    }
  }
}

/** gw[i, o] = gw[i, o]! + sum_b x[b, i] dy[b, o]; gb[o] = gb[o]! + sum_b dy[b, o]. Four rows at a time. */
function accumulateGrads(
  x: Vec,
  dy: Vec,
  rows: number,
  m: number,
  n: number,
  gw: Vec,
  gb: Vec | null,
) {
  if (gb)
    for (let b = 0; b < rows; b++) for (let o = 0; o < n; o++) gb[o] = gb[o]! + dy[b * n + o]!;
  let b = 0;
  for (; b + 3 < rows; b += 4) {
    const d0 = b * n;
    const d1 = d0 + n;
    const d2 = d1 + n;
    const d3 = d2 + n;
    for (let i = 0; i < m; i++) {
      const x0 = x[b * m + i]!;
      const x1 = x[(b + 1) * m + i]!;
      const x2 = x[(b + 2) * m + i]!;
      const x3 = x[(b + 3) * m + i]!;
      const w0 = i * n;
      for (let o = 0; o < n; o++) {
        gw[w0 + o] =
          gw[w0 + o]! + x0 * dy[d0 + o]! + x1 * dy[d1 + o]! + x2 * dy[d2 + o]! + x3 * dy[d3 + o]!;
      }
    }
  }
  for (; b < rows; b++) {
    const d0 = b * n;
    for (let i = 0; i < m; i++) {
      const xi = x[b * m + i]!;
      const w0 = i * n;
      for (let o = 0; o < n; o++) gw[w0 + o] = gw[w0 + o]! + xi * dy[d0 + o]!;
    }
  }
}

/** dx[b, i] = sum_o dy[b, o] w[i, o] (dx: rows x m). Adds into dx when `add`. */
function backInput(dy: Vec, w: Vec, rows: number, m: number, n: number, dx: Vec, add: boolean) {
  for (let b = 0; b < rows; b++) {
    const d0 = b * n;
    for (let i = 0; i < m; i++) {
      const w0 = i * n;
      let s = 0;
      for (let o = 0; o < n; o++) s += dy[d0 + o]! * w[w0 + o]!;
      dx[b * m + i] = add ? dx[b * m + i]! + s : s;
    }
  }
}

/** Everything the forward pass keeps for the backward pass (batch-sized buffers, reused). */
export interface Activations {
  rows: number;
  temb: Vec;
  tpre: Vec;
  cond: Vec;
  /** h_0..h_L. */
  h: Vec[];
  /** pre-activations h_{k-1} + e and their SiLU, per block. */
  pre: Vec[];
  act: Vec[];
  actOut: Vec;
  out: Vec;
}

export function allocActivations(
  c: NetConfig,
  rows: number,
  F: new (n: number) => Vec,
): Activations {
  const H = rows * c.hidden;
  return {
    rows,
    temb: new F(rows * c.timeDim),
    tpre: new F(H),
    cond: new F(H),
    h: Array.from({ length: c.blocks + 1 }, () => new F(H)),
    pre: Array.from({ length: c.blocks }, () => new F(H)),
    act: Array.from({ length: c.blocks }, () => new F(H)),
    actOut: new F(H),
    out: new F(rows * c.dim),
  };
}

/**
 * eps_hat for `rows` noisy images at (fractional) timesteps `t` and classes `labels` (index
 * `classes` = null). Writes every activation into `a` and returns `a.out` (rows x dim).
 */
export function forward(
  c: NetConfig,
  p: Tensors,
  x: Vec,
  t: ArrayLike<number>,
  labels: ArrayLike<number>,
  a: Activations,
): Vec {
  const { rows } = a;
  const H = c.hidden;
  for (let b = 0; b < rows; b++) timeEmbedding(t[b]!, c.timeDim, a.temb, b * c.timeDim);
  matmulBias(a.temb, p.wt, p.bt, rows, c.timeDim, H, a.tpre);
  for (let b = 0; b < rows; b++) {
    const label = labels[b]!;
    if (!(label >= 0 && label <= c.classes)) throw new RangeError(`class ${label} is out of range`);
    for (let o = 0; o < H; o++)
      a.cond[b * H + o] = silu(a.tpre[b * H + o]!) + p.cls[label * H + o]!;
  }
  const h0 = a.h[0]!;
  matmulBias(x, p.win, p.bin, rows, c.dim, H, h0);
  for (let i = 0; i < h0.length; i++) h0[i] = h0[i]! + a.cond[i]!;
  for (let k = 0; k < c.blocks; k++) {
    const prev = a.h[k]!;
    const pre = a.pre[k]!;
    const act = a.act[k]!;
    for (let i = 0; i < pre.length; i++) {
      pre[i] = prev[i]! + a.cond[i]!;
      act[i] = silu(pre[i]!);
    }
    const next = a.h[k + 1]!;
    matmulBias(act, p.wb[k]!, p.bb[k]!, rows, H, H, next);
    for (let i = 0; i < next.length; i++) next[i] = next[i]! + prev[i]!;
  }
  const last = a.h[c.blocks]!;
  for (let i = 0; i < last.length; i++) a.actOut[i] = silu(last[i]!);
  matmulBias(a.actOut, p.wout, p.bout, rows, H, c.dim, a.out);
  return a.out;
}

/**
 * Back-propagates dL/d(out) (`dOut`, rows x dim) through the pass recorded in `a`, adding the
 * parameter gradients into `g` (zero it first). `scratch` holds three rows x H buffers.
 */
export function backward(
  c: NetConfig,
  p: Tensors,
  g: Tensors,
  x: Vec,
  labels: ArrayLike<number>,
  a: Activations,
  dOut: Vec,
  scratch: [Vec, Vec, Vec],
): void {
  const { rows } = a;
  const H = c.hidden;
  const [dh, dcond, dtmp] = scratch;
  accumulateGrads(a.actOut, dOut, rows, H, c.dim, g.wout, g.bout);
  backInput(dOut, p.wout, rows, H, c.dim, dh, false);
  const last = a.h[c.blocks]!;
  for (let i = 0; i < dh.length; i++) dh[i] = dh[i]! * siluGrad(last[i]!);
  dcond.fill(0);
  for (let k = c.blocks - 1; k >= 0; k--) {
    // h_{k+1} = h_k + Wk SiLU(h_k + e) + bk: dh flows through the skip unchanged.
    accumulateGrads(a.act[k]!, dh, rows, H, H, g.wb[k]!, g.bb[k]!);
    backInput(dh, p.wb[k]!, rows, H, H, dtmp, false);
    const pre = a.pre[k]!;
    for (let i = 0; i < dtmp.length; i++) {
      const d = dtmp[i]! * siluGrad(pre[i]!);
      dh[i] = dh[i]! + d;
      dcond[i] = dcond[i]! + d;
    }
  }
  accumulateGrads(x, dh, rows, c.dim, H, g.win, g.bin);
  for (let i = 0; i < dh.length; i++) dcond[i] = dcond[i]! + dh[i]!;
  for (let b = 0; b < rows; b++) {
    const label = labels[b]!;
    for (let o = 0; o < H; o++) {
      const d = dcond[b * H + o]!;
      g.cls[label * H + o] = g.cls[label * H + o]! + d;
      dtmp[b * H + o] = d * siluGrad(a.tpre[b * H + o]!);
    }
  }
  accumulateGrads(a.temb, dtmp, rows, c.timeDim, H, g.wt, g.bt);
}

/** Mean squared error over every value, and its gradient 2 (pred - target) / n into `grad`. */
export function mseLoss(pred: Vec, target: Vec, grad: Vec): number {
  const n = pred.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const d = pred[i]! - target[i]!;
    sum += d * d;
    grad[i] = (2 * d) / n;
  }
  return sum / n;
}

/**
 * sum_b w_b ||pred_b - target_b||^2 / n (n = every value): a mean squared error whose rows carry
 * weights, and its gradient into `grad`.
 */
export function weightedMseLoss(
  pred: Vec,
  target: Vec,
  rowWeights: ArrayLike<number>,
  grad: Vec,
): number {
  const n = pred.length;
  const dim = n / rowWeights.length;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const w = rowWeights[Math.floor(i / dim)]!;
    const d = pred[i]! - target[i]!;
    sum += w * d * d;
    grad[i] = (2 * w * d) / n;
  }
  return sum / n;
}

export interface AdamState<A extends Vec = Vec> {
  m: A;
  v: A;
  step: number;
}

export interface AdamOptions {
  lr: number;
  beta1?: number;
  beta2?: number;
  eps?: number;
}

/**
 * One Adam step (Kingma and Ba 2015, algorithm 1): m = b1 m + (1 - b1) g, v = b2 v + (1 - b2) g^2,
 * theta -= lr (m / (1 - b1^t)) / (sqrt(v / (1 - b2^t)) + eps).
 */
export function adamStep(params: Vec, grads: Vec, state: AdamState, o: AdamOptions): void {
  const b1 = o.beta1 ?? 0.9;
  const b2 = o.beta2 ?? 0.999;
  const eps = o.eps ?? 1e-8;
  state.step += 1;
  const c1 = 1 - b1 ** state.step;
  const c2 = 1 - b2 ** state.step;
  const { m, v } = state;
  for (let i = 0; i < params.length; i++) {
    const gi = grads[i]!;
    m[i] = b1 * m[i]! + (1 - b1) * gi;
    v[i] = b2 * v[i]! + (1 - b2) * gi * gi;
    params[i] = params[i]! - (o.lr * (m[i]! / c1)) / (Math.sqrt(v[i]! / c2) + eps);
  }
}

/** ema = decay ema + (1 - decay) params: the smoothed weights sampling uses. */
export function emaUpdate(ema: Vec, params: Vec, decay: number): void {
  for (let i = 0; i < ema.length; i++) ema[i] = decay * ema[i]! + (1 - decay) * params[i]!;
}
