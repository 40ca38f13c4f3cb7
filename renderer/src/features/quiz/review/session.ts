/**
 * A spaced-review session as plain data and the pure steps between its states: start, check,
 * after a rating is saved, after a rating is undone. The database writes happen in
 * use-review-session.ts; nothing here touches the database or the clock.
 */
import type { Question } from '../../../../../shared/questions';
import type { ReviewAnswer } from '../../../db/review';
import type { ReviewSessionRow } from '../../../db/schema';
import { plural } from '../../../lib/format';
import type { Restored } from '../use-saved-session';
import { comesBackToday, type Grade, type QueueItem } from '../../../lib/review';
import { emptyResponse, isCorrect, type Response } from '../../../lib/scoring';

export interface Done {
  item: QueueItem;
  response: Response;
  correct: boolean;
  answer: ReviewAnswer;
  rating: Grade;
  /** Whether the rated card was put back in this session's queue. */
  requeued: boolean;
}

export interface Session {
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
  startedAt: string;
  /** Time on screen before the last change. */
  activeMs: number;
}

type ById = ReadonlyMap<string, Question>;

/** A session over `queue`, or null when its first question is not in the pool. */
export function startSession(queue: QueueItem[], byId: ById, now: Date): Session | null {
  const first = queue[0];
  const q = first && byId.get(first.questionId);
  if (!q) return null;
  return {
    queue,
    response: emptyResponse(q),
    correct: null,
    done: [],
    busy: false,
    error: null,
    startedAt: now.toISOString(),
    activeMs: 0,
  };
}

/** The saved row of a session (busy and error are not kept). */
export function toReviewRow(s: Session, now: Date): ReviewSessionRow {
  return {
    kind: 'review',
    startedAt: s.startedAt,
    updatedAt: now.toISOString(),
    activeMs: s.activeMs,
    queue: s.queue,
    response: s.response,
    correct: s.correct,
    done: s.done,
  };
}

/**
 * A saved session over the current pool: queued questions that were deleted are skipped (with a
 * note); if the one on screen was deleted, the next starts unanswered. Null when nothing is left
 * to answer and nothing was rated.
 */
export function restoreReview(row: ReviewSessionRow, byId: ById): Restored<Session> | null {
  const queue = row.queue.filter((i) => byId.has(i.questionId));
  const missing = row.queue.length - queue.length;
  const sameFirst = queue[0] !== undefined && queue[0] === row.queue[0];
  const first = queue[0] && byId.get(queue[0].questionId);
  if (!first && row.done.length === 0) return null;
  const keep = sameFirst && first?.type === row.response.type;
  return {
    state: {
      queue,
      response: keep ? row.response : first ? emptyResponse(first) : row.response,
      correct: keep ? row.correct : null,
      done: row.done,
      busy: false,
      error: null,
      startedAt: row.startedAt,
      activeMs: row.activeMs,
    },
    notice:
      missing > 0
        ? `${plural(missing, 'question')} of this review ${missing === 1 ? 'was' : 'were'} deleted and skipped.`
        : null,
  };
}

/** The question on screen, if any is left. */
export function current(s: Session, byId: ById): { item: QueueItem; q: Question } | null {
  const item = s.queue[0];
  const q = item ? byId.get(item.questionId) : undefined;
  return item && q ? { item, q } : null;
}

export function checked(s: Session, q: Question): Session {
  return { ...s, correct: isCorrect(q, s.response) };
}

/**
 * After `rating` was saved as `answer` at `now`: the card leaves the queue, or goes to its end
 * when it comes back today; the next question starts with an empty response.
 */
export function afterRating(
  s: Session,
  item: QueueItem,
  answer: ReviewAnswer,
  rating: Grade,
  now: Date,
  byId: ById,
): Session {
  const again = comesBackToday(answer.card, now);
  const rest = s.queue.slice(1);
  const queue = again
    ? [...rest, { questionId: item.questionId, kind: 'learning' as const, card: answer.card }]
    : rest;
  const nextQ = queue[0] && byId.get(queue[0].questionId);
  const done: Done = {
    item,
    response: s.response,
    correct: s.correct === true,
    answer,
    rating,
    requeued: again,
  };
  return {
    ...s,
    queue,
    response: nextQ ? emptyResponse(nextQ) : s.response,
    correct: null,
    done: [...s.done, done],
    busy: false,
    error: null,
  };
}

/**
 * After the last rating was undone: the question comes back as it was when rated (its answer
 * checked), and a copy put back for later is removed.
 */
export function afterUndo(s: Session, last: Done): Session {
  let queue = s.queue;
  if (last.requeued) {
    const i = queue.findLastIndex((x) => x.questionId === last.item.questionId);
    if (i >= 0) queue = queue.filter((_, j) => j !== i);
  }
  return {
    ...s,
    queue: [last.item, ...queue],
    response: last.response,
    correct: last.correct,
    done: s.done.slice(0, -1),
    busy: false,
    error: null,
  };
}
