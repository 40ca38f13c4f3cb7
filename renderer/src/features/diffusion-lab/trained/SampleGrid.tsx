/**
 * A run's samples, each marked valid or not by the shape check, with the two figures, under the
 * name of the model that drew them.
 */
import { formatPercent } from '../../../lib/format';
import { NOVEL_DISTANCE } from '../../../lib/shape-check';
import { PixelCanvas } from '../PixelCanvas';
import type { NetRunResult } from './use-net-run';

export function SampleGrid({ result }: { result: NetRunResult }) {
  const f = result.figures;
  const { prompt } = result;
  const matching = result.samples.filter((s) => s.valid && s.shape === prompt).length;
  return (
    <section className="card sample-grid" aria-labelledby="sample-grid-title">
      <h3 id="sample-grid-title">
        {f.count} new images from {result.from}, same settings
      </h3>
      <p className="figures" data-testid="net-figures">
        <strong>Valid: {formatPercent(f.validity, 0)}</strong> ({f.valid} of {f.count} are one clean
        shape) · <strong>New: {formatPercent(f.novelty, 0)}</strong> ({f.novel} of {f.count} differ
        from every training picture by more than {NOVEL_DISTANCE} RMS) · Both:{' '}
        {formatPercent(f.validNovel / Math.max(1, f.count), 0)}
        {prompt ? (
          <>
            {' '}
            ·{' '}
            <strong>
              A valid {prompt}: {formatPercent(matching / Math.max(1, f.count), 0)}
            </strong>{' '}
            ({matching} of {f.count}; the check does not look at the prompt, so this says how well
            the model follows it)
          </>
        ) : null}
      </p>
      <ul className="samples">
        {result.samples.map((s, i) => (
          <li key={i} className={s.valid ? 'valid' : 'invalid'}>
            <PixelCanvas
              rgba={s.rgba}
              size={result.size}
              display={64}
              label={`Sample ${i + 1}: ${s.valid ? 'valid' : `not valid, ${s.problem ?? ''}`}; ${s.distance.toFixed(2)} from the nearest training picture`}
            />
            <span aria-hidden="true">{s.valid ? '✓' : '✗'}</span>
          </li>
        ))}
      </ul>
      <p className="muted small">
        Valid means one connected shape whose best-fitting disc, square or bar overlaps it by at
        least 80% (intersection over union), in one near-uniform colour on a near-black background.
        New means its root-mean-square difference from the nearest of the training pictures is above{' '}
        {NOVEL_DISTANCE} (values run from −1 to 1); pictures drawn fresh from the same generator
        score about 69% by this measure, the exact denoiser about 0%.
      </p>
    </section>
  );
}
