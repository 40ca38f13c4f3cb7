/**
 * One quick-practice question: answer (a click, or A-G / 1-7), check (Enter or the button), read
 * the verdict at the top of the question (a results region, scrolled into view and announced)
 * with each option labelled and the explanation under it, move on (Enter again). After checking,
 * the focus goes to the Next button (the answers are read-only); on a new question, to its first
 * control.
 */
import { useEffect, useRef } from 'react';
import { KeysHelpButton } from '../../../components/KeysHelp';
import { useScreenKeys } from '../../../components/keys-help-store';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { isComplete } from '../../../lib/scoring';
import { TYPE_LABEL } from '../filters';
import { handleAnswerKey } from '../question/answer-keys';
import { CaseLayout } from '../CaseLayout';
import { QuestionView } from '../QuestionView';
import { useDocumentKeys } from '../use-document-keys';
import type { PracticeSessionApi, Session } from './use-practice-session';

export const PRACTICE_KEY_HELP = {
  title: 'Quick practice',
  keys: [
    { keys: 'A–G or 1–7', does: 'Choose an option (toggles in a multiple-response question)' },
    { keys: 'Space', does: 'Choose the focused option, or move the focused ordering step' },
    { keys: 'Enter', does: 'Check the answer; after checking, go to the next question' },
    { keys: 'Tab', does: 'Move between options, steps and drop-down lists' },
  ],
};

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
  useScreenKeys(PRACTICE_KEY_HELP);

  useEffect(() => {
    // The verdict region scrolls itself into view; focusing Next must not scroll it away.
    if (session.checked) nextButton.current?.focus({ preventScroll: true });
    else card.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [session.checked, session.index]);

  useDocumentKeys((e) => {
    handleAnswerKey(e, {
      q,
      response: session.response,
      checked: session.checked,
      respond: practice.respond,
      enter: () => {
        if (session.checked) practice.next();
        else if (complete) practice.check();
      },
    });
  });

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
      <div ref={card} className="card">
        {session.checked ? (
          <ResultsRegion
            label="Your answer"
            revealKey={session.index}
            announce={verdict}
            className="verdict-region"
          >
            <p className={last ? 'verdict verdict-right' : 'verdict verdict-wrong'}>
              <span aria-hidden="true" className="verdict-mark">
                {last ? '✓' : '✗'}
              </span>
              <span data-testid="quiz-feedback">{verdict}</span>
            </p>
          </ResultsRegion>
        ) : null}
        <CaseLayout caseId={q.caseId}>
          <QuestionView
            q={q}
            response={session.response}
            onChange={practice.respond}
            checked={session.checked}
          />
        </CaseLayout>
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
          <span className="muted small">
            {session.checked ? 'Enter moves on.' : 'A–G choose · Enter checks.'}
          </span>
          <KeysHelpButton />
        </div>
      </div>
    </section>
  );
}
