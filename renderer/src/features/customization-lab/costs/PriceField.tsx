/**
 * A price the learner may leave empty: the Costs tab's prices start empty because Stratum could
 * not confirm them, and an empty box must stay "not entered", not 0. NumberField always holds a
 * number, so this is a text box with decimal input that reads empty as null and says plainly when
 * what was typed is not a price (nothing is used until it is). Ask the lead to move it to
 * components/ as an optional number field if another screen needs one.
 *
 * What was typed is kept as a draft together with the price it stands for. When the store's price
 * changes from outside (a reset, a loaded preset, a model with a known price), the draft no longer
 * matches and the box shows the new price instead of the old text.
 */
import { useId, useState } from 'react';
import { shownDraft, typedPrice, type PriceDraft } from './price-draft';

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
  const [typed, setTyped] = useState<PriceDraft>(() => shownDraft(typedPrice(''), value));
  const { text, problem } = shownDraft(typed, value);
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
          const draft = typedPrice(e.target.value);
          setTyped(draft);
          onChange(draft.value);
        }}
      />
      <p className="field-note" id={`${id}-problem`} aria-live="polite">
        {problem}
      </p>
    </div>
  );
}
