/**
 * The mock exam: 65 questions drawn by the exam guide's domain weights, a 90-minute countdown
 * (the deadline is stored, so a reload resumes and time runs out even while the app is closed),
 * flags, a question navigator, a review screen before submitting, and a result with an estimated
 * scaled score. No feedback until the exam is submitted. Keyboard: N / P next and previous,
 * F flag, R review screen, arrow keys in the navigator.
 *
 * A container: the stages live in useExamStage, each stage is its own part (exam/).
 */
import { ExamResult } from './ExamResult';
import { ExamRunner } from './exam/ExamRunner';
import { ExamStart } from './exam/ExamStart';
import { useExamStage } from './exam/use-exam-stage';

export function ExamView() {
  const exam = useExamStage();
  const { pool, exams, byId, stage } = exam;
  if (!pool || !exams) return <p className="loading">Loading mock exams…</p>;
  if (stage.kind === 'exam') {
    return (
      <ExamRunner initial={stage.session} byId={byId} pool={pool} onSubmitted={exam.submitted} />
    );
  }
  if (stage.kind === 'result') {
    return (
      <ExamResult session={stage.session} byId={byId} notice={stage.notice} onBack={exam.back} />
    );
  }
  return (
    <ExamStart
      pool={pool}
      byId={byId}
      exams={exams}
      unfinished={exam.unfinished}
      error={exam.error}
      onStart={exam.begin}
      onResume={exam.resume}
      onOpen={exam.open}
    />
  );
}
