/**
 * The control kit's choice fields: a labelled drop-down list and a labelled search box, the way
 * every screen offers a choice of a few values or filters a list.
 */
import { useId, type ReactNode } from 'react';
import { FieldFrame, notesId } from './FieldFrame';

export interface Choice<T extends string = string> {
  value: T;
  label: string;
}

/** A labelled drop-down list: the one way every screen offers a choice of a few values. */
export function SelectField<T extends string>({
  label,
  value,
  options,
  onChange,
  disabled = false,
  hint,
  inline = false,
}: {
  label: string;
  value: T;
  options: readonly Choice<T>[];
  onChange: (value: T) => void;
  disabled?: boolean;
  hint?: ReactNode;
  /** A compact field (smaller label), for toolbars and filter rows. */
  inline?: boolean;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} hint={hint} inline={inline}>
      <select
        id={id}
        value={value}
        disabled={disabled}
        aria-describedby={notesId(id, { hint })}
        // The options are exactly `options`, so the chosen value is one of their values.
        onChange={(e) => onChange(e.target.value as T)}
      >
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </FieldFrame>
  );
}

/** A labelled search box that filters a list as the learner types. */
export function SearchField({
  label,
  value,
  onChange,
  placeholder,
  inline = false,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  placeholder?: string;
  inline?: boolean;
}) {
  const id = useId();
  return (
    <FieldFrame id={id} label={label} inline={inline}>
      <input
        id={id}
        type="search"
        value={value}
        placeholder={placeholder}
        onChange={(e) => onChange(e.target.value)}
      />
    </FieldFrame>
  );
}
