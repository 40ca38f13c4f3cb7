/**
 * The prompts of a matching question, each with a drop-down list of choices (letters choose in
 * the list; Enter checks the answer). Once checked, each prompt shows the learner's choice and
 * the correct one, labelled in words.
 */
import type { Question } from '../../../../../shared/questions';
import type { Response } from '../../../lib/scoring';

type MatchingQuestion = Extract<Question, { type: 'matching' }>;

export function MatchingList({
  q,
  pairs,
  onChange,
}: {
  q: MatchingQuestion;
  pairs: Readonly<Record<string, string>>;
  onChange: (r: Response) => void;
}) {
  return (
    <ul className="matching">
      {q.prompts.map((p) => (
        <li key={p.id} className={pairs[p.id] ? 'chosen' : ''}>
          <label>
            <span>{p.text}</span>
            <select
              value={pairs[p.id] ?? ''}
              onChange={(e) =>
                onChange({ type: 'matching', pairs: { ...pairs, [p.id]: e.target.value } })
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
        </li>
      ))}
    </ul>
  );
}

export function MatchingFeedback({
  q,
  pairs,
}: {
  q: MatchingQuestion;
  /** Null in a preview of the answer key: only the correct answers. */
  pairs: Readonly<Record<string, string>> | null;
}) {
  const text = (id: string | undefined) =>
    q.choices.find((c) => c.id === id)?.text ?? 'nothing chosen';
  return (
    <ul className="matching matching-feedback">
      {q.prompts.map((p) => {
        if (pairs === null) {
          return (
            <li key={p.id}>
              <p className="prompt">{p.text}</p>
              <dl>
                <dt>Correct answer</dt>
                <dd>{text(q.answer[p.id])}</dd>
              </dl>
            </li>
          );
        }
        const ok = pairs[p.id] === q.answer[p.id];
        return (
          <li key={p.id} className={ok ? 'right' : 'wrong'}>
            <p className="prompt">
              <span aria-hidden="true" className="mark">
                {ok ? '✓' : '✗'}
              </span>{' '}
              {p.text}
            </p>
            <dl>
              <dt>Your answer</dt>
              <dd>
                {text(pairs[p.id])}{' '}
                {ok ? (
                  <span className="answer-tag tag-correct">
                    <span aria-hidden="true">✓ </span>Correct answer
                  </span>
                ) : (
                  <span className="answer-tag tag-yours-wrong">
                    <span aria-hidden="true">✗ </span>Not this one
                  </span>
                )}
              </dd>
              {ok ? null : (
                <>
                  <dt>Correct answer</dt>
                  <dd>{text(q.answer[p.id])}</dd>
                </>
              )}
            </dl>
          </li>
        );
      })}
    </ul>
  );
}
