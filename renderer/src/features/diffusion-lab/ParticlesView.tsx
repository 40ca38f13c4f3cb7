/**
 * The contrast with memorisation: data from a 2-D Gaussian mixture (a continuous distribution,
 * not a list of points). Particles start as noise and follow the exact denoiser of the mixture;
 * they land on the distribution, at new points. The score field can be drawn.
 */
import { useEffect, useRef, useState } from 'react';
import { IntegerField } from '../../components/fields';
import { ResultsRegion } from '../../components/ResultsRegion';
import { drawPlane, PLANE_SIZE, stepAt } from './particles-plane';
import { useParticlesRun } from './use-particles-run';

const MAX_SEED = 2 ** 31 - 1;

export function ParticlesView() {
  const { run, runs, frame, error, done, start } = useParticlesRun();
  const [showField, setShowField] = useState(true);
  const [seed, setSeed] = useState(7);
  const canvas = useRef<HTMLCanvasElement>(null);

  useEffect(() => {
    const ctx = canvas.current?.getContext('2d');
    if (ctx) drawPlane(ctx, run, frame, showField);
  }, [run, frame, showField]);

  const t = stepAt(run, frame);
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
        <IntegerField label="Seed" value={seed} min={0} max={MAX_SEED} onChange={setSeed} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void start(seed)}>
            Release particles
          </button>
        </div>
      </aside>
      <div className="lab-main">
        {error ? (
          <p className="status status-error" role="alert">
            {error}
          </p>
        ) : null}
        <ResultsRegion
          label="Particles"
          revealKey={runs > 0 ? runs : null}
          announce={done ? 'Done: every particle is a new sample.' : null}
        >
          <section className="card">
            <canvas
              ref={canvas}
              width={PLANE_SIZE}
              height={PLANE_SIZE}
              className="plane"
              role="img"
              aria-label={`Particles at step ${t}`}
            />
            <p className="muted small" data-testid="particles-step">
              t = {t} {done ? '(done: every particle is a new sample)' : ''}
            </p>
          </section>
        </ResultsRegion>
      </div>
    </div>
  );
}
