/**
 * The control kit's fields: a slider that shows its value with its unit, and a number field that
 * never changes what was typed silently. Every screen builds its settings from these two, so they
 * look and behave the same everywhere (styles in fields.css, next to this file).
 */
import { useId, useState, type ReactNode } from 'react';
import { boundNumber, type Bounds } from '../lib/bounded-number';
import { FieldFrame, notesId } from './FieldFrame';
import './fields.css';

export function RangeField({
  label,
  value,
  min,
  max,
  step,
  onChange,
  display,
  unit,
  disabled = false,
  hint,
}: {
  label: string;
  value: number;
  min: number;
  max: number;
  step: number;
  onChange: (value: number) => void;
  /** How the value is shown beside the label (default: the value and its unit). */
  display?: string;
  /** Shown after the value: " s", " tokens". */
  unit?: string;
  disabled?: boolean;
  hint?: ReactNode;
}) {
  const id = useId();
  return (
    <FieldFrame
      id={id}
      className="range-field"
      hint={hint}
      label={
        <>
          {label} <output className="value">{display ?? `${value}${unit ?? ''}`}</output>
        </>
      }
    >
      <input
        id={id}
        type="range"
        min={min}
        max={max}
        step={step}
        value={value}
        disabled={disabled}
        aria-describedby={notesId(id, { hint })}
        onChange={(e) => onChange(Number(e.target.value))}
      />
    </FieldFrame>
  );
}

export interface NumberFieldProps extends Bounds {
  label: string;
  value: number;
  onChange: (value: number) => void;
  step?: number;
  disabled?: boolean;
  hint?: ReactNode;
  /** A compact field (smaller label), for rows of settings. */
  inline?: boolean;
}

/**
 * A number within [min, max]. What was typed stays in the box while the learner types; a value
 * outside the range (or not whole, for an integer field) is brought into range at once and a
 * polite message under the field says what is used instead. Leaving the field shows the value in
 * use. The message stays until the next edit, or until the value is changed from outside (then
 * the field shows the new value and drops both what was typed and the message).
 */
export function NumberField({
  label,
  value,
  onChange,
  step,
  disabled = false,
  hint,
  inline = false,
  ...bounds
}: NumberFieldProps) {
  const id = useId();
  // What was typed, and the value it stands for: shown only while the value is still that one,
  // so a value changed from outside (a new model's limit) replaces the typed text.
  const [draft, setDraft] = useState<{ text: string; value: number } | null>(null);
  const [message, setMessage] = useState<string | null>(null);
  const current = draft !== null && draft.value === value;
  const typed = current ? draft.text : null;
  const note = current ? message : null;
  const messageId = `${id}-message`;
  const describedBy = [note ? messageId : null, notesId(id, { hint })].filter(Boolean).join(' ');
  return (
    <FieldFrame
      id={id}
      inline={inline}
      className="number-field"
      hint={hint}
      label={
        <>
          {label}
          {bounds.unit ? <span className="unit">{` (${bounds.unit.trim()})`}</span> : null}
        </>
      }
      live={
        <p className="field-note" id={messageId} aria-live="polite">
          {note}
        </p>
      }
    >
      <input
        id={id}
        type="number"
        inputMode={bounds.integer ? 'numeric' : 'decimal'}
        min={bounds.min}
        max={bounds.max}
        step={step ?? (bounds.integer ? 1 : 'any')}
        value={typed ?? String(value)}
        disabled={disabled}
        aria-describedby={describedBy || undefined}
        onChange={(e) => {
          const text = e.target.value;
          const bounded = boundNumber(text, bounds, value);
          setDraft({ text, value: bounded.value });
          setMessage(bounded.message);
          if (bounded.value !== value) onChange(bounded.value);
        }}
        onBlur={() => setDraft((d) => (d ? { ...d, text: String(d.value) } : d))}
      />
    </FieldFrame>
  );
}

/** A whole number within [min, max]: a NumberField with `integer` set. */
export function IntegerField(props: Omit<NumberFieldProps, 'integer'>) {
  return <NumberField {...props} integer />;
}
