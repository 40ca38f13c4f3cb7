/**
 * Training a denoiser in the app: runs in the network worker with the loss curve reported every
 * few steps, can be cancelled (the weights so far are kept), and saves the result to IndexedDB
 * (`diffusionModels`), then hands its id to `onSaved` so the view can select it.
 */
import { useRef, useState } from 'react';
import { saveDiffusionModel } from '../../../db/diffusion-models';
import { SHAPES_COUNT, SHAPES_SEED } from '../../../lib/shapes';
import { DEFAULT_TRAIN, LOSS_WINDOW as WINDOW } from '../../../lib/denoiser-train';
import { parameterCount } from '../../../lib/denoiser-net';
import { formatDateTime } from '../../../lib/format';
import type { NetProgress } from '../../../workers/diffusion-net.worker';
import { askNet, cancelNet } from './net-client';

export interface TrainSettings {
  steps: number;
  seed: number;
  start: 'fresh' | 'shipped';
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = { steps: 150, seed: 1, start: 'fresh' };

export function useNetTraining(onSaved: (id: string) => void) {
  const [progress, setProgress] = useState<NetProgress | null>(null);
  const [running, setRunning] = useState(false);
  const [message, setMessage] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);
  const runId = useRef<number | null>(null);

  const start = async (s: TrainSettings) => {
    setRunning(true);
    setError(null);
    setMessage(null);
    setProgress(null);
    const res = await askNet(
      { kind: 'train', steps: s.steps, seed: s.seed, start: s.start },
      setProgress,
      (id) => {
        runId.current = id;
      },
    );
    runId.current = null;
    setRunning(false);
    if (res.kind === 'error') {
      setError(`Training failed: ${res.message}. Try fewer steps.`);
      return;
    }
    if (res.kind !== 'trained') return;
    const now = new Date();
    const id = `model-${now.getTime()}`;
    try {
      await saveDiffusionModel({
        id,
        name: `${res.steps} steps from ${s.start === 'fresh' ? 'scratch' : 'the shipped weights'}, ${formatDateTime(now)}`,
        createdAt: now.toISOString(),
        updatedAt: now.toISOString(),
        architecture: { kind: 'residual-mlp', ...res.config },
        parameters: parameterCount(res.config),
        weights: res.weights,
        training: {
          start: s.start,
          seed: s.seed,
          steps: res.steps,
          batch: DEFAULT_TRAIN.batch,
          lossCurve: res.curve,
          lossWindow: WINDOW,
          ms: res.ms,
          cancelled: res.cancelled,
        },
        dataset: { seed: SHAPES_SEED, count: SHAPES_COUNT },
      });
    } catch (e) {
      setError(`${e instanceof Error ? e.message : String(e)} Train again to replace it.`);
      return;
    }
    setMessage(
      `${res.cancelled ? 'Stopped' : 'Trained'} after ${res.steps} steps; saved as your model and selected.`,
    );
    onSaved(id);
  };

  const cancel = () => {
    if (runId.current != null) cancelNet(runId.current);
  };

  return { progress, running, message, error, start, cancel };
}
