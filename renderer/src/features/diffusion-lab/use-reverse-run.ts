/**
 * The reverse view's run: generate in the diffusion worker, then play the frames back (one every
 * 80 ms) with pause, step and skip. `runs` counts the runs, so results can be revealed on each.
 */
import { useEffect, useState } from 'react';
import type { SamplerKind } from '../../lib/diffusion';
import type { ReverseResponse } from '../../workers/diffusion.worker';
import { runInWorker } from './worker-client';

export interface ReverseSettings {
  label: string;
  guidance: number;
  sampler: SamplerKind;
  eta: number;
  steps: number;
  seed: number;
  scheduleKind: 'linear' | 'cosine';
}

export const DEFAULT_REVERSE: ReverseSettings = {
  label: 'tree',
  guidance: 2,
  sampler: 'ddim',
  eta: 0,
  steps: 50,
  seed: 3,
  scheduleKind: 'cosine',
};

/** Frame playback over a finished run: frame N (= frames.length) is the finished image. */
function usePlayer(run: ReverseResponse | null) {
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const last = run?.frames.length ?? 0;
  useEffect(() => {
    if (!playing || !run) return;
    const id = setInterval(() => {
      setFrame((f) => {
        if (f >= run.frames.length) {
          setPlaying(false);
          return f;
        }
        return f + 1;
      });
    }, 80);
    return () => clearInterval(id);
  }, [playing, run]);
  const atEnd = run ? frame >= last : false;
  return {
    frame,
    playing,
    atEnd,
    restart: () => {
      setFrame(0);
      setPlaying(true);
    },
    seek: (f: number) => {
      setPlaying(false);
      setFrame(f);
    },
    toggle: () => {
      if (atEnd) setFrame(0);
      setPlaying(!playing);
    },
    step: () => {
      setPlaying(false);
      setFrame((f) => Math.min(last, f + 1));
    },
    skip: () => {
      setPlaying(false);
      setFrame(last);
    },
  };
}

export type Player = ReturnType<typeof usePlayer>;

export function useReverseRun() {
  const [run, setRun] = useState<ReverseResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [runs, setRuns] = useState(0);
  const player = usePlayer(run);

  const start = async (s: ReverseSettings) => {
    setBusy(true);
    setError(null);
    const res = await runInWorker({
      kind: 'reverse',
      scheduleKind: s.scheduleKind,
      T: 1000,
      steps: s.steps,
      sampler: s.sampler,
      eta: s.sampler === 'ddim' ? s.eta : 1,
      seed: s.seed,
      classLabel: s.label || null,
      guidance: s.label ? s.guidance : 0,
    });
    setBusy(false);
    if (res.kind === 'error') {
      setError(res.message);
      return;
    }
    if (res.kind !== 'reverse') return;
    setRun(res);
    setRuns((n) => n + 1);
    player.restart();
  };

  return { run, busy, error, runs, player, start };
}
