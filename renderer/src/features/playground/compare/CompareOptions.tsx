/**
 * The first row of Compare's settings: what to compare, how many columns, the output limit and
 * how many times "Run N times" calls each column.
 */
import type { Dispatch } from 'react';
import { IntegerField } from '../../../components/fields';
import {
  COLUMN_COUNTS,
  MAX_TOKENS,
  REPEATS,
  type CompareForm,
  type FormAction,
} from './compare-form';
import { SelectField } from '../../../components/choice-fields';

export function CompareOptions({
  form,
  dispatch,
  running,
}: {
  form: CompareForm;
  dispatch: Dispatch<FormAction>;
  running: boolean;
}) {
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
      <SelectField
        label="Columns"
        value={String(form.count)}
        disabled={running}
        options={COLUMN_COUNTS.map((n) => ({ value: String(n), label: String(n) }))}
        onChange={(n) => set({ count: Number(n) })}
      />
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
