/**
 * Live image experiments on Bedrock: text-to-image and image variation with Nova Canvas or Titan
 * Image Generator v2, and image-to-text with a vision model ("how many apples?"). Every image is
 * kept in the gallery (IndexedDB) with the parameters that made it and its cost.
 */
import { IntegerField, RangeField } from '../../components/fields';
import { useLiveQuery } from 'dexie-react-hooks';
import { useId, useMemo, useState } from 'react';
import { Link } from 'wouter';
import {
  IMAGE_MODEL_RULES,
  imageModelFamily,
  imageRequestProblems,
  NOVA_CANVAS_ID,
  TITAN_IMAGE_V2_ID,
} from '../../../../shared/image-models';
import {
  estimateImageCost,
  findModel,
  invocableModelId,
  modelDisplayName,
} from '../../../../shared/models';
import { CATALOG } from '../../../../shared/catalog';
import type { AppError } from '../../../../shared/result';
import { call } from '../../api';
import { useSettings } from '../../app/settings-context';
import { ErrorPanel } from '../../components/ConnectionStatus';
import type { GalleryImage } from '../../db/schema';
import { addImages, deleteImage, listImages } from '../../db/gallery';
import { toRgba } from '../../lib/diffusion';
import { applesPicture } from '../../lib/drawings';

const SIZES: Record<'nova-canvas' | 'titan-image-v2', [number, number][]> = {
  'nova-canvas': [
    [512, 512],
    [1024, 1024],
    [1280, 720],
    [720, 1280],
  ],
  'titan-image-v2': [
    [512, 512],
    [1024, 1024],
    [1152, 640],
    [768, 768],
  ],
};

const usd = (x: number | null) =>
  x === null ? 'unknown' : x < 0.01 ? `$${x.toPrecision(2)}` : `$${x.toFixed(3)}`;
const dataUrl = (img: { format: string; base64: string }) =>
  `data:image/${img.format};base64,${img.base64}`;

/** The bundled apples picture as PNG base64 (drawn by Stratum, so no licence question). */
function applesPng(): string {
  const size = 256;
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) return '';
  ctx.putImageData(
    new ImageData(new Uint8ClampedArray(toRgba(applesPicture(size))), size, size),
    0,
    0,
  );
  return canvas.toDataURL('image/png').split(',')[1] ?? '';
}

function Generate({
  gallery,
  onError,
}: {
  gallery: GalleryImage[];
  onError: (e: AppError | null) => void;
}) {
  const [modelId, setModelId] = useState(NOVA_CANVAS_ID);
  const [task, setTask] = useState<'TEXT_IMAGE' | 'IMAGE_VARIATION'>('TEXT_IMAGE');
  const [prompt, setPrompt] = useState('A lighthouse on a rocky coast at sunset, watercolour');
  const [negative, setNegative] = useState('');
  const [sizeIndex, setSizeIndex] = useState(0);
  const [quality, setQuality] = useState<'standard' | 'premium'>('standard');
  const [cfgScale, setCfg] = useState(6.5);
  const [seed, setSeed] = useState(12);
  const [count, setCount] = useState(1);
  const [sourceId, setSourceId] = useState('');
  const [similarity, setSimilarity] = useState(0.7);
  const [busy, setBusy] = useState(false);
  const [latest, setLatest] = useState<GalleryImage[]>([]);
  const ids = {
    model: useId(),
    task: useId(),
    prompt: useId(),
    neg: useId(),
    size: useId(),
    q: useId(),
    src: useId(),
  };
  const family = imageModelFamily(modelId) ?? 'nova-canvas';
  const [width, height] = SIZES[family][sizeIndex] ?? [512, 512];
  const source = gallery.find((g) => g.id === sourceId) ?? null;
  const request = {
    modelId,
    task,
    ...(prompt.trim() ? { prompt: prompt.trim() } : {}),
    ...(negative.trim() ? { negativePrompt: negative.trim() } : {}),
    width,
    height,
    quality,
    cfgScale,
    seed,
    count,
    ...(task === 'IMAGE_VARIATION' && source
      ? { images: [source.base64], similarityStrength: similarity }
      : {}),
  };
  const problems = imageRequestProblems(request).map((p) => p.message);
  if (task === 'IMAGE_VARIATION' && !source)
    problems.push('Pick an image from the gallery to vary.');
  const cost = estimateImageCost(modelId, width, height, quality, count);

  const generate = async () => {
    setBusy(true);
    onError(null);
    const result = await call('generateImages', request);
    setBusy(false);
    if (!result.ok) {
      onError(result.error);
      return;
    }
    const createdAt = new Date().toISOString();
    const perImage =
      result.value.costUsd === null ? null : result.value.costUsd / result.value.images.length;
    const rows: GalleryImage[] = result.value.images.map((img) => ({
      id: crypto.randomUUID(),
      createdAt,
      modelId,
      task,
      prompt: request.prompt ?? null,
      negativePrompt: request.negativePrompt ?? null,
      width: img.width,
      height: img.height,
      quality,
      cfgScale,
      seed,
      similarityStrength: task === 'IMAGE_VARIATION' ? similarity : null,
      format: img.format,
      base64: img.pngBase64,
      costUsd: perImage,
    }));
    await addImages(rows);
    setLatest(rows);
  };

  return (
    <section className="card" aria-labelledby="gen-heading">
      <h2 id="gen-heading">Generate images</h2>
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.model}>Model</label>
          <select
            id={ids.model}
            value={modelId}
            onChange={(e) => {
              setModelId(e.target.value);
              setSizeIndex(0);
            }}
          >
            <option value={NOVA_CANVAS_ID}>Amazon Nova Canvas</option>
            <option value={TITAN_IMAGE_V2_ID}>Amazon Titan Image Generator v2</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.task}>Task</label>
          <select
            id={ids.task}
            value={task}
            onChange={(e) =>
              setTask(e.target.value === 'IMAGE_VARIATION' ? 'IMAGE_VARIATION' : 'TEXT_IMAGE')
            }
          >
            <option value="TEXT_IMAGE">Text to image</option>
            <option value="IMAGE_VARIATION">Image to image (variation)</option>
          </select>
        </div>
        <div className="field wide">
          <label htmlFor={ids.prompt}>
            Prompt {task === 'IMAGE_VARIATION' ? '(optional)' : ''}
          </label>
          <textarea
            id={ids.prompt}
            rows={2}
            value={prompt}
            maxLength={IMAGE_MODEL_RULES[family].maxPromptChars}
            onChange={(e) => setPrompt(e.target.value)}
          />
        </div>
        <div className="field wide">
          <label htmlFor={ids.neg}>Negative prompt (what to leave out)</label>
          <input
            id={ids.neg}
            value={negative}
            onChange={(e) => setNegative(e.target.value)}
            placeholder="for example: people, text"
          />
        </div>
        {task === 'IMAGE_VARIATION' ? (
          <>
            <div className="field">
              <label htmlFor={ids.src}>Image to vary</label>
              <select id={ids.src} value={sourceId} onChange={(e) => setSourceId(e.target.value)}>
                <option value="">Choose from the gallery…</option>
                {gallery.map((g) => (
                  <option key={g.id} value={g.id}>
                    {g.prompt ?? 'variation'} ({g.width}×{g.height})
                  </option>
                ))}
              </select>
            </div>
            <RangeField
              label="Similarity strength"
              value={similarity}
              min={0.2}
              max={1}
              step={0.05}
              display={similarity.toFixed(2)}
              onChange={setSimilarity}
            />
          </>
        ) : null}
        <div className="field">
          <label htmlFor={ids.size}>Size</label>
          <select
            id={ids.size}
            value={sizeIndex}
            onChange={(e) => setSizeIndex(Number(e.target.value))}
          >
            {SIZES[family].map(([w, h], i) => (
              <option key={`${w}x${h}`} value={i}>
                {w} × {h}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.q}>Quality</label>
          <select
            id={ids.q}
            value={quality}
            onChange={(e) => setQuality(e.target.value === 'premium' ? 'premium' : 'standard')}
          >
            <option value="standard">Standard</option>
            <option value="premium">Premium</option>
          </select>
        </div>
        <RangeField
          label="cfgScale (prompt strength)"
          value={cfgScale}
          min={1.1}
          max={10}
          step={0.1}
          display={cfgScale.toFixed(1)}
          onChange={setCfg}
        />
        <IntegerField
          label="Seed"
          value={seed}
          min={0}
          max={IMAGE_MODEL_RULES[family].maxSeed}
          onChange={setSeed}
        />
        <IntegerField label="Images" value={count} min={1} max={5} onChange={setCount} />
      </div>
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
          onClick={() => void generate()}
        >
          {busy ? 'Generating…' : `Generate ${count} image${count > 1 ? 's' : ''}`}
        </button>
        <span className="muted small" data-testid="image-cost">
          About {usd(cost)} at on-demand list prices ({usd(cost === null ? null : cost / count)} per
          image).
        </span>
      </div>
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
    </section>
  );
}

function Describe({ gallery }: { gallery: GalleryImage[] }) {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const visionModels = useMemo(
    () =>
      CATALOG.models
        .filter((m) => m.features.vision && m.lifecycle !== 'end-of-life')
        .map((m) => ({ id: invocableModelId(m, region), label: modelDisplayName(m) })),
    [region],
  );
  const [modelId, setModelId] = useState(
    visionModels.find((m) => m.id.includes('nova-lite'))?.id ??
      visionModels[0]?.id ??
      'us.amazon.nova-lite-v1:0',
  );
  const [imageId, setImageId] = useState('apples');
  const [question, setQuestion] = useState('How many apples are in this picture?');
  const [answer, setAnswer] = useState<{ text: string; cost: number | null } | null>(null);
  const [error, setError] = useState<AppError | null>(null);
  const [busy, setBusy] = useState(false);
  const apples = useMemo(() => applesPng(), []);
  const ids = { model: useId(), image: useId(), q: useId() };
  const chosen =
    imageId === 'apples'
      ? { format: 'png' as const, base64: apples }
      : (gallery.find((g) => g.id === imageId) ?? null);

  const ask = async () => {
    if (!chosen) return;
    setBusy(true);
    setError(null);
    const result = await call('describeImage', {
      modelId,
      imageBase64: chosen.base64,
      format: chosen.format,
      question,
      maxTokens: 300,
    });
    setBusy(false);
    if (result.ok) setAnswer({ text: result.value.text, cost: result.value.costUsd });
    else setError(result.error);
  };

  return (
    <section className="card" aria-labelledby="describe-heading">
      <h2 id="describe-heading">Image to text</h2>
      <p className="muted small">
        A multimodal model reads the image and answers a question about it (visual question
        answering).
      </p>
      <div className="describe">
        {chosen ? (
          <img src={dataUrl(chosen)} alt="The image the model will read" width={180} />
        ) : null}
        <div className="form-grid">
          <div className="field">
            <label htmlFor={ids.image}>Image</label>
            <select id={ids.image} value={imageId} onChange={(e) => setImageId(e.target.value)}>
              <option value="apples">Apples on a table (drawn by Stratum)</option>
              {gallery.map((g) => (
                <option key={g.id} value={g.id}>
                  {g.prompt ?? 'variation'}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor={ids.model}>Vision model</label>
            <select id={ids.model} value={modelId} onChange={(e) => setModelId(e.target.value)}>
              {visionModels.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.label}
                </option>
              ))}
            </select>
          </div>
          <div className="field wide">
            <label htmlFor={ids.q}>Question</label>
            <input id={ids.q} value={question} onChange={(e) => setQuestion(e.target.value)} />
          </div>
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={busy || !question.trim() || !chosen}
          onClick={() => void ask()}
        >
          {busy ? 'Asking…' : 'Ask'}
        </button>
      </div>
      {error ? <ErrorPanel error={error} /> : null}
      {answer ? (
        <p className="status status-ok" data-testid="describe-answer">
          <span>
            {answer.text} <span className="muted small">(about {usd(answer.cost)})</span>
          </span>
        </p>
      ) : null}
    </section>
  );
}

export function ImagesView() {
  const gallery = useLiveQuery(listImages, []) ?? [];
  const [error, setError] = useState<AppError | null>(null);
  const [undo, setUndo] = useState<GalleryImage | null>(null);
  const canvas = findModel(NOVA_CANVAS_ID);
  return (
    <div className="images-view">
      <p className="muted small">
        These call Amazon Bedrock with your AWS account (<Link href="/settings">Settings</Link>).{' '}
        {canvas?.lifecycle !== 'active'
          ? `Note: ${canvas?.name ?? 'Nova Canvas'} is marked ${canvas?.lifecycle} in the catalog; check that it is offered in your region (Models).`
          : ''}
      </p>
      {error ? <ErrorPanel error={error} /> : null}
      <Generate gallery={gallery} onError={setError} />
      <Describe gallery={gallery} />
      <section className="card" aria-labelledby="gallery-heading">
        <h2 id="gallery-heading">Gallery</h2>
        {undo ? (
          <p role="status" className="status status-idle">
            Deleted one image.{' '}
            <button
              type="button"
              className="link"
              onClick={() => void addImages([undo]).then(() => setUndo(null))}
            >
              Undo
            </button>
          </p>
        ) : null}
        {gallery.length === 0 ? (
          <p className="empty">
            Images you generate are kept here, on this computer, with the settings that made them.
          </p>
        ) : (
          <ul className="gallery" data-testid="gallery">
            {gallery.map((g) => (
              <li key={g.id}>
                <img src={dataUrl(g)} alt={g.prompt ?? 'Generated variation'} loading="lazy" />
                <p className="small">
                  <strong>{g.prompt ?? '(variation without text)'}</strong>
                </p>
                <p className="muted small">
                  {g.modelId.split('.').slice(-1)[0]} · {g.width}×{g.height} · {g.quality} · cfg{' '}
                  {g.cfgScale} · seed {g.seed}
                  {g.similarityStrength !== null
                    ? ` · similarity ${g.similarityStrength}`
                    : ''} · {usd(g.costUsd)}
                </p>
                <button
                  type="button"
                  className="link"
                  onClick={() => void deleteImage(g.id).then(setUndo)}
                >
                  Delete
                </button>
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}
