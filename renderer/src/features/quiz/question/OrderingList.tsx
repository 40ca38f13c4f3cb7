/**
 * The steps of an ordering question: before checking, each step with buttons to move it up or
 * down (Space or a click moves it; Enter checks the answer, wherever the focus is in the list).
 * A step that reaches the top or bottom keeps the focus on its other button.
 */
import { useRef } from 'react';
import type { Question } from '../../../../../shared/questions';
import { move, type Response } from '../../../lib/scoring';

type OrderingQuestion = Extract<Question, { type: 'ordering' }>;

export function OrderingList({
  q,
  order,
  onChange,
}: {
  q: OrderingQuestion;
  order: readonly string[];
  onChange: (r: Response) => void;
}) {
  const list = useRef<HTMLOListElement>(null);
  const shift = (id: string, by: -1 | 1) => {
    const next = move(order, id, by);
    onChange({ type: 'ordering', order: next });
    const at = next.indexOf(id);
    const edge = (by === -1 && at === 0) || (by === 1 && at === next.length - 1);
    if (edge) {
      // The pressed button is about to be disabled: keep the focus on the step's other one.
      requestAnimationFrame(() =>
        list.current
          ?.querySelector<HTMLButtonElement>(
            `[data-step="${id}"] [data-dir="${by === -1 ? 'down' : 'up'}"]`,
          )
          ?.focus(),
      );
    }
  };
  return (
    <ol className="ordering" ref={list}>
      {order.map((id, i) => {
        const item = q.items.find((x) => x.id === id)!;
        return (
          <li key={id} data-step={id}>
            <span className="step-number" aria-hidden="true">
              {i + 1}
            </span>
            <span className="step-text">{item.text}</span>
            <span className="row">
              <button
                type="button"
                data-dir="up"
                aria-label={`Move “${item.text}” up`}
                disabled={i === 0}
                onClick={() => shift(id, -1)}
              >
                ↑
              </button>
              <button
                type="button"
                data-dir="down"
                aria-label={`Move “${item.text}” down`}
                disabled={i === order.length - 1}
                onClick={() => shift(id, 1)}
              >
                ↓
              </button>
            </span>
          </li>
        );
      })}
    </ol>
  );
}

/**
 * Once checked: the learner's order and the correct order as two numbered lists side by side;
 * each of the learner's steps says in words whether it is in the right place.
 */
export function OrderingFeedback({
  q,
  order,
}: {
  q: OrderingQuestion;
  /** Null in a preview of the answer key: only the correct order. */
  order: readonly string[] | null;
}) {
  const text = (id: string) => q.items.find((x) => x.id === id)?.text ?? id;
  return (
    <div className="ordering-feedback">
      {order === null ? null : (
        <section aria-label="Your order">
          <h3>Your order</h3>
          <ol>
            {order.map((id, i) => {
              const ok = q.answer[i] === id;
              return (
                <li key={id} className={ok ? 'right' : 'wrong'}>
                  <span className="step-number">{i + 1}</span>
                  <span className="step-text">{text(id)}</span>
                  <span
                    className={ok ? 'answer-tag tag-yours-right' : 'answer-tag tag-yours-wrong'}
                  >
                    <span aria-hidden="true">{ok ? '✓ ' : '✗ '}</span>
                    {ok ? 'Right place' : `Belongs at step ${q.answer.indexOf(id) + 1}`}
                  </span>
                </li>
              );
            })}
          </ol>
        </section>
      )}
      <section aria-label="Correct order">
        <h3>Correct order</h3>
        <ol>
          {q.answer.map((id, i) => (
            <li key={id} className="key-step">
              <span className="step-number">{i + 1}</span>
              <span className="step-text">{text(id)}</span>
            </li>
          ))}
        </ol>
      </section>
    </div>
  );
}
