/** A question shown read-only with its correct answer marked: the preview in Generate and My questions. */
import type { Question } from '../../../../shared/questions';
import { emptyResponse } from '../../lib/scoring';
import { CaseLayout } from './CaseLayout';
import { QuestionView } from './QuestionView';

export function AnswerPreview({ q }: { q: Question }) {
  return (
    <div className="card gen-preview">
      <CaseLayout caseId={q.caseId}>
        <QuestionView
          q={q}
          response={emptyResponse(q)}
          onChange={() => undefined}
          checked
          keyOnly
        />
      </CaseLayout>
    </div>
  );
}
