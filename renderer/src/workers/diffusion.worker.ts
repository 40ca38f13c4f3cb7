/**
 * Heavy diffusion work off the UI thread: a whole reverse-diffusion run over the lab's dataset,
 * and the 2-D particle run. Results come back as RGBA frames (transferred, not copied).
 */
import {
  cosineSchedule,
  linearSchedule,
  nearestItem,
  reverseSample,
  sampleParticles,
  toRgba,
  type Gmm2,
  type SamplerKind,
} from '../lib/diffusion';
import { dataset } from '../lib/drawings';

export interface ReverseRequest {
  id: number;
  kind: 'reverse';
  scheduleKind: 'linear' | 'cosine';
  T: number;
  steps: number;
  sampler: SamplerKind;
  eta: number;
  seed: number;
  classLabel: string | null;
  guidance: number;
}

export interface ParticlesRequest {
  id: number;
  kind: 'particles';
  gmm: Gmm2;
  T: number;
  steps: number;
  count: number;
  seed: number;
  sampler: SamplerKind;
}

export type WorkerRequest = ReverseRequest | ParticlesRequest;

export interface ReverseResponse {
  id: number;
  kind: 'reverse';
  size: number;
  frames: { t: number; xt: Uint8ClampedArray; x0hat: Uint8ClampedArray }[];
  final: Uint8ClampedArray;
  nearest: { index: number; label: string; rms: number };
  ms: number;
}

export interface ParticlesResponse {
  id: number;
  kind: 'particles';
  steps: number[];
  trajectories: [number, number][][];
  ms: number;
}

export interface ErrorResponse {
  id: number;
  kind: 'error';
  message: string;
}

export type WorkerResponse = ReverseResponse | ParticlesResponse | ErrorResponse;

const SIZE = 32;
const DATA = dataset(SIZE, 6);

function schedule(kind: 'linear' | 'cosine', T: number) {
  return kind === 'linear' ? linearSchedule(T) : cosineSchedule(T);
}

function reverse(req: ReverseRequest): ReverseResponse {
  const started = performance.now();
  const result = reverseSample({
    dataset: DATA,
    schedule: schedule(req.scheduleKind, req.T),
    steps: req.steps,
    sampler: req.sampler,
    eta: req.eta,
    seed: req.seed,
    classLabel: req.classLabel,
    guidance: req.guidance,
    snapshots: true,
  });
  const frames = (result.snapshots ?? []).map((s) => ({
    t: s.t,
    xt: toRgba(s.xt),
    x0hat: toRgba(s.x0hat),
  }));
  const index = nearestItem(result.x0, DATA);
  const item = DATA[index]!;
  let sq = 0;
  for (let i = 0; i < item.pixels.length; i++) sq += (result.x0[i]! - item.pixels[i]!) ** 2;
  return {
    id: req.id,
    kind: 'reverse',
    size: SIZE,
    frames,
    final: toRgba(result.x0),
    nearest: { index, label: item.label, rms: Math.sqrt(sq / item.pixels.length) },
    ms: performance.now() - started,
  };
}

function particles(req: ParticlesRequest): ParticlesResponse {
  const started = performance.now();
  const result = sampleParticles({
    gmm: req.gmm,
    schedule: cosineSchedule(req.T),
    steps: req.steps,
    count: req.count,
    seed: req.seed,
    sampler: req.sampler,
  });
  return {
    id: req.id,
    kind: 'particles',
    steps: result.steps,
    trajectories: result.trajectories,
    ms: performance.now() - started,
  };
}

self.onmessage = (event: MessageEvent<WorkerRequest>) => {
  const req = event.data;
  try {
    if (req.kind === 'reverse') {
      const res = reverse(req);
      const buffers = [
        res.final.buffer,
        ...res.frames.flatMap((f) => [f.xt.buffer, f.x0hat.buffer]),
      ];
      (self as unknown as Worker).postMessage(res, buffers as ArrayBuffer[]);
    } else {
      (self as unknown as Worker).postMessage(particles(req));
    }
  } catch (error) {
    const res: ErrorResponse = {
      id: req.id,
      kind: 'error',
      message: error instanceof Error ? error.message : String(error),
    };
    (self as unknown as Worker).postMessage(res);
  }
};
