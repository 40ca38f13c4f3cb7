/**
 * Which model and temperature each column uses: a model per column at one temperature, or one
 * model at a temperature per column.
 */
import type { Dispatch } from 'react';
import type { ModelOption } from '../../../../../shared/models';
import { RangeField } from '../../../components/fields';
import { ModelSelect } from '../../../components/ModelSelect';
import type { CompareForm, FormAction } from './compare-form';

const TEMPERATURE = { min: 0, max: 1, step: 0.05 } as const;

export function CompareColumnsSetup({
  form,
  dispatch,
  options,
  running,
}: {
  form: CompareForm;
  dispatch: Dispatch<FormAction>;
  options: readonly ModelOption[];
  running: boolean;
}) {
  const columns = Array.from({ length: form.count }, (_, i) => i);
  if (form.mode === 'models') {
    return (
      <div className="compare-columns-setup">
        {columns.map((i) => (
          <ModelSelect
            key={i}
            label={`Column ${i + 1} model`}
            value={form.models[i] ?? options[0]?.id ?? ''}
            options={options}
            disabled={running}
            onChange={(modelId) => dispatch({ type: 'column-model', index: i, modelId })}
          />
        ))}
        <RangeField
          label="Temperature (all columns)"
          value={form.temperature}
          {...TEMPERATURE}
          display={form.temperature.toFixed(2)}
          disabled={running}
          onChange={(temperature) => dispatch({ type: 'set', patch: { temperature } })}
        />
      </div>
    );
  }
  return (
    <div className="compare-columns-setup">
      <ModelSelect
        label="Model"
        value={form.singleModel}
        options={options}
        disabled={running}
        onChange={(singleModel) => dispatch({ type: 'set', patch: { singleModel } })}
      />
      {columns.map((i) => {
        const value = form.temperatures[i] ?? 1;
        return (
          <RangeField
            key={i}
            label={`Column ${i + 1} temperature`}
            value={value}
            {...TEMPERATURE}
            display={value.toFixed(2)}
            disabled={running}
            onChange={(temperature) =>
              dispatch({ type: 'column-temperature', index: i, temperature })
            }
          />
        );
      })}
    </div>
  );
}
