/**
 * The forward view's state: which image (a drawing or the learner's own), the schedule, T, the
 * step t and the noise seed, and everything computed from them (x_t, ᾱ_t, the filmstrip).
 */
import { useMemo, useState } from 'react';
import {
  alphaBarAt,
  cosineSchedule,
  forwardSample,
  gaussianArray,
  linearSchedule,
  toRgba,
  type Pixels,
  type Schedule,
} from '../../lib/diffusion';
import { CLASSES, draw } from '../../lib/drawings';
import { loadImageFile } from './image-file';

export const IMAGE_SIZE = 96;
export type ScheduleKind = 'linear' | 'cosine';

export interface ForwardSettings {
  source: string;
  kind: ScheduleKind;
  T: number;
  t: number;
  seed: number;
}

function makeSchedule(kind: ScheduleKind, T: number): Schedule {
  return kind === 'linear' ? linearSchedule(T) : cosineSchedule(T);
}

/** Nine frames from x_0 to x_T with the same noise. */
function filmstrip(x0: Pixels, eps: Pixels, schedule: Schedule) {
  return Array.from({ length: 9 }, (_, i) => {
    const st = Math.max(1, Math.round((i / 8) * schedule.T));
    return {
      t: i === 0 ? 0 : st,
      rgba: i === 0 ? toRgba(x0) : toRgba(forwardSample(x0, eps, schedule, st)),
    };
  });
}

export function useForwardDiffusion() {
  const [settings, setSettings] = useState<ForwardSettings>({
    source: 'house',
    kind: 'linear',
    T: 1000,
    t: 250,
    seed: 1,
  });
  const [custom, setCustom] = useState<{ name: string; pixels: Pixels } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const set = (patch: Partial<ForwardSettings>) => setSettings((s) => ({ ...s, ...patch }));
  const { source, kind, T, seed } = settings;

  const x0 = useMemo(
    () =>
      source === 'custom' && custom
        ? custom.pixels
        : draw(CLASSES.find((c) => c === source) ?? 'house', IMAGE_SIZE, 0).pixels,
    [source, custom],
  );
  const schedule = useMemo(() => makeSchedule(kind, T), [kind, T]);
  const eps = useMemo(() => gaussianArray(IMAGE_SIZE * IMAGE_SIZE * 3, seed), [seed]);
  const t = Math.min(settings.t, T);
  const xt = useMemo(() => forwardSample(x0, eps, schedule, t), [x0, eps, schedule, t]);
  const strip = useMemo(() => filmstrip(x0, eps, schedule), [x0, eps, schedule]);

  const accept = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const pixels = await loadImageFile(file, IMAGE_SIZE);
      setCustom({ name: file.name, pixels });
      set({ source: 'custom' });
    } catch (e) {
      setError(`${e instanceof Error ? e.message : String(e)} Nothing was changed.`);
    }
  };

  return {
    settings,
    set,
    customName: custom?.name ?? null,
    error,
    accept,
    x0,
    eps,
    xt,
    t,
    schedule,
    alphaBar: alphaBarAt(schedule, t),
    strip,
  };
}
