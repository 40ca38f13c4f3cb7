/**
 * The options of a single- or multiple-response question. The chosen row is highlighted as a
 * whole; once checked, each option says "Your answer" and/or "Correct answer" in words, and every
 * wrong option says why it is wrong.
 */
import type { Question } from '../../../../../shared/questions';
import type { Response } from '../../../lib/scoring';
import { AnswerTags, rowClass } from './AnswerTags';

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

export function ChoiceList({
  q,
  response,
  onChange,
  checked,
}: {
  q: ChoiceQuestion;
  response: Response;
  onChange: (r: Response) => void;
  checked: boolean;
}) {
  const multiple = q.type === 'multiple';
  const chosen =
    response.type === 'single'
      ? [response.choice]
      : response.type === 'multiple'
        ? response.choices
        : [];
  const rightIds: readonly string[] = q.type === 'single' ? [q.answer] : q.answers;
  const full = multiple && chosen.length >= q.answers.length;
  const toggle = (id: string, on: boolean) => {
    if (!multiple) onChange({ type: 'single', choice: id });
    else {
      const rest = chosen.filter((c): c is string => c !== null && c !== id);
      onChange({ type: 'multiple', choices: on ? rest : [...rest, id] });
    }
  };
  return (
    <ul className="choices">
      {q.options.map((o) => {
        const on = chosen.includes(o.id);
        const right = rightIds.includes(o.id);
        return (
          <li key={o.id} className={rowClass(checked, on, right)}>
            <label>
              <input
                data-option={o.id}
                type={multiple ? 'checkbox' : 'radio'}
                name={multiple ? undefined : q.id}
                checked={on}
                disabled={multiple && !on && full}
                onChange={() => toggle(o.id, on)}
              />
              <span className="letter">{o.id.toUpperCase()}</span>
              <span className="option-text">{o.text}</span>
              {checked ? <AnswerTags yours={on} correct={right} /> : null}
            </label>
            {checked && !right ? <p className="why small">{q.whyWrong[o.id]}</p> : null}
          </li>
        );
      })}
    </ul>
  );
}
