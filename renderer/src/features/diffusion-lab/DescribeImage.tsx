/** Image to text: a multimodal model answers a question about an image (visual question answering). */
import { useId } from 'react';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { ModelSelect } from '../../components/ModelSelect';
import { ResultsRegion } from '../../components/ResultsRegion';
import type { GalleryImage } from '../../db/schema';
import { formatUsdOrUnknown } from '../../lib/format';
import { dataUrl } from './image-data';
import { LifecycleNote } from './LifecycleNote';
import { useDescribe } from './use-describe';

export function DescribeImage({ gallery, region }: { gallery: GalleryImage[]; region: string }) {
  const d = useDescribe(gallery, region);
  const ids = { image: useId(), q: useId() };
  return (
    <section className="card" aria-labelledby="describe-heading">
      <h2 id="describe-heading">Image to text</h2>
      <p className="muted small">
        A multimodal model reads the image and answers a question about it (visual question
        answering).
      </p>
      <div className="describe">
        {d.chosen ? (
          <img src={dataUrl(d.chosen)} alt="The image the model will read" width={180} />
        ) : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.image}>Image</label>
            <select id={ids.image} value={d.imageId} onChange={(e) => d.setImageId(e.target.value)}>
              <option value="apples">Apples on a table (drawn by Stratum)</option>
              {gallery.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.prompt ?? 'variation'}
                </option>
              ))}
            </select>
          </div>
          <ModelSelect
            label="Vision model"
            value={d.modelId}
            options={d.models}
            onChange={d.setModelId}
          />
          <div className="wide">
            <LifecycleNote modelId={d.modelId} />
          </div>
          <div className="field wide">
            <label htmlFor={ids.q}>Question</label>
            <input id={ids.q} value={d.question} onChange={(e) => d.setQuestion(e.target.value)} />
          </div>
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={d.busy || !d.question.trim() || !d.chosen}
          onClick={() => void d.ask()}
        >
          {d.busy ? 'Asking…' : 'Ask'}
        </button>
      </div>
      {d.error ? <ErrorPanel error={d.error} /> : null}
      <ResultsRegion
        label="Answer"
        revealKey={d.answer?.at ?? null}
        announce={d.answer ? 'The model answered.' : null}
      >
        {d.answer ? (
          <p className="status status-ok" data-testid="describe-answer">
            <span>
              {d.answer.text}{' '}
              <span className="muted small">(about {formatUsdOrUnknown(d.answer.cost)})</span>
            </span>
          </p>
        ) : null}
      </ResultsRegion>
    </section>
  );
}
