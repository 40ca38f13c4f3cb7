/**
 * The trained diffusion model's math (renderer/src/lib/denoiser-*.ts). Expected values are
 * re-derived here, not snapshots: gradients against central finite differences in float64,
 * Adam against the update computed by hand from Kingma and Ba (2015), algorithm 1, the training
 * batch's noising against lib/diffusion.ts's closed form x_t = sqrt(abar) x0 + sqrt(1 - abar) eps
 * (Ho et al. 2020, eq. 4), and that closed form against t single Gaussian steps, by Monte Carlo
 * with a tolerance of 5 standard errors.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/random';
import {
  alphaBarAt,
  cosineSchedule,
  fillGaussian,
  forwardSample,
} from '../../renderer/src/lib/diffusion';
import {
  adamStep,
  allocActivations,
  backward,
  forward,
  initParams,
  layout,
  matmulBias,
  parameterCount,
  timeEmbedding,
  views,
  weightedMseLoss,
  type NetConfig,
} from '../../renderer/src/lib/denoiser-net';
import {
  DEFAULT_NET,
  createTrainer,
  drawBatch,
  learningRate,
  netTime,
  trainStep,
  DEFAULT_TRAIN,
} from '../../renderer/src/lib/denoiser-train';
import {
  decodeWeights,
  encodeWeights,
  fromHalf,
  toHalf,
} from '../../renderer/src/lib/denoiser-weights';
import { shapesDataset } from '../../renderer/src/lib/shapes';

const TINY: NetConfig = { dim: 6, hidden: 5, blocks: 2, timeDim: 4, classes: 2 };

describe('the network', () => {
  it('counts its parameters from the layout', () => {
    // 64*256 + 256 + 5*256 + 768*256 + 256 + 2*(256*256 + 256) + 256*768 + 768
    expect(parameterCount(DEFAULT_NET)).toBe(543_744);
    expect(layout(TINY).map((l) => l.name)).toEqual([
      'wt',
      'bt',
      'cls',
      'win',
      'bin',
      'w1',
      'b1',
      'w2',
      'b2',
      'wout',
      'bout',
    ]);
  });

  it('multiplies matrices like the definition, four rows at a time and the rest', () => {
    const rows = 6;
    const m = 3;
    const n = 2;
    const x = Float64Array.from({ length: rows * m }, (_, i) => i - 4);
    const w = Float64Array.from([1, 2, -1, 0.5, 3, -2]);
    const out = new Float64Array(rows * n);
    matmulBias(x, w, Float64Array.from([10, 20]), rows, m, n, out);
    for (let b = 0; b < rows; b++) {
      for (let o = 0; o < n; o++) {
        let s = o === 0 ? 10 : 20;
        for (let i = 0; i < m; i++) s += x[b * m + i]! * w[i * n + o]!;
        expect(out[b * n + o]).toBeCloseTo(s, 12);
      }
    }
  });

  it('encodes the timestep as DDPM does: sin then cos of t times 10000^(-j/(half-1))', () => {
    const out = new Float64Array(4);
    timeEmbedding(2, 4, out);
    const expected = [Math.sin(2), Math.sin(2 / 10000), Math.cos(2), Math.cos(2 / 10000)];
    expected.forEach((v, i) => expect(out[i]).toBeCloseTo(v, 14));
  });

  it('back-propagates the exact gradient (central finite differences, float64)', () => {
    const rows = 5; // one block of four rows and one left over
    const n = parameterCount(TINY);
    const p = initParams(TINY, createRng(1), new Float64Array(n));
    const x = fillGaussian(new Float64Array(rows * TINY.dim), createRng(2));
    const target = fillGaussian(new Float64Array(rows * TINY.dim), createRng(3));
    const t = [3, 500.5, 999, 0, 42];
    const labels = [0, 2, 1, 2, 0];
    const rowWeights = [1, 0.5, 5, 2, 1];
    const a = allocActivations(TINY, rows, Float64Array);
    const grad = new Float64Array(rows * TINY.dim);
    const loss = (q: Float64Array) =>
      weightedMseLoss(forward(TINY, views(TINY, q), x, t, labels, a), target, rowWeights, grad);
    loss(p);
    const g = new Float64Array(n);
    const H = rows * TINY.hidden;
    const scratch: [Float64Array, Float64Array, Float64Array] = [
      new Float64Array(H),
      new Float64Array(H),
      new Float64Array(H),
    ];
    backward(TINY, views(TINY, p), views(TINY, g), x, labels, a, grad, scratch);
    const h = 1e-6;
    for (let i = 0; i < n; i++) {
      const q = p.slice();
      q[i] = p[i]! + h;
      const up = loss(q);
      q[i] = p[i]! - h;
      const down = loss(q);
      const fd = (up - down) / (2 * h);
      expect(Math.abs(fd - g[i]!)).toBeLessThan(1e-7 + 1e-5 * Math.abs(fd));
    }
  });
});

describe('Adam', () => {
  it('takes the step computed by hand', () => {
    // Step 1: m = 0.1 g, v = 0.001 g^2, m_hat = g, v_hat = g^2, so each weight moves by
    // lr * g / (|g| + eps) = lr * sign(g) (to 1e-7 relative). Step 2 with the same g: m = 0.19 g,
    // m_hat = 0.19 g / 0.19 = g; v = 0.001999 g^2, v_hat = g^2 again: the same move.
    const params = Float64Array.from([1, -2, 0.3]);
    const grads = Float64Array.from([0.5, -0.1, 0]);
    const state = { m: new Float64Array(3), v: new Float64Array(3), step: 0 };
    adamStep(params, grads, state, { lr: 0.1 });
    expect(params[0]).toBeCloseTo(0.9, 7);
    expect(params[1]).toBeCloseTo(-1.9, 7);
    expect(params[2]).toBe(0.3);
    expect(state.m[0]).toBeCloseTo(0.05, 15);
    expect(state.v[0]).toBeCloseTo(0.00025, 15);
    adamStep(params, grads, state, { lr: 0.1 });
    expect(params[0]).toBeCloseTo(0.8, 7);
    expect(params[1]).toBeCloseTo(-1.8, 7);
    // A smaller gradient after two large ones, every moment written out:
    grads[0] = 0.05;
    const before = params[0]!;
    adamStep(params, grads, state, { lr: 0.1 });
    const m = 0.9 * (0.9 * 0.05 + 0.1 * 0.5) + 0.1 * 0.05;
    const v = 0.999 * (0.999 * 0.00025 + 0.001 * 0.25) + 0.001 * 0.0025;
    const move = (0.1 * (m / (1 - 0.9 ** 3))) / (Math.sqrt(v / (1 - 0.999 ** 3)) + 1e-8);
    expect(params[0]).toBeCloseTo(before - move, 14);
  });

  it('warms the learning rate up, then decays it to 10% of the peak', () => {
    const o = { ...DEFAULT_TRAIN, lr: 1e-3, warmup: 10, steps: 110 };
    expect(learningRate(o, 0)).toBeCloseTo(1e-4, 15);
    expect(learningRate(o, 9)).toBeCloseTo(1e-3, 15);
    expect(learningRate(o, 60)).toBeCloseTo(1e-3 * 0.55, 15);
    expect(learningRate(o, 110)).toBeCloseTo(1e-4, 15);
  });
});

describe('training batches', () => {
  const data = shapesDataset(64, 5);

  it('noises each image with the closed form at its own step', () => {
    const tr = createTrainer(3, { ...DEFAULT_TRAIN, batch: 8 });
    drawBatch(tr, data);
    const D = tr.config.dim;
    for (let b = 0; b < 8; b++) {
      const expected = forwardSample(
        tr.x0.subarray(b * D, (b + 1) * D),
        tr.eps.subarray(b * D, (b + 1) * D),
        tr.schedule,
        tr.stepOf[b]!,
      );
      for (let j = 0; j < D; j++) expect(tr.xt[b * D + j]).toBeCloseTo(expected[j]!, 5);
      expect(tr.t[b]).toBeCloseTo(tr.stepOf[b]!, 6);
    }
  });

  it('matches t single Gaussian steps (mean sqrt(abar) x0, variance 1 - abar)', () => {
    const s = cosineSchedule(1000);
    const t = 300;
    const x0 = 0.7;
    const n = 20_000;
    const rng = createRng(11);
    const z = new Float64Array(t);
    let sum = 0;
    let sq = 0;
    for (let k = 0; k < n; k++) {
      fillGaussian(z, rng);
      let x = x0;
      for (let i = 0; i < t; i++) x = Math.sqrt(s.alphas[i]!) * x + Math.sqrt(s.betas[i]!) * z[i]!;
      sum += x;
      sq += x * x;
    }
    const ab = alphaBarAt(s, t);
    const mean = sum / n;
    const variance = sq / n - mean * mean;
    expect(Math.abs(mean - Math.sqrt(ab) * x0)).toBeLessThan(5 * Math.sqrt((1 - ab) / n));
    expect(Math.abs(variance - (1 - ab))).toBeLessThan(5 * (1 - ab) * Math.sqrt(2 / n));
  });

  it('drops about a tenth of the labels to the null class', () => {
    const tr = createTrainer(4, { ...DEFAULT_TRAIN, batch: 64 });
    let dropped = 0;
    for (let i = 0; i < 50; i++) {
      drawBatch(tr, data);
      dropped += tr.labels.filter((l) => l === tr.config.classes).length;
    }
    // 3200 draws at p = 0.1: standard error 0.0053.
    expect(Math.abs(dropped / 3200 - 0.1)).toBeLessThan(5 * 0.0053);
  });

  it('tells the network the noise level as a cosine-schedule step, for either schedule', () => {
    const s = cosineSchedule(1000);
    for (const t of [1, 10, 250, 500, 900, 990])
      expect(netTime(alphaBarAt(s, t))).toBeCloseTo(t, 6);
    expect(netTime(1)).toBe(0);
  });

  it('lowers the loss on a small set, and the same seed gives the same weights', () => {
    const small: NetConfig = { ...DEFAULT_NET, hidden: 32 };
    const run = () => {
      const tr = createTrainer(9, { ...DEFAULT_TRAIN, batch: 16, warmup: 5, steps: 60 }, small);
      const losses: number[] = [];
      for (let i = 0; i < 60; i++) losses.push(trainStep(tr, data));
      return { tr, losses };
    };
    const a = run();
    const b = run();
    const mean = (xs: number[]) => xs.reduce((x, y) => x + y, 0) / xs.length;
    expect(mean(a.losses.slice(-10))).toBeLessThan(0.8 * mean(a.losses.slice(0, 10)));
    expect(a.tr.ema).toEqual(b.tr.ema);
  });
});

describe('the weights file', () => {
  it('round-trips float16 exactly where float16 can, and to 11 bits elsewhere', () => {
    for (const v of [0, 1, -2, 0.5, 65504, 2 ** -24, -(2 ** -14)])
      expect(fromHalf(toHalf(v))).toBe(v);
    expect(fromHalf(toHalf(1e6))).toBe(Infinity);
    expect(fromHalf(toHalf(0.1))).toBeCloseTo(0.0999755859375, 15); // nearest half to 0.1
    expect(toHalf(1 + 2 ** -11)).toBe(0x3c00); // a tie rounds to even
    expect(toHalf(1 + 3 * 2 ** -11)).toBe(0x3c02);
    const values = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i) * 3);
    const back = decodeWeights(encodeWeights(values), values.length);
    for (let i = 0; i < values.length; i++) {
      expect(Math.abs(back[i]! - values[i]!)).toBeLessThanOrEqual(Math.abs(values[i]!) * 2 ** -11);
    }
    expect(() => decodeWeights(encodeWeights(values), 999)).toThrow(/expected 1998 bytes/);
  });
});
