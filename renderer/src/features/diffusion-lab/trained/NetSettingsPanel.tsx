/** The trained view's side panel: which model, the class "prompt", guidance, sampler, steps, seed. */
import { SelectField } from '../../../components/choice-fields';
import { RangeField } from '../../../components/fields';
import type { DiffusionModelRow } from '../../../db/schema';
import { SHAPE_CLASSES } from '../../../lib/shapes';
import type { NetSettings } from './use-net-run';
import { SamplerFields } from '../SamplerFields';
import { ModelDelete } from './ModelDelete';

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
      <ModelDelete
        chosen={chosen ?? null}
        onDeleted={() => set({ model: 'shipped' })}
        onRestored={(model) => set({ model })}
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
      <SamplerFields settings={s} set={set} maxSteps={100} />
      <div className="actions">
        <button type="button" className="primary" onClick={onGenerate} disabled={busy}>
          {busy ? 'Sampling…' : 'Sample new images'}
        </button>
      </div>
    </aside>
  );
}
