/**
 * The mock exam's stages (start screen, exam, result) and the data they share: the question pool,
 * the stored exams, starting one, and submitting an exam whose time ran out while the app was
 * closed.
 */
import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState } from 'react';
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import type { Question } from '../../../../../shared/questions';
import { allExams, startExam, submitExam } from '../../../db/exams';
import { useQuestionPool } from '../../../db/questions';
import type { ExamSession } from '../../../db/schema';
import { drawExam, timeLeftMs } from '../../../lib/mock-exam';
import { BANK } from '../bank';

export const DOMAINS = EXAM_GUIDE.domains;

export type Stage =
  | { kind: 'start' }
  | { kind: 'exam'; session: ExamSession }
  | { kind: 'result'; session: ExamSession; notice: string | null };

export const errorText = (e: unknown) => (e instanceof Error ? e.message : String(e));

const EXPIRED_NOTICE =
  'Time ran out on your last mock exam while it was not open, so it was submitted with the answers saved until then.';

export function useExamStage() {
  const pool = useQuestionPool(BANK);
  const exams = useLiveQuery(allExams, []);
  const [stage, setStage] = useState<Stage>({ kind: 'start' });
  const [error, setError] = useState<string | null>(null);
  const byId = useMemo(() => new Map((pool ?? []).map((q) => [q.id, q])), [pool]);
  const unfinished = exams?.find((e) => e.finishedAt === null) ?? null;

  useSubmitExpired(pool, stage.kind === 'start' ? unfinished : null, setStage, setError);

  const begin = async () => {
    if (!pool) return;
    setError(null);
    try {
      const seed = crypto.getRandomValues(new Uint32Array(1))[0]! | 0;
      const { questionIds } = drawExam(pool, DOMAINS, seed);
      if (questionIds.length === 0) return;
      const session = await startExam(questionIds, new Date());
      setStage({ kind: 'exam', session });
    } catch (e) {
      setError(`Could not start the exam: ${errorText(e)}. Reload the app and try again.`);
    }
  };

  return {
    pool,
    exams,
    byId,
    unfinished,
    stage,
    error,
    begin: () => void begin(),
    resume: (session: ExamSession) => setStage({ kind: 'exam', session }),
    open: (session: ExamSession) => setStage({ kind: 'result', session, notice: null }),
    submitted: (session: ExamSession, notice: string | null) =>
      setStage({ kind: 'result', session, notice }),
    back: () => setStage({ kind: 'start' }),
  };
}

/** An exam whose time ran out while the app was closed is submitted with what was saved. */
function useSubmitExpired(
  pool: readonly Question[] | undefined,
  unfinished: ExamSession | null,
  setStage: (s: Stage) => void,
  setError: (e: string) => void,
) {
  const expiring = useRef(false);
  useEffect(() => {
    if (!pool || !unfinished || expiring.current) return;
    if (timeLeftMs(unfinished.deadline, Date.now()) > 0) return;
    expiring.current = true;
    void submitExam(unfinished, pool, DOMAINS, new Date(unfinished.deadline))
      .then((done) => setStage({ kind: 'result', session: done, notice: EXPIRED_NOTICE }))
      .catch((e: unknown) => setError(`Could not submit the expired exam: ${errorText(e)}`))
      .finally(() => {
        expiring.current = false;
      });
  }, [pool, unfinished, setStage, setError]);
}
