import { useId, useState } from 'react';
import { BEDROCK_REGIONS } from '../../../../shared/regions';

/** A Bedrock region from the list, or any other region code typed in. */
export function RegionField({
  value,
  onChange,
  error,
}: {
  value: string;
  onChange: (v: string) => void;
  error?: string;
}) {
  const id = useId();
  const listed = BEDROCK_REGIONS.some((r) => r.id === value);
  const [other, setOther] = useState(!listed);
  return (
    <div className="field">
      <label htmlFor={id}>Region</label>
      <select
        id={id}
        value={other ? '__other' : value}
        onChange={(e) => {
          if (e.target.value === '__other') setOther(true);
          else {
            setOther(false);
            onChange(e.target.value);
          }
        }}
      >
        {BEDROCK_REGIONS.map((r) => (
          <option key={r.id} value={r.id}>
            {r.name} — {r.id}
          </option>
        ))}
        <option value="__other">Other region…</option>
      </select>
      {other ? (
        <input
          aria-label="Region code"
          placeholder="for example ap-southeast-3"
          value={value}
          onChange={(e) => onChange(e.target.value.trim())}
          aria-invalid={Boolean(error)}
        />
      ) : null}
      {error ? <p className="field-error">{error}</p> : null}
      <p className="hint">Models, prices and inference profiles differ by region.</p>
    </div>
  );
}
