/** The Generate form's fields: model, task, prompts, the image to vary, size, quality, cfg, seed, count. */
import { useId, useMemo } from 'react';
import {
  IMAGE_MODEL_RULES,
  imageModelFamily,
  type ImageModelFamily,
  type ImageQuality,
  type ImageTask,
} from '../../../../shared/image-models';
import { modelOptions } from '../../../../shared/models';
import { IntegerField, RangeField } from '../../components/fields';
import { SelectField, type Choice } from '../../components/choice-fields';
import { ModelSelect } from '../../components/ModelSelect';
import type { GalleryImage } from '../../db/schema';
import { SIZES } from './image-data';
import { LifecycleNote } from './LifecycleNote';
import { LIFECYCLE_LABEL } from './lifecycle-warning';
import type { ImageForm as Form } from './use-image-form';

const TASKS: Choice<ImageTask>[] = [
  { value: 'TEXT_IMAGE', label: 'Text to image' },
  { value: 'IMAGE_VARIATION', label: 'Image to image (variation)' },
];

const QUALITIES: Choice<ImageQuality>[] = [
  { value: 'standard', label: 'Standard' },
  { value: 'premium', label: 'Premium' },
];

function VariationSource({
  form,
  set,
  gallery,
}: {
  form: Form;
  set: (patch: Partial<Form>) => void;
  gallery: readonly GalleryImage[];
}) {
  return (
    <>
      <SelectField
        label="Image to vary"
        value={form.sourceId}
        options={[
          { value: '', label: 'Choose from the gallery…' },
          ...gallery.map((g) => ({
            value: g.id,
            label: `${g.prompt ?? 'variation'} (${g.width}×${g.height})`,
          })),
        ]}
        onChange={(sourceId) => set({ sourceId })}
      />
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
  const ids = { prompt: useId(), neg: useId() };
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
      <SelectField
        label="Task"
        value={form.task}
        options={TASKS}
        onChange={(task) => set({ task })}
      />
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
      <SelectField
        label="Size"
        value={String(form.sizeIndex)}
        options={SIZES[family].map(([w, h], i) => ({ value: String(i), label: `${w} × ${h}` }))}
        onChange={(i) => set({ sizeIndex: Number(i) })}
      />
      <SelectField
        label="Quality"
        value={form.quality}
        options={QUALITIES}
        onChange={(quality) => set({ quality })}
      />
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
