/**
 * A question's history in My questions: every attempt (date, where, what was answered, right or
 * wrong) and its spaced-review card (state, repetitions, lapses, stability, next due).
 */
import { useLiveQuery } from 'dexie-react-hooks';
import type { Question } from '../../../../../shared/questions';
import { attemptsOf } from '../../../db/attempts';
import { getCard } from '../../../db/review';
import { formatDateTime, plural } from '../../../lib/format';
import { formatDueAt, useNow } from '../use-now';
import { modeText, responseText, stateName } from './history-text';

export function QuestionHistory({ q }: { q: Question }) {
  const now = useNow(60_000);
  const data = useLiveQuery(
    async () => ({ attempts: await attemptsOf(q.id), card: await getCard(q.id) }),
    [q.id],
  );
  if (!data) return <p className="loading">Loading its history…</p>;
  const { attempts, card } = data;
  return (
    <div className="question-history" data-testid="question-history">
      <p className="small">
        {card ? (
          <>
            Spaced review: <strong>{stateName(card.state)}</strong>,{' '}
            {plural(card.reps, 'repetition')}, {plural(card.lapses, 'lapse')}, stability{' '}
            {card.stability.toFixed(1)} days; next due {formatDueAt(card.due, now)}.
          </>
        ) : (
          'Not in spaced review yet: answering it in Quick practice or Spaced review adds it.'
        )}
      </p>
      {attempts.length === 0 ? (
        <p className="muted small">Never answered.</p>
      ) : (
        <table>
          <caption className="sr-only">Every answer to this question, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">When</th>
              <th scope="col">Where</th>
              <th scope="col">Answer</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.id}>
                <td>{formatDateTime(a.at)}</td>
                <td>{modeText(a)}</td>
                <td>{responseText(q, a.response)}</td>
                <td className={a.correct ? 'result-right' : 'result-wrong'}>
                  {a.correct ? '✓ Right' : '✗ Wrong'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
