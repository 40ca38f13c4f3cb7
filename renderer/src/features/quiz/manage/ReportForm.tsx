/** Reporting a question: what is wrong with it, and an optional comment. */
import { useId, useState } from 'react';
import { REPORT_REASONS, reportQuestion, type ReportReason } from '../../../db/questions';
import type { QuestionReport } from '../../../db/schema';

export function ReportForm({
  questionId,
  onDone,
}: {
  questionId: string;
  onDone: (report: QuestionReport | null) => void;
}) {
  const [reason, setReason] = useState<ReportReason>('wrong-answer');
  const [comment, setComment] = useState('');
  const ids = { reason: useId(), comment: useId() };
  return (
    <form
      className="report-form"
      aria-label={`Report question ${questionId}`}
      onSubmit={(e) => {
        e.preventDefault();
        void reportQuestion(questionId, reason, comment).then(onDone);
      }}
    >
      <div className="field">
        <label htmlFor={ids.reason}>What is wrong?</label>
        <select
          id={ids.reason}
          value={reason}
          onChange={(e) => setReason(e.target.value as ReportReason)}
        >
          {Object.entries(REPORT_REASONS).map(([id, label]) => (
            <option key={id} value={id}>
              {label}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={ids.comment}>Comment (optional)</label>
        <textarea
          id={ids.comment}
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
