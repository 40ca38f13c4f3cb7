/** Why the scaled score is an estimate; shown on the start screen and with every result. */
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import { ESTIMATE_PASS_FRACTION, PASS_SCORE } from '../../../lib/mock-exam';

export function EstimateCaveat() {
  return (
    <p className="small muted estimate-caveat">
      <strong>About the score.</strong> The real exam reports a scaled score from{' '}
      {EXAM_GUIDE.exam.scaledScoreMin} to {EXAM_GUIDE.exam.scaledScoreMax} and you pass at{' '}
      {EXAM_GUIDE.exam.passingScore}. AWS does not publish how correct answers convert to that
      score, and {EXAM_GUIDE.exam.unscoredQuestions} of the real exam’s {EXAM_GUIDE.exam.questions}{' '}
      questions are unscored and not marked. Here every question counts, and the estimate is a
      straight-line map on which {Math.round(ESTIMATE_PASS_FRACTION * 100)}% correct is {PASS_SCORE}
      : a common assumption, not an official figure. Use it to track progress, not to predict your
      result.
    </p>
  );
}
