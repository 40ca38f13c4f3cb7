import { useId } from 'react';
import type { LabSettings } from './settings';

/** Temperature, top-k, top-p and seed, as labelled sliders that also work from the keyboard. */
export function Controls({
  value,
  onChange,
  showSeed = true,
  idPrefix = '',
}: {
  value: LabSettings;
  onChange: (next: LabSettings) => void;
  showSeed?: boolean;
  idPrefix?: string;
}) {
  const id = useId() + idPrefix;
  const set = (patch: Partial<LabSettings>) => onChange({ ...value, ...patch });
  return (
    <div className="lab-controls">
      <div className="field">
        <label htmlFor={`${id}-t`}>
          Temperature <output className="value">{value.temperature.toFixed(2)}</output>
          {value.temperature === 0 ? <span className="badge badge-legacy">greedy</span> : null}
        </label>
        <input
          id={`${id}-t`}
          type="range"
          min={0}
          max={2}
          step={0.01}
          value={value.temperature}
          onChange={(e) => set({ temperature: Number(e.target.value) })}
        />
      </div>
      <div className="field">
        <label htmlFor={`${id}-k`}>
          Top-k <output className="value">{value.topK === null ? 'off' : value.topK}</output>
        </label>
        <div className="row">
          <input
            id={`${id}-k`}
            type="range"
            min={1}
            max={50}
            step={1}
            disabled={value.topK === null}
            value={value.topK ?? 50}
            onChange={(e) => set({ topK: Number(e.target.value) })}
          />
          <label className="check">
            <input
              type="checkbox"
              checked={value.topK === null}
              onChange={(e) => set({ topK: e.target.checked ? null : 5 })}
            />
            off
          </label>
        </div>
      </div>
      <div className="field">
        <label htmlFor={`${id}-p`}>
          Top-p <output className="value">{value.topP.toFixed(2)}</output>
          {value.topP === 1 ? <span className="muted small"> (off)</span> : null}
        </label>
        <input
          id={`${id}-p`}
          type="range"
          min={0.05}
          max={1}
          step={0.01}
          value={value.topP}
          onChange={(e) => set({ topP: Number(e.target.value) })}
        />
      </div>
      {showSeed ? (
        <div className="field">
          <label htmlFor={`${id}-s`}>Seed</label>
          <input
            id={`${id}-s`}
            type="number"
            min={0}
            max={2147483647}
            step={1}
            value={value.seed}
            onChange={(e) => {
              const seed = Math.trunc(Number(e.target.value));
              if (Number.isFinite(seed) && seed >= 0 && seed <= 2147483647) set({ seed });
            }}
          />
        </div>
      ) : null}
    </div>
  );
}
