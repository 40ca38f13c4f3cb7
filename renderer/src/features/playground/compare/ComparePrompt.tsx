/** The words Compare sends: a prompt-technique preset to start from, the system prompt, the prompt. */
import { useId, type Dispatch } from 'react';
import { findPreset, PRESETS } from '../presets';
import type { CompareForm, FormAction } from './compare-form';
import { SelectField } from '../../../components/choice-fields';

export function ComparePrompt({
  form,
  dispatch,
  running,
  onRunOnce,
}: {
  form: CompareForm;
  dispatch: Dispatch<FormAction>;
  running: boolean;
  /** Ctrl+Enter in the prompt. */
  onRunOnce: () => void;
}) {
  const ids = { system: useId(), prompt: useId() };
  return (
    <>
      <SelectField
        label="Prompt-technique preset"
        value={form.presetId}
        disabled={running}
        options={[
          { value: '', label: 'None: write your own' },
          ...PRESETS.map((p) => ({ value: p.id, label: p.label })),
        ]}
        onChange={(id) => dispatch({ type: 'preset', id })}
        hint={form.presetId ? findPreset(form.presetId)?.explanation : undefined}
      />
      <div className="field">
        <label htmlFor={ids.system}>
          System prompt <span className="muted small">(optional)</span>
        </label>
        <textarea
          id={ids.system}
          rows={2}
          value={form.system}
          maxLength={100_000}
          placeholder="For example: You are a patient tutor. Answer in plain English."
          onChange={(e) => dispatch({ type: 'set', patch: { system: e.target.value } })}
        />
      </div>
      <div className="field">
        <label htmlFor={ids.prompt}>Prompt</label>
        <textarea
          id={ids.prompt}
          rows={3}
          value={form.prompt}
          maxLength={200_000}
          onChange={(e) => dispatch({ type: 'set', patch: { prompt: e.target.value } })}
          onKeyDown={(e) => {
            if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
              e.preventDefault();
              onRunOnce();
            }
          }}
        />
        <p className="hint">Ctrl+Enter (⌘+Enter) runs once.</p>
      </div>
    </>
  );
}
