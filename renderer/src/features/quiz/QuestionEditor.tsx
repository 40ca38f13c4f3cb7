/**
 * Edits one practice question of any of the four types: stem, options (steps, prompts, choices),
 * the answer, explanations, why each wrong option is wrong, difficulty, tags and the quoted
 * passage. Validated as you type with the same checks a stored question must pass (schema, rule
 * checks, the passage against its note); the problems are listed and Save stays disabled until
 * there are none. The id, type, domain, task and source note are kept.
 */
import { useId, useMemo, useState, type ReactNode } from 'react';
import { StemIndex } from '../../../../shared/question-checks';
import type { Question } from '../../../../shared/questions';
import { checkQuestion } from '../../db/questions';
import { CORPUS } from '../../content/corpus';
import { sourceProblems } from './question-rules';

type Item = { id: string; text: string };

const LETTERS = 'abcdefghijklmnopqrstuvwxyz';
const nextId = (items: readonly Item[]) =>
  [...LETTERS].find((l) => !items.some((i) => i.id === l)) ?? 'z';
const letter = (id: string) => id.toUpperCase();

function parseTags(text: string): string[] {
  return text
    .split(',')
    .map((t) => t.trim())
    .filter(Boolean);
}

function without<T>(record: Record<string, T>, key: string): Record<string, T> {
  return Object.fromEntries(Object.entries(record).filter(([k]) => k !== key));
}

function TextArea({
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
function ItemList({
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

const setText = (items: readonly Item[], id: string, text: string) =>
  items.map((i) => (i.id === id ? { ...i, text } : i));

/** The answer part of the form, per type. */
function AnswerFields({ draft, set }: { draft: Question; set: (q: Question) => void }) {
  if (draft.type === 'single' || draft.type === 'multiple') {
    const correct = draft.type === 'single' ? [draft.answer] : draft.answers;
    const toggle = (id: string) => {
      if (draft.type === 'single') {
        set({ ...draft, answer: id, whyWrong: without(draft.whyWrong, id) });
      } else {
        const on = draft.answers.includes(id);
        set({
          ...draft,
          answers: on ? draft.answers.filter((a) => a !== id) : [...draft.answers, id],
          whyWrong: on ? draft.whyWrong : without(draft.whyWrong, id),
        });
      }
    };
    return (
      <ItemList
        legend={
          draft.type === 'single'
            ? 'Options (mark the one correct answer)'
            : 'Options (mark the correct answers)'
        }
        noun="Option"
        items={draft.options}
        max={draft.type === 'single' ? 5 : 7}
        onText={(id, text) => set({ ...draft, options: setText(draft.options, id, text) })}
        onAdd={() =>
          set({ ...draft, options: [...draft.options, { id: nextId(draft.options), text: '' }] })
        }
        onRemove={(id) => {
          const options = draft.options.filter((o) => o.id !== id);
          const whyWrong = without(draft.whyWrong, id);
          if (draft.type === 'single')
            set({ ...draft, options, whyWrong, answer: draft.answer === id ? '' : draft.answer });
          else set({ ...draft, options, whyWrong, answers: draft.answers.filter((a) => a !== id) });
        }}
        extra={(o) => (
          <label className="check">
            <input
              type={draft.type === 'single' ? 'radio' : 'checkbox'}
              name={`${draft.id}-correct`}
              checked={correct.includes(o.id)}
              onChange={() => toggle(o.id)}
            />
            Correct
          </label>
        )}
        below={(o) =>
          correct.includes(o.id) ? null : (
            <input
              className="editor-why"
              aria-label={`Why option ${letter(o.id)} is wrong`}
              placeholder="Why this option is wrong"
              value={draft.whyWrong[o.id] ?? ''}
              onChange={(e) =>
                set({
                  ...draft,
                  whyWrong: e.target.value
                    ? { ...draft.whyWrong, [o.id]: e.target.value }
                    : without(draft.whyWrong, o.id),
                })
              }
            />
          )
        }
      />
    );
  }
  if (draft.type === 'ordering') {
    const byId = new Map(draft.items.map((i) => [i.id, i]));
    // Steps listed in the correct order; learners see them in the order of `items`.
    const ordered = [
      ...draft.answer.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : [])),
      ...draft.items.filter((i) => !draft.answer.includes(i.id)),
    ];
    const moveStep = (id: string, by: -1 | 1) => {
      const order = ordered.map((i) => i.id);
      const at = order.indexOf(id);
      const to = at + by;
      if (to < 0 || to >= order.length) return;
      [order[at], order[to]] = [order[to]!, order[at]!];
      set({ ...draft, answer: order });
    };
    return (
      <ItemList
        legend="Steps, in the correct order"
        noun="Step"
        items={ordered}
        max={5}
        onText={(id, text) => set({ ...draft, items: setText(draft.items, id, text) })}
        onAdd={() => {
          const id = nextId(draft.items);
          set({
            ...draft,
            items: [...draft.items, { id, text: '' }],
            answer: [...draft.answer, id],
          });
        }}
        onRemove={(id) =>
          set({
            ...draft,
            items: draft.items.filter((i) => i.id !== id),
            answer: draft.answer.filter((a) => a !== id),
          })
        }
        extra={(item, i) => (
          <span className="row">
            <button
              type="button"
              aria-label={`Move step ${letter(item.id)} earlier`}
              disabled={i === 0}
              onClick={() => moveStep(item.id, -1)}
            >
              ↑
            </button>
            <button
              type="button"
              aria-label={`Move step ${letter(item.id)} later`}
              disabled={i === ordered.length - 1}
              onClick={() => moveStep(item.id, 1)}
            >
              ↓
            </button>
          </span>
        )}
      />
    );
  }
  return (
    <>
      <ItemList
        legend="Choices (right-hand column)"
        noun="Choice"
        items={draft.choices}
        max={8}
        onText={(id, text) => set({ ...draft, choices: setText(draft.choices, id, text) })}
        onAdd={() =>
          set({ ...draft, choices: [...draft.choices, { id: nextId(draft.choices), text: '' }] })
        }
        onRemove={(id) =>
          set({
            ...draft,
            choices: draft.choices.filter((c) => c.id !== id),
            answer: Object.fromEntries(Object.entries(draft.answer).filter(([, c]) => c !== id)),
          })
        }
      />
      <ItemList
        legend="Prompts (left-hand column) and their match"
        noun="Prompt"
        items={draft.prompts}
        max={7}
        onText={(id, text) => set({ ...draft, prompts: setText(draft.prompts, id, text) })}
        onAdd={() =>
          set({ ...draft, prompts: [...draft.prompts, { id: nextId(draft.prompts), text: '' }] })
        }
        onRemove={(id) =>
          set({
            ...draft,
            prompts: draft.prompts.filter((p) => p.id !== id),
            answer: without(draft.answer, id),
          })
        }
        extra={(p) => (
          <select
            aria-label={`Match for prompt ${letter(p.id)}`}
            value={draft.answer[p.id] ?? ''}
            onChange={(e) =>
              set({
                ...draft,
                answer: e.target.value
                  ? { ...draft.answer, [p.id]: e.target.value }
                  : without(draft.answer, p.id),
              })
            }
          >
            <option value="">No match</option>
            {draft.choices.map((c) => (
              <option key={c.id} value={c.id}>
                {letter(c.id)}. {c.text || '(empty)'}
              </option>
            ))}
          </select>
        )}
      />
    </>
  );
}

export function QuestionEditor({
  question,
  onSave,
  onCancel,
  saveLabel = 'Save changes',
  otherStems = [],
}: {
  question: Question;
  /** Called with the checked question; a rejection's message is shown under the form. */
  onSave: (q: Question) => Promise<void> | void;
  onCancel: () => void;
  saveLabel?: string;
  /** Stems of the other questions, for a near-duplicate warning (not a blocker). */
  otherStems?: readonly string[];
}) {
  const [draft, setDraft] = useState<Question>(question);
  const [tags, setTags] = useState(question.tags.join(', '));
  const [saving, setSaving] = useState(false);
  const [saveError, setSaveError] = useState<string | null>(null);
  const ids = { difficulty: useId(), tags: useId(), problems: useId() };
  const candidate = useMemo(() => ({ ...draft, tags: parseTags(tags) }), [draft, tags]);
  const check = useMemo(() => checkQuestion(candidate, sourceProblems), [candidate]);
  const index = useMemo(() => new StemIndex(otherStems), [otherStems]);
  const duplicate = useMemo(() => index.nearest(candidate.stem), [index, candidate.stem]);
  const note = CORPUS.noteById.get(question.sourceNoteId);
  const changed = JSON.stringify(candidate) !== JSON.stringify(question);

  const save = async () => {
    if (!check.ok) return;
    setSaving(true);
    setSaveError(null);
    try {
      await onSave(check.question);
    } catch (error) {
      setSaveError(error instanceof Error ? error.message : String(error));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form
      className="question-editor"
      aria-label={`Edit question ${question.id}`}
      onSubmit={(e) => {
        e.preventDefault();
        void save();
      }}
    >
      <p className="muted small">
        {question.id} · Domain {question.domain} · Task {question.task} · from{' '}
        {note ? `“${note.title}”` : question.sourceNoteId}
      </p>
      <TextArea
        label="Question"
        value={draft.stem}
        onChange={(stem) => setDraft({ ...draft, stem })}
        hint={
          draft.type === 'multiple' ? 'Say how many to choose, e.g. “(Select TWO.)”.' : undefined
        }
      />
      <AnswerFields draft={draft} set={setDraft} />
      <TextArea
        label="Explanation (why the answer is right)"
        value={draft.explanation}
        onChange={(explanation) => setDraft({ ...draft, explanation })}
      />
      <TextArea
        label="Source passage"
        value={draft.sourcePassage}
        onChange={(sourcePassage) => setDraft({ ...draft, sourcePassage })}
        rows={2}
        hint="Copied word for word from the note; it is checked against the note’s text."
      />
      <div className="form-grid">
        <div className="field">
          <label htmlFor={ids.difficulty}>Difficulty</label>
          <select
            id={ids.difficulty}
            value={draft.difficulty}
            onChange={(e) =>
              setDraft({ ...draft, difficulty: e.target.value as Question['difficulty'] })
            }
          >
            <option value="easy">Easy</option>
            <option value="medium">Medium</option>
            <option value="hard">Hard</option>
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.tags}>Tags (comma-separated)</label>
          <input id={ids.tags} value={tags} onChange={(e) => setTags(e.target.value)} />
        </div>
      </div>
      {check.ok ? (
        <p className="status status-ok small" id={ids.problems}>
          Passes every check.
        </p>
      ) : (
        <div className="status status-error small" id={ids.problems} data-testid="editor-problems">
          <div>
            <strong>
              {check.problems.length} problem{check.problems.length === 1 ? '' : 's'} to fix before
              saving
            </strong>
            <ul>
              {check.problems.map((p, i) => (
                <li key={i}>{p}</li>
              ))}
            </ul>
          </div>
        </div>
      )}
      {duplicate ? (
        <p className="status status-warn small">
          <span>
            <strong>Similar question: </strong>“{duplicate.stem}” (
            {Math.round(duplicate.similarity * 100)}% of word triples shared).
          </span>
        </p>
      ) : null}
      {saveError ? (
        <p className="status status-error small" role="alert">
          {saveError}
        </p>
      ) : null}
      <div className="actions">
        <button
          type="submit"
          className="primary"
          disabled={!check.ok || saving || !changed}
          aria-describedby={ids.problems}
        >
          {saveLabel}
        </button>
        <button type="button" onClick={onCancel}>
          Cancel
        </button>
        {!changed ? <span className="muted small">No changes yet.</span> : null}
      </div>
    </form>
  );
}
