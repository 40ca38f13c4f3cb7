/** A session summary's results per domain and per task, and the missed questions with their notes. */
import './summary.css';
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { formatPercent } from '../../lib/format';
import type { SessionSummary, Tallied } from '../../lib/session-summary';

const TASK_TITLE = new Map(EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.title])));
const DOMAIN_TITLE = new Map(EXAM_GUIDE.domains.map((d) => [String(d.id), d.title]));

function Rows({ rows, title }: { rows: readonly Tallied[]; title: (key: string) => string }) {
  return (
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
  );
}

export function SummaryTables({ summary }: { summary: SessionSummary }) {
  return (
    <div className="session-summary">
      <table className="data">
        <caption>By domain</caption>
        <thead>
          <tr>
            <th scope="col">Domain</th>
            <th scope="col">Right</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <Rows rows={summary.byDomain} title={(k) => `${k}. ${DOMAIN_TITLE.get(k) ?? ''}`} />
      </table>
      <table className="data">
        <caption>By task statement</caption>
        <thead>
          <tr>
            <th scope="col">Task</th>
            <th scope="col">Right</th>
            <th scope="col">Score</th>
          </tr>
        </thead>
        <Rows rows={summary.byTask} title={(k) => `${k} ${TASK_TITLE.get(k) ?? ''}`} />
      </table>
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
