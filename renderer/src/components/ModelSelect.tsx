/**
 * The one model picker: each model once (under the id it is called by in the region), whatever
 * form of its id the screen holds. A held id that is some model's base id or another
 * geography's profile selects that model's option; only an id outside the list gets an option of
 * its own, labelled as such.
 */
import { useId, type ReactNode } from 'react';
import { optionFor, type ModelOption } from '../../../shared/models';
import { FieldFrame, notesId } from './FieldFrame';

export function ModelSelect({
  label,
  value,
  options,
  onChange,
  disabled = false,
  describe,
  hint,
}: {
  label: string;
  /** The id the screen holds (any form of a model's id). */
  value: string;
  options: readonly ModelOption[];
  /** Called with the chosen option's invocation id. */
  onChange: (id: string) => void;
  disabled?: boolean;
  /** Extra words after an option's name: "(vision, offered)". */
  describe?: (option: ModelOption) => string | null;
  hint?: ReactNode;
}) {
  const id = useId();
  const current = optionFor(value, options);
  return (
    <FieldFrame id={id} label={label} hint={hint}>
      <select
        id={id}
        value={current?.id ?? value}
        disabled={disabled}
        aria-describedby={notesId(id, { hint })}
        onChange={(e) => onChange(e.target.value)}
      >
        {current ? null : <option value={value}>{`${value} (not in this list)`}</option>}
        {options.map((o) => {
          const extra = describe?.(o);
          return (
            <option key={o.id} value={o.id}>
              {extra ? `${o.label} ${extra}` : o.label}
            </option>
          );
        })}
      </select>
    </FieldFrame>
  );
}
