/**
 * One spaced-review question: answer (a click, or A-G / 1-7), check (Enter), read the verdict at
 * the top (a results region, scrolled into view and announced) with the rating buttons beside
 * it, rate with 1-4 (digits are ratings once the answer is checked) or Enter for the suggested
 * rating; Ctrl/⌘+Z undoes the last rating. The focus follows: a new question focuses its first
 * control, a checked one the suggested rating.
 */
import { useEffect, useRef } from 'react';
import type { Question } from '../../../../../shared/questions';
import { KeysHelpButton } from '../../../components/KeysHelp';
import { useScreenKeys } from '../../../components/keys-help-store';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { suggestedRating } from '../../../lib/review';
import { isComplete } from '../../../lib/scoring';
import { TYPE_LABEL } from '../filters';
import { enterIsOurs, handleAnswerKey, letterIsOurs } from '../question/answer-keys';
import { CaseLayout } from '../CaseLayout';
import { QuestionView } from '../QuestionView';
import { useDocumentKeys } from '../use-document-keys';
import { RatingBar } from './RatingBar';
import { current } from './session';
import { UndoRatingButton } from './UndoRatingButton';
import type { ReviewSessionApi } from './use-review-session';

const KIND_LABEL = { new: 'New question', learning: 'Learning', review: 'Review' } as const;

export const REVIEW_KEY_HELP = {
  title: 'Spaced review',
  keys: [
    { keys: 'A–G or 1–7', does: 'Before checking: choose an option' },
    { keys: 'Enter', does: 'Check the answer; after checking, give the suggested rating' },
    { keys: '1 2 3 4', does: 'After checking: rate Again, Hard, Good or Easy' },
    { keys: 'Ctrl+Z', does: 'Undo the last rating' },
    { keys: 'Space', does: 'Choose the focused option, or move the focused ordering step' },
  ],
};

export function ReviewSession({
  review,
  byId,
}: {
  review: ReviewSessionApi & { session: NonNullable<ReviewSessionApi['session']> };
  byId: ReadonlyMap<string, Question>;
}) {
  const { session } = review;
  const card = useRef<HTMLDivElement>(null);
  const ratingBar = useRef<HTMLDivElement>(null);
  const on = current(session, byId);
  const checked = session.correct !== null;

  useScreenKeys(REVIEW_KEY_HELP);

  useEffect(() => {
    // The verdict region scrolls itself into view; the focus must not scroll it away.
    if (checked)
      ratingBar.current
        ?.querySelector<HTMLElement>('button.primary')
        ?.focus({ preventScroll: true });
    else card.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [checked, on?.item.questionId, session.done.length]);

  // Keys: before checking, options and Enter; after, 1-4 rate; Ctrl/⌘+Z undoes the last rating.
  useDocumentKeys((e) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      if (session.done.length === 0) return;
      e.preventDefault();
      review.undo();
      return;
    }
    if (!on || session.busy) return;
    const correct = session.correct;
    if (correct === null) {
      handleAnswerKey(e, {
        q: on.q,
        response: session.response,
        checked: false,
        respond: review.respond,
        enter: () => {
          if (isComplete(on.q, session.response)) review.check();
        },
      });
      return;
    }
    if (enterIsOurs(e)) {
      e.preventDefault();
      review.rate(suggestedRating(correct));
      return;
    }
    const n = Number(e.key);
    if (letterIsOurs(e) && n >= 1 && n <= 4) {
      e.preventDefault();
      review.rate(n);
    }
  });

  // Nothing left on screen: the container (ReviewView) shows the summary instead.
  if (!on) return null;

  const { item, q } = on;
  const total = session.done.length + session.queue.length;
  const verdict = session.correct
    ? 'Correct. How well did you know it? (If you guessed, choose Again.)'
    : 'Not quite: see the explanation. This one comes back soon.';
  return (
    <section className="quiz review-session">
      <header>
        <h2>
          Review {session.done.length + 1} of {total}
        </h2>
        <p className="muted">
          {KIND_LABEL[item.kind]} · Domain {q.domain} · Task {q.task} · {TYPE_LABEL[q.type]}
        </p>
        <progress
          className="review-progress"
          max={total}
          value={session.done.length}
          aria-label={`${session.done.length} of ${total} answered`}
        />
      </header>
      <div ref={card} className="card">
        {session.correct !== null ? (
          <ResultsRegion
            label="Your answer"
            revealKey={`${session.done.length}:${item.questionId}`}
            announce={verdict}
            className="verdict-region"
          >
            <p className={session.correct ? 'verdict verdict-right' : 'verdict verdict-wrong'}>
              <span aria-hidden="true" className="verdict-mark">
                {session.correct ? '✓' : '✗'}
              </span>
              <span data-testid="review-feedback">{verdict}</span>
            </p>
            <RatingBar
              barRef={ratingBar}
              card={item.card}
              correct={session.correct}
              previewAt={review.previewAt}
              busy={session.busy}
              onRate={review.rate}
            />
          </ResultsRegion>
        ) : null}
        <CaseLayout caseId={q.caseId}>
          <QuestionView
            q={q}
            response={session.response}
            onChange={review.respond}
            checked={checked}
          />
        </CaseLayout>
        {session.error ? (
          <p className="status status-error" role="alert">
            {session.error}
          </p>
        ) : null}
        <div className="actions">
          {checked ? null : (
            <button
              type="button"
              className="primary"
              disabled={!isComplete(q, session.response)}
              onClick={review.check}
            >
              Check answer
            </button>
          )}
          <UndoRatingButton session={session} onUndo={review.undo} />
          <button type="button" className="link" onClick={review.end}>
            End review
          </button>
          <span className="muted small">
            {!checked
              ? 'A–G choose · Enter checks.'
              : session.correct
                ? 'Keys 1–4 rate it; the time on each button is when the question comes back.'
                : 'Key 1 rates it (Again); the time on each button is when the question comes back.'}{' '}
            Ctrl+Z undoes the last rating.
          </span>
          <KeysHelpButton />
        </div>
      </div>
    </section>
  );
}
