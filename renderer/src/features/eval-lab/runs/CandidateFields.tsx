/** The candidates part of the Runs form: one to three models, temperatures of one model, or two templates. */
import type { ModelOption } from '../../../../../shared/models';
import { NumberField } from '../../../components/fields';
import { updateRunForm, type CandidateMode, type RunForm } from './run-form-store';
import { SelectField } from '../../../components/choice-fields';

const MODES: { id: CandidateMode; label: string }[] = [
  { id: 'models', label: 'Up to three models' },
  { id: 'temperatures', label: 'One model at several temperatures' },
  { id: 'templates', label: 'Two prompt templates' },
];

function ModelSelect({
  label,
  value,
  models,
  optional,
  onChange,
}: {
  label: string;
  value: string;
  models: readonly ModelOption[];
  optional: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <SelectField
      label={label}
      value={value}
      options={[
        { value: '', label: optional ? 'None' : 'The default model (Settings)' },
        ...models.map((m) => ({ value: m.id, label: m.label })),
      ]}
      onChange={onChange}
    />
  );
}

export function CandidateFields({
  form,
  models,
}: {
  form: RunForm;
  models: readonly ModelOption[];
}) {
  return (
    <fieldset className="eval-candidates">
      <legend>Candidates</legend>
      {MODES.map((m) => (
        <label key={m.id} className="eval-mode">
          <input
            type="radio"
            name="eval-mode"
            checked={form.mode === m.id}
            onChange={() => updateRunForm({ mode: m.id })}
          />
          {m.label}
        </label>
      ))}
      {form.mode === 'models' ? (
        form.models.map((value, i) => (
          <ModelSelect
            key={i}
            label={`Model ${i + 1}`}
            value={value}
            models={models}
            optional={i > 0}
            onChange={(v) =>
              updateRunForm({ models: form.models.map((x, k) => (k === i ? v : x)) })
            }
          />
        ))
      ) : (
        <ModelSelect
          label="Model"
          value={form.model}
          models={models}
          optional={false}
          onChange={(v) => updateRunForm({ model: v })}
        />
      )}
      {form.mode === 'temperatures' ? (
        form.temperatures.map((t, i) => (
          <NumberField
            key={i}
            label={`Temperature ${i + 1}`}
            value={t}
            min={0}
            max={1}
            step={0.1}
            inline
            onChange={(v) =>
              updateRunForm({ temperatures: form.temperatures.map((x, k) => (k === i ? v : x)) })
            }
          />
        ))
      ) : (
        <NumberField
          label="Temperature"
          value={form.temperature}
          min={0}
          max={1}
          step={0.1}
          inline
          onChange={(v) => updateRunForm({ temperature: v })}
        />
      )}
      {form.mode === 'templates'
        ? form.templates.map((t, i) => (
            <div className="field" key={i}>
              <label htmlFor={`eval-template-${i}`}>Template {i === 0 ? 'A' : 'B'}</label>
              <textarea
                id={`eval-template-${i}`}
                rows={3}
                value={t}
                placeholder="Empty: the dataset's default template"
                onChange={(e) => {
                  const v = e.currentTarget.value;
                  updateRunForm({
                    templates: i === 0 ? [v, form.templates[1]] : [form.templates[0], v],
                  });
                }}
              />
            </div>
          ))
        : null}
    </fieldset>
  );
}
