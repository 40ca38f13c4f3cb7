/**
 * The one structure every kit field shares (TextField, SelectField, SearchField, ModelSelect,
 * NumberField, RangeField): a `div.field` holding the label, the control, then its notes (a live
 * message, a problem or a hint), one under the other with the same gaps (styles.css `.field`). In a
 * `.form-grid` these parts sit on shared rows, so the controls of a row line up even when one
 * label wraps.
 */
import type { ReactNode } from 'react';

export interface FieldNotes {
  hint?: ReactNode;
  /** What is wrong with the value: replaces the hint and is shown as a problem. */
  problem?: string | null;
}

/** The id of a field's hint or problem, for the control's aria-describedby (undefined: none). */
export function notesId(id: string, notes: FieldNotes): string | undefined {
  return notes.problem || notes.hint ? `${id}-note` : undefined;
}

export function FieldFrame({
  id,
  label,
  children,
  hint,
  problem,
  inline = false,
  className,
  live,
}: FieldNotes & {
  /** The control's id (the label points at it). */
  id: string;
  label: ReactNode;
  /** The control. */
  children: ReactNode;
  /** A compact field (smaller label, tighter gaps), for toolbars and rows of settings. */
  inline?: boolean;
  /** The kind of field, added to `field` ('number-field', 'range-field'). */
  className?: string;
  /** A live message under the control (a NumberField's "50 is the most; using 50."). */
  live?: ReactNode;
}) {
  const classes = ['field', inline ? 'inline' : null, className].filter(Boolean).join(' ');
  const noteId = notesId(id, { hint, problem });
  return (
    <div className={classes}>
      <label htmlFor={id}>{label}</label>
      {children}
      {live}
      {noteId ? (
        <p id={noteId} className={problem ? 'field-error' : 'hint'}>
          {problem || hint}
        </p>
      ) : null}
    </div>
  );
}
