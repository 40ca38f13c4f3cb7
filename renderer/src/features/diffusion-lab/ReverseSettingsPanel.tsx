/** The reverse view's side panel: class "prompt", guidance, sampler, steps, schedule, seed. */
import { SelectField } from '../../components/choice-fields';
import { RangeField } from '../../components/fields';
import { CLASSES } from '../../lib/drawings';
import type { ReverseSettings } from './use-reverse-run';
import { SamplerFields } from './SamplerFields';

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
      <SamplerFields settings={s} set={set} maxSteps={200} />
      <div className="actions">
        <button type="button" className="primary" onClick={onGenerate} disabled={busy}>
          {busy ? 'Generating…' : 'Generate'}
        </button>
      </div>
    </aside>
  );
}
