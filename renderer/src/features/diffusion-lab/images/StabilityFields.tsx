/** A Stability AI model's own controls: the picture's aspect ratio and the seed (one image). */
import {
  IMAGE_MODEL_RULES,
  seedZeroIsRandom,
  STABILITY_ASPECT_RATIOS,
  type AspectRatio,
} from '../../../../../shared/image-models';
import { SelectField, type Choice } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import type { ImageForm as Form } from '../use-image-form';

const SHAPES: Record<AspectRatio, string> = {
  '1:1': 'square',
  '16:9': 'wide',
  '21:9': 'very wide',
  '2:3': 'tall',
  '3:2': 'wide',
  '4:5': 'a little tall',
  '5:4': 'a little wide',
  '9:16': 'tall',
  '9:21': 'very tall',
};

const RATIOS: Choice<AspectRatio>[] = STABILITY_ASPECT_RATIOS.map((r) => ({
  value: r,
  label: `${r} (${SHAPES[r]})`,
}));

export function StabilityFields({
  form,
  set,
}: {
  form: Form;
  set: (patch: Partial<Form>) => void;
}) {
  return (
    <>
      <SelectField
        label="Aspect ratio (width : height)"
        value={form.aspectRatio}
        options={RATIOS}
        onChange={(aspectRatio) => set({ aspectRatio })}
      />
      <IntegerField
        label="Seed"
        value={form.seed}
        min={0}
        max={IMAGE_MODEL_RULES.stability.maxSeed}
        {...(seedZeroIsRandom(form.modelId)
          ? { hint: '0 lets the model pick one; the gallery keeps the seed it used.' }
          : {})}
        onChange={(seed) => set({ seed })}
      />
      <p className="muted small wide">
        Stratum sends this model a prompt, an aspect ratio and a seed, for one image per call.
      </p>
    </>
  );
}
