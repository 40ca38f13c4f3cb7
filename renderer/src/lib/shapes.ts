/**
 * The trained diffusion model's dataset: thousands of 16x16 RGB pictures of one simple shape (a
 * disc, a square, a horizontal bar or a vertical bar) in one bright colour on a black background,
 * at a random position and size, drawn here from a seed. There are far more possible pictures
 * than training images (positions x sizes x a continuous colour), so a network that makes good
 * pictures of them must generalise: it cannot store them all.
 *
 * Pixels are signed RGB in [-1, 1] (black = -1), row-major, 3 values per pixel, the layout
 * lib/diffusion.ts uses. Edges are hard (a pixel is in the shape or not), so a shape is exactly a
 * mask plus a colour, which is what the shape check (lib/shape-check.ts) fits.
 */
import { createRng, type Rng } from '../../../shared/random';

export const SHAPE_SIZE = 16;
export const SHAPE_DIM = SHAPE_SIZE * SHAPE_SIZE * 3;
export const SHAPE_CLASSES = ['disc', 'square', 'horizontal bar', 'vertical bar'] as const;
export type ShapeClass = (typeof SHAPE_CLASSES)[number];

/** The dataset the shipped weights were trained on: its seed and size. */
export const SHAPES_SEED = 20261204;
export const SHAPES_COUNT = 4096;

/** Size ranges, in pixels (stated in the UI). */
export const SHAPE_RANGES = {
  discRadius: [2.5, 6] as const,
  squareSide: [4, 10] as const,
  barThickness: [2, 5] as const,
};

export interface ShapeSet {
  size: number;
  count: number;
  /** count x SHAPE_DIM signed pixels, image after image. */
  pixels: Float32Array;
  /** The class index (into SHAPE_CLASSES) of each image. */
  labels: Uint8Array;
}

/** HSV (each in [0, 1]) to RGB in [0, 1]. */
function hsvToRgb(h: number, s: number, v: number): [number, number, number] {
  const i = Math.floor(h * 6) % 6;
  const f = h * 6 - Math.floor(h * 6);
  const p = v * (1 - s);
  const q = v * (1 - f * s);
  const t = v * (1 - (1 - f) * s);
  const table: [number, number, number][] = [
    [v, t, p],
    [q, v, p],
    [p, v, t],
    [p, q, v],
    [t, p, v],
    [v, p, q],
  ];
  return table[i]!;
}

/** A bright colour: any hue, saturation 0.6-1, value 0.75-1, as signed RGB. */
export function randomShapeColour(rng: Rng): [number, number, number] {
  const [r, g, b] = hsvToRgb(rng.next(), 0.6 + 0.4 * rng.next(), 0.75 + 0.25 * rng.next());
  return [2 * r - 1, 2 * g - 1, 2 * b - 1];
}

const int = (rng: Rng, lo: number, hi: number) => lo + Math.floor(rng.next() * (hi - lo + 1));

/** A random mask (size x size, 1 = shape) of one class, fully inside the picture. */
export function randomShapeMask(kind: ShapeClass, rng: Rng, size = SHAPE_SIZE): Uint8Array {
  const mask = new Uint8Array(size * size);
  const set = (x0: number, y0: number, w: number, h: number) => {
    for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) mask[y * size + x] = 1;
  };
  if (kind === 'disc') {
    const [lo, hi] = SHAPE_RANGES.discRadius;
    const r = lo + (hi - lo) * rng.next();
    const cx = r + (size - 2 * r) * rng.next();
    const cy = r + (size - 2 * r) * rng.next();
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        if ((x + 0.5 - cx) ** 2 + (y + 0.5 - cy) ** 2 <= r * r) mask[y * size + x] = 1;
      }
    }
  } else if (kind === 'square') {
    const s = int(rng, ...SHAPE_RANGES.squareSide);
    set(int(rng, 0, size - s), int(rng, 0, size - s), s, s);
  } else {
    const w = int(rng, ...SHAPE_RANGES.barThickness);
    const at = int(rng, 0, size - w);
    if (kind === 'horizontal bar') set(0, at, size, w);
    else set(at, 0, w, size);
  }
  return mask;
}

/** Paints a mask in one colour on black into `out` (signed RGB). */
export function paintMask(
  mask: Uint8Array,
  colour: readonly [number, number, number],
  out: Float32Array | Float64Array = new Float32Array(mask.length * 3),
): Float32Array | Float64Array {
  for (let p = 0; p < mask.length; p++) {
    for (let c = 0; c < 3; c++) out[3 * p + c] = mask[p] ? colour[c]! : -1;
  }
  return out;
}

/**
 * `count` pictures from `seed`, classes in turn (0, 1, 2, 3, 0, ...) so every class has the same
 * number. The same seed always gives the same pictures.
 */
export function shapesDataset(count = SHAPES_COUNT, seed = SHAPES_SEED): ShapeSet {
  const rng = createRng(seed);
  const pixels = new Float32Array(count * SHAPE_DIM);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    const label = i % SHAPE_CLASSES.length;
    const mask = randomShapeMask(SHAPE_CLASSES[label]!, rng);
    paintMask(mask, randomShapeColour(rng), pixels.subarray(i * SHAPE_DIM, (i + 1) * SHAPE_DIM));
    labels[i] = label;
  }
  return { size: SHAPE_SIZE, count, pixels, labels };
}

/** One picture of the set (a view, not a copy). */
export function shapeAt(set: ShapeSet, i: number): Float32Array {
  return set.pixels.subarray(i * SHAPE_DIM, (i + 1) * SHAPE_DIM);
}
