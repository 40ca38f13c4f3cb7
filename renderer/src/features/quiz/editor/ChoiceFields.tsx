/** The options of a single- or multiple-answer question, with the correct ones marked. */
import type { Question } from '../../../../../shared/questions';
import { ItemList, letter, nextId, setText, without } from './parts';

type Choice = Extract<Question, { type: 'single' | 'multiple' }>;

export function ChoiceFields({ draft, set }: { draft: Choice; set: (q: Question) => void }) {
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
