/** The candidates part of the Runs form: one to three models, temperatures of one model, or two templates. */
import type { ModelOption } from '../../../../../shared/models';
import { NumberField } from '../../../components/fields';
import { updateRunForm, type CandidateMode, type RunForm } from './run-form-store';

const MODES: { id: CandidateMode; label: string }[] = [
  { id: 'models', label: 'Up to three models' },
  { id: 'temperatures', label: 'One model at several temperatures' },
  { id: 'templates', label: 'Two prompt templates' },
];

function ModelSelect({
  id,
  label,
  value,
  models,
  optional,
  onChange,
}: {
  id: string;
  label: string;
  value: string;
  models: readonly ModelOption[];
  optional: boolean;
  onChange: (value: string) => void;
}) {
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <select id={id} value={value} onChange={(e) => onChange(e.currentTarget.value)}>
        <option value="">{optional ? 'None' : 'The default model (Settings)'}</option>
        {models.map((m) => (
          <option key={m.id} value={m.id}>
            {m.label}
          </option>
        ))}
      </select>
    </div>
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
            id={`eval-model-${i + 1}`}
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
          id="eval-model"
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
