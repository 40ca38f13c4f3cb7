/**
 * The Generate form's fields: the model (active ones first), then the controls that model takes:
 * prompts and an aspect ratio and seed for a Stability AI model; the task, the image to vary,
 * size, quality, cfgScale, seed and image count for Nova Canvas and Titan.
 */
import { useId } from 'react';
import {
  IMAGE_MODEL_RULES,
  type ImageModelFamily,
  type ImageTask,
} from '../../../../shared/image-models';
import { RangeField } from '../../components/fields';
import { SelectField, type Choice } from '../../components/choice-fields';
import type { GalleryImage } from '../../db/schema';
import { ModelFields } from './images/ModelFields';
import { SizeFields } from './images/SizeFields';
import { StabilityFields } from './images/StabilityFields';
import type { ImageForm as Form } from './use-image-form';

const TASKS: Choice<ImageTask>[] = [
  { value: 'TEXT_IMAGE', label: 'Text to image' },
  { value: 'IMAGE_VARIATION', label: 'Image to image (variation)' },
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

function PromptFields({ form, set, family }: Parameters<typeof ImageForm>[0]) {
  const ids = { prompt: useId(), neg: useId() };
  return (
    <>
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
          maxLength={IMAGE_MODEL_RULES[family].maxPromptChars}
          onChange={(e) => set({ negative: e.target.value })}
          placeholder="for example: people, text"
        />
      </div>
    </>
  );
}

export function ImageForm(props: {
  form: Form;
  set: (patch: Partial<Form>) => void;
  family: ImageModelFamily;
  gallery: readonly GalleryImage[];
  region: string;
}) {
  const { form, set, family, gallery, region } = props;
  const stability = family === 'stability';
  return (
    <div className="form-grid">
      <ModelFields
        modelId={form.modelId}
        region={region}
        onChange={(modelId) => set({ modelId, sizeIndex: 0 })}
      />
      {stability ? null : (
        <SelectField
          label="Task"
          value={form.task}
          options={TASKS}
          onChange={(task) => set({ task })}
        />
      )}
      <PromptFields {...props} />
      {!stability && form.task === 'IMAGE_VARIATION' ? (
        <VariationSource form={form} set={set} gallery={gallery} />
      ) : null}
      {stability ? (
        <StabilityFields form={form} set={set} />
      ) : (
        <SizeFields form={form} set={set} family={family} />
      )}
    </div>
  );
}
