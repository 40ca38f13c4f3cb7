/** Items by metrics for one candidate, each row opening its drill-down. */
import type { CandidateScores, MetricId } from '../../../lib/eval';
import { formatPercent } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { METRIC_INFO } from './metric-info';

const clip = (text: string, max = 90) => (text.length > max ? `${text.slice(0, max)}…` : text);

export function ItemsTable({
  run,
  metrics,
  scores,
  openItem,
  onOpen,
}: {
  run: EvalRunRow;
  metrics: readonly MetricId[];
  scores: CandidateScores;
  openItem: string | null;
  onOpen: (itemId: string) => void;
}) {
  const byId = new Map(scores.items.map((i) => [i.itemId, i]));
  const items = run.items.filter((i) => !i.perturbation);
  return (
    <div className="table-wrap">
      <table className="eval-items-table">
        <thead>
          <tr>
            <th scope="col">Item</th>
            {metrics.map((m) => (
              <th scope="col" key={m} className="metric-col">
                <abbr title={METRIC_INFO[m].label}>{METRIC_INFO[m].short}</abbr>
              </th>
            ))}
            <th scope="col">Details</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => {
            const s = byId.get(item.id);
            return (
              <tr key={item.id} className={openItem === item.id ? 'open' : undefined}>
                <td className="eval-prompt-cell">{clip(item.prompt)}</td>
                {metrics.map((m) => (
                  <td key={m}>
                    {s?.values[m] !== undefined ? formatPercent(s.values[m], 0) : '–'}
                  </td>
                ))}
                <td>
                  <button
                    type="button"
                    className="link"
                    aria-expanded={openItem === item.id}
                    aria-label={`Details of item ${item.id}`}
                    onClick={() => onOpen(item.id)}
                  >
                    Details
                  </button>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </div>
  );
}
