/**
 * The first row of Compare's settings: what to compare, how many columns, the output limit and
 * how many times "Run N times" calls each column.
 */
import { useId, type Dispatch } from 'react';
import { IntegerField } from '../../../components/fields';
import {
  COLUMN_COUNTS,
  MAX_TOKENS,
  REPEATS,
  type CompareForm,
  type FormAction,
} from './compare-form';

export function CompareOptions({
  form,
  dispatch,
  running,
}: {
  form: CompareForm;
  dispatch: Dispatch<FormAction>;
  running: boolean;
}) {
  const countId = useId();
  const set = (patch: Extract<FormAction, { type: 'set' }>['patch']) =>
    dispatch({ type: 'set', patch });
  return (
    <div className="compare-options">
      <fieldset className="segmented" disabled={running}>
        <legend>Compare</legend>
        <label>
          <input
            type="radio"
            name="compare-mode"
            checked={form.mode === 'models'}
            onChange={() => set({ mode: 'models' })}
          />
          Different models
        </label>
        <label>
          <input
            type="radio"
            name="compare-mode"
            checked={form.mode === 'temperatures'}
            onChange={() => set({ mode: 'temperatures' })}
          />
          One model, different temperatures
        </label>
      </fieldset>
      <div className="field">
        <label htmlFor={countId}>Columns</label>
        <select
          id={countId}
          value={form.count}
          disabled={running}
          onChange={(e) => set({ count: Number(e.target.value) })}
        >
          {COLUMN_COUNTS.map((n) => (
            <option key={n} value={n}>
              {n}
            </option>
          ))}
        </select>
      </div>
      <IntegerField
        label="Max output tokens"
        value={form.maxTokens}
        min={MAX_TOKENS.min}
        max={MAX_TOKENS.max}
        disabled={running}
        onChange={(maxTokens) => set({ maxTokens })}
      />
      <IntegerField
        label="Runs per column"
        value={form.repeats}
        min={REPEATS.min}
        max={REPEATS.max}
        disabled={running}
        onChange={(repeats) => set({ repeats })}
      />
    </div>
  );
}
