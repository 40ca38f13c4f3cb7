/** Accuracy, per-class precision/recall/F1 and the confusion matrix of one candidate. */
import type { ClassificationReport } from '../../../lib/eval';
import { formatCount, formatPercent } from '../../../lib/format';

export function ClassificationPanel({
  label,
  report,
}: {
  label: string;
  report: ClassificationReport;
}) {
  return (
    <div className="eval-classification">
      <h3>
        {label}: accuracy {formatPercent(report.accuracy)} of {formatCount(report.total)}
      </h3>
      <p className="eval-explain">
        Per class, precision is the share of responses giving that label that were right, recall the
        share of items of that class labelled right, and F1 their harmonic mean; the matrix counts
        reference (rows) against the label read from the response (columns).
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Class</th>
              <th scope="col">Precision</th>
              <th scope="col">Recall</th>
              <th scope="col">F1</th>
              <th scope="col">Items</th>
            </tr>
          </thead>
          <tbody>
            {report.perClass.map((c) => (
              <tr key={c.label}>
                <th scope="row">{c.label}</th>
                <td>{formatPercent(c.precision)}</td>
                <td>{formatPercent(c.recall)}</td>
                <td>{formatPercent(c.f1)}</td>
                <td>{formatCount(c.support)}</td>
              </tr>
            ))}
            <tr>
              <th scope="row">Macro average</th>
              <td>{formatPercent(report.macro.precision)}</td>
              <td>{formatPercent(report.macro.recall)}</td>
              <td>{formatPercent(report.macro.f1)}</td>
              <td>{formatCount(report.total)}</td>
            </tr>
          </tbody>
        </table>
      </div>
      <div className="table-wrap">
        <table className="eval-confusion" aria-label={`Confusion matrix, ${label}`}>
          <thead>
            <tr>
              <th scope="col">Reference \ read</th>
              {report.labels.map((l) => (
                <th scope="col" key={l}>
                  {l}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {report.labels.map((gold, g) => (
              <tr key={gold}>
                <th scope="row">{gold}</th>
                {report.labels.map((p, k) => {
                  const n = report.matrix[g]?.[k] ?? 0;
                  return (
                    <td key={p} className={n > 0 ? (g === k ? 'hit' : 'miss') : undefined}>
                      {n}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </div>
  );
}
