/** The model a run uses: text models with tool use first, then those that reply in JSON. */
import { optionFor } from '../../../../../shared/models';
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
  // Any form of a listed model's id (a bare id, another geography's profile) selects its option.
  const current = optionFor(value, [...models.tools, ...models.text]);
  return (
    <div className="field">
      <label htmlFor="gen-model">Model</label>
      <select
        id="gen-model"
        value={current?.id ?? value}
        onChange={(e) => onChange(e.target.value)}
      >
        {!current ? <option value={value}>{`${value} (not in this list)`}</option> : null}
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
