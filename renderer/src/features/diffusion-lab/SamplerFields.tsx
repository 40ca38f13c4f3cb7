/**
 * The sampling controls both reverse views share (the exact denoiser's and the trained network's):
 * sampler with its eta, steps, schedule and seed.
 */
import { SelectField, type Choice } from '../../components/choice-fields';
import { IntegerField, RangeField } from '../../components/fields';
import type { SamplerKind } from '../../lib/diffusion';

const MAX_SEED = 2 ** 31 - 1;

const SAMPLERS: Choice<SamplerKind>[] = [
  { value: 'ddim', label: 'DDIM' },
  { value: 'ddpm', label: 'DDPM' },
];
const SAMPLER_HINTS: Record<SamplerKind, string> = {
  ddim: 'With eta = 0 it is deterministic: the seed only picks the starting noise.',
  ddpm: 'Adds fresh noise at each step.',
};

const SCHEDULE_KINDS: Choice<'linear' | 'cosine'>[] = [
  { value: 'cosine', label: 'Cosine' },
  { value: 'linear', label: 'Linear' },
];

export interface SamplerSettings {
  sampler: SamplerKind;
  eta: number;
  steps: number;
  seed: number;
  scheduleKind: 'linear' | 'cosine';
}

export function SamplerFields({
  settings: s,
  set,
  maxSteps,
}: {
  settings: SamplerSettings;
  set: (patch: Partial<SamplerSettings>) => void;
  maxSteps: number;
}) {
  return (
    <>
      <SelectField
        label="Sampler"
        value={s.sampler}
        options={SAMPLERS}
        hint={SAMPLER_HINTS[s.sampler]}
        onChange={(sampler) => set({ sampler })}
      />
      {s.sampler === 'ddim' ? (
        <RangeField
          label="eta"
          value={s.eta}
          min={0}
          max={1}
          step={0.1}
          display={s.eta.toFixed(1)}
          onChange={(eta) => set({ eta })}
        />
      ) : null}
      <RangeField
        label="Steps"
        value={s.steps}
        min={5}
        max={maxSteps}
        step={5}
        onChange={(steps) => set({ steps })}
      />
      <SelectField
        label="Schedule (T = 1000)"
        value={s.scheduleKind}
        options={SCHEDULE_KINDS}
        onChange={(scheduleKind) => set({ scheduleKind })}
      />
      <IntegerField
        label="Seed"
        value={s.seed}
        min={0}
        max={MAX_SEED}
        onChange={(seed) => set({ seed })}
      />
    </>
  );
}
