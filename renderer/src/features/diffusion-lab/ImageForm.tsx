/** The Generate form's fields: model, task, prompts, the image to vary, size, quality, cfg, seed, count. */
import { useId, useMemo } from 'react';
import {
  IMAGE_MODEL_RULES,
  imageModelFamily,
  type ImageModelFamily,
} from '../../../../shared/image-models';
import { modelOptions } from '../../../../shared/models';
import { IntegerField, RangeField } from '../../components/fields';
import { ModelSelect } from '../../components/ModelSelect';
import type { GalleryImage } from '../../db/schema';
import { SIZES } from './image-data';
import { LifecycleNote } from './LifecycleNote';
import type { ImageForm as Form } from './use-image-form';

const LIFECYCLE_LABEL = { active: null, legacy: '(legacy)', 'end-of-life': '(end of life)' };

function VariationSource({
  form,
  set,
  gallery,
}: {
  form: Form;
  set: (patch: Partial<Form>) => void;
  gallery: readonly GalleryImage[];
}) {
  const id = useId();
  return (
    <>
      <div className="field">
        <label htmlFor={id}>Image to vary</label>
        <select id={id} value={form.sourceId} onChange={(e) => set({ sourceId: e.target.value })}>
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
        value={form.similarity}
        min={0.2}
        max={1}
        step={0.05}
        display={form.similarity.toFixed(2)}
        onChange={(similarity) => set({ similarity })}
      />
    </>
  );
}

export function ImageForm({
  form,
  set,
  family,
  gallery,
  region,
}: {
  form: Form;
  set: (patch: Partial<Form>) => void;
  family: ImageModelFamily;
  gallery: readonly GalleryImage[];
  region: string;
}) {
  const ids = { task: useId(), prompt: useId(), neg: useId(), size: useId(), q: useId() };
  const models = useMemo(
    () => modelOptions(region, (m) => imageModelFamily(m.id) !== null),
    [region],
  );
  return (
    <div className="form-grid">
      <ModelSelect
        label="Model"
        value={form.modelId}
        options={models}
        describe={(o) => LIFECYCLE_LABEL[o.model.lifecycle]}
        onChange={(modelId) => set({ modelId, sizeIndex: 0 })}
      />
      <div className="field">
        <label htmlFor={ids.task}>Task</label>
        <select
          id={ids.task}
          value={form.task}
          onChange={(e) =>
            set({ task: e.target.value === 'IMAGE_VARIATION' ? 'IMAGE_VARIATION' : 'TEXT_IMAGE' })
          }
        >
          <option value="TEXT_IMAGE">Text to image</option>
          <option value="IMAGE_VARIATION">Image to image (variation)</option>
        </select>
      </div>
      <div className="wide">
        <LifecycleNote modelId={form.modelId} />
      </div>
      <div className="field wide">
        <label htmlFor={ids.prompt}>
          Prompt {form.task === 'IMAGE_VARIATION' ? '(optional)' : ''}
        </label>
        <textarea
          id={ids.prompt}
          rows={2}
          value={form.prompt}
          maxLength={IMAGE_MODEL_RULES[family].maxPromptChars}
          onChange={(e) => set({ prompt: e.target.value })}
        />
      </div>
      <div className="field wide">
        <label htmlFor={ids.neg}>Negative prompt (what to leave out)</label>
        <input
          id={ids.neg}
          value={form.negative}
          onChange={(e) => set({ negative: e.target.value })}
          placeholder="for example: people, text"
        />
      </div>
      {form.task === 'IMAGE_VARIATION' ? (
        <VariationSource form={form} set={set} gallery={gallery} />
      ) : null}
      <div className="field">
        <label htmlFor={ids.size}>Size</label>
        <select
          id={ids.size}
          value={form.sizeIndex}
          onChange={(e) => set({ sizeIndex: Number(e.target.value) })}
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
          value={form.quality}
          onChange={(e) => set({ quality: e.target.value === 'premium' ? 'premium' : 'standard' })}
        >
          <option value="standard">Standard</option>
          <option value="premium">Premium</option>
        </select>
      </div>
      <RangeField
        label="cfgScale (prompt strength)"
        value={form.cfgScale}
        min={1.1}
        max={10}
        step={0.1}
        display={form.cfgScale.toFixed(1)}
        onChange={(cfgScale) => set({ cfgScale })}
      />
      <IntegerField
        label="Seed"
        value={form.seed}
        min={0}
        max={IMAGE_MODEL_RULES[family].maxSeed}
        onChange={(seed) => set({ seed })}
      />
      <IntegerField
        label="Images"
        value={form.count}
        min={1}
        max={5}
        onChange={(count) => set({ count })}
      />
    </div>
  );
}
