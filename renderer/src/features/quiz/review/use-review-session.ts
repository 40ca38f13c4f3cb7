/**
 * A spaced-review session's state and actions: start, answer, check, rate (saved to the database,
 * double presses ignored), undo the last rating, end. `previewAt` is when the intervals on the
 * rating buttons are computed from (the moment the answer was checked).
 */
import { useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import { answerReview, undoReview } from '../../../db/review';
import { allowedRatings, type Grade, type QueueItem } from '../../../lib/review';
import { isComplete, type Response } from '../../../lib/scoring';
import { afterRating, afterUndo, checked, current, startSession, type Session } from './session';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useReviewSession(byId: ReadonlyMap<string, Question>) {
  const [session, setSession] = useState<Session | null>(null);
  const [previewAt, setPreviewAt] = useState(() => Date.now());

  const check = () => {
    const now = session && current(session, byId);
    if (!session || !now || session.correct !== null || !isComplete(now.q, session.response))
      return;
    setPreviewAt(Date.now());
    setSession(checked(session, now.q));
  };

  const rate = async (rating: Grade) => {
    const on = session && current(session, byId);
    if (!session || !on || session.correct === null || session.busy) return;
    if (!allowedRatings(session.correct).includes(rating)) return;
    setSession({ ...session, busy: true });
    try {
      const at = new Date();
      const answer = await answerReview({
        questionId: on.item.questionId,
        correct: session.correct,
        rating,
        now: at,
      });
      setSession(afterRating(session, on.item, answer, rating, at, byId));
    } catch (e) {
      setSession({
        ...session,
        busy: false,
        error: `Could not save the rating (${errorText(e)}). Try again; if it keeps failing, reload the app.`,
      });
    }
  };

  const undo = async () => {
    const last = session?.done.at(-1);
    if (!session || !last || session.busy) return;
    setSession({ ...session, busy: true });
    try {
      await undoReview(last.answer);
      setPreviewAt(Date.now());
      setSession(afterUndo(session, last));
    } catch (e) {
      setSession({ ...session, busy: false, error: `Could not undo (${errorText(e)}).` });
    }
  };

  return {
    session,
    previewAt,
    start: (queue: QueueItem[]) => setSession(startSession(queue, byId)),
    end: () => setSession(null),
    respond: (response: Response) => {
      if (session) setSession({ ...session, response });
    },
    check,
    rate: (g: Grade) => void rate(g),
    undo: () => void undo(),
  };
}

export type ReviewSessionApi = ReturnType<typeof useReviewSession>;
