/** The checked dataset in figures (estimated tokens labelled as such) and the model's published limits. */
import { limitRows, type DatasetReport } from '../../../../../shared/customization';
import { formatCount, formatDate, plural } from '../../../lib/format';

const unitText = (value: number | null, unit: string) =>
  value === null ? 'not published' : `${formatCount(value)} ${unit}`;

export function DatasetSummary({ report, source }: { report: DatasetReport; source: string }) {
  const t = report.totals;
  const ok = report.problems.length === 0;
  return (
    <section className="card cl-summary" aria-labelledby="cl-summary-h">
      <h2 id="cl-summary-h">The dataset as Bedrock would read it</h2>
      <p className="muted">{source}</p>
      <p className={ok ? 'status status-ok' : 'status status-warn'} role="status">
        {ok
          ? `All ${plural(t.records, 'record')} pass the checks.`
          : `${plural(report.problems.length, 'problem')} to fix before Bedrock would accept this file.`}
      </p>
      <dl className="cl-figures">
        <div>
          <dt>Lines</dt>
          <dd>{formatCount(t.lines)}</dd>
        </div>
        <div>
          <dt>Valid records</dt>
          <dd>{formatCount(t.records)}</dd>
        </div>
        <div>
          <dt>Lines with problems</dt>
          <dd>{formatCount(t.invalidLines)}</dd>
        </div>
        <div>
          <dt>Estimated tokens (valid records)</dt>
          <dd>{formatCount(t.totalTokens)}</dd>
        </div>
        <div>
          <dt>Largest record (estimated tokens)</dt>
          <dd>{formatCount(t.largestRecordTokens)}</dd>
        </div>
        <div>
          <dt>File size</dt>
          <dd>{unitText(t.fileBytes, 'bytes')}</dd>
        </div>
      </dl>
      <p className="hint">{report.tokenEstimate}</p>
      <details>
        <summary>
          Limits for this model and method (as checked on {formatDate(report.limits.checkedOn)})
        </summary>
        <table className="cl-limits">
          <tbody>
            {limitRows(report.limits).map((row) => (
              <tr key={row.label}>
                <th scope="row">{row.label}</th>
                <td>{unitText(row.value, row.unit)}</td>
              </tr>
            ))}
          </tbody>
        </table>
        <ul className="small">
          {report.limits.notes.map((n) => (
            <li key={n}>{n}</li>
          ))}
        </ul>
      </details>
    </section>
  );
}
