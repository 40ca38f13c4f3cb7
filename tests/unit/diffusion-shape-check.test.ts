/**
 * The shape check behind the diffusion lab's validity figure (renderer/src/lib/shape-check.ts):
 * every clean picture of every class passes, and broken ones (two shapes, a speck, a cross, a
 * rectangle, two colours, noise, a grey background, nothing) fail with the right reason.
 */
import { describe, expect, it } from 'vitest';
import { createRng } from '../../shared/random';
import { fillGaussian } from '../../renderer/src/lib/diffusion';
import {
  checkShape,
  components,
  nearestDistance,
  sampleFigures,
} from '../../renderer/src/lib/shape-check';
import {
  SHAPE_CLASSES,
  SHAPE_SIZE,
  paintMask,
  shapeAt,
  shapesDataset,
} from '../../renderer/src/lib/shapes';

const S = SHAPE_SIZE;
const RED: [number, number, number] = [0.9, -0.8, -0.7];

function rectMask(x0: number, y0: number, w: number, h: number, mask = new Uint8Array(S * S)) {
  for (let y = y0; y < y0 + h; y++) for (let x = x0; x < x0 + w; x++) mask[y * S + x] = 1;
  return mask;
}

describe('the shape check', () => {
  it('accepts every picture of the training set as the class it was drawn as', () => {
    const set = shapesDataset(800, 3);
    for (let i = 0; i < set.count; i++) {
      const verdict = checkShape(shapeAt(set, i), S);
      expect(verdict.valid, `picture ${i}: ${verdict.problem}`).toBe(true);
      expect(verdict.iou).toBeGreaterThanOrEqual(0.8);
      // A small disc and a small square can look alike; bars never do.
      if (set.labels[i]! >= 2) expect(verdict.kind).toBe(SHAPE_CLASSES[set.labels[i]!]);
    }
  });

  it('accepts a clean picture with a little noise on it', () => {
    const img = paintMask(rectMask(3, 4, 6, 6), RED);
    const noise = fillGaussian(new Float64Array(img.length), createRng(1));
    for (let i = 0; i < img.length; i++) img[i] = img[i]! + 0.03 * noise[i]!;
    expect(checkShape(img, S)).toMatchObject({ valid: true, kind: 'square', components: 1 });
  });

  it('rejects two shapes, and a shape with a speck beside it', () => {
    const two = paintMask(rectMask(10, 10, 4, 4, rectMask(1, 1, 4, 4)), RED);
    expect(checkShape(two, S)).toMatchObject({ valid: false, components: 2 });
    expect(checkShape(two, S).problem).toMatch(/2 separate pieces/);
    const speck = rectMask(1, 1, 6, 6);
    speck[15 * S + 15] = 1;
    expect(checkShape(paintMask(speck, RED), S).valid).toBe(false);
  });

  it('rejects shapes no template fits: a cross, a long rectangle, a diagonal line', () => {
    const cross = rectMask(7, 2, 2, 12, rectMask(2, 7, 12, 2));
    const rectangle = rectMask(2, 5, 10, 4);
    const diagonal = new Uint8Array(S * S);
    for (let i = 2; i < 14; i++) {
      diagonal[i * S + i] = 1;
      diagonal[i * S + i + 1] = 1;
    }
    for (const mask of [cross, rectangle, diagonal]) {
      const verdict = checkShape(paintMask(mask, RED), S);
      expect(verdict.valid).toBe(false);
      expect(verdict.problem).toMatch(/no shape fits/);
    }
  });

  it('rejects a shape in two colours, a grey background, noise and an empty picture', () => {
    const twoColours = paintMask(rectMask(3, 3, 8, 8), RED);
    for (let y = 3; y < 7; y++) {
      for (let x = 3; x < 11; x++) twoColours.set([-0.8, 0.9, -0.6], 3 * (y * S + x));
    }
    expect(checkShape(twoColours, S).problem).toMatch(/colour is not uniform/);
    const grey = paintMask(rectMask(3, 3, 8, 8), RED).map((v) => (v === -1 ? -0.6 : v));
    expect(checkShape(grey, S).problem).toMatch(/background is not clean/);
    const noise = fillGaussian(new Float64Array(S * S * 3), createRng(2));
    expect(checkShape(noise, S).valid).toBe(false);
    expect(checkShape(new Float64Array(S * S * 3).fill(-1), S).problem).toBe('no shape');
  });

  it('labels 4-connected components (diagonal neighbours are separate)', () => {
    const mask = new Uint8Array(S * S);
    mask[0] = 1;
    mask[S + 1] = 1;
    mask[2] = 1;
    mask[3] = 1;
    expect(components(mask, S).sizes).toEqual([1, 2, 1]);
  });
});

describe('novelty', () => {
  it('measures the RMS distance to the nearest training picture', () => {
    const set = shapesDataset(50, 4);
    expect(nearestDistance(shapeAt(set, 7), set.pixels, set.count)).toBe(0);
    const moved = Float32Array.from(shapeAt(set, 7), (v) => v + 0.2);
    expect(nearestDistance(moved, set.pixels, set.count)).toBeLessThanOrEqual(0.2 + 1e-6);
    const copies = new Float32Array(set.pixels.subarray(0, 10 * S * S * 3));
    const figures = sampleFigures(copies, 10, S, set);
    expect(figures).toMatchObject({ count: 10, valid: 10, novel: 0, validNovel: 0, validity: 1 });
  });
});
