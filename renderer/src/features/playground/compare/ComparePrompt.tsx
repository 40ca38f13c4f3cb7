/** The words Compare sends: a prompt-technique preset to start from, the system prompt, the prompt. */
import { useId, type Dispatch } from 'react';
import { findPreset, PRESETS } from '../presets';
import type { CompareForm, FormAction } from './compare-form';

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
  const ids = { system: useId(), prompt: useId(), preset: useId() };
  return (
    <>
      <div className="field">
        <label htmlFor={ids.preset}>Prompt-technique preset</label>
        <select
          id={ids.preset}
          value={form.presetId}
          disabled={running}
          onChange={(e) => dispatch({ type: 'preset', id: e.target.value })}
        >
          <option value="">None: write your own</option>
          {PRESETS.map((p) => (
            <option key={p.id} value={p.id}>
              {p.label}
            </option>
          ))}
        </select>
        {form.presetId ? <p className="hint">{findPreset(form.presetId)?.explanation}</p> : null}
      </div>
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
