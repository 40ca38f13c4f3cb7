/** The trained view's side panel: which model, the class "prompt", guidance, sampler, steps, seed. */
import { SelectField, type Choice } from '../../../components/choice-fields';
import { IntegerField, RangeField } from '../../../components/fields';
import type { DiffusionModelRow } from '../../../db/schema';
import { SHAPE_CLASSES } from '../../../lib/shapes';
import type { NetSettings } from './use-net-run';

const MAX_SEED = 2 ** 31 - 1;

const SAMPLERS: Choice<NetSettings['sampler']>[] = [
  { value: 'ddim', label: 'DDIM' },
  { value: 'ddpm', label: 'DDPM' },
];

const SCHEDULE_KINDS: Choice<NetSettings['scheduleKind']>[] = [
  { value: 'cosine', label: 'Cosine' },
  { value: 'linear', label: 'Linear' },
];

export function NetSettingsPanel({
  settings: s,
  set,
  models,
  busy,
  onGenerate,
}: {
  settings: NetSettings;
  set: (patch: Partial<NetSettings>) => void;
  models: readonly DiffusionModelRow[];
  busy: boolean;
  onGenerate: () => void;
}) {
  const chosen = models.find((m) => m.id === s.model);
  return (
    <aside className="card lab-side" aria-label="Trained model settings">
      <h2>New images</h2>
      <SelectField
        label="Model"
        value={s.model}
        options={[
          { value: 'shipped', label: 'Shipped' },
          ...models.map((m) => ({ value: m.id, label: `Yours: ${m.training.steps} steps` })),
        ]}
        onChange={(model) => set({ model })}
        hint={chosen ? chosen.name : 'Trained by Stratum with scripts/train-diffusion.ts.'}
      />
      <SelectField
        label="“Prompt” (shape)"
        value={s.label}
        options={[
          { value: '', label: 'None (unconditional)' },
          ...SHAPE_CLASSES.map((c) => ({ value: c, label: c })),
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
        hint="x̂₀ = x̂₀(none) + w (x̂₀(shape) − x̂₀(none)), the same mix as for ε."
      />
      <SelectField
        label="Sampler"
        value={s.sampler}
        options={SAMPLERS}
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
        max={100}
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
          {busy ? 'Sampling…' : 'Sample new images'}
        </button>
      </div>
    </aside>
  );
}
