/**
 * The diffusion lab's trained network (renderer/src/lib/denoiser-*.ts), in Node, one thread,
 * the same code the app's worker runs: one training step (a batch of 64), the in-app default
 * training run (150 steps, estimated from the step time and measured once), and sampling 1 and
 * 200 images with the view's default settings. Wall-clock and CPU time are both printed: on a
 * shared machine the first includes waiting for a core.
 * Run on its own: `npx tsx bench/diffusion-net.ts`.
 */
import shipped from '../content/diffusion/shapes-denoiser.json';
import { cosineSchedule } from '../renderer/src/lib/diffusion';
import { sampleNet } from '../renderer/src/lib/denoiser-sample';
import { DEFAULT_TRAIN, createTrainer, trainStep } from '../renderer/src/lib/denoiser-train';
import { readWeightsFile } from '../renderer/src/lib/denoiser-weights';
import { shapesDataset, SHAPE_CLASSES } from '../renderer/src/lib/shapes';
import { time } from './timing';

/** The in-app defaults (features/diffusion-lab/trained/use-net-*.ts). */
const APP_TRAIN_STEPS = 150;
const APP_SAMPLE = { steps: 50, sampler: 'ddpm' as const, guidance: 1, label: 0 };

export interface DiffusionNetFigures {
  stepMs: number;
  stepCpuMs: number;
  runMs: number;
  runCpuMs: number;
  sample1Ms: number;
  sample200Ms: number;
  sample200CpuMs: number;
  parameters: number;
}

function cpuMs<T>(f: () => T): { ms: number; cpu: number; value: T } {
  const c = process.cpuUsage();
  const t = performance.now();
  const value = f();
  const used = process.cpuUsage(c);
  return { ms: performance.now() - t, cpu: (used.user + used.system) / 1000, value };
}

export function diffusionNetFigures(): DiffusionNetFigures {
  const data = shapesDataset();
  const trainer = createTrainer(1, DEFAULT_TRAIN);
  for (let i = 0; i < 3; i++) trainStep(trainer, data);
  const step = time(9, () => trainStep(trainer, data));
  const stepCpu = cpuMs(() => {
    for (let i = 0; i < 5; i++) trainStep(trainer, data);
  });
  const run = cpuMs(() => {
    const tr = createTrainer(2, { ...DEFAULT_TRAIN, steps: APP_TRAIN_STEPS, warmup: 30 });
    for (let i = 0; i < APP_TRAIN_STEPS; i++) trainStep(tr, data);
  });
  const { config, weights } = readWeightsFile(shipped);
  const model = { config, weights };
  const schedule = cosineSchedule(1000);
  const sample = (count: number) => () =>
    sampleNet({ model, schedule, ...APP_SAMPLE, seed: 1, count });
  const one = time(5, sample(1));
  const many = cpuMs(sample(200));
  return {
    stepMs: step.ms,
    stepCpuMs: stepCpu.cpu / 5,
    runMs: run.ms,
    runCpuMs: run.cpu,
    sample1Ms: one.ms,
    sample200Ms: many.ms,
    sample200CpuMs: many.cpu,
    parameters: weights.length,
  };
}

export function printDiffusionNet(f: DiffusionNetFigures): void {
  const s = (ms: number) => `${(ms / 1000).toFixed(1)} s`;
  console.log(
    `\nDiffusion lab, trained network (${f.parameters.toLocaleString('en-US')} weights, 16x16 RGB, ${SHAPE_CLASSES.length} classes; Node, one thread)`,
  );
  console.log(
    `  training step, batch ${DEFAULT_TRAIN.batch}          ${f.stepMs.toFixed(0).padStart(6)} ms   (CPU ${f.stepCpuMs.toFixed(0)} ms; median of 9)`,
  );
  console.log(
    `  in-app default run, ${APP_TRAIN_STEPS} steps      ${s(f.runMs).padStart(8)}   (CPU ${s(f.runCpuMs)}; estimate from the step: ${s(f.stepMs * APP_TRAIN_STEPS)})`,
  );
  console.log(
    `  sample 1 image (DDPM ${APP_SAMPLE.steps} steps, w ${APP_SAMPLE.guidance}) ${f.sample1Ms.toFixed(0).padStart(6)} ms   median of 5`,
  );
  console.log(
    `  sample 200 images, one batch      ${s(f.sample200Ms).padStart(8)}   (CPU ${s(f.sample200CpuMs)})`,
  );
}

if (process.argv[1]?.endsWith('diffusion-net.ts')) printDiffusionNet(diffusionNetFigures());
