/** Generate images on Bedrock: the form, what is wrong with it, the cost preview, the new images. */
import type { AppError } from '../../../../shared/result';
import { ResultsRegion } from '../../components/ResultsRegion';
import type { GalleryImage } from '../../db/schema';
import { formatUsdOrUnknown, plural } from '../../lib/format';
import { dataUrl } from './image-data';
import { ImageForm } from './ImageForm';
import { useGenerateImages } from './use-generate-images';
import { imageRequestFor, useImageForm } from './use-image-form';

export function GenerateImages({
  gallery,
  region,
  onError,
}: {
  gallery: GalleryImage[];
  region: string;
  onError: (e: AppError | null) => void;
}) {
  const { form, set } = useImageForm();
  const { family, request, problems, cost } = imageRequestFor(form, gallery);
  const { busy, latest, runs, generate } = useGenerateImages(onError);
  const perImage = cost === null ? null : cost / request.count;
  return (
    <section className="card" aria-labelledby="gen-heading">
      <h2 id="gen-heading">Generate images</h2>
      <ImageForm form={form} set={set} family={family} gallery={gallery} region={region} />
      {problems.length > 0 ? (
        <ul className="field-error">
          {problems.map((p) => (
            <li key={p}>{p}</li>
          ))}
        </ul>
      ) : null}
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || problems.length > 0}
          onClick={() => void generate(request)}
        >
          {busy ? 'Generating…' : `Generate ${plural(request.count, 'image')}`}
        </button>
        <span className="muted small" data-testid="image-cost">
          About {formatUsdOrUnknown(cost)} at on-demand list prices ({formatUsdOrUnknown(perImage)}{' '}
          per image).
        </span>
      </div>
      <ResultsRegion
        label="New images"
        revealKey={runs > 0 ? runs : null}
        announce={latest.length > 0 ? `${plural(latest.length, 'image')} generated.` : null}
      >
        {latest.length > 0 ? (
          <div className="gallery-row" data-testid="latest-images">
            {latest.map((img) => (
              <img
                key={img.id}
                src={dataUrl(img)}
                alt={img.prompt ?? 'Generated variation'}
                width={160}
              />
            ))}
          </div>
        ) : null}
      </ResultsRegion>
    </section>
  );
}
