/**
 * A quick-practice session: the drawn questions, the answer being given, whether it was checked,
 * and the results so far. Every checked answer is recorded as an attempt, and a question answered
 * for the first time joins spaced review (db/review recordPracticeAnswer). The session is saved as
 * it changes, so leaving Practice or reloading resumes it exactly; ending it shows the summary.
 */
import { useRef } from 'react';
import type { Question } from '../../../../../shared/questions';
import { createRng, randomSeed, shuffle } from '../../../../../shared/random';
import { useStudyPrefs } from '../../../db/prefs';
import { recordPracticeAnswer } from '../../../db/review';
import type { PracticeSessionRow } from '../../../db/schema';
import { emptyResponse, isCorrect, type Response } from '../../../lib/scoring';
import { plural } from '../../../lib/format';
import { useSavedSession, type Restored } from '../use-saved-session';

export interface Session {
  questions: Question[];
  index: number;
  response: Response;
  checked: boolean;
  /** One per checked question, in order. */
  results: boolean[];
  startedAt: string;
  /** Time on screen before the last change. */
  activeMs: number;
  /** True once the learner ended it or answered the last question: the summary shows. */
  ended: boolean;
}

/** Rebuilds a saved session over the current pool; deleted questions are skipped with a note. */
export function restorePractice(
  row: PracticeSessionRow,
  byId: ReadonlyMap<string, Question>,
): Restored<Session> | null {
  const kept: { q: Question; result: boolean | undefined; wasCurrent: boolean }[] = [];
  row.questionIds.forEach((id, i) => {
    const q = byId.get(id);
    if (q) kept.push({ q, result: row.results[i], wasCurrent: i === row.index });
  });
  if (kept.length === 0) return null;
  const missing = row.questionIds.length - kept.length;
  const results = kept.flatMap((k) => (k.result === undefined ? [] : [k.result]));
  const current = kept.findIndex((k) => k.wasCurrent);
  const index = current >= 0 ? current : Math.min(results.length, kept.length);
  const q = kept[index]?.q;
  const sameQuestion = current >= 0 && q !== undefined && q.type === row.response.type;
  const session: Session = {
    questions: kept.map((k) => k.q),
    index,
    response: sameQuestion ? row.response : q ? emptyResponse(q) : row.response,
    checked: sameQuestion && row.checked,
    results: results.slice(0, sameQuestion && row.checked ? index + 1 : index),
    startedAt: row.startedAt,
    activeMs: row.activeMs,
    ended: false,
  };
  return {
    state: session,
    notice:
      missing > 0
        ? `${plural(missing, 'question')} of this session ${missing === 1 ? 'was' : 'were'} deleted and skipped.`
        : null,
  };
}

/** `count` questions drawn at random from `pool`, the first on screen; null when none. */
function newSession(pool: readonly Question[], count: number, now: Date): Session | null {
  const questions = shuffle(pool, createRng(randomSeed())).slice(0, count);
  const first = questions[0];
  if (!first) return null;
  return {
    questions,
    index: 0,
    response: emptyResponse(first),
    checked: false,
    results: [],
    startedAt: now.toISOString(),
    activeMs: 0,
    ended: false,
  };
}

function toRow(s: Session, now: Date): PracticeSessionRow {
  return {
    kind: 'practice',
    startedAt: s.startedAt,
    updatedAt: now.toISOString(),
    activeMs: s.activeMs,
    questionIds: s.questions.map((q) => q.id),
    index: Math.min(s.index, s.questions.length - 1),
    response: s.response,
    checked: s.checked,
    results: s.results,
  };
}

/** How a checked answer is stored: its attempt (and new card) with the session row, at once. */
function checkedAnswerWrite(
  questionId: string,
  correct: boolean,
  response: Response,
  retention: number | undefined,
) {
  const now = new Date();
  return {
    write: (row: PracticeSessionRow) =>
      recordPracticeAnswer({ questionId, correct, now, retention, response, session: row }),
    failed: (e: unknown) => `Could not record that answer (${String(e)}).`,
    showAfterWrite: true,
  };
}

export function usePracticeSession(byId: ReadonlyMap<string, Question> | undefined) {
  const prefs = useStudyPrefs();
  const saved = useSavedSession(
    'practice',
    byId !== undefined,
    (row) => restorePractice(row, byId ?? new Map()),
    toRow,
  );
  /** True while a checked answer is being stored (a second Check or a new choice waits). */
  const checking = useRef(false);
  const session = saved.state;
  /** A finished (or ended) session is only shown; its row is removed so it does not resume. */
  const finish = (s: Session) => {
    saved.update(null);
    saved.setState({ ...s, activeMs: saved.activeMs(s), ended: true });
  };

  const start = (pool: readonly Question[], count: number) => {
    const fresh = newSession(pool, count, new Date());
    if (fresh) saved.update(fresh);
  };

  const check = () => {
    const q = session?.questions[session.index];
    if (!session || !q || session.checked || session.ended || checking.current) return;
    checking.current = true;
    const correct = isCorrect(q, session.response);
    // The attempt and the session, now checked, are stored in one transaction (a reload keeps
    // both or neither), and the verdict shows once they are.
    void saved
      .commit(
        { ...session, checked: true, results: [...session.results, correct] },
        checkedAnswerWrite(q.id, correct, session.response, prefs?.targetRetention),
      )
      .finally(() => {
        checking.current = false;
      });
  };

  const next = () => {
    if (!session) return;
    const n = session.questions[session.index + 1];
    if (!n) return finish({ ...session, index: session.questions.length });
    saved.update({
      ...session,
      index: session.index + 1,
      response: emptyResponse(n),
      checked: false,
    });
  };

  return {
    session,
    loaded: saved.loaded,
    notice: saved.notice,
    dismissNotice: () => saved.setNotice(null),
    start,
    check,
    next,
    /** Ends the session early: the summary of what was answered shows. */
    end: () => {
      if (session) finish(session);
    },
    /** Brings an ended session back (the summary's "Resume"), when it was ended early. */
    resume: () => {
      if (session?.ended && session.index < session.questions.length)
        saved.update({ ...session, ended: false });
    },
    /** Puts back a session that was set aside (Undo). */
    restore: (s: Session) => saved.update({ ...s, ended: false }),
    /** Leaves the summary (or an unfinished session) for the set-up. */
    close: () => saved.update(null),
    respond: (response: Response) => {
      // Not while the check is being stored: the answer checked is the one recorded.
      if (session && !session.checked && !checking.current) saved.update({ ...session, response });
    },
  };
}

export type PracticeSessionApi = ReturnType<typeof usePracticeSession>;
