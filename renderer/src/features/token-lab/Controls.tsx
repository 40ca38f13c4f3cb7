import { IntegerField, RangeField } from '../../components/fields';
import type { LabSettings } from './settings';

const MAX_SEED = 2 ** 31 - 1;

/**
 * Temperature, top-k, top-p and seed, from the control kit: sliders that show their value and a
 * seed field that says when it brings a typed value into range.
 */
export function Controls({
  value,
  onChange,
  showSeed = true,
}: {
  value: LabSettings;
  onChange: (next: LabSettings) => void;
  showSeed?: boolean;
}) {
  const set = (patch: Partial<LabSettings>) => onChange({ ...value, ...patch });
  return (
    <div className="lab-controls">
      <RangeField
        label="Temperature"
        value={value.temperature}
        min={0}
        max={2}
        step={0.01}
        display={value.temperature.toFixed(2)}
        hint={
          value.temperature === 0 ? <span className="badge badge-legacy">greedy</span> : undefined
        }
        onChange={(temperature) => set({ temperature })}
      />
      <div className="top-k">
        <RangeField
          label="Top-k"
          value={value.topK ?? 50}
          min={1}
          max={50}
          step={1}
          display={value.topK === null ? 'off' : String(value.topK)}
          disabled={value.topK === null}
          onChange={(topK) => set({ topK })}
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
      <RangeField
        label="Top-p"
        value={value.topP}
        min={0.05}
        max={1}
        step={0.01}
        display={value.topP === 1 ? '1.00 (off)' : value.topP.toFixed(2)}
        onChange={(topP) => set({ topP })}
      />
      {showSeed ? (
        <IntegerField
          label="Seed"
          value={value.seed}
          min={0}
          max={MAX_SEED}
          onChange={(seed) => set({ seed })}
        />
      ) : null}
    </div>
  );
}
