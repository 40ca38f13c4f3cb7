/**
 * The mock exam's start screen: what the exam is, an exam in progress (resume or discard, with
 * Undo), the questions per domain with the Start button, and the past exams.
 */
import { useState } from 'react';
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import type { Question } from '../../../../../shared/questions';
import type { ExamSession } from '../../../db/schema';
import { EXAM_MINUTES, EXAM_QUESTIONS } from '../../../lib/mock-exam';
import { ExamHistory } from './ExamHistory';
import { ExamInProgress, ExamDiscarded } from './ExamInProgress';
import { ExamPlan } from './ExamPlan';

export function ExamStart({
  pool,
  byId,
  exams,
  unfinished,
  error,
  onStart,
  onResume,
  onOpen,
}: {
  pool: readonly Question[];
  byId: ReadonlyMap<string, Question>;
  exams: readonly ExamSession[];
  unfinished: ExamSession | null;
  error: string | null;
  onStart: () => void;
  onResume: (s: ExamSession) => void;
  onOpen: (s: ExamSession) => void;
}) {
  /** The exam just discarded, while its Undo is on offer (gone once another exam starts). */
  const [discarded, setDiscarded] = useState<ExamSession | null>(null);
  return (
    <section className="exam-start">
      <p className="muted">
        A timed practice exam in the format of {EXAM_GUIDE.exam.code}: {EXAM_QUESTIONS} questions
        drawn from your pool by the exam guide’s domain weights, {EXAM_MINUTES} minutes, and no
        feedback until you submit. Flag questions to come back to, review your answers before
        submitting, and resume after a reload (the clock keeps running).
      </p>
      {discarded && !unfinished ? (
        <ExamDiscarded session={discarded} byId={byId} onRestored={() => setDiscarded(null)} />
      ) : null}
      {unfinished ? (
        <ExamInProgress
          session={unfinished}
          byId={byId}
          onResume={() => onResume(unfinished)}
          onDiscarded={setDiscarded}
        />
      ) : null}
      <ExamPlan
        pool={pool}
        error={error}
        blocked={unfinished !== null}
        onStart={() => {
          setDiscarded(null);
          onStart();
        }}
      />
      <ExamHistory exams={exams} onOpen={onOpen} />
    </section>
  );
}
