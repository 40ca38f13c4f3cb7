/**
 * A finished reverse run, frame by frame: the image being denoised beside the denoiser's
 * prediction of the clean image, a step slider, play controls, and at the end which training
 * image the exact denoiser reproduced.
 */
import { RangeField } from '../../components/fields';
import { formatDuration } from '../../lib/format';
import type { ReverseResponse } from '../../workers/diffusion.worker';
import { PixelCanvas } from './PixelCanvas';
import type { Player } from './use-reverse-run';

export function ReversePlayer({ run, player }: { run: ReverseResponse; player: Player }) {
  const { frame, playing, atEnd } = player;
  const current = atEnd ? null : (run.frames[frame] ?? null);
  const last = run.frames.length;
  return (
    <>
      <div className="equation">
        <figure>
          <PixelCanvas
            rgba={current ? current.xt : run.final}
            size={run.size}
            display={192}
            label="The image being denoised"
          />
          <figcaption>{current ? `x_t at t = ${current.t}` : 'x₀ (finished)'}</figcaption>
        </figure>
        <figure>
          <PixelCanvas
            rgba={current ? current.x0hat : run.final}
            size={run.size}
            display={192}
            label="The denoiser's prediction of the clean image"
          />
          <figcaption>predicted x₀</figcaption>
        </figure>
      </div>
      <RangeField
        label="Step"
        value={frame}
        min={0}
        max={last}
        step={1}
        display={`${Math.min(frame, last)} / ${last}`}
        onChange={player.seek}
      />
      <div className="actions">
        <button type="button" onClick={player.toggle}>
          {playing ? 'Pause' : 'Play'}
        </button>
        <button type="button" onClick={player.step} disabled={atEnd}>
          Step
        </button>
        <button type="button" onClick={player.skip} disabled={atEnd}>
          Skip to end
        </button>
        <span className="muted small">
          Computed in {formatDuration(run.ms)} in a background worker.
        </span>
      </div>
      {atEnd ? (
        <p className="status status-warn" data-testid="memorised" role="note">
          The result is training image #{run.nearest.index + 1} (a {run.nearest.label}), reproduced
          almost exactly (RMS difference {run.nearest.rms.toFixed(4)}). An exact denoiser can only
          return its training images: it memorises. Real diffusion models learn an approximation
          that generalises, which is why they make new images: see “A trained network”, and the 2-D
          view.
        </p>
      ) : null}
    </>
  );
}
