/**
 * One quick-practice question: answer, check (Enter or the button), read the verdict (a results
 * region, scrolled into view and announced), move on (Enter again). After checking, the focus
 * goes to the Next button (the answers are read-only); on a new question, to its first control.
 */
import { useEffect, useRef } from 'react';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { isComplete } from '../../../lib/scoring';
import { TYPE_LABEL } from '../filters';
import { QuestionView } from '../QuestionView';
import type { PracticeSessionApi, Session } from './use-practice-session';

export function PracticeQuestion({
  session,
  practice,
}: {
  session: Session;
  practice: PracticeSessionApi;
}) {
  const card = useRef<HTMLDivElement>(null);
  const nextButton = useRef<HTMLButtonElement>(null);
  const q = session.questions[session.index]!;
  const complete = isComplete(q, session.response);
  const last = session.results.at(-1);
  const verdict = last ? 'Correct.' : 'Not quite: see the explanation.';

  useEffect(() => {
    if (session.checked) nextButton.current?.focus();
    else card.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [session.checked, session.index]);

  return (
    <section className="quiz">
      <header>
        <h2>
          Question {session.index + 1} of {session.questions.length}
        </h2>
        <p className="muted">
          Domain {q.domain} · Task {q.task} · {TYPE_LABEL[q.type]} · {q.difficulty}
        </p>
      </header>
      <div
        ref={card}
        className="card"
        onKeyDown={(e) => {
          if (e.key !== 'Enter') return;
          if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement)
            return;
          e.preventDefault();
          if (session.checked) practice.next();
          else if (complete) practice.check();
        }}
      >
        <QuestionView
          q={q}
          response={session.response}
          onChange={practice.respond}
          checked={session.checked}
        />
        {session.checked ? (
          <ResultsRegion label="Your answer" revealKey={session.index} announce={verdict}>
            <p
              className={last ? 'status status-ok' : 'status status-error'}
              data-testid="quiz-feedback"
            >
              {verdict}
            </p>
          </ResultsRegion>
        ) : null}
        <div className="actions">
          {session.checked ? (
            <button ref={nextButton} type="button" className="primary" onClick={practice.next}>
              {session.index + 1 < session.questions.length ? 'Next question' : 'See results'}
            </button>
          ) : (
            <button type="button" className="primary" disabled={!complete} onClick={practice.check}>
              Check answer
            </button>
          )}
          <button type="button" className="link" onClick={practice.end}>
            End practice
          </button>
          <span className="muted small">Enter checks and moves on.</span>
        </div>
      </div>
    </section>
  );
}
