/**
 * Trains the diffusion lab's shapes denoiser and writes content/diffusion/shapes-denoiser.json
 * (the weights the app ships). Seeded and deterministic: the same command gives the same file
 * (apart from the date and the time it took). CI does not run this; the weights are committed.
 *
 *   npm run train:diffusion                 # the shipped settings
 *   npx tsx scripts/train-diffusion.ts --steps 500 --out /tmp/quick.json
 *
 * Time: about 40 minutes on one core of the project's machine (2,128 CPU seconds for the shipped
 * 20,000 steps; run it with `nice -n 10`). 9,000 steps took 16 minutes but left samples blurrier:
 * 41% valid and 31% a valid shape of the kind asked for, against 58% and 52% at 20,000.
 */
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import {
  DEFAULT_NET,
  DEFAULT_TRAIN,
  createTrainer,
  trainStep,
} from '../renderer/src/lib/denoiser-train';
import { parameterCount } from '../renderer/src/lib/denoiser-net';
import { encodeWeights, type WeightsFile } from '../renderer/src/lib/denoiser-weights';
import {
  SHAPES_COUNT,
  SHAPES_SEED,
  SHAPE_CLASSES,
  SHAPE_SIZE,
  shapesDataset,
} from '../renderer/src/lib/shapes';

export const TRAIN_SEED = 7;
const WINDOW = 50;

const { values } = parseArgs({
  options: {
    steps: { type: 'string', default: String(DEFAULT_TRAIN.steps) },
    out: { type: 'string', default: 'content/diffusion/shapes-denoiser.json' },
  },
});
const steps = Number(values.steps);
if (!Number.isInteger(steps) || steps < 1) throw new Error(`--steps must be a whole number >= 1`);
const options = { ...DEFAULT_TRAIN, steps };

const data = shapesDataset(SHAPES_COUNT, SHAPES_SEED);
const trainer = createTrainer(TRAIN_SEED, options, DEFAULT_NET);
console.log(
  `Training ${parameterCount(DEFAULT_NET).toLocaleString('en-US')} weights on ${data.count} images for ${steps} steps of ${options.batch}.`,
);
const started = performance.now();
const cpuStart = process.cpuUsage();
const curve: number[] = [];
let windowSum = 0;
/** Writes the weights file for the steps done so far (a checkpoint, and the final file). */
function save(done: number): void {
  const seconds = (performance.now() - started) / 1000;
  const lastWindows = curve.slice(-4);
  const file: WeightsFile = {
    format: 'stratum-shapes-denoiser',
    version: 1,
    architecture: { kind: 'residual-mlp', ...DEFAULT_NET },
    parameters: parameterCount(DEFAULT_NET),
    dataset: {
      seed: SHAPES_SEED,
      count: SHAPES_COUNT,
      size: SHAPE_SIZE,
      classes: [...SHAPE_CLASSES],
    },
    training: {
      seed: TRAIN_SEED,
      steps: done,
      batch: options.batch,
      lr: options.lr,
      finalLoss: Number((lastWindows.reduce((a, b) => a + b, 0) / lastWindows.length).toFixed(5)),
      lossCurve: curve.map((l) => Number(l.toFixed(5))),
      lossWindow: WINDOW,
      seconds: Math.round(seconds),
      cpuSeconds: Math.round(
        (process.cpuUsage(cpuStart).user + process.cpuUsage(cpuStart).system) / 1e6,
      ),
      date: new Date().toISOString(),
      command: `npx tsx scripts/train-diffusion.ts --steps ${steps}`,
    },
    encoding: 'float16-le-base64',
    weights: encodeWeights(trainer.ema),
  };
  writeFileSync(values.out, JSON.stringify(file));
  console.log(
    `Wrote ${values.out} after ${done} steps: loss ${file.training.finalLoss}, ${seconds.toFixed(0)} s.`,
  );
}

for (let s = 0; s < steps; s++) {
  windowSum += trainStep(trainer, data);
  if ((s + 1) % WINDOW === 0 || s + 1 === steps) {
    const n = (s % WINDOW) + 1;
    curve.push(windowSum / n);
    windowSum = 0;
  }
  if ((s + 1) % 250 === 0) {
    const secs = (performance.now() - started) / 1000;
    if ((s + 1) % 1000 === 0 && s + 1 < steps) save(s + 1);
    console.log(`step ${s + 1}  loss ${curve[curve.length - 1]!.toFixed(4)}  ${secs.toFixed(0)} s`);
  }
}
save(steps);
