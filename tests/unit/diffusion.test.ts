/**
 * The diffusion lab's math. Every expected number here was computed independently of
 * renderer/src/lib/diffusion.ts: by hand (the algebra is written out in the comments), with
 * Python's fractions module (exact rational arithmetic) or mpmath at 25-30 significant digits,
 * and written as the nearest double, or by code in this file that re-derives the quantity another
 * way (finite differences, a separately written density). None is a snapshot of the module's
 * output. Statistical checks use tolerances of 5 standard errors for the number of draws, and
 * fixed seeds, so they cannot flake.
 */
import { describe, expect, it } from 'vitest';
import {
  alphaBarAt,
  cosineSchedule,
  ddimStep,
  ddpmStep,
  denoise,
  epsFromX0,
  forwardSample,
  gaussian,
  gaussianArray,
  gmmDenoise,
  gmmLogDensity,
  gmmScore,
  guidedPrediction,
  linearSchedule,
  noiseRate,
  posteriorWeights,
  reverseSample,
  sampleParticles,
  signalRate,
  snr,
  stepSequence,
  toRgba,
  toSignedPixels,
  type DatasetItem,
  type Gmm2,
} from '../../renderer/src/lib/diffusion';
import { createRng } from '../../shared/random';

function expectRelClose(actual: number, expected: number, rel = 1e-9) {
  expect(Math.abs(actual - expected)).toBeLessThanOrEqual(rel * Math.abs(expected));
}

function expectAllClose(actual: ArrayLike<number>, expected: readonly number[], tol = 1e-12) {
  expect(actual.length).toBe(expected.length);
  expected.forEach((e, i) => expect(Math.abs(actual[i]! - e)).toBeLessThanOrEqual(tol));
}

function meanAndVariance(xs: ArrayLike<number>): { mean: number; variance: number } {
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += xs[i]!;
  const mean = sum / xs.length;
  let ss = 0;
  for (let i = 0; i < xs.length; i++) ss += (xs[i]! - mean) ** 2;
  return { mean, variance: ss / (xs.length - 1) };
}

/** Nearest training image by brute force, written here rather than taken from the module. */
function nearest(x: ArrayLike<number>, dataset: readonly DatasetItem[]): number {
  const dists = dataset.map((item) => {
    let d = 0;
    for (let j = 0; j < x.length; j++) d += (x[j]! - item.pixels[j]!) ** 2;
    return d;
  });
  return dists.indexOf(Math.min(...dists));
}

describe('linear schedule', () => {
  // Reference: Python, exact rational arithmetic with fractions.Fraction:
  //   beta_i = scale/10000 + (scale/50 - scale/10000) * i/(T-1), i = 0..T-1, scale = 1000/T
  //   alpha_bar_t = prod_{i < t} (1 - beta_i), then printed with mpmath at 30 digits.
  // numpy.cumprod(1 - numpy.linspace(...)) in float64 agrees to ~1e-15 relative.
  it('T = 1000 ends near 4.0e-5 and is ~0.079 at the midpoint', () => {
    const s = linearSchedule(1000);
    expect(s.T).toBe(1000);
    expect(s.betas).toHaveLength(1000);
    expect(s.alphas).toHaveLength(1000);
    expect(s.alphaBars).toHaveLength(1000);
    expectRelClose(s.betas[0]!, 1e-4, 1e-12);
    expectRelClose(s.betas[999]!, 0.02, 1e-12);
    // The commonly quoted value: within a few percent of 4.0e-5.
    expect(Math.abs(s.alphaBars[999]! / 4.0e-5 - 1)).toBeLessThan(0.03);
    // Exact: 4.03582976537568331481763516155e-5 and 0.0785872428817782373432898268911.
    expectRelClose(alphaBarAt(s, 1000), 4.0358297653756835e-5);
    expectRelClose(alphaBarAt(s, 500), 0.07858724288177824);
    // Index t - 1 holds step t: alpha_bar_1 = 1 - beta_1.
    expect(alphaBarAt(s, 1)).toBe(1 - 1e-4);
    expect(alphaBarAt(s, 0)).toBe(1);
  });

  it('T = 50 is rescaled so that it also ends in pure noise', () => {
    const s = linearSchedule(50);
    // scale = 1000/50 = 20: betas from 0.002 to 0.4.
    expectRelClose(s.betas[0]!, 0.002, 1e-12);
    expectRelClose(s.betas[49]!, 0.4, 1e-12);
    // Exact (fractions): 7.74476569922673730959236389769e-6; midpoint t = 25:
    // 0.0690889830620726951239830444454.
    expectRelClose(alphaBarAt(s, 50), 7.744765699226738e-6);
    expectRelClose(alphaBarAt(s, 25), 0.0690889830620727);
    // Without rescaling (betas 1e-4..0.02 over only 50 steps), alpha_bar_50 would be
    // 0.602951597329714903450059280988 (fractions): 60% of the signal variance left, i.e. the
    // "noise" end of the chain would still show the picture. Re-derived here without the module:
    let unscaled = 1;
    for (let i = 0; i < 50; i++) unscaled *= 1 - (1e-4 + ((0.02 - 1e-4) * i) / 49);
    expectRelClose(unscaled, 0.6029515973297149);
  });

  it('signal rate, noise rate and SNR follow from alpha-bar', () => {
    const s = linearSchedule(1000);
    const ab = 0.07858724288177824; // t = 500, as above
    expectRelClose(signalRate(s, 500), Math.sqrt(ab));
    expectRelClose(noiseRate(s, 500), Math.sqrt(1 - ab));
    expectRelClose(snr(s, 500), ab / (1 - ab));
    expect(signalRate(s, 0)).toBe(1);
    expect(noiseRate(s, 0)).toBe(0);
    expect(snr(s, 0)).toBe(Infinity);
  });

  it('rejects step counts whose betas would reach 1, and steps outside 0..T', () => {
    expect(() => linearSchedule(20)).toThrow(RangeError); // beta_T = 20/20 = 1
    expect(() => linearSchedule(1.5)).toThrow(RangeError);
    expect(() => alphaBarAt(linearSchedule(50), 51)).toThrow(RangeError);
    expect(() => alphaBarAt(linearSchedule(50), -1)).toThrow(RangeError);
  });
});

describe('cosine schedule', () => {
  // Reference: mpmath, 30 digits. f(t) = cos^2(((t/1000) + 0.008)/1.008 * pi/2).
  //   f(500)/f(0) = 0.493843590440637713316552680669
  //   f(250)/f(0) = 0.847012161326904734460266650163
  //   beta_1 = 1 - f(1)/f(0) = 4.12842248217778023534644271169e-5
  //   beta_999 = 0.74999939290116202778276785027; beta_1000 = 1 exactly (f(1000) = cos^2(pi/2)),
  //   the only beta above 0.999, so capped. alpha_bar_999 = f(999)/f(0) =
  //   2.4287669070344683559891564838e-6, alpha_bar_1000 = alpha_bar_999 * (1 - 0.999).
  const s = cosineSchedule(1000);

  it('matches the closed form', () => {
    expectRelClose(alphaBarAt(s, 500), 0.4938435904406377);
    expectRelClose(alphaBarAt(s, 250), 0.8470121613269047);
    expectRelClose(s.betas[0]!, 4.1284224821777805e-5, 1e-8);
    expectRelClose(s.betas[998]!, 0.749999392901162, 1e-8);
    expectRelClose(alphaBarAt(s, 999), 2.428766907034468e-6, 1e-8);
    expectRelClose(alphaBarAt(s, 1000), 2.4287669070344683e-9, 1e-8);
  });

  it('caps betas at 0.999 (only the last one needs it) and alpha-bar strictly decreases', () => {
    expect(s.betas[999]).toBe(0.999);
    expect(s.betas.filter((b) => b === 0.999)).toHaveLength(1);
    expect(Math.max(...s.betas)).toBe(0.999);
    for (let i = 1; i < s.T; i++) expect(s.alphaBars[i]!).toBeLessThan(s.alphaBars[i - 1]!);
    // alpha_t = 1 - beta_t everywhere.
    s.alphas.forEach((a, i) => expect(a).toBe(1 - s.betas[i]!));
  });
});

describe('stepSequence', () => {
  it('spaces steps evenly from T down to 1', () => {
    // round(1 + k * 9/3) for k = 3..0.
    expect(stepSequence(10, 4)).toEqual([10, 7, 4, 1]);
    expect(stepSequence(10, 1)).toEqual([10]);
    const seq = stepSequence(1000, 50);
    expect(seq).toHaveLength(50);
    expect(seq[0]).toBe(1000);
    // k = 1: round(1 + 999/49) = round(21.39) = 21.
    expect(seq.slice(-2)).toEqual([21, 1]);
    for (let k = 1; k < seq.length; k++) expect(seq[k]!).toBeLessThan(seq[k - 1]!);
    expect(stepSequence(50, 50)).toEqual(Array.from({ length: 50 }, (_, i) => 50 - i));
    expect(() => stepSequence(50, 51)).toThrow(RangeError);
  });
});

describe('seeded Gaussian noise', () => {
  // n = 3 * 256 * 256 draws. Standard errors: mean 1/sqrt(n) = 0.00226; sample variance
  // sqrt(2/n) = 0.00319; fraction inside |z| < 1 (p = erf(1/sqrt 2) = 0.682689492137086, from
  // Python's math.erf) sqrt(p (1 - p)/n) = 0.00105. Tolerances are 5 standard errors.
  const n = 3 * 256 * 256;

  it('gaussianArray has mean 0, variance 1 and the normal one-sigma mass', () => {
    const z = gaussianArray(n, 42);
    expect(z).toHaveLength(n);
    const { mean, variance } = meanAndVariance(z);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(n));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / n));
    const inside = z.filter((v) => Math.abs(v) < 1).length / n;
    const p = 0.682689492137086;
    expect(Math.abs(inside - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / n));
  });

  it('gaussian(rng) draws single standard normals', () => {
    const rng = createRng(7);
    const m = 100_000;
    const xs = Array.from({ length: m }, () => gaussian(rng));
    const { mean, variance } = meanAndVariance(xs);
    expect(Math.abs(mean)).toBeLessThan(5 / Math.sqrt(m));
    expect(Math.abs(variance - 1)).toBeLessThan(5 * Math.sqrt(2 / m));
  });

  it('is deterministic per seed', () => {
    expect(gaussianArray(1001, 3)).toEqual(gaussianArray(1001, 3));
    expect(gaussianArray(1001, 3)).not.toEqual(gaussianArray(1001, 4));
    // A prefix of a longer draw is the shorter draw (pairs are filled in order).
    expect(gaussianArray(1000, 3)).toEqual(gaussianArray(1001, 3).subarray(0, 1000));
  });
});

describe('pixel conversion', () => {
  it('maps bytes to [-1, 1] by x/127.5 - 1 and drops alpha', () => {
    const rgba = new Uint8ClampedArray([0, 255, 51, 9, 204, 0, 255, 200]);
    // 51/127.5 - 1 = -0.6; 204/127.5 - 1 = 0.6 (as float32).
    expectAllClose(toSignedPixels(rgba), [-1, 1, -0.6, 0.6, -1, 1], 1e-7);
  });

  it('maps back with clamping and opaque alpha, and round-trips every byte', () => {
    // (v + 1) * 127.5 rounded: 2 -> clamped 1 -> 255; -3 -> 0; 0 -> 127.5 -> 128; -0.6 -> 51.
    expect([...toRgba(new Float64Array([2, -3, 0, -0.6, 0.6, 1]))]).toEqual([
      255, 0, 128, 255, 51, 204, 255, 255,
    ]);
    const bytes = new Uint8ClampedArray(256 * 4);
    for (let v = 0; v < 256; v++) bytes.set([v, 255 - v, v, 255], 4 * v);
    expect(toRgba(toSignedPixels(bytes))).toEqual(bytes);
  });
});

describe('forward diffusion', () => {
  it('has the marginal N(sqrt(ab) x0, 1 - ab) for a constant image', () => {
    // x0 = 0.5 everywhere, t = 500 of the linear T = 1000 schedule, ab = 0.0785872428817782
    // (fractions, above). mpmath: sqrt(ab) * 0.5 = 0.140167081443699, 1 - ab = 0.921412757118222.
    // n draws: standard error of the mean sqrt((1 - ab)/n), of the variance (1 - ab) sqrt(2/n).
    const n = 3 * 256 * 256;
    const s = linearSchedule(1000);
    const x0 = new Float32Array(n).fill(0.5);
    const xt = forwardSample(x0, gaussianArray(n, 11), s, 500);
    const { mean, variance } = meanAndVariance(xt);
    const v = 0.9214127571182218;
    expect(Math.abs(mean - 0.14016708144369905)).toBeLessThan(5 * Math.sqrt(v / n));
    expect(Math.abs(variance - v)).toBeLessThan(5 * v * Math.sqrt(2 / n));
  });

  it('is exact per pixel and can write into a given buffer', () => {
    const s = linearSchedule(1000);
    // ab_1 = 1 - 1e-4: x_1 = sqrt(0.9999) x0 + 0.01 eps.
    const out = new Float64Array(2);
    const r = forwardSample(new Float64Array([1, -0.5]), new Float64Array([2, 3]), s, 1, out);
    expect(r).toBe(out);
    expectAllClose(out, [Math.sqrt(0.9999) + 0.02, -0.5 * Math.sqrt(0.9999) + 0.03], 1e-14);
    // t = 0 is the clean image.
    expectAllClose(forwardSample(new Float64Array([0.25]), new Float64Array([9]), s, 0), [0.25]);
  });
});

describe('the exact denoiser', () => {
  // Two 3-pixel "images" y1 = [1,1,1], y2 = [-1,-1,-1]; x_t = [0.3, 0.1, -0.2]; ab = 0.64, so
  // sqrt(ab) = 0.8 and 1 - ab = 0.36.
  //   ||x - 0.8 y1||^2 = 0.5^2 + 0.7^2 + 1.0^2 = 1.74
  //   ||x + 0.8 y1||^2 = 1.1^2 + 0.9^2 + 0.6^2 = 2.38
  //   logit1 - logit2 = (2.38 - 1.74) / (2 * 0.36) = 8/9
  //   w1 = sigmoid(8/9) = 0.7086608250294356 (mpmath), w2 = 1 - w1
  //   E[x0 | x_t] = (w1 - w2) * [1,1,1] = tanh(4/9) * [1,1,1] = 0.4173216500588711
  //   eps = (x - 0.8 * 0.41732165) / 0.6 = [-0.0564288667451615, -0.3897622000784948,
  //   -0.8897622000784948]
  const y1 = new Float64Array([1, 1, 1]);
  const y2 = new Float64Array([-1, -1, -1]);
  const xt = new Float64Array([0.3, 0.1, -0.2]);
  const ds: DatasetItem[] = [
    { pixels: y1, label: 'a' },
    { pixels: y2, label: 'b' },
  ];
  const th = 0.4173216500588711;

  it('weights and posterior mean match the hand computation', () => {
    expectAllClose(posteriorWeights(xt, ds, 0.64), [0.7086608250294356, 0.2913391749705644]);
    expectAllClose(denoise(xt, ds, 0.64), [th, th, th]);
    expectAllClose(
      epsFromX0(xt, denoise(xt, ds, 0.64), 0.64),
      [-0.0564288667451615, -0.3897622000784948, -0.8897622000784948],
    );
  });

  it('uses the prior weights', () => {
    // pi = (0.25, 0.75): logit difference 8/9 + ln(1/3); w1 = 0.4477604846593092 (mpmath),
    // E = 2 w1 - 1 = -0.10447903068138169.
    const weighted = [
      { pixels: y1, weight: 1 },
      { pixels: y2, weight: 3 },
    ];
    expectAllClose(posteriorWeights(xt, weighted, 0.64), [0.4477604846593092, 0.5522395153406908]);
    expectAllClose(
      denoise(xt, weighted, 0.64),
      [-0.10447903068138169, -0.10447903068138169, -0.10447903068138169],
    );
  });

  it('stays finite when the exponents are huge (log-sum-exp)', () => {
    // ab = 1 - 1e-12: the logits are of order 1e12; a naive softmax gives 0/0 = NaN.
    const w = posteriorWeights(new Float64Array([0.9, 1, 1]), ds, 1 - 1e-12);
    expect([...w]).toEqual([1, 0]);
    // ab = 1 (no noise) takes the limit: the nearest image.
    expect([...posteriorWeights(new Float64Array([-0.2, 0, 0]), ds, 1)]).toEqual([0, 1]);
  });

  it('restricts to a class and applies classifier-free guidance (diffusers convention)', () => {
    // Conditional on 'a' there is only y1: x0_cond = y1, eps_cond = (x - 0.8)/0.6 =
    // [-5/6, -7/6, -10/6].
    expectAllClose(denoise(xt, ds, 0.64, { label: 'a' }), [1, 1, 1]);
    const epsCond = [-5 / 6, -7 / 6, -10 / 6];
    const epsUncond = [-0.0564288667451615, -0.3897622000784948, -0.8897622000784948];
    for (const w of [0, 1, 3]) {
      const g = guidedPrediction(xt, ds, 0.64, 'a', w);
      expectAllClose(g.epsCond, epsCond);
      expectAllClose(g.epsUncond, epsUncond);
      // eps = eps_uncond + w (eps_cond - eps_uncond)
      expectAllClose(
        g.eps,
        epsUncond.map((u, i) => u + w * (epsCond[i]! - u)),
        1e-12,
      );
    }
    // x0hat: w = 0 is the unconditional tanh(4/9), w = 1 is y1, w = 3 is 3 - 2 tanh(4/9) =
    // 2.165356699882258 (outside [-1, 1]: why samplers clip).
    expectAllClose(guidedPrediction(xt, ds, 0.64, 'a', 0).x0hat, [th, th, th]);
    expectAllClose(guidedPrediction(xt, ds, 0.64, 'a', 1).x0hat, [1, 1, 1]);
    const x3 = 2.1653566998822575;
    expectAllClose(guidedPrediction(xt, ds, 0.64, 'a', 3).x0hat, [x3, x3, x3], 1e-12);
    // No label: unconditional whatever the scale.
    expectAllClose(guidedPrediction(xt, ds, 0.64, null, 3).x0hat, [th, th, th]);
    expect(() => denoise(xt, ds, 0.64, { label: 'zebra' })).toThrow(RangeError);
  });
});

describe('sampler steps', () => {
  // 1 pixel: x_t = 0.5, x0hat = 0.2, abT = 0.5, abPrev = 0.8, z = 0.3 (a skipped jump).
  // alpha = 0.5/0.8 = 0.625, beta = 0.375.
  // DDPM mean = sqrt(0.8) * 0.375/0.5 * 0.2 + sqrt(0.625) * 0.2/0.5 * 0.5
  //           = 0.1341640786 + 0.1581138830 = 0.2922779616584063 (mpmath)
  // variance beta-tilde = 0.2/0.5 * 0.375 = 0.15; x = mean + sqrt(0.15) * 0.3 = 0.40846746204462886
  // DDIM eta = 0: eps = (0.5 - sqrt(0.5) 0.2)/sqrt(0.5) = 0.5071067812;
  //           x = sqrt(0.8) 0.2 + sqrt(0.2) eps = 0.4056704851168295 (mpmath)
  // DDIM eta = 0.5: sigma = 0.5 sqrt(0.15); x = sqrt(0.8) 0.2 + sqrt(0.2 - sigma^2) eps + sigma z
  //           = 0.4414014671848934 (mpmath)
  const xt = new Float64Array([0.5]);
  const x0 = new Float64Array([0.2]);
  const z = new Float64Array([0.3]);

  it('DDPM: posterior mean and variance over a skipped jump', () => {
    expectAllClose(ddpmStep(xt, x0, 0.5, 0.8, z), [0.40846746204462886], 1e-14);
    expectAllClose(ddpmStep(xt, x0, 0.5, 0.8, new Float64Array([0])), [0.29227796165840636], 1e-14);
    // The jump to abPrev = 1 lands exactly on x0hat, with no noise.
    expectAllClose(ddpmStep(xt, x0, 0.5, 1, null), [0.2], 1e-15);
  });

  it('DDIM: deterministic at eta = 0, DDPM at eta = 1', () => {
    expectAllClose(ddimStep(xt, x0, 0.5, 0.8, 0, null), [0.4056704851168295], 1e-14);
    expectAllClose(ddimStep(xt, x0, 0.5, 0.8, 0.5, z), [0.4414014671848934], 1e-14);
    expectAllClose(ddimStep(xt, x0, 0.5, 0.8, 1, z), [0.40846746204462886], 1e-14);
    expect(() => ddimStep(xt, x0, 0.5, 0.8, 1.5, z)).toThrow(RangeError);
  });
});

/** 4x4 RGB images: class 'a' bright, class 'b' dark, each with its own random texture. */
function twoClassDataset(): DatasetItem[] {
  const rng = createRng(2024);
  const make = (base: number, label: string): DatasetItem => {
    const pixels = new Float32Array(48);
    for (let i = 0; i < 48; i++) pixels[i] = base + (rng.next() - 0.5) * 0.6;
    return { pixels, label };
  };
  return [
    make(0.6, 'a'),
    make(0.6, 'a'),
    make(0.6, 'a'),
    make(-0.6, 'b'),
    make(-0.6, 'b'),
    make(-0.6, 'b'),
  ];
}

describe('reverseSample', () => {
  const ds = twoClassDataset();
  const schedule = linearSchedule(1000);

  it('is reproducible, and DDIM (eta = 0) uses the seed only for x_T', () => {
    const base = { dataset: ds, schedule, steps: 20, classLabel: null, guidance: 1 } as const;
    const a = reverseSample({ ...base, sampler: 'ddim', eta: 0, seed: 1 });
    expect(reverseSample({ ...base, sampler: 'ddim', eta: 0, seed: 1 }).x0).toEqual(a.x0);
    // By default x_T is gaussianArray(pixels, seed).
    const xT = gaussianArray(48, 1);
    const b = reverseSample({ ...base, sampler: 'ddim', eta: 0, seed: 99, xT });
    expect(b.x0).toEqual(a.x0);
    // With the same x_T, DDPM's later noise comes from the seed, so trajectories differ.
    const p1 = reverseSample({ ...base, sampler: 'ddpm', seed: 1, xT, snapshots: true });
    const p2 = reverseSample({ ...base, sampler: 'ddpm', seed: 2, xT, snapshots: true });
    expect(p1.snapshots![1]!.xt).not.toEqual(p2.snapshots![1]!.xt);
    expect(p1.snapshots![0]!.xt).toEqual(p2.snapshots![0]!.xt);
  });

  it('reports every step', () => {
    const seen: number[] = [];
    const r = reverseSample({
      dataset: ds,
      schedule,
      steps: 10,
      sampler: 'ddim',
      seed: 3,
      snapshots: true,
      onStep: (k, xt, x0hat, t) => {
        expect(xt).toHaveLength(48);
        expect(x0hat).toHaveLength(48);
        seen.push(k, t);
      },
    });
    // stepSequence(1000, 10): round(1 + k * 111), k = 9..0.
    const steps = [1000, 889, 778, 667, 556, 445, 334, 223, 112, 1];
    expect(r.steps).toEqual(steps);
    expect(seen).toEqual(steps.flatMap((t, k) => [k, t]));
    expect(r.snapshots!.map((s) => s.t)).toEqual(steps);
    expect(r.snapshots![9]!.x0hat).toEqual(r.x0);
  });

  it('memorises: every sample is one of the training images', () => {
    // At t = 1 (ab = 0.9999) the posterior is one-hot to double precision for images this far
    // apart, so x0 = E[x0 | x_1] is a training image.
    for (const sampler of ['ddpm', 'ddim'] as const) {
      for (let seed = 0; seed < 10; seed++) {
        const { x0 } = reverseSample({ dataset: ds, schedule, steps: 50, sampler, seed });
        const j = nearest(x0, ds);
        x0.forEach((v, i) => expect(Math.abs(v - ds[j]!.pixels[i]!)).toBeLessThan(1e-6));
      }
    }
  });

  it('class conditioning ends in the chosen class; unconditional sampling visits both', () => {
    for (const guidance of [1, 3]) {
      for (const sampler of ['ddpm', 'ddim'] as const) {
        for (const label of ['a', 'b']) {
          for (let seed = 0; seed < 20; seed++) {
            const { x0 } = reverseSample({
              dataset: ds,
              schedule,
              steps: 50,
              sampler,
              seed,
              classLabel: label,
              guidance,
            });
            expect(ds[nearest(x0, ds)]!.label).toBe(label);
          }
        }
      }
    }
    // guidance 0 ignores the label: over 20 seeds both classes appear (were each class equally
    // likely per seed, all 20 in one class would have probability 2^-19).
    const classes = new Set<string>();
    for (let seed = 0; seed < 20; seed++) {
      const { x0 } = reverseSample({
        dataset: ds,
        schedule,
        steps: 50,
        sampler: 'ddim',
        seed,
        classLabel: 'a',
        guidance: 0,
      });
      classes.add(ds[nearest(x0, ds)]!.label!);
    }
    expect([...classes].sort()).toEqual(['a', 'b']);
  });
});

describe('2-D Gaussian mixture', () => {
  const gmm: Gmm2 = {
    means: [
      [-0.6, -0.6],
      [0.6, 0.6],
      [0.6, -0.6],
    ],
    sigma: 0.1,
    weights: [1, 2, 1],
  };

  /**
   * log p_t(x) of the noised mixture, written out independently: component k is
   * N(sqrt(ab) mu_k, (ab sigma^2 + 1 - ab) I) in 2-D.
   */
  function logDensity(x: number, y: number, ab: number): number {
    const v = ab * gmm.sigma ** 2 + (1 - ab);
    const total = gmm.weights.reduce((a, b) => a + b, 0);
    let p = 0;
    gmm.means.forEach(([mx, my], k) => {
      const d2 = (x - Math.sqrt(ab) * mx) ** 2 + (y - Math.sqrt(ab) * my) ** 2;
      p += ((gmm.weights[k]! / total) * Math.exp(-d2 / (2 * v))) / (2 * Math.PI * v);
    });
    return Math.log(p);
  }

  it('the score is the gradient of the noised log density (central differences)', () => {
    // Central differences with h = 1e-5 have truncation error O(h^2) and rounding O(1e-16/h).
    const h = 1e-5;
    for (const ab of [0.99, 0.7, 0.2, 0.01]) {
      for (const [x, y] of [
        [0, 0],
        [0.5, 0.4],
        [-0.3, 0.8],
        [1.5, -1.2],
      ] as const) {
        const fx = (logDensity(x + h, y, ab) - logDensity(x - h, y, ab)) / (2 * h);
        const fy = (logDensity(x, y + h, ab) - logDensity(x, y - h, ab)) / (2 * h);
        const [sx, sy] = gmmScore([x, y], gmm, ab);
        expect(Math.abs(sx - fx)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fx)));
        expect(Math.abs(sy - fy)).toBeLessThan(1e-6 * Math.max(1, Math.abs(fy)));
        expect(Math.abs(gmmLogDensity([x, y], gmm, ab) - logDensity(x, y, ab))).toBeLessThan(1e-12);
        // Tweedie: E[x0 | x_t] = (x_t + (1 - ab) grad log p_t) / sqrt(ab).
        const [dx, dy] = gmmDenoise([x, y], gmm, ab);
        expect(Math.abs(dx - (x + (1 - ab) * fx) / Math.sqrt(ab))).toBeLessThan(1e-5);
        expect(Math.abs(dy - (y + (1 - ab) * fy) / Math.sqrt(ab))).toBeLessThan(1e-5);
      }
    }
  });

  it('one component: the Gaussian posterior mean by hand', () => {
    // mu = (1, 0), sigma = 0.5, ab = 0.64, x_t = (0.2, 0.4): v = 0.64 * 0.25 + 0.36 = 0.52,
    // shrink = 0.8 * 0.25 / 0.52 = 5/13; E = mu + 5/13 (x_t - 0.8 mu) = (1 - 3/13, 2/13).
    const one: Gmm2 = { means: [[1, 0]], sigma: 0.5, weights: [1] };
    expectAllClose(gmmDenoise([0.2, 0.4], one, 0.64), [10 / 13, 2 / 13], 1e-14);
  });

  it('samples are new points around the means, in proportion to the weights', () => {
    const count = 2000;
    const schedule = cosineSchedule(1000);
    for (const sampler of ['ddim', 'ddpm'] as const) {
      const { trajectories, steps } = sampleParticles({
        gmm,
        schedule,
        steps: 200,
        count,
        seed: 5,
        sampler,
      });
      expect(trajectories).toHaveLength(count);
      const hits = [0, 0, 0];
      let sumSq = 0;
      for (const traj of trajectories) {
        expect(traj).toHaveLength(steps.length + 1);
        const [x, y] = traj[traj.length - 1]!;
        const d2 = gmm.means.map(([mx, my]) => (x - mx) ** 2 + (y - my) ** 2);
        const k = d2.indexOf(Math.min(...d2));
        hits[k]!++;
        // Near a mean: within 6 sigma (P(r^2 > 36 sigma^2) = e^-18 for a 2-D Gaussian).
        expect(d2[k]!).toBeLessThan(36 * gmm.sigma ** 2);
        sumSq += d2[k]!;
      }
      // Not collapsed onto the means: the per-coordinate spread is of the order of sigma^2 =
      // 0.01 (the exact value is reached only in the continuous-time limit, so a wide band).
      const spread = sumSq / (2 * count);
      expect(spread).toBeGreaterThan(0.5 * gmm.sigma ** 2);
      expect(spread).toBeLessThan(1.5 * gmm.sigma ** 2);
      // Mixture weights 1/4, 1/2, 1/4: binomial standard error sqrt(p (1 - p) / count), 5 of them.
      [0.25, 0.5, 0.25].forEach((p, k) => {
        expect(Math.abs(hits[k]! / count - p)).toBeLessThan(5 * Math.sqrt((p * (1 - p)) / count));
      });
    }
  });

  it('with sigma = 0 the mixture is a finite dataset again, and samples land on the means', () => {
    const points: Gmm2 = { ...gmm, sigma: 0 };
    const { trajectories } = sampleParticles({
      gmm: points,
      schedule: linearSchedule(1000),
      steps: 50,
      count: 200,
      seed: 8,
      sampler: 'ddim',
    });
    for (const traj of trajectories) {
      const [x, y] = traj[traj.length - 1]!;
      const d2 = Math.min(...points.means.map(([mx, my]) => (x - mx) ** 2 + (y - my) ** 2));
      expect(d2).toBeLessThan(1e-20);
    }
  });
});
