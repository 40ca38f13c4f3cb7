/**
 * Training a denoiser in the app: runs in the network worker with the loss curve reported every
 * few steps, can be cancelled (the weights so far are kept), and saves the result to IndexedDB
 * (`diffusionModels`), then hands its id to `onSaved` so the view can select it.
 *
 * The run's state is kept outside React (a small store read with useSyncExternalStore), because
 * the worker keeps training when the learner opens another tab of the lab, which unmounts this
 * view: coming back shows the run still counting, with its Cancel, instead of an idle panel that
 * offers a second run beside an invisible one. A model saved while the view was closed is
 * selected when it opens again (the id is handed over once, with its report); a finished run's
 * report is cleared when the view closes.
 */
import { useEffect, useRef, useSyncExternalStore } from 'react';
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

interface TrainingState {
  progress: NetProgress | null;
  running: boolean;
  message: string | null;
  error: string | null;
}

let state: TrainingState = { progress: null, running: false, message: null, error: null };
/** The running request's id, to cancel it. */
let runId: number | null = null;
/** A saved model's id not yet handed to a view to select. */
let toSelect: string | null = null;
const listeners = new Set<() => void>();

function update(patch: Partial<TrainingState>) {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

async function start(s: TrainSettings) {
  if (state.running) return;
  update({ running: true, error: null, message: null, progress: null });
  const res = await askNet(
    { kind: 'train', steps: s.steps, seed: s.seed, start: s.start },
    (progress) => update({ progress }),
    (id) => {
      runId = id;
    },
  );
  runId = null;
  if (res.kind === 'error') {
    update({ running: false, error: `Training failed: ${res.message}. Try fewer steps.` });
    return;
  }
  if (res.kind !== 'trained') {
    update({ running: false });
    return;
  }
  const now = new Date();
  const id = `model-${now.getTime()}`;
  try {
    await saveDiffusionModel({
      id,
      name: `${res.steps}${res.cancelled ? ` of ${s.steps}` : ''} steps from ${s.start === 'fresh' ? 'scratch' : 'the shipped weights'}${res.cancelled ? ' (stopped)' : ''}, ${formatDateTime(now)}`,
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
    update({
      running: false,
      error: `${e instanceof Error ? e.message : String(e)} Train again to replace it.`,
    });
    return;
  }
  toSelect = id;
  update({
    running: false,
    message: `${res.cancelled ? 'Stopped' : 'Trained'} after ${res.steps} steps; saved as your model and selected.`,
  });
}

function cancel() {
  if (runId != null) cancelNet(runId);
}

export function useNetTraining(onSaved: (id: string) => void) {
  const snapshot = useSyncExternalStore(subscribe, () => state);
  const latest = useRef(onSaved);
  useEffect(() => {
    latest.current = onSaved;
  });
  // Hand a newly saved model to the view once (also when the view opens after the run ended).
  useEffect(() => {
    if (toSelect === null) return;
    const id = toSelect;
    toSelect = null;
    latest.current(id);
  }, [snapshot]);
  // A finished run's report belongs to this visit: the view opens afresh next time.
  useEffect(
    () => () => {
      if (!state.running) update({ progress: null, message: null, error: null });
    },
    [],
  );
  return { ...snapshot, start, cancel };
}
