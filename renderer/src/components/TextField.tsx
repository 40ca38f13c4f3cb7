/**
 * A labelled text box or text area, with a hint or a problem under it (a problem replaces the hint
 * and marks the field invalid). The kit's one text field: forms across the labs build on it.
 */
import { useId } from 'react';

export function TextField({
  label,
  value,
  onChange,
  problem,
  rows,
  hint,
  placeholder,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  problem?: string | null;
  /** A text area of this many rows (a one-line box when left out). */
  rows?: number;
  hint?: string;
  placeholder?: string;
}) {
  const id = useId();
  const note = `${id}-note`;
  const shared = {
    id,
    value,
    placeholder,
    spellCheck: false,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': problem || hint ? note : undefined,
  } as const;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      {rows ? (
        <textarea {...shared} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...shared} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
      {problem || hint ? (
        <p id={note} className={problem ? 'field-error' : 'hint'}>
          {problem ?? hint}
        </p>
      ) : null}
    </div>
  );
}
