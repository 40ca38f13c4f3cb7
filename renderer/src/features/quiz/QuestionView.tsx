/** One practice question of any type, with controls for the answer and, once checked, feedback. */
import { Link } from 'wouter';
import type { Question } from '../../../../shared/questions';
import { move, type Response } from '../../lib/scoring';

const letter = (id: string) => id.toUpperCase();

export function QuestionView({
  q,
  response,
  onChange,
  checked,
}: {
  q: Question;
  response: Response;
  onChange: (r: Response) => void;
  checked: boolean;
}) {
  return (
    <fieldset className="question quiz-question" disabled={checked}>
      <legend className="stem">{q.stem}</legend>
      {q.type === 'single' && response.type === 'single' ? (
        <ul className="choices">
          {q.options.map((o) => (
            <li
              key={o.id}
              className={
                checked
                  ? o.id === q.answer
                    ? 'right'
                    : o.id === response.choice
                      ? 'wrong'
                      : ''
                  : ''
              }
            >
              <label>
                <input
                  type="radio"
                  name={q.id}
                  checked={response.choice === o.id}
                  onChange={() => onChange({ type: 'single', choice: o.id })}
                />
                <span className="letter">{letter(o.id)}</span> {o.text}
              </label>
              {checked && o.id !== q.answer ? (
                <p className="why small">{q.whyWrong[o.id]}</p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {q.type === 'multiple' && response.type === 'multiple' ? (
        <ul className="choices">
          {q.options.map((o) => {
            const on = response.choices.includes(o.id);
            const right = q.answers.includes(o.id);
            return (
              <li key={o.id} className={checked ? (right ? 'right' : on ? 'wrong' : '') : ''}>
                <label>
                  <input
                    type="checkbox"
                    checked={on}
                    disabled={!on && response.choices.length >= q.answers.length}
                    onChange={() =>
                      onChange({
                        type: 'multiple',
                        choices: on
                          ? response.choices.filter((c) => c !== o.id)
                          : [...response.choices, o.id],
                      })
                    }
                  />
                  <span className="letter">{letter(o.id)}</span> {o.text}
                </label>
                {checked && !right ? <p className="why small">{q.whyWrong[o.id]}</p> : null}
              </li>
            );
          })}
        </ul>
      ) : null}
      {q.type === 'ordering' && response.type === 'ordering' ? (
        <ol className="ordering">
          {response.order.map((id, i) => {
            const item = q.items.find((x) => x.id === id)!;
            return (
              <li key={id} className={checked ? (q.answer[i] === id ? 'right' : 'wrong') : ''}>
                <span>{item.text}</span>
                <span className="row">
                  <button
                    type="button"
                    aria-label={`Move “${item.text}” up`}
                    disabled={i === 0}
                    onClick={() =>
                      onChange({ type: 'ordering', order: move(response.order, id, -1) })
                    }
                  >
                    ↑
                  </button>
                  <button
                    type="button"
                    aria-label={`Move “${item.text}” down`}
                    disabled={i === response.order.length - 1}
                    onClick={() =>
                      onChange({ type: 'ordering', order: move(response.order, id, 1) })
                    }
                  >
                    ↓
                  </button>
                </span>
              </li>
            );
          })}
        </ol>
      ) : null}
      {q.type === 'matching' && response.type === 'matching' ? (
        <ul className="matching">
          {q.prompts.map((p) => (
            <li
              key={p.id}
              className={
                checked ? (response.pairs[p.id] === q.answer[p.id] ? 'right' : 'wrong') : ''
              }
            >
              <label>
                <span>{p.text}</span>
                <select
                  value={response.pairs[p.id] ?? ''}
                  onChange={(e) =>
                    onChange({
                      type: 'matching',
                      pairs: { ...response.pairs, [p.id]: e.target.value },
                    })
                  }
                >
                  <option value="">Choose…</option>
                  {q.choices.map((c) => (
                    <option key={c.id} value={c.id}>
                      {c.text}
                    </option>
                  ))}
                </select>
              </label>
              {checked && response.pairs[p.id] !== q.answer[p.id] ? (
                <p className="why small">
                  Answer: {q.choices.find((c) => c.id === q.answer[p.id])?.text}
                </p>
              ) : null}
            </li>
          ))}
        </ul>
      ) : null}
      {checked && q.type === 'ordering' ? (
        <p className="why small">
          Correct order: {q.answer.map((id) => q.items.find((x) => x.id === id)?.text).join(' → ')}
        </p>
      ) : null}
      {checked ? (
        <div className="explanation">
          <p>{q.explanation}</p>
          <blockquote className="small">
            “{q.sourcePassage}” <Link href={`/notes/${q.sourceNoteId}`}>Read the note</Link>
          </blockquote>
        </div>
      ) : null}
    </fieldset>
  );
}
