/** The reverse view's side panel: class "prompt", guidance, sampler, steps, schedule, seed. */
import { useId } from 'react';
import { IntegerField, RangeField } from '../../components/fields';
import { CLASSES } from '../../lib/drawings';
import type { ReverseSettings } from './use-reverse-run';

const MAX_SEED = 2 ** 31 - 1;

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
  const ids = { label: useId(), sampler: useId(), sched: useId() };
  return (
    <aside className="card lab-side" aria-label="Reverse diffusion settings">
      <h2>Removing noise</h2>
      <div className="field">
        <label htmlFor={ids.label}>“Prompt” (class)</label>
        <select id={ids.label} value={s.label} onChange={(e) => set({ label: e.target.value })}>
          <option value="">None (unconditional)</option>
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              {c}
            </option>
          ))}
        </select>
      </div>
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
      <div className="field">
        <label htmlFor={ids.sampler}>Sampler</label>
        <select
          id={ids.sampler}
          value={s.sampler}
          onChange={(e) => set({ sampler: e.target.value === 'ddpm' ? 'ddpm' : 'ddim' })}
        >
          <option value="ddim">DDIM (eta = 0 is deterministic)</option>
          <option value="ddpm">DDPM (adds fresh noise each step)</option>
        </select>
      </div>
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
      <div className="field">
        <label htmlFor={ids.sched}>Schedule (T = 1000)</label>
        <select
          id={ids.sched}
          value={s.scheduleKind}
          onChange={(e) => set({ scheduleKind: e.target.value === 'linear' ? 'linear' : 'cosine' })}
        >
          <option value="cosine">Cosine</option>
          <option value="linear">Linear</option>
        </select>
      </div>
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
