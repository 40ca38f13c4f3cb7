/** The editor's building blocks: a labelled text area and a list of lettered texts. */
import { useId, type ReactNode } from 'react';

export type Item = { id: string; text: string };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
export const nextId = (items: readonly Item[]) =>
  [...LETTERS].find((l) => !items.some((i) => i.id === l)) ?? 'z';
export const letter = (id: string) => id.toUpperCase();

export function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

export function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

export const setText = (items: readonly Item[], id: string, text: string) =>
  items.map((i) => (i.id === id ? { ...i, text } : i));

export function TextArea({
  label,
  value,
  onChange,
  rows = 3,
  hint,
}: {
  label: string;
  value: string;
  onChange: (value: string) => void;
  rows?: number;
  hint?: string;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <textarea id={id} rows={rows} value={value} onChange={(e) => onChange(e.target.value)} />
      {hint ? <p className="hint">{hint}</p> : null}
    </div>
  );
}

/** A list of lettered texts with add and remove; `extra` renders controls beside each text. */
export function ItemList({
  legend,
  noun,
  items,
  max,
  onText,
  onAdd,
  onRemove,
  extra,
  below,
}: {
  legend: string;
  noun: string;
  items: readonly Item[];
  max: number;
  onText: (id: string, text: string) => void;
  onAdd: () => void;
  onRemove: (id: string) => void;
  extra?: (item: Item, index: number) => ReactNode;
  below?: (item: Item) => ReactNode;
}) {
  return (
    <fieldset className="editor-list">
      <legend>{legend}</legend>
      <ol>
        {items.map((item, i) => (
          <li key={item.id}>
            <div className="editor-item">
              <span className="editor-letter">{letter(item.id)}</span>
              <input
                aria-label={`${noun} ${letter(item.id)} text`}
                value={item.text}
                onChange={(e) => onText(item.id, e.target.value)}
              />
              {extra?.(item, i)}
              <button
                type="button"
                className="link"
                aria-label={`Remove ${noun.toLowerCase()} ${letter(item.id)}`}
                onClick={() => onRemove(item.id)}
              >
                Remove
              </button>
            </div>
            {below?.(item)}
          </li>
        ))}
      </ol>
      <button type="button" onClick={onAdd} disabled={items.length >= max}>
        Add {noun.toLowerCase()}
      </button>
    </fieldset>
  );
}
