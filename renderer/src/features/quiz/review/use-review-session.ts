/**
 * A spaced-review session's state and actions: start, answer, check, rate (saved to the database,
 * double presses ignored), undo the last rating, end. `previewAt` is when the intervals on the
 * rating buttons are computed from (the moment the answer was checked). The session is saved as
 * it changes, so leaving Practice or reloading resumes it (ratings already made are in the
 * database either way, and Undo still works after a reload).
 */
import { useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import { useStudyPrefs } from '../../../db/prefs';
import { answerReview, undoReview } from '../../../db/review';
import { allowedRatings, type Grade, type QueueItem } from '../../../lib/review';
import { isComplete, type Response } from '../../../lib/scoring';
import { useSavedSession } from '../use-saved-session';
import {
  afterRating,
  afterUndo,
  checked,
  current,
  restoreReview,
  startSession,
  toReviewRow,
  type Session,
} from './session';

const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

export function useReviewSession(byId: ReadonlyMap<string, Question>, ready = true) {
  const prefs = useStudyPrefs();
  const saved = useSavedSession('review', ready, (row) => restoreReview(row, byId), toReviewRow);
  const session = saved.state;
  const [previewAt, setPreviewAt] = useState(() => Date.now());
  /** Shown while a write is under way (not saved: busy and error are not kept). */
  const show = (s: Session) => saved.setState(s);

  const check = () => {
    const now = session && current(session, byId);
    if (!session || !now || session.correct !== null || !isComplete(now.q, session.response))
      return;
    setPreviewAt(Date.now());
    saved.update(checked(session, now.q));
  };

  const rate = async (rating: Grade) => {
    const on = session && current(session, byId);
    if (!session || !on || session.correct === null || session.busy) return;
    if (!allowedRatings(session.correct).includes(rating)) return;
    show({ ...session, busy: true });
    try {
      const at = new Date();
      const answer = await answerReview({
        questionId: on.item.questionId,
        correct: session.correct,
        rating,
        now: at,
        retention: prefs?.targetRetention,
        response: session.response,
      });
      saved.update(afterRating(session, on.item, answer, rating, at, byId));
    } catch (e) {
      show({
        ...session,
        busy: false,
        error: `Could not save the rating (${errorText(e)}). Try again; if it keeps failing, reload the app.`,
      });
    }
  };

  const undo = async () => {
    const last = session?.done.at(-1);
    if (!session || !last || session.busy) return;
    show({ ...session, busy: true });
    try {
      await undoReview(last.answer);
      setPreviewAt(Date.now());
      saved.update(afterUndo(session, last));
    } catch (e) {
      show({ ...session, busy: false, error: `Could not undo (${errorText(e)}).` });
    }
  };

  return {
    session,
    loaded: saved.loaded,
    notice: saved.notice,
    dismissNotice: () => saved.setNotice(null),
    previewAt,
    start: (queue: QueueItem[]) => saved.update(startSession(queue, byId, new Date())),
    /**
     * Ends the session: with ratings made, the summary shows (the rest of the queue is dropped;
     * it is read again from the schedule next time); with none, back to the overview.
     */
    end: () => {
      if (session && session.done.length > 0)
        saved.update({ ...session, queue: [], correct: null });
      else saved.update(null);
    },
    /** Leaves the summary for the overview. */
    close: () => saved.update(null),
    respond: (response: Response) => {
      if (session && session.correct === null) saved.update({ ...session, response });
    },
    check,
    rate: (g: Grade) => void rate(g),
    undo: () => void undo(),
  };
}

export type ReviewSessionApi = ReturnType<typeof useReviewSession>;
