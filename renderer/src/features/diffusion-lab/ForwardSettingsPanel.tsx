/** The forward view's side panel: the image (a drawing or your own), the schedule, T and the seed. */
import { useId, type DragEvent } from 'react';
import { IntegerField, RangeField } from '../../components/fields';
import { CLASSES } from '../../lib/drawings';
import { IMAGE_SIZE, type ForwardSettings } from './use-forward-diffusion';

const MAX_SEED = 2 ** 31 - 1;

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
  const ids = { src: useId(), kind: useId(), file: useId() };
  return (
    <aside className="card lab-side" aria-label="Forward diffusion settings">
      <h2>Adding noise</h2>
      <div className="field">
        <label htmlFor={ids.src}>Image</label>
        <select
          id={ids.src}
          value={settings.source}
          onChange={(e) => set({ source: e.target.value })}
        >
          {CLASSES.map((c) => (
            <option key={c} value={c}>
              A {c} (drawn by Stratum)
            </option>
          ))}
          {customName !== null ? <option value="custom">Your image: {customName}</option> : null}
        </select>
      </div>
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
      <div className="field">
        <label htmlFor={ids.kind}>Noise schedule</label>
        <select
          id={ids.kind}
          value={settings.kind}
          onChange={(e) => set({ kind: e.target.value === 'cosine' ? 'cosine' : 'linear' })}
        >
          <option value="linear">Linear (beta 1e-4 to 0.02, rescaled for T)</option>
          <option value="cosine">Cosine (Nichol and Dhariwal, s = 0.008)</option>
        </select>
      </div>
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
