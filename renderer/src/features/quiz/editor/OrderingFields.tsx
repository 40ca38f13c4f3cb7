/** The steps of an ordering question, listed (and moved) in the correct order. */
import type { Question } from '../../../../../shared/questions';
import { ItemList, letter, nextId, setText } from './parts';

type Ordering = Extract<Question, { type: 'ordering' }>;

export function OrderingFields({ draft, set }: { draft: Ordering; set: (q: Question) => void }) {
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
