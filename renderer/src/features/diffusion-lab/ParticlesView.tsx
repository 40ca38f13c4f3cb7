/**
 * The contrast with memorisation: data from a 2-D Gaussian mixture (a continuous distribution,
 * not a list of points). Particles start as noise and follow the exact denoiser of the mixture;
 * they land on the distribution, at new points. The score field can be drawn.
 */
import { IntegerField } from '../../components/fields';
import { useEffect, useRef, useState } from 'react';
import { alphaBarAt, cosineSchedule, gmmScore, type Gmm2 } from '../../lib/diffusion';
import type { ParticlesResponse } from '../../workers/diffusion.worker';
import { runInWorker } from './worker-client';

const GMM: Gmm2 = {
  means: Array.from(
    { length: 6 },
    (_, k) =>
      [Math.cos((k * Math.PI) / 3) * 2, Math.sin((k * Math.PI) / 3) * 2] as [number, number],
  ),
  sigma: 0.25,
  weights: [1, 1, 1, 1, 1, 1],
};
const T = 1000;
const SCHEDULE = cosineSchedule(T);
const SIZE = 420;
const SCALE = SIZE / 8; // the plane from -4 to 4

const toCanvas = ([x, y]: readonly [number, number]) =>
  [SIZE / 2 + x * SCALE, SIZE / 2 - y * SCALE] as const;

export function ParticlesView() {
  const [run, setRun] = useState<ParticlesResponse | null>(null);
  const [frame, setFrame] = useState(0);
  const [showField, setShowField] = useState(true);
  const [seed, setSeed] = useState(7);
  const canvas = useRef<HTMLCanvasElement>(null);

  const start = async () => {
    const res = await runInWorker({
      kind: 'particles',
      gmm: GMM,
      T,
      steps: 60,
      count: 400,
      seed,
      sampler: 'ddpm',
    });
    if (res.kind === 'particles') {
      setRun(res);
      setFrame(0);
    }
  };

  useEffect(() => {
    if (!run || frame >= run.steps.length) return;
    const id = setTimeout(() => setFrame((f) => f + 1), 60);
    return () => clearTimeout(id);
  }, [run, frame]);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (!ctx) return;
    const style = getComputedStyle(document.body);
    ctx.clearRect(0, 0, SIZE, SIZE);
    const t = run ? (frame < run.steps.length ? run.steps[frame]! : 0) : T;
    const ab = t === 0 ? 1 : alphaBarAt(SCHEDULE, t);
    if (showField && t > 0) {
      ctx.strokeStyle = style.getPropertyValue('--muted');
      ctx.globalAlpha = 0.45;
      for (let gx = -3.75; gx <= 3.76; gx += 0.5) {
        for (let gy = -3.75; gy <= 3.76; gy += 0.5) {
          const [sx, sy] = gmmScore([gx, gy], GMM, ab);
          const len = Math.hypot(sx, sy) || 1;
          const [cx, cy] = toCanvas([gx, gy]);
          const k = (Math.min(len, 4) / len) * 4;
          ctx.beginPath();
          ctx.moveTo(cx, cy);
          ctx.lineTo(cx + sx * k, cy - sy * k);
          ctx.stroke();
        }
      }
      ctx.globalAlpha = 1;
    }
    ctx.fillStyle = style.getPropertyValue('--ok');
    for (const mean of GMM.means) {
      const [cx, cy] = toCanvas(mean);
      ctx.beginPath();
      ctx.arc(cx, cy, GMM.sigma * SCALE * 2, 0, Math.PI * 2);
      ctx.globalAlpha = 0.15;
      ctx.fill();
    }
    ctx.globalAlpha = 1;
    if (run) {
      ctx.fillStyle = style.getPropertyValue('--accent');
      for (const trajectory of run.trajectories) {
        const p = trajectory[Math.min(frame, trajectory.length - 1)]!;
        const [cx, cy] = toCanvas(p);
        ctx.fillRect(cx - 1.5, cy - 1.5, 3, 3);
      }
    }
  }, [run, frame, showField]);

  const t = run ? (frame < run.steps.length ? run.steps[frame]! : 0) : T;
  return (
    <div className="lab-grid">
      <aside className="card lab-side" aria-label="2-D diffusion settings">
        <h2>New samples, in 2-D</h2>
        <p className="muted small">
          Here the “training data” is a smooth distribution: six blobs (green). 400 particles start
          as pure noise and follow the exact denoiser. They end on the blobs, each at a new point:
          generation samples the distribution instead of copying examples.
        </p>
        <label className="check">
          <input
            type="checkbox"
            checked={showField}
            onChange={(e) => setShowField(e.target.checked)}
          />
          Draw the score field (where each point is pushed)
        </label>
        <IntegerField label="Seed" value={seed} min={0} max={2147483647} onChange={setSeed} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void start()}>
            Release particles
          </button>
        </div>
      </aside>
      <div className="lab-main">
        <section className="card">
          <canvas
            ref={canvas}
            width={SIZE}
            height={SIZE}
            className="plane"
            role="img"
            aria-label={`Particles at step ${t}`}
          />
          <p className="muted small" data-testid="particles-step">
            t = {t}{' '}
            {run && frame >= run.steps.length ? '(done: every particle is a new sample)' : ''}
          </p>
        </section>
      </div>
    </div>
  );
}
