/**
 * The 2-D view's run: particles computed in the diffusion worker, then played back one frame
 * every 60 ms. `runs` counts the runs, so results can be revealed on each.
 */
import { useEffect, useState } from 'react';
import type { ParticlesResponse } from '../../workers/diffusion.worker';
import { GMM, T } from './particles-plane';
import { runInWorker } from './worker-client';

export function useParticlesRun() {
  const [run, setRun] = useState<ParticlesResponse | null>(null);
  const [runs, setRuns] = useState(0);
  const [frame, setFrame] = useState(0);
  const [error, setError] = useState<string | null>(null);

  useEffect(() => {
    if (!run || frame >= run.steps.length) return;
    const id = setTimeout(() => setFrame((f) => f + 1), 60);
    return () => clearTimeout(id);
  }, [run, frame]);

  const start = async (seed: number) => {
    const res = await runInWorker({
      kind: 'particles',
      gmm: GMM,
      T,
      steps: 60,
      count: 400,
      seed,
      sampler: 'ddpm',
    });
    if (res.kind === 'error') setError(res.message);
    if (res.kind !== 'particles') return;
    setError(null);
    setRun(res);
    setRuns((n) => n + 1);
    setFrame(0);
  };

  return { run, runs, frame, error, done: run !== null && frame >= run.steps.length, start };
}
