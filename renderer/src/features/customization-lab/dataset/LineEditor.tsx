/** One line open for fixing in place: its text, its problems, save (re-checks that line) or delete. */
import { useId, useState } from 'react';
import type { LineCheck } from '../../../../../shared/customization';
import { editLine, fixLine, removeLine } from './dataset-store';
import { asOneLine } from './one-line';

export function LineEditor({ check, text }: { check: LineCheck; text: string }) {
  const [draft, setDraft] = useState(text);
  const id = useId();
  const line = check.line;
  return (
    <section className="card cl-editor" aria-labelledby={`${id}-h`}>
      <h2 id={`${id}-h`}>Fixing line {line}</h2>
      {check.problems.length > 0 ? (
        <ul className="cl-problem-list">
          {check.problems.map((p, i) => (
            <li key={i}>
              {p.path ? <code className="cl-path">{p.path}</code> : null}
              <span className="cl-message">{p.message}</span>
            </li>
          ))}
        </ul>
      ) : (
        <p className="muted">This line passes the checks.</p>
      )}
      <div className="field">
        <label htmlFor={`${id}-text`}>Line {line} (one JSON object)</label>
        <textarea
          id={`${id}-text`}
          rows={8}
          value={draft}
          spellCheck={false}
          autoFocus
          onChange={(e) => setDraft(e.target.value)}
        />
        <p className="hint">
          Each record is one line in the file: JSON written over several lines is joined into one
          when saved.
        </p>
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={() => fixLine(line, asOneLine(draft))}>
          Save line {line}
        </button>
        <button type="button" onClick={() => removeLine(line)}>
          Delete line {line}
        </button>
        <button type="button" onClick={() => editLine(null)}>
          Cancel
        </button>
      </div>
    </section>
  );
}
