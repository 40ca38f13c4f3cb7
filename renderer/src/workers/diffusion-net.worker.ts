/**
 * The diffusion lab's trained network, off the UI thread: sampling new images (with the exact
 * denoiser of the same training set beside them, for contrast), their validity and novelty, and
 * training in the app with progress reports. The shipped weights are imported here, so only this
 * worker's chunk carries them.
 */
import shipped from '../../../content/diffusion/shapes-denoiser.json';
import {
  cosineSchedule,
  linearSchedule,
  reverseSample,
  toRgba,
  type SamplerKind,
} from '../lib/diffusion';
import { parameterCount, type NetConfig } from '../lib/denoiser-net';
import { sampleNet } from '../lib/denoiser-sample';
import {
  DEFAULT_NET,
  DEFAULT_TRAIN,
  LOSS_WINDOW as WINDOW,
  createTrainer,
  trainStep,
} from '../lib/denoiser-train';
import {
  decodeWeights,
  encodeWeights,
  readWeightsFile,
  type WeightsFile,
} from '../lib/denoiser-weights';
import { checkShape, nearestDistance, sampleFigures, type SampleFigures } from '../lib/shape-check';
import {
  SHAPE_CLASSES,
  SHAPE_DIM,
  SHAPE_SIZE,
  shapeAt,
  shapesDataset,
  type ShapeClass,
} from '../lib/shapes';

/** Learner weights travel as the same float16 base64 the database stores. */
export interface LearnerWeights {
  config: NetConfig;
  weights: string;
}

export interface NetSampleRequest {
  id: number;
  kind: 'sample';
  /** null: the shipped weights. */
  learner: LearnerWeights | null;
  scheduleKind: 'linear' | 'cosine';
  steps: number;
  sampler: SamplerKind;
  eta: number;
  seed: number;
  /** A class index, or null for no class. */
  label: number | null;
  guidance: number;
  /** Images sampled as one batch for the validity and novelty figures (image 0 is shown). */
  count: number;
}

export interface NetTrainRequest {
  id: number;
  kind: 'train';
  steps: number;
  seed: number;
  /** Start from fresh random weights or continue from the shipped ones. */
  start: 'fresh' | 'shipped';
}

export interface NetCancelRequest {
  id: number;
  kind: 'cancel';
}

export interface NetInfoRequest {
  id: number;
  kind: 'info';
}

export type NetRequest = NetSampleRequest | NetTrainRequest | NetCancelRequest | NetInfoRequest;

export type ShippedInfo = Omit<WeightsFile, 'weights'>;

export interface Pictured {
  rgba: Uint8ClampedArray;
  valid: boolean;
  problem: string | null;
  /** The shape that fits it best (null: no shape at all). */
  shape: ShapeClass | null;
  distance: number;
}

export interface NetSampleResponse {
  id: number;
  kind: 'sample';
  size: number;
  frames: { t: number; xt: Uint8ClampedArray; x0hat: Uint8ClampedArray }[];
  samples: Pictured[];
  figures: SampleFigures;
  /** The shape asked for ("prompt"), or null for none. */
  prompt: ShapeClass | null;
  /** The exact denoiser from the same seed and settings, and the training image it landed on. */
  exact: Pictured & { nearest: Uint8ClampedArray };
  nearestToFirst: Uint8ClampedArray;
  netMs: number;
  exactMs: number;
}

export interface NetProgress {
  id: number;
  kind: 'progress';
  step: number;
  steps: number;
  /** Mean loss of each window of WINDOW steps so far. */
  curve: number[];
  ms: number;
}

export interface NetTrained {
  id: number;
  kind: 'trained';
  config: NetConfig;
  weights: string;
  curve: number[];
  steps: number;
  /** Steps done when cancelled (the weights so far are returned). */
  cancelled: boolean;
  ms: number;
}

export interface NetInfo {
  id: number;
  kind: 'info';
  shipped: ShippedInfo;
  trainingImages: number;
  parameters: number;
}

export interface NetError {
  id: number;
  kind: 'error';
  message: string;
}

export type NetResponse = NetSampleResponse | NetProgress | NetTrained | NetInfo | NetError;

const SHIPPED = readWeightsFile(shipped);
const DATA = shapesDataset(SHIPPED.file.dataset.count, SHIPPED.file.dataset.seed);
const ITEMS = Array.from({ length: DATA.count }, (_, i) => ({
  pixels: shapeAt(DATA, i),
  label: SHAPE_CLASSES[DATA.labels[i]!]!,
}));
const cancelled = new Set<number>();

function headerOf(file: WeightsFile): ShippedInfo {
  const { format, version, architecture, parameters, dataset, training, encoding } = file;
  return { format, version, architecture, parameters, dataset, training, encoding };
}
const post = (res: NetResponse, transfer: ArrayBuffer[] = []) =>
  (self as unknown as Worker).postMessage(res, transfer);

function nearestImage(img: ArrayLike<number>): Uint8ClampedArray {
  let best = 0;
  let bestD = Infinity;
  for (let i = 0; i < DATA.count; i++) {
    const d = nearestDistance(img, shapeAt(DATA, i), 1);
    if (d < bestD) [best, bestD] = [i, d];
  }
  return toRgba(shapeAt(DATA, best));
}

function picture(img: ArrayLike<number>): Pictured {
  const verdict = checkShape(img, SHAPE_SIZE);
  return {
    rgba: toRgba(img),
    valid: verdict.valid,
    problem: verdict.problem,
    shape: verdict.kind,
    distance: nearestDistance(img, DATA.pixels, DATA.count),
  };
}

function sample(req: NetSampleRequest): NetSampleResponse {
  const model = req.learner
    ? {
        config: req.learner.config,
        weights: decodeWeights(req.learner.weights, parameterCount(req.learner.config)),
      }
    : { config: SHIPPED.config, weights: SHIPPED.weights };
  const schedule = req.scheduleKind === 'linear' ? linearSchedule(1000) : cosineSchedule(1000);
  const common = { schedule, steps: req.steps, sampler: req.sampler, eta: req.eta, seed: req.seed };
  let started = performance.now();
  const net = sampleNet({
    ...common,
    model,
    label: req.label,
    guidance: req.guidance,
    count: req.count,
    snapshots: true,
  });
  const netMs = performance.now() - started;
  started = performance.now();
  const exact = reverseSample({
    ...common,
    dataset: ITEMS,
    classLabel: req.label == null ? null : SHAPE_CLASSES[req.label]!,
    guidance: req.guidance,
  });
  const exactMs = performance.now() - started;
  const samples = Array.from({ length: req.count }, (_, i) =>
    picture(net.images.subarray(i * SHAPE_DIM, (i + 1) * SHAPE_DIM)),
  );
  return {
    id: req.id,
    kind: 'sample',
    size: SHAPE_SIZE,
    frames: (net.snapshots ?? []).map((s) => ({
      t: s.t,
      xt: toRgba(s.xt),
      x0hat: toRgba(s.x0hat),
    })),
    samples,
    figures: sampleFigures(net.images, req.count, SHAPE_SIZE, DATA),
    prompt: req.label == null ? null : SHAPE_CLASSES[req.label]!,
    exact: { ...picture(exact.x0), nearest: nearestImage(exact.x0) },
    nearestToFirst: nearestImage(net.images.subarray(0, SHAPE_DIM)),
    netMs,
    exactMs,
  };
}

/** Trains in slices, yielding between them so a cancel message can arrive. */
async function train(req: NetTrainRequest): Promise<void> {
  const options = {
    ...DEFAULT_TRAIN,
    steps: req.steps,
    warmup: Math.min(DEFAULT_TRAIN.warmup, Math.ceil(req.steps / 5)),
  };
  const start = req.start === 'shipped' ? SHIPPED.weights : undefined;
  const trainer = createTrainer(req.seed, options, DEFAULT_NET, start);
  const curve: number[] = [];
  const started = performance.now();
  let sum = 0;
  let stopped = false;
  for (let s = 0; s < req.steps; s++) {
    sum += trainStep(trainer, DATA);
    if ((s + 1) % WINDOW === 0 || s + 1 === req.steps) {
      curve.push(sum / ((s % WINDOW) + 1));
      sum = 0;
      post({
        id: req.id,
        kind: 'progress',
        step: s + 1,
        steps: req.steps,
        curve: [...curve],
        ms: performance.now() - started,
      });
      await new Promise((resolve) => setTimeout(resolve, 0));
      if (cancelled.has(req.id)) {
        stopped = true;
        break;
      }
    }
  }
  cancelled.delete(req.id);
  post({
    id: req.id,
    kind: 'trained',
    config: DEFAULT_NET,
    weights: encodeWeights(trainer.ema),
    curve,
    steps: trainer.step,
    cancelled: stopped,
    ms: performance.now() - started,
  });
}

self.onmessage = async (event: MessageEvent<NetRequest>) => {
  const req = event.data;
  try {
    if (req.kind === 'cancel') cancelled.add(req.id);
    else if (req.kind === 'info') {
      post({
        id: req.id,
        kind: 'info',
        shipped: headerOf(SHIPPED.file),
        trainingImages: DATA.count,
        parameters: SHIPPED.weights.length,
      });
    } else if (req.kind === 'train') await train(req);
    else {
      const res = sample(req);
      const buffers = [
        ...res.frames.flatMap((f) => [f.xt.buffer, f.x0hat.buffer]),
        ...res.samples.map((s) => s.rgba.buffer),
      ];
      post(res, buffers as ArrayBuffer[]);
    }
  } catch (error) {
    post({
      id: req.id,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    });
  }
};
