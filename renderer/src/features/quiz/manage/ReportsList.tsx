/** The learner's reports on questions: resolve, reopen or delete them (with Undo). */
import {
  deleteReport,
  putBackReport,
  REPORT_REASONS,
  setReportResolved,
} from '../../../db/questions';
import type { QuestionReport } from '../../../db/schema';
import { formatDateTime } from '../../../lib/format';
import type { Notice } from './notice';

export function ReportsList({
  reports,
  stems,
  notify,
}: {
  reports: QuestionReport[];
  stems: ReadonlyMap<string, string>;
  notify: (n: Notice) => void;
}) {
  return (
    <section className="card" aria-labelledby="reports-heading">
      <h2 id="reports-heading">Reports ({reports.filter((r) => !r.resolved).length} open)</h2>
      {reports.length === 0 ? (
        <p className="empty">
          No reports. Use “Report” on a question that is wrong, unclear or out of date; it is marked
          in the list and kept here.
        </p>
      ) : (
        <ul className="report-list" data-testid="report-list">
          {reports.map((r) => (
            <ReportItem key={r.id} report={r} stem={stems.get(r.questionId)} notify={notify} />
          ))}
        </ul>
      )}
    </section>
  );
}

function ReportItem({
  report: r,
  stem,
  notify,
}: {
  report: QuestionReport;
  stem: string | undefined;
  notify: (n: Notice) => void;
}) {
  return (
    <li className={r.resolved ? 'resolved' : ''}>
      <p>
        <strong>{REPORT_REASONS[r.reason]}</strong>{' '}
        <span className="muted small">
          {formatDateTime(r.at)} · {r.questionId}
          {r.resolved ? ' · resolved' : ''}
        </span>
      </p>
      <p className="small">{stem ?? '(question no longer in the pool)'}</p>
      {r.comment ? <p className="small muted">“{r.comment}”</p> : null}
      <div className="actions">
        <button type="button" onClick={() => void setReportResolved(r.id, !r.resolved)}>
          {r.resolved ? 'Reopen' : 'Mark resolved'}
        </button>
        <button
          type="button"
          className="link"
          onClick={() =>
            void deleteReport(r.id).then((gone) => {
              if (gone) notify({ text: 'Deleted a report.', undo: () => putBackReport(gone) });
            })
          }
        >
          Delete report
        </button>
      </div>
    </li>
  );
}
