/**
 * Reporting a question: what is wrong with it, and an optional comment. The first field takes the
 * focus when the form opens; Esc closes it like Cancel (the row puts the focus back on Report).
 * Reports are saved on this computer (and in the backup); nothing is sent anywhere.
 */
import { useEffect, useId, useRef, useState } from 'react';
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
  const form = useRef<HTMLFormElement>(null);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('select, textarea, input')?.focus();
  }, []);
  return (
    <form
      ref={form}
      className="report-form"
      aria-label={`Report question ${questionId}`}
      onKeyDown={(e) => {
        if (e.key !== 'Escape' || e.defaultPrevented) return;
        e.preventDefault();
        e.stopPropagation();
        onDone(null);
      }}
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
          Save report
        </button>
        <button type="button" onClick={() => onDone(null)}>
          Cancel
        </button>
        <span className="muted small">Reports stay on this computer, in your backup.</span>
      </div>
    </form>
  );
}
