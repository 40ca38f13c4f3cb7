/** Nova Canvas and Titan Image Generator controls: size, quality, cfgScale, seed, image count. */
import {
  IMAGE_MODEL_RULES,
  type ImageModelFamily,
  type ImageQuality,
} from '../../../../../shared/image-models';
import { SelectField, type Choice } from '../../../components/choice-fields';
import { IntegerField, RangeField } from '../../../components/fields';
import { SIZES } from '../image-data';
import type { ImageForm as Form } from '../use-image-form';

const QUALITIES: Choice<ImageQuality>[] = [
  { value: 'standard', label: 'Standard' },
  { value: 'premium', label: 'Premium' },
];

export function SizeFields({
  form,
  set,
  family,
}: {
  form: Form;
  set: (patch: Partial<Form>) => void;
  family: ImageModelFamily;
}) {
  const rules = IMAGE_MODEL_RULES[family];
  return (
    <>
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
        max={rules.maxSeed}
        onChange={(seed) => set({ seed })}
      />
      <IntegerField
        label="Images"
        value={form.count}
        min={1}
        max={rules.maxImages}
        onChange={(count) => set({ count })}
      />
    </>
  );
}
