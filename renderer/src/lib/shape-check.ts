/**
 * Is a generated picture one clean shape, and is it new? The two figures the diffusion lab
 * reports for a trained model's samples.
 *
 * Validity: a picture is valid when
 *  1. its foreground (pixels whose brightest channel is above -0.2, i.e. 40% brightness) is ONE
 *     4-connected component: no specks, no second shape;
 *  2. the best template of some class (a disc, a square, a full-width or full-height bar, fitted
 *     around the component's bounding box) covers it with intersection-over-union >= 0.8;
 *  3. its colour is near-uniform: the shape's pixels differ from their median colour by at most
 *     0.15 on average (signed units, the range is 2) and the background is near black (its
 *     values differ from -1 by at most 0.15 on average).
 * Novelty: the root-mean-square difference (per value, signed units) to the nearest training
 * image. A sample counts as new when that distance is above {@link NOVEL_DISTANCE}: 0.1 is more
 * than a copy that differs only by the sampler's leftover noise, and less than the distance
 * between most pairs of distinct training images (the median nearest-neighbour distance inside
 * the training set is stated in the tests).
 */
import { SHAPE_CLASSES, type ShapeClass } from './shapes';

export const FOREGROUND_LEVEL = -0.2;
export const IOU_MIN = 0.8;
export const COLOUR_SPREAD_MAX = 0.15;
export const BACKGROUND_SPREAD_MAX = 0.15;
export const NOVEL_DISTANCE = 0.1;

export interface ShapeVerdict {
  valid: boolean;
  /** Why not, in words; null when valid. */
  problem: string | null;
  /** Best-fitting class and its IoU (null when there is no foreground). */
  kind: ShapeClass | null;
  iou: number;
  components: number;
}

type Img = ArrayLike<number>;

export function foregroundMask(img: Img, size: number): Uint8Array {
  const mask = new Uint8Array(size * size);
  for (let p = 0; p < size * size; p++) {
    const v = Math.max(img[3 * p]!, img[3 * p + 1]!, img[3 * p + 2]!);
    mask[p] = v > FOREGROUND_LEVEL ? 1 : 0;
  }
  return mask;
}

/** Labels 4-connected components of the mask (1..k); returns the labels and each size. */
export function components(
  mask: Uint8Array,
  size: number,
): { labels: Int32Array; sizes: number[] } {
  const labels = new Int32Array(mask.length);
  const sizes: number[] = [];
  const stack: number[] = [];
  for (let start = 0; start < mask.length; start++) {
    if (!mask[start] || labels[start]) continue;
    const id = sizes.length + 1;
    let count = 0;
    labels[start] = id;
    stack.push(start);
    while (stack.length > 0) {
      const p = stack.pop()!;
      count += 1;
      const x = p % size;
      const y = (p - x) / size;
      const near = [x > 0 ? p - 1 : -1, x < size - 1 ? p + 1 : -1, y > 0 ? p - size : -1];
      near.push(y < size - 1 ? p + size : -1);
      for (const q of near) {
        if (q >= 0 && mask[q] && !labels[q]) {
          labels[q] = id;
          stack.push(q);
        }
      }
    }
    sizes.push(count);
  }
  return { labels, sizes };
}

function iou(mask: Uint8Array, template: (x: number, y: number) => boolean, size: number): number {
  let inter = 0;
  let union = 0;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const a = mask[y * size + x] === 1;
      const b = template(x, y);
      if (a && b) inter += 1;
      if (a || b) union += 1;
    }
  }
  return union === 0 ? 0 : inter / union;
}

interface Box {
  x0: number;
  y0: number;
  x1: number;
  y1: number;
}

function boundingBox(mask: Uint8Array, size: number): Box {
  const box = { x0: size, y0: size, x1: -1, y1: -1 };
  for (let p = 0; p < mask.length; p++) {
    if (!mask[p]) continue;
    const x = p % size;
    const y = (p - x) / size;
    box.x0 = Math.min(box.x0, x);
    box.y0 = Math.min(box.y0, y);
    box.x1 = Math.max(box.x1, x);
    box.y1 = Math.max(box.y1, y);
  }
  return box;
}

/** The best IoU of each class's templates around the mask's bounding box. */
export function fitTemplates(mask: Uint8Array, size: number): Record<ShapeClass, number> {
  const b = boundingBox(mask, size);
  const w = b.x1 - b.x0 + 1;
  const h = b.y1 - b.y0 + 1;
  let disc = 0;
  const cx0 = (b.x0 + b.x1 + 1) / 2;
  const cy0 = (b.y0 + b.y1 + 1) / 2;
  for (let dx = -0.5; dx <= 0.5; dx += 0.25) {
    for (let dy = -0.5; dy <= 0.5; dy += 0.25) {
      for (let r = Math.max(w, h) / 2 - 1; r <= Math.max(w, h) / 2 + 1; r += 0.25) {
        const inside = (x: number, y: number) =>
          (x + 0.5 - cx0 - dx) ** 2 + (y + 0.5 - cy0 - dy) ** 2 <= r * r;
        disc = Math.max(disc, iou(mask, inside, size));
      }
    }
  }
  let square = 0;
  for (let s = Math.min(w, h); s <= Math.max(w, h); s++) {
    for (let x0 = b.x0 - 1; x0 <= b.x1 - s + 2; x0++) {
      for (let y0 = b.y0 - 1; y0 <= b.y1 - s + 2; y0++) {
        const inside = (x: number, y: number) => x >= x0 && x < x0 + s && y >= y0 && y < y0 + s;
        square = Math.max(square, iou(mask, inside, size));
      }
    }
  }
  const hbar = iou(mask, (_x, y) => y >= b.y0 && y <= b.y1, size);
  const vbar = iou(mask, (x) => x >= b.x0 && x <= b.x1, size);
  return { disc, square, 'horizontal bar': hbar, 'vertical bar': vbar };
}

/** Mean absolute difference of the masked pixels from their per-channel median colour. */
function colourSpread(img: Img, mask: Uint8Array): number {
  let spread = 0;
  let n = 0;
  for (let c = 0; c < 3; c++) {
    const values: number[] = [];
    for (let p = 0; p < mask.length; p++) if (mask[p]) values.push(img[3 * p + c]!);
    values.sort((a, b) => a - b);
    const median = values[Math.floor(values.length / 2)] ?? 0;
    for (const v of values) spread += Math.abs(v - median);
    n += values.length;
  }
  return n === 0 ? 0 : spread / n;
}

/** Mean |value + 1| over the background's values: 0 for pure black. */
function backgroundSpread(img: Img, mask: Uint8Array): number {
  let sum = 0;
  let n = 0;
  for (let p = 0; p < mask.length; p++) {
    if (mask[p]) continue;
    for (let c = 0; c < 3; c++) sum += Math.abs(img[3 * p + c]! + 1);
    n += 3;
  }
  return n === 0 ? 0 : sum / n;
}

/** The validity check described at the top of this file, for one size x size RGB picture. */
export function checkShape(img: Img, size: number): ShapeVerdict {
  const mask = foregroundMask(img, size);
  const { sizes } = components(mask, size);
  if (sizes.length === 0) {
    return { valid: false, problem: 'no shape', kind: null, iou: 0, components: 0 };
  }
  const fits = fitTemplates(mask, size);
  let kind: ShapeClass = SHAPE_CLASSES[0];
  for (const k of SHAPE_CLASSES) if (fits[k] > fits[kind]) kind = k;
  const verdict = { kind, iou: fits[kind], components: sizes.length };
  const fail = (problem: string): ShapeVerdict => ({ valid: false, problem, ...verdict });
  if (sizes.length > 1) return fail(`${sizes.length} separate pieces`);
  if (fits[kind] < IOU_MIN)
    return fail(`no shape fits (best: ${kind}, IoU ${fits[kind].toFixed(2)})`);
  if (colourSpread(img, mask) > COLOUR_SPREAD_MAX) return fail('the colour is not uniform');
  if (backgroundSpread(img, mask) > BACKGROUND_SPREAD_MAX)
    return fail('the background is not clean');
  return { valid: true, problem: null, ...verdict };
}

/** RMS difference (per value) from `img` to the nearest of `count` images in `pixels`. */
export function nearestDistance(img: Img, pixels: ArrayLike<number>, count: number): number {
  const dim = img.length;
  let best = Infinity;
  for (let i = 0; i < count; i++) {
    let d = 0;
    const o = i * dim;
    for (let j = 0; j < dim && d < best; j++) {
      const diff = img[j]! - pixels[o + j]!;
      d += diff * diff;
    }
    if (d < best) best = d;
  }
  return Math.sqrt(best / dim);
}

export interface SampleFigures {
  count: number;
  valid: number;
  novel: number;
  /** Samples both valid and new: a blurry blob is far from every training picture too. */
  validNovel: number;
  /** Share of valid samples, and of samples farther than NOVEL_DISTANCE from every training image. */
  validity: number;
  novelty: number;
  /** Median nearest-training-image distance. */
  medianDistance: number;
}

/** Validity and novelty of `count` samples (count x dim values) against a training set. */
export function sampleFigures(
  samples: ArrayLike<number>,
  count: number,
  size: number,
  training: { pixels: ArrayLike<number>; count: number },
): SampleFigures {
  const dim = size * size * 3;
  let valid = 0;
  let novel = 0;
  let validNovel = 0;
  const distances: number[] = [];
  for (let i = 0; i < count; i++) {
    const img = Array.prototype.slice.call(samples, i * dim, (i + 1) * dim) as number[];
    const ok = checkShape(img, size).valid;
    if (ok) valid += 1;
    const d = nearestDistance(img, training.pixels, training.count);
    distances.push(d);
    if (d > NOVEL_DISTANCE) novel += 1;
    if (ok && d > NOVEL_DISTANCE) validNovel += 1;
  }
  distances.sort((a, b) => a - b);
  return {
    count,
    valid,
    novel,
    validNovel,
    validity: count ? valid / count : 0,
    novelty: count ? novel / count : 0,
    medianDistance: distances[Math.floor(count / 2)] ?? 0,
  };
}
