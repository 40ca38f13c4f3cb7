/**
 * The denoiser's weights file: a JSON header (architecture, dataset, training figures) and the
 * weights as IEEE 754 half-precision floats (float16), little-endian, base64. float16 halves the
 * size of float32; its 11-bit significand (about 3 decimal digits) changes the network's outputs
 * far less than the sampler's own noise, and the shipped-model test samples from the decoded
 * weights, so it measures the model as shipped.
 *
 * Pure (atob/btoa exist in browsers, workers and Node 20).
 */
import { z } from 'zod';
import { parameterCount, type NetConfig } from './denoiser-net';

/** The network's shape as a weights file or a saved model states it. */
export const NetArchitecture = z.object({
  kind: z.literal('residual-mlp'),
  dim: z.number().int().positive(),
  hidden: z.number().int().positive(),
  blocks: z.number().int().nonnegative(),
  timeDim: z.number().int().positive(),
  classes: z.number().int().positive(),
});

export const WeightsFile = z.object({
  format: z.literal('stratum-shapes-denoiser'),
  version: z.literal(1),
  architecture: NetArchitecture,
  parameters: z.number().int().positive(),
  dataset: z.object({
    seed: z.number().int(),
    count: z.number().int().positive(),
    size: z.number().int().positive(),
    classes: z.array(z.string()),
  }),
  training: z.object({
    seed: z.number().int(),
    steps: z.number().int().nonnegative(),
    batch: z.number().int().positive(),
    lr: z.number().positive(),
    finalLoss: z.number().nonnegative(),
    /** Mean loss per window of steps, for the loss chart. */
    lossCurve: z.array(z.number()),
    lossWindow: z.number().int().positive(),
    /** Wall-clock seconds, and the CPU seconds of the one thread that trained. */
    seconds: z.number().nonnegative(),
    cpuSeconds: z.number().nonnegative().optional(),
    date: z.string(),
    command: z.string(),
  }),
  encoding: z.literal('float16-le-base64'),
  weights: z.string(),
});
export type WeightsFile = z.infer<typeof WeightsFile>;

const f32 = new Float32Array(1);
const u32 = new Uint32Array(f32.buffer);

/** float32 -> float16 bits, round to nearest even; overflow to infinity, tiny to subnormal/0. */
export function toHalf(value: number): number {
  f32[0] = value;
  const x = u32[0]!;
  const sign = (x >>> 16) & 0x8000;
  const exp = (x >>> 23) & 0xff;
  let mant = x & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  let e = exp - 127 + 15;
  if (e >= 0x1f) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    let half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    if (rest > mid || (rest === mid && half & 1)) half += 1;
    return sign | half;
  }
  let half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  if (rest > 0x1000 || (rest === 0x1000 && half & 1)) half += 1;
  e = half >>> 10;
  return sign | (e >= 0x1f ? 0x7c00 : half);
}

/** float16 bits -> number. */
export function fromHalf(h: number): number {
  const sign = h & 0x8000 ? -1 : 1;
  const exp = (h >>> 10) & 0x1f;
  const mant = h & 0x3ff;
  if (exp === 0) return sign * mant * 2 ** -24;
  if (exp === 0x1f) return mant ? NaN : sign * Infinity;
  return sign * (1 + mant / 1024) * 2 ** (exp - 15);
}

export function encodeWeights(values: Float32Array): string {
  const bytes = new Uint8Array(values.length * 2);
  for (let i = 0; i < values.length; i++) {
    const h = toHalf(values[i]!);
    bytes[2 * i] = h & 0xff;
    bytes[2 * i + 1] = h >>> 8;
  }
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) {
    binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  }
  return btoa(binary);
}

export function decodeWeights(base64: string, count: number): Float32Array {
  const binary = atob(base64);
  if (binary.length !== count * 2) {
    throw new RangeError(`expected ${count * 2} bytes of weights, got ${binary.length}`);
  }
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    out[i] = fromHalf(binary.charCodeAt(2 * i) | (binary.charCodeAt(2 * i + 1) << 8));
  }
  return out;
}

export function configOf(file: WeightsFile): NetConfig {
  const { dim, hidden, blocks, timeDim, classes } = file.architecture;
  return { dim, hidden, blocks, timeDim, classes };
}

/** Reads a weights file: checks its header and that the weights fit the architecture. */
export function readWeightsFile(raw: unknown): {
  file: WeightsFile;
  config: NetConfig;
  weights: Float32Array;
} {
  const file = WeightsFile.parse(raw);
  const config = configOf(file);
  const count = parameterCount(config);
  if (count !== file.parameters) {
    throw new RangeError(
      `the header says ${file.parameters} weights; the architecture has ${count}`,
    );
  }
  return { file, config, weights: decodeWeights(file.weights, count) };
}
