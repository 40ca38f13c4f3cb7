/** The reverse view's side panel: class "prompt", guidance, sampler, steps, schedule, seed. */
import { SelectField, type Choice } from '../../components/choice-fields';
import { IntegerField, RangeField } from '../../components/fields';
import { CLASSES } from '../../lib/drawings';
import type { ReverseSettings } from './use-reverse-run';

const MAX_SEED = 2 ** 31 - 1;

const SAMPLERS: Choice<ReverseSettings['sampler']>[] = [
  { value: 'ddim', label: 'DDIM' },
  { value: 'ddpm', label: 'DDPM' },
];
const SAMPLER_HINTS: Record<ReverseSettings['sampler'], string> = {
  ddim: 'With eta = 0 it is deterministic: the seed only picks the starting noise.',
  ddpm: 'Adds fresh noise at each step.',
};

const SCHEDULE_KINDS: Choice<ReverseSettings['scheduleKind']>[] = [
  { value: 'cosine', label: 'Cosine' },
  { value: 'linear', label: 'Linear' },
];

export function ReverseSettingsPanel({
  settings: s,
  set,
  busy,
  onGenerate,
}: {
  settings: ReverseSettings;
  set: (patch: Partial<ReverseSettings>) => void;
  busy: boolean;
  onGenerate: () => void;
}) {
  return (
    <aside className="card lab-side" aria-label="Reverse diffusion settings">
      <h2>Removing noise</h2>
      <SelectField
        label="“Prompt” (class)"
        value={s.label}
        options={[
          { value: '', label: 'None (unconditional)' },
          ...CLASSES.map((c) => ({ value: c, label: c })),
        ]}
        onChange={(label) => set({ label })}
      />
      <RangeField
        label="Guidance scale w"
        value={s.guidance}
        min={0}
        max={6}
        step={0.5}
        display={s.guidance.toFixed(1)}
        disabled={!s.label}
        onChange={(guidance) => set({ guidance })}
        hint="ε = ε_uncond + w (ε_cond − ε_uncond): 0 ignores the prompt, 1 follows it, more exaggerates it."
      />
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
        max={200}
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
      <div className="actions">
        <button type="button" className="primary" onClick={onGenerate} disabled={busy}>
          {busy ? 'Generating…' : 'Generate'}
        </button>
      </div>
    </aside>
  );
}
