/**
 * The lab's pictures, drawn by code (no images of unknown licence): tiny scenes of a cat, a tree,
 * a house and a computer, with seeded variation in colour and placement. Pure maths on pixel
 * arrays in [-1, 1], so the same code runs in the page and in the Web Worker.
 */
import { createRng, type Rng } from '../../../shared/random';

export const CLASSES = ['cat', 'tree', 'house', 'computer'] as const;
export type DrawingClass = (typeof CLASSES)[number];

type Rgb = [number, number, number];

class Painter {
  readonly pixels: Float32Array;
  constructor(
    readonly size: number,
    background: Rgb,
  ) {
    this.pixels = new Float32Array(size * size * 3);
    for (let i = 0; i < size * size; i++) this.set(i, background);
  }
  private set(i: number, [r, g, b]: Rgb): void {
    this.pixels[i * 3] = r / 127.5 - 1;
    this.pixels[i * 3 + 1] = g / 127.5 - 1;
    this.pixels[i * 3 + 2] = b / 127.5 - 1;
  }
  /** Fills every pixel whose centre (in 0..1 units) satisfies `inside`. */
  fill(colour: Rgb, inside: (x: number, y: number) => boolean): void {
    const n = this.size;
    for (let y = 0; y < n; y++) {
      for (let x = 0; x < n; x++) {
        if (inside((x + 0.5) / n, (y + 0.5) / n)) this.set(y * n + x, colour);
      }
    }
  }
  rect(x0: number, y0: number, x1: number, y1: number, c: Rgb): void {
    this.fill(c, (x, y) => x >= x0 && x <= x1 && y >= y0 && y <= y1);
  }
  circle(cx: number, cy: number, r: number, c: Rgb): void {
    this.fill(c, (x, y) => (x - cx) ** 2 + (y - cy) ** 2 <= r * r);
  }
  /** A triangle given by three corners (barycentric sign test). */
  triangle(a: [number, number], b: [number, number], d: [number, number], c: Rgb): void {
    const side = (p: [number, number], q: [number, number], x: number, y: number) =>
      (x - q[0]) * (p[1] - q[1]) - (p[0] - q[0]) * (y - q[1]);
    this.fill(c, (x, y) => {
      const s1 = side(a, b, x, y);
      const s2 = side(b, d, x, y);
      const s3 = side(d, a, x, y);
      return !((s1 < 0 || s2 < 0 || s3 < 0) && (s1 > 0 || s2 > 0 || s3 > 0));
    });
  }
}

const jitter = (rng: Rng, amount: number) => (rng.next() - 0.5) * 2 * amount;
const tint = (rng: Rng, [r, g, b]: Rgb, amount = 25): Rgb => [
  Math.min(255, Math.max(0, r + jitter(rng, amount))),
  Math.min(255, Math.max(0, g + jitter(rng, amount))),
  Math.min(255, Math.max(0, b + jitter(rng, amount))),
];

const DRAW: Record<DrawingClass, (p: Painter, rng: Rng) => void> = {
  cat(p, rng) {
    const dx = jitter(rng, 0.06);
    const fur = tint(rng, rng.next() < 0.5 ? [230, 150, 60] : [120, 120, 130], 30);
    p.triangle([0.22 + dx, 0.42], [0.3 + dx, 0.14], [0.45 + dx, 0.32], fur);
    p.triangle([0.55 + dx, 0.32], [0.7 + dx, 0.14], [0.78 + dx, 0.42], fur);
    p.circle(0.5 + dx, 0.55, 0.3, fur);
    p.circle(0.39 + dx, 0.5, 0.05, [30, 40, 30]);
    p.circle(0.61 + dx, 0.5, 0.05, [30, 40, 30]);
    p.triangle([0.46 + dx, 0.62], [0.54 + dx, 0.62], [0.5 + dx, 0.68], [220, 110, 130]);
  },
  tree(p, rng) {
    const dx = jitter(rng, 0.12);
    p.rect(0, 0.85, 1, 1, tint(rng, [90, 160, 70]));
    p.rect(0.44 + dx, 0.5, 0.56 + dx, 0.88, tint(rng, [110, 75, 40], 15));
    const leaves = tint(rng, [40, 130, 60], 30);
    p.circle(0.5 + dx, 0.38, 0.26 + jitter(rng, 0.04), leaves);
    p.circle(0.36 + dx, 0.5, 0.14, leaves);
    p.circle(0.64 + dx, 0.5, 0.14, leaves);
  },
  house(p, rng) {
    const dx = jitter(rng, 0.08);
    p.rect(0, 0.86, 1, 1, tint(rng, [90, 160, 70]));
    p.rect(0.24 + dx, 0.48, 0.76 + dx, 0.86, tint(rng, [220, 200, 160], 30));
    p.triangle([0.16 + dx, 0.5], [0.5 + dx, 0.18], [0.84 + dx, 0.5], tint(rng, [170, 50, 40], 30));
    p.rect(0.44 + dx, 0.64, 0.56 + dx, 0.86, [100, 60, 30]);
    p.rect(0.3 + dx, 0.56, 0.4 + dx, 0.66, [140, 190, 230]);
    p.rect(0.6 + dx, 0.56, 0.7 + dx, 0.66, [140, 190, 230]);
  },
  computer(p, rng) {
    const dy = jitter(rng, 0.05);
    p.rect(0.14, 0.2 + dy, 0.86, 0.68 + dy, tint(rng, [50, 50, 60], 15));
    p.rect(0.19, 0.25 + dy, 0.81, 0.63 + dy, tint(rng, [60, 140, 220], 35));
    p.rect(0.44, 0.68 + dy, 0.56, 0.8 + dy, [80, 80, 90]);
    p.rect(0.3, 0.8 + dy, 0.7, 0.85 + dy, [80, 80, 90]);
  },
};

export interface Drawing {
  label: DrawingClass;
  pixels: Float32Array;
}

/** One drawing of a class at a size; `variant` seeds its colours and placement. */
export function draw(label: DrawingClass, size: number, variant: number): Drawing {
  const rng = createRng(1000 + variant * 7 + CLASSES.indexOf(label));
  const painter = new Painter(size, tint(rng, [225, 235, 245], 20));
  DRAW[label](painter, rng);
  return { label, pixels: painter.pixels };
}

/** The reverse-diffusion dataset: `perClass` variants of each class at `size` x `size`. */
export function dataset(size = 32, perClass = 6): Drawing[] {
  return CLASSES.flatMap((label) =>
    Array.from({ length: perClass }, (_, v) => draw(label, size, v)),
  );
}

/** Three red apples on a table, for the image-to-text experiment ("how many apples?"). */
export function applesPicture(size = 256): Float32Array {
  const p = new Painter(size, [235, 228, 215]);
  p.rect(0, 0.7, 1, 1, [150, 105, 70]);
  for (const cx of [0.25, 0.5, 0.75]) {
    p.circle(cx, 0.6, 0.11, [200, 30, 40]);
    p.rect(cx - 0.01, 0.44, cx + 0.01, 0.5, [90, 60, 30]);
    p.circle(cx + 0.04, 0.47, 0.03, [60, 150, 60]);
  }
  return p.pixels;
}
