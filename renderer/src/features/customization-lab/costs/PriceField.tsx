/**
 * A price the learner may leave empty: the Costs tab's prices start empty because Stratum could
 * not confirm them, and an empty box must stay "not entered", not 0. NumberField always holds a
 * number, so this is a text box with decimal input that reads empty as null and says plainly when
 * what was typed is not a price (nothing is used until it is). Ask the lead to move it to
 * components/ as an optional number field if another screen needs one.
 */
import { useId, useState } from 'react';

export function PriceField({
  label,
  value,
  onChange,
  unit,
}: {
  label: string;
  value: number | null;
  onChange: (value: number | null) => void;
  /** "USD per 1,000 tokens". */
  unit: string;
}) {
  const id = useId();
  const [text, setText] = useState(value === null ? '' : String(value));
  const [problem, setProblem] = useState<string | null>(null);
  return (
    <div className="field cl-price">
      <label htmlFor={id}>
        {label} <span className="unit">({unit})</span>
      </label>
      <input
        id={id}
        type="text"
        inputMode="decimal"
        autoComplete="off"
        placeholder="not entered"
        value={text}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => {
          const typed = e.target.value;
          setText(typed);
          const trimmed = typed.trim().replace(/^\$/, '');
          const n = Number(trimmed);
          if (trimmed === '') {
            setProblem(null);
            onChange(null);
          } else if (!Number.isFinite(n) || n < 0) {
            setProblem(
              'Enter a price of 0 or more in US dollars, such as 0.0035; not used until then.',
            );
            onChange(null);
          } else {
            setProblem(null);
            onChange(n);
          }
        }}
      />
      <p className="field-note" id={`${id}-problem`} aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
