/** A question shown read-only with its correct answer marked: the preview in Generate and My questions. */
import type { Question } from '../../../../shared/questions';
import { correctResponse } from './question-rules';
import { QuestionView } from './QuestionView';

export function AnswerPreview({ q }: { q: Question }) {
  return (
    <div className="card gen-preview">
      <QuestionView q={q} response={correctResponse(q)} onChange={() => undefined} checked />
    </div>
  );
}
