/**
 * Picks a prompt-technique preset, shows what it teaches, lets the learner fill its variables,
 * and loads it into the chat (or loads and runs it at once).
 */
import { useState } from 'react';
import { applyPreset, defaultValues, PRESETS, type PresetRun, type PromptPreset } from './presets';
import { SelectField } from '../../components/choice-fields';

export function PresetPicker({
  onLoad,
  disabled,
}: {
  /** `run`: send at once after loading. */
  onLoad: (preset: PromptPreset, filled: PresetRun, run: boolean) => void;
  disabled: boolean;
}) {
  const [preset, setPreset] = useState<PromptPreset>(PRESETS[0]!);
  const [values, setValues] = useState<Record<string, string>>(() => defaultValues(PRESETS[0]!));
  const filled = applyPreset(preset, values);
  const blocked = disabled || filled.missing.length > 0;

  return (
    <details className="card preset-picker" data-testid="preset-picker">
      <summary>
        <strong>Prompt techniques</strong>{' '}
        <span className="muted small">exam task 3.2: load a preset, run it, compare</span>
      </summary>
      <SelectField
        label="Technique"
        value={preset.id}
        options={PRESETS.map((p) => ({ value: p.id, label: p.label }))}
        onChange={(id) => {
          const next = PRESETS.find((p) => p.id === id) ?? PRESETS[0]!;
          setPreset(next);
          setValues(defaultValues(next));
        }}
      />
      <p className="preset-explanation">{preset.explanation}</p>
      {preset.variables.length > 0 ? (
        <div className="preset-variables">
          {preset.variables.map((v) => (
            <label key={v.name} className="field">
              <span>
                {v.label} <code>{`{{${v.name}}}`}</code>
              </span>
              <input
                value={values[v.name] ?? ''}
                onChange={(e) => setValues({ ...values, [v.name]: e.target.value })}
              />
            </label>
          ))}
        </div>
      ) : null}
      <details className="small">
        <summary>What will be sent</summary>
        {filled.system ? (
          <>
            <p className="muted">System prompt</p>
            <pre className="preset-preview">{filled.system}</pre>
          </>
        ) : (
          <p className="muted">No system prompt.</p>
        )}
        <p className="muted">Your message</p>
        <pre className="preset-preview">{filled.prompt}</pre>
        <p className="muted">
          Temperature {preset.temperature}, max tokens {preset.maxTokens} (capped at the model’s
          limit).
        </p>
      </details>
      {filled.missing.length > 0 ? (
        <p className="field-error">Fill in: {filled.missing.join(', ')}.</p>
      ) : null}
      <div className="actions">
        <button type="button" disabled={blocked} onClick={() => onLoad(preset, filled, false)}>
          Load into the composer
        </button>
        <button
          type="button"
          className="primary"
          disabled={blocked}
          onClick={() => onLoad(preset, filled, true)}
        >
          Run preset
        </button>
        <span className="muted small">Starts a new chat when this one already has messages.</span>
      </div>
    </details>
  );
}
