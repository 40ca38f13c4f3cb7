/** A labelled text box or text area with its problem (from guardrailProblems) under it. */
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

/**
 * A text area holding one item per line (words, sample phrases). Blank lines are dropped from
 * the list, so it keeps what was typed in its own box: give it a `key` that changes when the
 * list is replaced from outside (a guardrail opened).
 */
export function LinesField({
  label,
  items,
  onChange,
  problem,
  hint,
  rows = 3,
}: {
  label: string;
  items: readonly string[];
  onChange: (items: string[]) => void;
  problem?: string | null;
  hint?: string;
  rows?: number;
}) {
  const id = useId();
  const note = `${id}-note`;
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea
        id={id}
        rows={rows}
        spellCheck={false}
        defaultValue={items.join('\n')}
        aria-invalid={problem ? true : undefined}
        aria-describedby={note}
        onChange={(e) => onChange(e.target.value.split('\n').filter((l) => l.trim() !== ''))}
      />
      <p id={note} className={problem ? 'field-error' : 'hint'}>
        {problem ?? hint}
      </p>
    </div>
  );
}
