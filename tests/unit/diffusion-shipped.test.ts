/**
 * The shipped diffusion weights (content/diffusion/shapes-denoiser.json, made by
 * scripts/train-diffusion.ts) make new, valid images; the exact denoiser of the same training set
 * does not make new ones. Seeded, so the figures are the same on every run.
 *
 * Validity: the share of samples that lib/shape-check.ts accepts as one clean shape.
 * Novelty: the share farther than NOVEL_DISTANCE (0.1 RMS per value) from every training picture.
 * For scale, fresh pictures from the dataset's own generator (a different seed) are about 69%
 * novel by this measure (measured below), since many differ from some training picture by little
 * more than a colour shift.
 */
import { describe, expect, it } from 'vitest';
import shipped from '../../content/diffusion/shapes-denoiser.json';
import { cosineSchedule, reverseSample } from '../../renderer/src/lib/diffusion';
import { parameterCount } from '../../renderer/src/lib/denoiser-net';
import { sampleNet } from '../../renderer/src/lib/denoiser-sample';
import { DEFAULT_NET } from '../../renderer/src/lib/denoiser-train';
import { readWeightsFile } from '../../renderer/src/lib/denoiser-weights';
import { NOVEL_DISTANCE, checkShape, sampleFigures } from '../../renderer/src/lib/shape-check';
import {
  SHAPE_CLASSES,
  SHAPE_DIM,
  SHAPE_SIZE,
  shapeAt,
  shapesDataset,
} from '../../renderer/src/lib/shapes';

/**
 * The stated thresholds. Measured on the shipped weights (20,000 steps): validity 0.58, novelty
 * 0.895, valid and new 0.475, a valid shape of the kind asked for 0.52.
 */
const MIN_VALIDITY = 0.45;
const MIN_NOVELTY = 0.8;
/** Valid AND new: a blurry blob is far from every training picture, so novelty alone flatters. */
const MIN_VALID_AND_NEW = 0.4;
/** Valid and the shape asked for: the check itself ignores the prompt (chance would be 0.25 of the valid). */
const MIN_PROMPT_MATCH = 0.4;
const MAX_EXACT_NOVELTY = 0.05;

const { file, config, weights } = readWeightsFile(shipped);
const data = shapesDataset(file.dataset.count, file.dataset.seed);
const schedule = cosineSchedule(1000);
/** The view's default sampler settings (features/diffusion-lab/trained/use-net-run.ts). */
const SETTINGS = { steps: 50, sampler: 'ddpm' as const, guidance: 1 };

describe('the shipped weights', () => {
  it('are the architecture the app trains, under 1.5 MB', () => {
    expect(config).toEqual(DEFAULT_NET);
    expect(weights.length).toBe(parameterCount(DEFAULT_NET));
    expect(JSON.stringify(shipped).length).toBeLessThan(1.5 * 1024 * 1024);
    expect(file.training.steps).toBeGreaterThan(0);
  });

  it(`make new, valid images: 200 samples, validity >= ${MIN_VALIDITY}, novelty >= ${MIN_NOVELTY}, valid and new >= ${MIN_VALID_AND_NEW}, the shape asked for >= ${MIN_PROMPT_MATCH}`, () => {
    const images = new Float32Array(200 * SHAPE_DIM);
    let asked = 0;
    SHAPE_CLASSES.forEach((kind, label) => {
      const r = sampleNet({
        model: { config, weights },
        schedule,
        ...SETTINGS,
        seed: 100 + label,
        label,
        count: 50,
      });
      images.set(r.images, label * 50 * SHAPE_DIM);
      for (let i = 0; i < 50; i++) {
        const v = checkShape(r.images.subarray(i * SHAPE_DIM, (i + 1) * SHAPE_DIM), SHAPE_SIZE);
        if (v.valid && v.kind === kind) asked += 1;
      }
    });
    const f = sampleFigures(images, 200, SHAPE_SIZE, data);
    console.info(
      `shipped model, 200 samples: validity ${f.validity}, novelty ${f.novelty}, valid and new ${f.validNovel / f.count}, median distance ${f.medianDistance.toFixed(3)}`,
    );
    expect(f.validity).toBeGreaterThanOrEqual(MIN_VALIDITY);
    expect(f.novelty).toBeGreaterThanOrEqual(MIN_NOVELTY);
    expect(f.validNovel / f.count).toBeGreaterThanOrEqual(MIN_VALID_AND_NEW);
    expect(asked / f.count).toBeGreaterThanOrEqual(MIN_PROMPT_MATCH);
  });

  it('while the exact denoiser of the same pictures only gives training pictures back', () => {
    const items = Array.from({ length: data.count }, (_, i) => ({
      pixels: shapeAt(data, i),
      label: SHAPE_CLASSES[data.labels[i]!]!,
    }));
    const count = 4;
    const images = new Float64Array(count * SHAPE_DIM);
    for (let k = 0; k < count; k++) {
      const r = reverseSample({
        dataset: items,
        schedule,
        ...SETTINGS,
        seed: 200 + k,
        classLabel: SHAPE_CLASSES[k % SHAPE_CLASSES.length]!,
      });
      images.set(r.x0, k * SHAPE_DIM);
    }
    const f = sampleFigures(images, count, SHAPE_SIZE, data);
    expect(f.novelty).toBeLessThanOrEqual(MAX_EXACT_NOVELTY);
    expect(f.medianDistance).toBeLessThan(NOVEL_DISTANCE / 10);
  });

  it('novelty has a scale: fresh pictures from the generator are about 69% novel', () => {
    const fresh = shapesDataset(200, 99);
    const f = sampleFigures(fresh.pixels, 200, SHAPE_SIZE, data);
    expect(f.validity).toBe(1);
    expect(f.novelty).toBeCloseTo(0.69, 2);
  });
});
