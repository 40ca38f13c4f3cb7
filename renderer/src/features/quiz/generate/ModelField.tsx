/** The model a run uses: text models with tool use first, then those that reply in JSON. */
import { findModel, modelDisplayName } from '../../../../../shared/models';
import type { ModelChoice } from './use-generate-form';

export function ModelField({
  value,
  onChange,
  models,
}: {
  value: string;
  onChange: (id: string) => void;
  models: { tools: ModelChoice[]; text: ModelChoice[] };
}) {
  const known = [...models.tools, ...models.text].some((m) => m.id === value);
  const current = findModel(value);
  return (
    <div className="field">
      <label htmlFor="gen-model">Model</label>
      <select id="gen-model" value={value} onChange={(e) => onChange(e.target.value)}>
        {!known ? (
          <option value={value}>
            {current ? `${modelDisplayName(current)} (${value})` : value}
          </option>
        ) : null}
        <optgroup label="With tool use">
          {models.tools.map((m) => (
            <option key={m.id} value={m.id}>
              {m.label}
            </option>
          ))}
        </optgroup>
        {models.text.length > 0 ? (
          <optgroup label="No tool use (JSON reply)">
            {models.text.map((m) => (
              <option key={m.id} value={m.id}>
                {m.label}
              </option>
            ))}
          </optgroup>
        ) : null}
      </select>
    </div>
  );
}
