/**
 * One spaced-review question: answer, check (Enter), read the verdict (a results region, scrolled
 * into view and announced), rate with 1-4; Ctrl/⌘+Z undoes the last rating. The focus follows:
 * a new question focuses its first control, a checked one the suggested rating.
 */
import { useEffect, useRef } from 'react';
import type { Question } from '../../../../../shared/questions';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { isComplete } from '../../../lib/scoring';
import { TYPE_LABEL } from '../filters';
import { QuestionView } from '../QuestionView';
import { useDocumentKeys } from '../use-document-keys';
import { isTypingTarget } from '../use-now';
import { RatingBar } from './RatingBar';
import { current } from './session';
import type { ReviewSessionApi } from './use-review-session';

const KIND_LABEL = { new: 'New question', learning: 'Learning', review: 'Review' } as const;

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

  useEffect(() => {
    if (checked) ratingBar.current?.querySelector<HTMLElement>('button.primary')?.focus();
    else card.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [checked, on?.item.questionId, session.done.length]);

  // Keys: 1-4 rate a checked answer, Ctrl/⌘+Z undoes the last rating.
  useDocumentKeys((e) => {
    if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
      if (session.done.length === 0) return;
      e.preventDefault();
      review.undo();
      return;
    }
    if (isTypingTarget(e) || session.correct === null) return;
    const n = Number(e.key);
    if (n >= 1 && n <= 4) {
      e.preventDefault();
      review.rate(n);
    }
  });

  const undoButton =
    session.done.length > 0 ? (
      <button type="button" onClick={review.undo} disabled={session.busy}>
        Undo last rating
      </button>
    ) : null;
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
      <div
        ref={card}
        className="card"
        onKeyDown={(e) => {
          if (e.key !== 'Enter' || checked) return;
          if (e.target instanceof HTMLSelectElement || e.target instanceof HTMLButtonElement)
            return;
          e.preventDefault();
          review.check();
        }}
      >
        <QuestionView
          q={q}
          response={session.response}
          onChange={review.respond}
          checked={checked}
        />
        {session.correct !== null ? (
          <ResultsRegion
            label="Your answer"
            revealKey={`${session.done.length}:${item.questionId}`}
            announce={verdict}
          >
            <p
              className={session.correct ? 'status status-ok' : 'status status-error'}
              data-testid="review-feedback"
            >
              {verdict}
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
          {undoButton}
          <button type="button" className="link" onClick={review.end}>
            End review
          </button>
          <span className="muted small">
            {checked
              ? 'Keys 1–4 rate; the time on each button is when the question comes back.'
              : 'Enter checks your answer.'}{' '}
            Ctrl+Z undoes the last rating.
          </span>
        </div>
      </div>
    </section>
  );
}
