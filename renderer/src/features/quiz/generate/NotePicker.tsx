/** The notes a run generates from: search, pick up to MAX_SOURCES, or every note of a task. */
import { useState } from 'react';
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import type { Note } from '../../../../../shared/notes';
import { CORPUS } from '../../../content/corpus';
import { MAX_SOURCES } from './estimate';

function matcher(query: string) {
  const q = query.trim().toLowerCase();
  return (n: Note) =>
    !q ||
    n.title.toLowerCase().includes(q) ||
    n.summary.toLowerCase().includes(q) ||
    n.keyTerms.some((t) => t.toLowerCase().includes(q)) ||
    n.tasks.some((t) => t.startsWith(q));
}

export function NotePicker({
  picked,
  setPicked,
}: {
  picked: readonly string[];
  setPicked: (ids: string[]) => void;
}) {
  const [query, setQuery] = useState('');
  const matches = matcher(query);
  const toggle = (id: string) =>
    setPicked(picked.includes(id) ? picked.filter((p) => p !== id) : [...picked, id]);
  const shown = EXAM_GUIDE.domains
    .flatMap((d) =>
      d.tasks.map((t) => ({
        task: t,
        notes: CORPUS.notes.filter((n) => n.tasks[0] === t.id && matches(n)),
      })),
    )
    .filter((g) => g.notes.length > 0);
  return (
    <fieldset className="gen-sources">
      <legend>Notes to generate from</legend>
      <input
        type="search"
        aria-label="Search notes"
        placeholder="Search notes by title, term or task (e.g. 3.1)"
        value={query}
        onChange={(e) => setQuery(e.target.value)}
      />
      <div className="gen-note-list" role="group" aria-label="Notes">
        {shown.length === 0 ? <p className="empty">No note matches “{query}”.</p> : null}
        {shown.map((g) => (
          <div key={g.task.id}>
            <p className="gen-task">
              <span>
                {g.task.id} {g.task.title}
              </span>
              <button
                type="button"
                className="link small"
                onClick={() => {
                  const ids = CORPUS.notes
                    .filter((n) => n.tasks.includes(g.task.id))
                    .map((n) => n.id);
                  setPicked(ids.slice(0, MAX_SOURCES));
                }}
                aria-label={`Use the notes of task ${g.task.id}`}
              >
                Use this task
              </button>
            </p>
            <ul>
              {g.notes.map((n) => (
                <li key={n.id}>
                  <label className="check">
                    <input
                      type="checkbox"
                      checked={picked.includes(n.id)}
                      disabled={!picked.includes(n.id) && picked.length >= MAX_SOURCES}
                      onChange={() => toggle(n.id)}
                    />
                    {n.title}
                  </label>
                </li>
              ))}
            </ul>
          </div>
        ))}
      </div>
      <PickedLine picked={picked} onClear={() => setPicked([])} />
    </fieldset>
  );
}

function PickedLine({ picked, onClear }: { picked: readonly string[]; onClear: () => void }) {
  return (
    <p className="muted small">
      {picked.length === 0
        ? `Pick up to ${MAX_SOURCES} notes, or “Use this task” for every note of a task statement.`
        : `${picked.length} of at most ${MAX_SOURCES} picked: ${picked
            .map((id) => CORPUS.noteById.get(id)?.title ?? id)
            .join(', ')}.`}{' '}
      {picked.length > 0 ? (
        <button type="button" className="link small" onClick={onClear}>
          Clear
        </button>
      ) : null}
    </p>
  );
}
