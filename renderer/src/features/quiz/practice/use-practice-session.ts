/**
 * A quick-practice session: the drawn questions, the answer being given, whether it was checked,
 * and the results so far. Every checked answer is recorded as an attempt.
 */
import { useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import { createRng, randomSeed, shuffle } from '../../../../../shared/random';
import { recordAttempt } from '../../../db/attempts';
import { emptyResponse, isCorrect, type Response } from '../../../lib/scoring';

export interface Session {
  questions: Question[];
  index: number;
  response: Response;
  checked: boolean;
  results: boolean[];
}

export function usePracticeSession() {
  const [session, setSession] = useState<Session | null>(null);

  const start = (pool: readonly Question[], count: number) => {
    const questions = shuffle(pool, createRng(randomSeed())).slice(0, count);
    const first = questions[0];
    if (!first) return;
    setSession({
      questions,
      index: 0,
      response: emptyResponse(first),
      checked: false,
      results: [],
    });
  };

  const check = () => {
    const q = session?.questions[session.index];
    if (!session || !q || session.checked) return;
    const correct = isCorrect(q, session.response);
    void recordAttempt(q.id, correct);
    setSession({ ...session, checked: true, results: [...session.results, correct] });
  };

  const next = () => {
    if (!session) return;
    const n = session.questions[session.index + 1];
    setSession({
      ...session,
      index: session.index + 1,
      response: n ? emptyResponse(n) : session.response,
      checked: false,
    });
  };

  return {
    session,
    start,
    check,
    next,
    end: () => setSession(null),
    respond: (response: Response) => {
      if (session) setSession({ ...session, response });
    },
  };
}

export type PracticeSessionApi = ReturnType<typeof usePracticeSession>;
