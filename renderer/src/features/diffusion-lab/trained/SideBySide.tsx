/**
 * The trained network's first image beside the exact denoiser's from the same seed and
 * settings: the network's is new (its nearest training picture is shown for comparison), the
 * exact denoiser's is a training picture. A step slider scrubs the network's denoising.
 */
import { useState } from 'react';
import { RangeField } from '../../../components/fields';
import { formatDuration } from '../../../lib/format';
import type { NetSampleResponse } from '../../../workers/diffusion-net.worker';
import { PixelCanvas } from '../PixelCanvas';

const BIG = 144;

export function SideBySide({ result }: { result: NetSampleResponse }) {
  const last = result.frames.length;
  const [frame, setFrame] = useState(last);
  const shown = Math.min(frame, last);
  const current = shown < last ? result.frames[shown]! : null;
  const first = result.samples[0]!;
  return (
    <section className="card side-by-side" aria-labelledby="side-by-side-title">
      <h3 id="side-by-side-title">The trained network beside the exact denoiser</h3>
      <div className="pair">
        <div className="column" data-testid="net-column">
          <h4>Trained network</h4>
          <div className="equation">
            <figure>
              <PixelCanvas
                rgba={current ? current.xt : first.rgba}
                size={result.size}
                display={BIG}
                label={
                  current ? `The network's image at step ${current.t}` : "The network's new image"
                }
              />
              <figcaption>{current ? `x_t at t = ${current.t}` : 'x₀ (new image)'}</figcaption>
            </figure>
            <figure>
              <PixelCanvas
                rgba={result.nearestToFirst}
                size={result.size}
                display={BIG}
                label="The training picture nearest to the network's image"
              />
              <figcaption>nearest training picture</figcaption>
            </figure>
          </div>
          <p className="small">
            {first.distance.toFixed(3)} RMS from its nearest training picture:{' '}
            {first.distance > 0.1 ? 'a new image' : 'close to a training picture'}
            {first.valid ? ', one clean shape.' : `; the shape check says: ${first.problem}.`}
          </p>
        </div>
        <div className="column" data-testid="exact-column">
          <h4>Exact denoiser (memorises)</h4>
          <div className="equation">
            <figure>
              <PixelCanvas
                rgba={result.exact.rgba}
                size={result.size}
                display={BIG}
                label="The exact denoiser's image"
              />
              <figcaption>x₀</figcaption>
            </figure>
            <figure>
              <PixelCanvas
                rgba={result.exact.nearest}
                size={result.size}
                display={BIG}
                label="The training picture nearest to the exact denoiser's image"
              />
              <figcaption>nearest training picture</figcaption>
            </figure>
          </div>
          <p className="small">
            {result.exact.distance.toFixed(3)} RMS from a training picture: the optimal denoiser of
            a finite training set can only give back its pictures.
          </p>
        </div>
      </div>
      <RangeField
        label="Network step"
        value={shown}
        min={0}
        max={last}
        step={1}
        display={`${shown} / ${last}`}
        onChange={setFrame}
      />
      <p className="muted small">
        Network: {formatDuration(result.netMs)} for {result.samples.length} images · exact denoiser:{' '}
        {formatDuration(result.exactMs)} for one (it compares with every training picture at every
        step).
      </p>
    </section>
  );
}
