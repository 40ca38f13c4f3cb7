/** Reporting a question: what is wrong with it, and an optional comment. */
import { useId, useState } from 'react';
import { REPORT_REASONS, reportQuestion, type ReportReason } from '../../../db/questions';
import type { QuestionReport } from '../../../db/schema';
import { SelectField } from '../../../components/choice-fields';

export function ReportForm({
  questionId,
  onDone,
}: {
  questionId: string;
  onDone: (report: QuestionReport | null) => void;
}) {
  const [reason, setReason] = useState<ReportReason>('wrong-answer');
  const [comment, setComment] = useState('');
  const commentId = useId();
  return (
    <form
      className="report-form"
      aria-label={`Report question ${questionId}`}
      onSubmit={(e) => {
        e.preventDefault();
        void reportQuestion(questionId, reason, comment).then(onDone);
      }}
    >
      <SelectField
        label="What is wrong?"
        value={reason}
        options={(Object.keys(REPORT_REASONS) as ReportReason[]).map((id) => ({
          value: id,
          label: REPORT_REASONS[id],
        }))}
        onChange={setReason}
      />
      <div className="field">
        <label htmlFor={commentId}>Comment (optional)</label>
        <textarea
          id={commentId}
          rows={2}
          maxLength={2000}
          value={comment}
          onChange={(e) => setComment(e.target.value)}
        />
      </div>
      <div className="actions">
        <button type="submit" className="primary">
          Send report
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className="muted small">Reports stay on this computer, in your backup.</span>
      </div>
    </form>
  );
}
