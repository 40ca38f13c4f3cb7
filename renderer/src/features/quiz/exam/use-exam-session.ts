/**
 * The exam being taken: its saved state, saving each change, submitting (by the learner or when
 * the stored deadline passes, with the latest answers), and the error to show when a save fails.
 */
import { useEffect, useRef, useState } from 'react';
import type { Question } from '../../../../../shared/questions';
import { saveProgress, submitExam } from '../../../db/exams';
import type { ExamSession } from '../../../db/schema';
import { timeLeftMs } from '../../../lib/mock-exam';
import { DOMAINS, errorText } from './use-exam-stage';

export function useExamSession(
  initial: ExamSession,
  pool: readonly Question[],
  onSubmitted: (s: ExamSession, notice: string | null) => void,
) {
  const [session, setSession] = useState(initial);
  const [error, setError] = useState<string | null>(null);
  const submitting = useRef(false);

  const update = (next: ExamSession) => {
    setSession(next);
    saveProgress(next).catch((e: unknown) =>
      setError(
        `Your last answer could not be saved: ${errorText(e)}. Keep going; it is retried with your next change.`,
      ),
    );
  };

  const submit = async (auto: boolean) => {
    if (submitting.current) return;
    submitting.current = true;
    try {
      const done = await submitExam(session, pool, DOMAINS, new Date());
      onSubmitted(
        done,
        auto ? 'Time is up: the exam was submitted automatically with your answers.' : null,
      );
    } catch (e) {
      submitting.current = false;
      setError(`Could not submit the exam: ${errorText(e)}. Your answers are saved; try again.`);
    }
  };

  // Time up: submit with what is answered (a timer to the stored deadline; the latest answers).
  const submitLatest = useRef(submit);
  useEffect(() => {
    submitLatest.current = submit;
  });
  useEffect(() => {
    const ms = timeLeftMs(session.deadline, Date.now());
    const timer = setTimeout(() => void submitLatest.current(true), ms);
    return () => clearTimeout(timer);
  }, [session.deadline]);

  return { session, error, update, submit: (auto: boolean) => void submit(auto) };
}
