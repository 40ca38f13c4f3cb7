/** The figures behind the chart: per chunking and method, recall@1, recall@5 and MRR. */
import { formatPercent } from '../../../lib/format';
import { RETRIEVAL_METHODS } from '../../../lib/rag/quality';
import { METHOD_LABELS, type QualityRow } from './quality-rows';

export function QualityTable({ rows }: { rows: readonly QualityRow[] }) {
  return (
    <div className="table-wrap">
      <table className="quality-table">
        <caption className="sr-only">Retrieval quality by chunking and method</caption>
        <thead>
          <tr>
            <th scope="col">Chunking</th>
            <th scope="col">Method</th>
            <th scope="col">Recall@1</th>
            <th scope="col">Recall@5</th>
            <th scope="col">MRR@10</th>
          </tr>
        </thead>
        <tbody>
          {rows.flatMap((row) =>
            RETRIEVAL_METHODS.map((m, i) => {
              const f = row.figures[m];
              return (
                <tr key={`${row.key}/${m}`} className={i === 0 ? 'group-start' : undefined}>
                  {i === 0 ? (
                    <th scope="rowgroup" rowSpan={RETRIEVAL_METHODS.length}>
                      {row.label}
                      <span className="muted small">{` · ${row.chunks ?? 'computing…'}`}</span>
                    </th>
                  ) : null}
                  <td>{METHOD_LABELS[m]}</td>
                  {f ? (
                    <>
                      <td>{formatPercent(f.recallAt1)}</td>
                      <td>{formatPercent(f.recallAt5)}</td>
                      <td>{f.mrr.toFixed(3)}</td>
                    </>
                  ) : (
                    <td colSpan={3} className="muted">
                      {m === 'lexical' ? 'computing…' : 'not run (needs an index of this chunking)'}
                    </td>
                  )}
                </tr>
              );
            }),
          )}
        </tbody>
      </table>
    </div>
  );
}
