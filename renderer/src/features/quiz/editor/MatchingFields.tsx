/** The choices and prompts of a matching question, each prompt with its match. */
import type { Question } from '../../../../../shared/questions';
import { ItemList, letter, nextId, setText, without } from './parts';

type Matching = Extract<Question, { type: 'matching' }>;

export function MatchingFields({ draft, set }: { draft: Matching; set: (q: Question) => void }) {
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
