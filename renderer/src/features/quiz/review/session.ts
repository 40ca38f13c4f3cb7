/**
 * A spaced-review session as plain data and the pure steps between its states: start, check,
 * after a rating is saved, after a rating is undone. The database writes happen in
 * use-review-session.ts; nothing here touches the database or the clock.
 */
import type { Question } from '../../../../../shared/questions';
import type { ReviewAnswer } from '../../../db/review';
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
}

type ById = ReadonlyMap<string, Question>;

/** A session over `queue`, or null when its first question is not in the pool. */
export function startSession(queue: QueueItem[], byId: ById): Session | null {
  const first = queue[0];
  const q = first && byId.get(first.questionId);
  if (!q) return null;
  return { queue, response: emptyResponse(q), correct: null, done: [], busy: false, error: null };
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
    queue: [last.item, ...queue],
    response: last.response,
    correct: last.correct,
    done: s.done.slice(0, -1),
    busy: false,
    error: null,
  };
}
