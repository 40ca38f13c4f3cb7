/** A question shown read-only with its correct answer marked: the preview in Generate and My questions. */
import type { Question } from '../../../../shared/questions';
import { CaseLayout } from './CaseLayout';
import { correctResponse } from './question-rules';
import { QuestionView } from './QuestionView';

export function AnswerPreview({ q }: { q: Question }) {
  return (
    <div className="card gen-preview">
      <CaseLayout caseId={q.caseId}>
        <QuestionView
          q={q}
          response={correctResponse(q)}
          onChange={() => undefined}
          checked
          keyOnly
        />
      </CaseLayout>
    </div>
  );
}
