/** A submitted exam's questions, filtered (wrong or unanswered, flagged, all), each expandable. */
import { useId, useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import type { ExamSession } from '../../../db/schema';
import { isAnswered } from '../../../lib/mock-exam';
import { emptyResponse, isCorrect } from '../../../lib/scoring';
import { TYPE_LABEL } from '../filters';
import { CaseLayout } from '../CaseLayout';
import { QuestionView } from '../QuestionView';

type Filter = 'all' | 'wrong' | 'flagged';

export function ResultQuestions({
  session,
  byId,
}: {
  session: ExamSession;
  byId: ReadonlyMap<string, Question>;
}) {
  const [filter, setFilter] = useState<Filter>('wrong');
  const name = useId();
  const flagged = new Set(session.flagged);
  const rows = session.questionIds.map((id, i) => {
    const q = byId.get(id);
    const r = session.responses[id];
    const answered = q !== undefined && isAnswered(q, r);
    const right = q !== undefined && r !== undefined && answered && isCorrect(q, r);
    return { id, i, q, r, answered, right, flagged: flagged.has(id) };
  });
  const wrongCount = rows.filter((x) => !x.right).length;
  const shown = rows.filter((x) => filter === 'all' || (filter === 'wrong' ? !x.right : x.flagged));
  const filters = [
    ['wrong', `Wrong or unanswered (${wrongCount})`],
    ['flagged', `Flagged (${flagged.size})`],
    ['all', `All (${rows.length})`],
  ] as const;

  return (
    <div className="card">
      <h2>Questions</h2>
      <div className="filter-row" role="radiogroup" aria-label="Show questions">
        {filters.map(([value, label]) => (
          <label key={value} className="check">
            <input
              type="radio"
              name={name}
              value={value}
              checked={filter === value}
              onChange={() => setFilter(value)}
            />
            {label}
          </label>
        ))}
      </div>
      {shown.length === 0 ? (
        <p className="empty">
          {filter === 'wrong' ? 'Every question was answered correctly.' : 'No question here.'}
        </p>
      ) : (
        <ol className="exam-review-list">
          {shown.map((x) => (
            <li key={x.id}>
              <details>
                <summary>
                  <span className={x.right ? 'mark-right' : 'mark-wrong'}>
                    {x.right ? '✓ Right' : x.answered ? '✗ Wrong' : '– Unanswered'}
                  </span>{' '}
                  <strong>Question {x.i + 1}</strong>
                  {x.flagged ? ' · ⚑ flagged' : ''}
                  {x.q ? ` · Domain ${x.q.domain} · ${TYPE_LABEL[x.q.type]}` : ''}
                  <span className="summary-stem">{x.q?.stem ?? 'Deleted from your pool.'}</span>
                </summary>
                {x.q ? (
                  <div className="exam-review-body">
                    {x.answered ? null : (
                      <p className="muted small">You did not answer this question.</p>
                    )}
                    <CaseLayout caseId={x.q.caseId}>
                      <QuestionView
                        q={x.q}
                        response={x.r && x.answered ? x.r : emptyResponse(x.q)}
                        onChange={() => {}}
                        checked
                      />
                    </CaseLayout>
                  </div>
                ) : null}
              </details>
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}
