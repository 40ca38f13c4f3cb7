/** A session summary's results per domain and per task, and the missed questions with their notes. */
import './summary.css';
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { formatPercent } from '../../lib/format';
import type { SessionSummary, Tallied } from '../../lib/session-summary';

const TASK_TITLE = new Map(EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.title])));
const DOMAIN_TITLE = new Map(EXAM_GUIDE.domains.map((d) => [String(d.id), d.title]));

function SummaryTable({
  caption,
  heading,
  rows,
  title,
}: {
  caption: string;
  heading: string;
  rows: readonly Tallied[];
  title: (key: string) => string;
}) {
  return (
    <table className="data">
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{heading}</th>
          <th scope="col">Right</th>
          <th scope="col">Score</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((r) => (
          <tr key={r.key}>
            <th scope="row">{title(r.key)}</th>
            <td>
              {r.correct} of {r.total}
            </td>
            <td>{formatPercent(r.correct / r.total, 0)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

export function SummaryTables({ summary }: { summary: SessionSummary }) {
  return (
    <div className="session-summary">
      <SummaryTable
        caption="By domain"
        heading="Domain"
        rows={summary.byDomain}
        title={(k) => `${k}. ${DOMAIN_TITLE.get(k) ?? ''}`}
      />
      <SummaryTable
        caption="By task statement"
        heading="Task"
        rows={summary.byTask}
        title={(k) => `${k} ${TASK_TITLE.get(k) ?? ''}`}
      />
      {summary.missed.length > 0 ? (
        <section aria-labelledby="missed-heading">
          <h3 id="missed-heading">Missed</h3>
          <ul className="links missed-list">
            {summary.missed.map((q) => (
              <li key={q.id}>
                <span>{q.stem}</span> <Link href={`/notes/${q.sourceNoteId}`}>Read the note</Link>
              </li>
            ))}
          </ul>
        </section>
      ) : null}
    </div>
  );
}
