/** The forward view's side panel: the image (a drawing or your own), the schedule, T and the seed. */
import { useId, type DragEvent } from 'react';
import { SelectField, type Choice } from '../../components/choice-fields';
import { IntegerField, RangeField } from '../../components/fields';
import { CLASSES } from '../../lib/drawings';
import { IMAGE_SIZE, type ForwardSettings } from './use-forward-diffusion';

const MAX_SEED = 2 ** 31 - 1;

// Short labels fit the side panel; what each choice means is its hint under the field.
const SCHEDULES: Choice<ForwardSettings['kind']>[] = [
  { value: 'linear', label: 'Linear' },
  { value: 'cosine', label: 'Cosine' },
];
const SCHEDULE_HINTS: Record<ForwardSettings['kind'], string> = {
  linear: 'β from 0.0001 to 0.02 (Ho et al.), rescaled for T.',
  cosine: 'Nichol and Dhariwal, s = 0.008: noise comes in more gently.',
};

export function ForwardSettingsPanel({
  settings,
  set,
  customName,
  error,
  accept,
}: {
  settings: ForwardSettings;
  set: (patch: Partial<ForwardSettings>) => void;
  customName: string | null;
  error: string | null;
  accept: (file: File | undefined) => Promise<void>;
}) {
  const ids = { file: useId() };
  return (
    <aside className="card lab-side" aria-label="Forward diffusion settings">
      <h2>Adding noise</h2>
      <SelectField
        label="Image"
        hint={settings.source === 'custom' ? undefined : 'A drawing made by Stratum.'}
        value={settings.source}
        options={[
          ...CLASSES.map((c) => ({ value: c, label: `A ${c}` })),
          ...(customName !== null ? [{ value: 'custom', label: `Your image: ${customName}` }] : []),
        ]}
        onChange={(source) => set({ source })}
      />
      <div
        className="dropzone"
        onDragOver={(e) => e.preventDefault()}
        onDrop={(e: DragEvent) => {
          e.preventDefault();
          void accept(e.dataTransfer.files[0]);
        }}
      >
        <label htmlFor={ids.file}>Open or drop your own image</label>
        <input
          id={ids.file}
          type="file"
          accept="image/*"
          onChange={(e) => void accept(e.target.files?.[0])}
        />
        <p className="muted small">
          Scaled to {IMAGE_SIZE}×{IMAGE_SIZE}; it stays on this computer.
        </p>
      </div>
      {error ? (
        <p className="field-error" role="alert">
          {error}
        </p>
      ) : null}
      <SelectField
        label="Noise schedule"
        value={settings.kind}
        options={SCHEDULES}
        hint={SCHEDULE_HINTS[settings.kind]}
        onChange={(kind) => set({ kind })}
      />
      <RangeField
        label="Steps T"
        value={settings.T}
        min={50}
        max={1000}
        step={10}
        onChange={(T) => set({ T })}
      />
      <IntegerField
        label="Noise seed"
        value={settings.seed}
        min={0}
        max={MAX_SEED}
        onChange={(seed) => set({ seed })}
      />
    </aside>
  );
}
