/** Training, storage and serving costs, each marked as worked out from the learner's prices. */
import {
  COMMITMENT_LABELS,
  commitmentTotalUsd,
  HOURS_PER_MONTH,
} from '../../../../../shared/customization';
import { formatCount, formatUsd, formatUsdOrUnknown } from '../../../lib/format';
import type { CostFigures } from './cost-figures';

const YOURS = 'from prices you entered';
const NEEDS = 'enter the price';

export function CostTable({ figures, volume }: { figures: CostFigures; volume: number }) {
  const f = figures;
  return (
    <section className="card cl-cost-table" aria-labelledby="cl-cost-h">
      <h2 id="cl-cost-h">What it costs</h2>
      {f.missing.length > 0 ? (
        <p className="status status-idle">Prices not entered yet: {f.missing.join(', ')}.</p>
      ) : null}
      <dl className="cl-figures">
        <div>
          <dt>Training (once)</dt>
          <dd>{formatUsdOrUnknown(f.trainingUsd, '–')}</dd>
          <dd className="cl-provenance">{f.trainingUsd === null ? NEEDS : YOURS}</dd>
        </div>
        <div>
          <dt>Storage (per month)</dt>
          <dd>{formatUsdOrUnknown(f.storagePerMonthUsd, '–')}</dd>
          <dd className="cl-provenance">{f.storagePerMonthUsd === null ? NEEDS : YOURS}</dd>
        </div>
        <div>
          <dt>On demand at {formatCount(volume)} requests (per month)</dt>
          <dd>{formatUsdOrUnknown(f.onDemandMonthlyUsd, '–')}</dd>
          <dd className="cl-provenance">{f.onDemandMonthlyUsd === null ? NEEDS : YOURS}</dd>
        </div>
      </dl>
      {f.provisioned.length > 0 ? (
        <div className="table-wrap">
          <table className="cl-serving-table">
            <caption>
              Provisioned Throughput against on-demand ({YOURS}; {formatCount(HOURS_PER_MONTH)}{' '}
              hours a month)
            </caption>
            <thead>
              <tr>
                <th scope="col">Term</th>
                <th scope="col">Per month</th>
                <th scope="col">Committed in all</th>
                <th scope="col">Break-even (requests a month)</th>
                <th scope="col">Cheaper at your volume</th>
              </tr>
            </thead>
            <tbody>
              {f.provisioned.map((p) => {
                const row = f.rows.find((r) => r.term === p.term);
                return (
                  <tr key={p.term}>
                    <th scope="row">{COMMITMENT_LABELS[p.term]}</th>
                    <td>{formatUsd(p.monthlyUsd)}</td>
                    <td>
                      {p.term === 'none'
                        ? 'none (stop any hour)'
                        : formatUsd(commitmentTotalUsd(p.monthlyUsd, p.term))}
                    </td>
                    <td>
                      {row?.breakEvenRequests == null ? '–' : formatCount(row.breakEvenRequests)}
                    </td>
                    <td>
                      {!row
                        ? 'enter on-demand prices'
                        : row.cheaper === 'provisioned'
                          ? 'Provisioned Throughput'
                          : row.cheaper === 'on-demand'
                            ? 'On demand'
                            : 'The same'}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      ) : null}
    </section>
  );
}
