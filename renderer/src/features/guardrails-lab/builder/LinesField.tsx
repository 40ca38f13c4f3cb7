import { useId } from 'react';

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
