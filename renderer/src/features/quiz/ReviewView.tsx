/**
 * Spaced review: the questions FSRS says are due, answered one at a time, then rated Again / Hard
 * / Good / Easy (keys 1-4) with the next interval on each button, as in Anki. A wrong answer can
 * only be rated Again. The last ratings can be undone (Ctrl/⌘+Z or the Undo button): the card
 * goes back to exactly what it was and the attempt is deleted.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { Link } from 'wouter';
import type { Question } from '../../../../shared/questions';
import { useQuestionPool } from '../../db/questions';
import {
  answerReview,
  countCards,
  newIntroducedToday,
  nextDueAfter,
  readDueQueue,
  undoReview,
  type ReviewAnswer,
} from '../../db/review';
import {
  allowedRatings,
  comesBackToday,
  DEFAULT_NEW_PER_DAY,
  formatInterval,
  GRADES,
  interleaveByDomain,
  preview,
  RATING_LABEL,
  suggestedRating,
  type Grade,
  type QueueItem,
} from '../../lib/review';
import { emptyResponse, isComplete, isCorrect, type Response } from '../../lib/scoring';
import { BANK } from './bank';
import { QuestionView } from './QuestionView';
import { TYPE_LABEL } from './filters';
import { formatDueAt, isTypingTarget, useNow } from './use-now';

/** How many more new questions "Learn more" adds for today. */
const MORE_NEW = 10;

interface Done {
  item: QueueItem;
  response: Response;
  correct: boolean;
  answer: ReviewAnswer;
  rating: Grade;
  /** Whether the rated card was put back in this session's queue. */
  requeued: boolean;
}

interface Session {
  /** Still to answer; the first is on screen. */
  queue: QueueItem[];
  response: Response;
  /** Set once the answer is checked: whether it was right. */
  correct: boolean | null;
  /** Rated answers, last last (for undo and the summary). */
  done: Done[];
  /** Ratings in progress (a database write), to ignore double presses. */
  busy: boolean;
  error: string | null;
}

export function ReviewView() {
  const pool = useQuestionPool(BANK);
  const now = useNow(30_000);
  const [extraNew, setExtraNew] = useState(0);
  const [session, setSession] = useState<Session | null>(null);
  const byId = useMemo(() => new Map((pool ?? []).map((q) => [q.id, q])), [pool]);
  // New questions come round-robin over the domains, so a day's new ones cover the exam.
  const order = useMemo(() => interleaveByDomain(pool ?? []), [pool]);
  const limit = DEFAULT_NEW_PER_DAY + extraNew;
  const overview = useLiveQuery(async () => {
    if (!pool) return undefined;
    const at = new Date(now);
    const [queue, next, newToday, seen] = await Promise.all([
      readDueQueue(order, at, limit),
      nextDueAfter(at, new Set(order)),
      newIntroducedToday(at),
      countCards(),
    ]);
    return { queue, next, newToday, seen };
  }, [pool, order, now, limit]);

  if (session) {
    return (
      <ReviewSession
        session={session}
        setSession={setSession}
        byId={byId}
        onEnd={() => setSession(null)}
      />
    );
  }
  if (!pool || !overview) return <p className="loading">Loading your review queue…</p>;

  const { queue, next, newToday, seen } = overview;
  const count = (kind: QueueItem['kind']) => queue.filter((i) => i.kind === kind).length;
  const unseen = Math.max(0, pool.length - seen);
  const start = () => {
    const first = queue[0];
    const q = first && byId.get(first.questionId);
    if (!q) return;
    setSession({
      queue,
      response: emptyResponse(q),
      correct: null,
      done: [],
      busy: false,
      error: null,
    });
  };

  return (
    <section className="review-overview">
      <p className="muted">
        Each question is scheduled with FSRS, a spaced-repetition algorithm: answer it, then rate
        how well you knew it. Questions you find hard come back soon; ones you know well come back
        days or months later. Up to {DEFAULT_NEW_PER_DAY} new questions a day.
      </p>
      <div className="card">
        <dl className="facts facts-row review-facts">
          <div>
            <dt>Due now</dt>
            <dd data-testid="review-due">{queue.length}</dd>
            <small>
              {count('learning')} learning · {count('review')} review · {count('new')} new
            </small>
          </div>
          <div>
            <dt>New today</dt>
            <dd>
              {newToday} of {limit}
            </dd>
            <small>{unseen} questions not seen yet</small>
          </div>
          <div>
            <dt>Next due</dt>
            <dd className="review-next">{next ? formatDueAt(next, now) : '—'}</dd>
            <small>{seen} questions scheduled</small>
          </div>
        </dl>
        {queue.length > 0 ? (
          <div className="actions">
            <button type="button" className="primary" onClick={start}>
              Start review ({queue.length})
            </button>
            <span className="muted small">
              Enter checks an answer; keys 1–4 rate it; Ctrl+Z undoes the last rating.
            </span>
          </div>
        ) : (
          <div className="empty review-empty" data-testid="review-empty">
            <p>
              <strong>Nothing is due right now.</strong>{' '}
              {next
                ? `The next question is due ${formatDueAt(next, now)}.`
                : unseen > 0
                  ? 'You have not started any questions in spaced review yet.'
                  : 'Your question pool is empty.'}
            </p>
            <div className="actions">
              {unseen > 0 ? (
                <button
                  type="button"
                  className="primary"
                  onClick={() => setExtraNew((n) => n + MORE_NEW)}
                >
                  Learn {Math.min(MORE_NEW, unseen)} more new questions today
                </button>
              ) : null}
              <Link className="button" href="/practice">
                Go to quick practice
              </Link>
            </div>
          </div>
        )}
      </div>
    </section>
  );
}

function ReviewSession({
  session,
  setSession,
  byId,
  onEnd,
}: {
  session: Session;
  setSession: (s: Session | ((s: Session | null) => Session | null)) => void;
  byId: ReadonlyMap<string, Question>;
  onEnd: () => void;
}) {
  const card = useRef<HTMLDivElement>(null);
  const ratingBar = useRef<HTMLDivElement>(null);
  const item = session.queue[0];
  const q = item ? byId.get(item.questionId) : undefined;
  const checked = session.correct !== null;
  const [previewAt, setPreviewAt] = useState(() => Date.now());

  // Keyboard flow: a new question focuses its first control; a checked one the suggested rating.
  useEffect(() => {
    if (checked) ratingBar.current?.querySelector<HTMLElement>('button.primary')?.focus();
    else card.current?.querySelector<HTMLElement>('input, select, button')?.focus();
  }, [checked, item?.questionId, session.done.length]);

  const check = () => {
    if (!q || checked || !isComplete(q, session.response)) return;
    setPreviewAt(Date.now());
    setSession({ ...session, correct: isCorrect(q, session.response) });
  };

  const rate = async (rating: Grade) => {
    if (!item || !q || session.correct === null || session.busy) return;
    if (!allowedRatings(session.correct).includes(rating)) return;
    setSession({ ...session, busy: true });
    try {
      const now = new Date();
      const answer = await answerReview({
        questionId: item.questionId,
        correct: session.correct,
        rating,
        now,
      });
      const again = comesBackToday(answer.card, now);
      const rest = session.queue.slice(1);
      const queue = again
        ? [...rest, { questionId: item.questionId, kind: 'learning' as const, card: answer.card }]
        : rest;
      const nextQ = queue[0] && byId.get(queue[0].questionId);
      setSession({
        queue,
        response: nextQ ? emptyResponse(nextQ) : session.response,
        correct: null,
        done: [
          ...session.done,
          {
            item,
            response: session.response,
            correct: session.correct,
            answer,
            rating,
            requeued: again,
          },
        ],
        busy: false,
        error: null,
      });
    } catch (e) {
      setSession({
        ...session,
        busy: false,
        error: `Could not save the rating (${e instanceof Error ? e.message : String(e)}). Try again; if it keeps failing, reload the app.`,
      });
    }
  };

  const undo = async () => {
    const last = session.done.at(-1);
    if (!last || session.busy) return;
    setSession({ ...session, busy: true });
    try {
      await undoReview(last.answer);
      // The question comes back as it was when rated; a copy put back for later is removed.
      let queue = session.queue;
      if (last.requeued) {
        const i = queue.findLastIndex((x) => x.questionId === last.item.questionId);
        if (i >= 0) queue = queue.filter((_, j) => j !== i);
      }
      setPreviewAt(Date.now());
      setSession({
        queue: [last.item, ...queue],
        response: last.response,
        correct: last.correct,
        done: session.done.slice(0, -1),
        busy: false,
        error: null,
      });
    } catch (e) {
      setSession({
        ...session,
        busy: false,
        error: `Could not undo (${e instanceof Error ? e.message : String(e)}).`,
      });
    }
  };

  // Keys: 1-4 rate a checked answer, Ctrl/⌘+Z undoes the last rating.
  const keys = useRef<(e: KeyboardEvent) => void>(() => {});
  useEffect(() => {
    keys.current = (e: KeyboardEvent) => {
      if ((e.ctrlKey || e.metaKey) && !e.shiftKey && e.key.toLowerCase() === 'z') {
        if (session.done.length === 0) return;
        e.preventDefault();
        void undo();
        return;
      }
      if (isTypingTarget(e) || session.correct === null) return;
      const n = Number(e.key);
      if (n >= 1 && n <= 4) {
        e.preventDefault();
        void rate(n);
      }
    };
  });
  useEffect(() => {
    const handler = (e: KeyboardEvent) => keys.current(e);
    document.addEventListener('keydown', handler);
    return () => document.removeEventListener('keydown', handler);
  }, []);

  const total = session.done.length + session.queue.length;
  const undoButton =
    session.done.length > 0 ? (
      <button type="button" onClick={() => void undo()} disabled={session.busy}>
        Undo last rating
      </button>
    ) : null;

  if (!item || !q) {
    const tally = GRADES.map(
      (g) => [g, session.done.filter((d) => d.rating === g).length] as const,
    );
    return (
      <section>
        <h2>Review finished</h2>
        <p className="lede" data-testid="review-summary">
          {session.done.length} answers rated:{' '}
          {tally.map(([g, n]) => `${n} ${RATING_LABEL[g]}`).join(', ')}.
        </p>
        <div className="actions">
          <button type="button" className="primary" onClick={onEnd}>
            Back to the review overview
          </button>
          {undoButton}
        </div>
      </section>
    );
  }

  const intervals = preview(item.card, new Date(previewAt));
  const allowed = session.correct === null ? [] : allowedRatings(session.correct);
  const suggested = session.correct === null ? null : suggestedRating(session.correct);
  return (
    <section className="quiz review-session">
      <header>
        <h2>
          Review {session.done.length + 1} of {total}
        </h2>
        <p className="muted">
          {item.kind === 'new' ? 'New question' : item.kind === 'learning' ? 'Learning' : 'Review'}{' '}
          · Domain {q.domain} · Task {q.task} · {TYPE_LABEL[q.type]}
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
          if (
            e.key !== 'Enter' ||
            checked ||
            e.target instanceof HTMLSelectElement ||
            e.target instanceof HTMLButtonElement
          )
            return;
          e.preventDefault();
          check();
        }}
      >
        <QuestionView
          q={q}
          response={session.response}
          onChange={(response) => setSession({ ...session, response })}
          checked={checked}
        />
        {checked ? (
          <p
            className={session.correct ? 'status status-ok' : 'status status-error'}
            role="status"
            data-testid="review-feedback"
          >
            {session.correct
              ? 'Correct. How well did you know it? (If you guessed, choose Again.)'
              : 'Not quite: see the explanation. This one comes back soon.'}
          </p>
        ) : null}
        {session.error ? (
          <p className="status status-error" role="alert">
            {session.error}
          </p>
        ) : null}
        {checked ? (
          <div ref={ratingBar} className="rating-bar" role="group" aria-label="Rate your answer">
            {GRADES.map((g) => {
              const ok = allowed.includes(g);
              return (
                <button
                  key={g}
                  type="button"
                  className={g === suggested ? `primary rating rating-${g}` : `rating rating-${g}`}
                  disabled={!ok || session.busy}
                  title={ok ? undefined : 'After a wrong answer, only Again'}
                  onClick={() => void rate(g)}
                >
                  <span>
                    <kbd>{g}</kbd> {RATING_LABEL[g]}
                  </span>
                  <small data-testid={`interval-${g}`}>
                    {formatInterval(intervals[g].intervalMs)}
                  </small>
                </button>
              );
            })}
          </div>
        ) : null}
        <div className="actions">
          {checked ? null : (
            <button
              type="button"
              className="primary"
              disabled={!isComplete(q, session.response)}
              onClick={check}
            >
              Check answer
            </button>
          )}
          {undoButton}
          <button type="button" className="link" onClick={onEnd}>
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
