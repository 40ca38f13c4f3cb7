import { useId, useMemo } from 'react';
import { modelOptions } from '../../../../shared/models';

/** The default text model: any model or inference-profile id, with the catalog's as suggestions. */
export function ModelField({
  value,
  region,
  onChange,
  error,
}: {
  value: string;
  region: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  const listId = useId();
  const options = useMemo(
    () =>
      modelOptions(
        region,
        (m) => m.outputModalities.includes('text') && !m.outputModalities.includes('embedding'),
      ),
    [region],
  );
  return (
    <div className="field">
      <label htmlFor={id}>Default text model</label>
      <input
        id={id}
        list={listId}
        value={value}
        spellCheck={false}
        onChange={(e) => onChange(e.target.value.trim())}
        aria-invalid={Boolean(error)}
      />
      <datalist id={listId}>
        {options.map((o) => (
          <option key={o.id} value={o.id}>
            {o.label}
          </option>
        ))}
      </datalist>
      {error ? <p className="field-error">{error}</p> : null}
      <p className="hint">
        Used by Test connection and as the default elsewhere. A model id (for example{' '}
        <code>amazon.nova-micro-v1:0</code>) or a cross-region inference profile id (for example{' '}
        <code>us.anthropic.claude-haiku-4-5-20251001-v1:0</code>); newer models are only offered
        through inference profiles.
      </p>
    </div>
  );
}
