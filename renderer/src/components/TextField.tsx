/**
 * A labelled text box or text area, with a hint or a problem under it (a problem replaces the hint
 * and marks the field invalid). The kit's one text field: forms across the labs build on it.
 */
import { useId } from 'react';
import { FieldFrame, notesId } from './FieldFrame';

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
  const shared = {
    id,
    value,
    placeholder,
    spellCheck: false,
    'aria-invalid': problem ? true : undefined,
    'aria-describedby': notesId(id, { hint, problem }),
  } as const;
  return (
    <FieldFrame id={id} label={label} hint={hint} problem={problem}>
      {rows ? (
        <textarea {...shared} rows={rows} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...shared} autoComplete="off" onChange={(e) => onChange(e.target.value)} />
      )}
    </FieldFrame>
  );
}
