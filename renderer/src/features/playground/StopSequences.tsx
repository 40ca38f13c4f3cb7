/** The chat's stop sequences: up to 4, each at most 100 characters, shown as removable chips. */
import { useId, useState } from 'react';

export function StopSequences({
  value,
  onChange,
}: {
  value: readonly string[];
  onChange: (next: string[]) => void;
}) {
  const [draft, setDraft] = useState('');
  const id = useId();
  const full = value.length >= 4;
  const problem =
    draft.length > 100
      ? 'A stop sequence may be at most 100 characters.'
      : value.includes(draft)
        ? 'That stop sequence is already in the list.'
        : null;
  const add = () => {
    if (!draft || problem || full) return;
    onChange([...value, draft]);
    setDraft('');
  };
  return (
    <div className="field">
      <label htmlFor={id}>Stop sequences</label>
      {value.length > 0 ? (
        <ul className="chip-list" aria-label="Stop sequences">
          {value.map((s) => (
            <li key={s} className="chip">
              <code>{JSON.stringify(s)}</code>
              <button
                type="button"
                className="chip-remove"
                aria-label={`Remove stop sequence ${JSON.stringify(s)}`}
                onClick={() => onChange(value.filter((x) => x !== s))}
              >
                ×
              </button>
            </li>
          ))}
        </ul>
      ) : null}
      <div className="row">
        <input
          id={id}
          value={draft}
          disabled={full}
          placeholder={full ? 'Up to 4 stop sequences' : 'e.g. ###'}
          aria-invalid={problem ? true : undefined}
          onChange={(e) => setDraft(e.target.value)}
          onKeyDown={(e) => {
            if (e.key === 'Enter') {
              e.preventDefault();
              add();
            }
          }}
        />
        <button type="button" onClick={add} disabled={!draft || !!problem || full}>
          Add
        </button>
      </div>
      {problem ? (
        <p className="field-error">{problem}</p>
      ) : (
        <p className="hint">
          The answer ends where the model would write one of these (at most 4).
        </p>
      )}
    </div>
  );
}
