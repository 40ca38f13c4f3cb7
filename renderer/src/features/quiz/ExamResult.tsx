/**
 * A submitted mock exam: the scaled-score ESTIMATE (labelled as such, with why it is only an
 * estimate), pass or fail against 700, the per-domain breakdown, and every question reviewable
 * with the learner's answer, the right answer and the explanations (filter: all, wrong, flagged).
 */
import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Question } from '../../../../shared/questions';
import type { ExamSession } from '../../db/schema';
import { ESTIMATE_PASS_FRACTION, isAnswered, minutesUsed, PASS_SCORE } from '../../lib/mock-exam';
import { emptyResponse, isCorrect } from '../../lib/scoring';
import { QuestionView } from './QuestionView';
import { TYPE_LABEL } from './filters';

const pct = (n: number, d: number) => (d > 0 ? Math.round((n / d) * 100) : 0);

/** Why the scaled score is an estimate; shown on the start screen and with every result. */
export function EstimateCaveat() {
  return (
    <p className="small muted estimate-caveat">
      <strong>About the score.</strong> The real exam reports a scaled score from{' '}
      {EXAM_GUIDE.exam.scaledScoreMin} to {EXAM_GUIDE.exam.scaledScoreMax} and you pass at{' '}
      {EXAM_GUIDE.exam.passingScore}. AWS does not publish how correct answers convert to that
      score, and {EXAM_GUIDE.exam.unscoredQuestions} of the real exam’s {EXAM_GUIDE.exam.questions}{' '}
      questions are unscored and not marked. Here every question counts, and the estimate is a
      straight-line map on which {Math.round(ESTIMATE_PASS_FRACTION * 100)}% correct is {PASS_SCORE}
      : a common assumption, not an official figure. Use it to track progress, not to predict your
      result.
    </p>
  );
}

type Filter = 'all' | 'wrong' | 'flagged';

export function ExamResult({
  session,
  byId,
  notice,
  onBack,
}: {
  session: ExamSession;
  byId: ReadonlyMap<string, Question>;
  notice: string | null;
  onBack: () => void;
}) {
  const [filter, setFilter] = useState<Filter>('wrong');
  const name = useId();
  const heading = useRef<HTMLHeadingElement>(null);
  // The submit button is gone: the result's heading takes the focus.
  useEffect(() => heading.current?.focus(), []);
  const result = session.result;
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

  return (
    <section className="exam-result">
      <h2 ref={heading} tabIndex={-1}>
        Mock exam result
      </h2>
      <p className="muted">
        Taken {new Date(session.startedAt).toLocaleString()} · {minutesUsed(session)} of{' '}
        {EXAM_GUIDE.exam.minutes} minutes used
      </p>
      {notice ? (
        <p className="status status-warn" role="status">
          {notice}
        </p>
      ) : null}
      {result ? (
        <div className="card score-card" data-testid="exam-score">
          <div className="score-main">
            <span className="score-label">Estimated scaled score</span>
            <span className="score-value">
              {result.scaled}
              <small> / {EXAM_GUIDE.exam.scaledScoreMax} (estimate)</small>
            </span>
            <span className={result.passed ? 'badge badge-pass' : 'badge badge-fail'}>
              {result.passed
                ? `At or above the ${PASS_SCORE} pass mark (estimate)`
                : `Below the ${PASS_SCORE} pass mark (estimate)`}
            </span>
          </div>
          <p className="score-raw">
            <strong>
              {result.correct} of {result.total}
            </strong>{' '}
            correct ({pct(result.correct, result.total)}%).
          </p>
          <EstimateCaveat />
          <h3>By domain</h3>
          <ul className="domains exam-domains" data-testid="exam-domains">
            {EXAM_GUIDE.domains.map((d) => {
              const row = result.byDomain[String(d.id)] ?? { correct: 0, total: 0 };
              return (
                <li key={d.id}>
                  <div className="domain-label">
                    <span>
                      {d.id}. {d.title}
                    </span>
                    <span className="weight">
                      {row.correct} / {row.total}
                      {row.total > 0 ? ` (${pct(row.correct, row.total)}%)` : ''}
                    </span>
                  </div>
                  <div
                    className="bar"
                    role="img"
                    aria-label={`Domain ${d.id}: ${pct(row.correct, row.total)}% correct`}
                  >
                    <span style={{ width: `${pct(row.correct, row.total)}%` }} />
                  </div>
                </li>
              );
            })}
          </ul>
        </div>
      ) : (
        <p className="status status-error">
          This exam has no result: none of its questions are in your pool any more.
        </p>
      )}
      <div className="card">
        <h2>Questions</h2>
        <div className="filter-row" role="radiogroup" aria-label="Show questions">
          {(
            [
              ['wrong', `Wrong or unanswered (${wrongCount})`],
              ['flagged', `Flagged (${flagged.size})`],
              ['all', `All (${rows.length})`],
            ] as const
          ).map(([value, label]) => (
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
                      <QuestionView
                        q={x.q}
                        response={x.r && x.answered ? x.r : emptyResponse(x.q)}
                        onChange={() => {}}
                        checked
                      />
                    </div>
                  ) : null}
                </details>
              </li>
            ))}
          </ol>
        )}
      </div>
      <div className="actions">
        <button type="button" className="primary" onClick={onBack}>
          Back to mock exams
        </button>
        <Link className="button" href="/practice">
          Practise what you missed
        </Link>
        <span className="muted small">
          Quick practice’s “got wrong last time” filter includes this exam’s misses.
        </span>
      </div>
    </section>
  );
}
