/**
 * The log per operation: Converse, ConverseStream, InvokeModel (images, embeddings), and the
 * knowledge bases' Retrieve, RetrieveAndGenerate and Rerank, each with what it does.
 */
import { useMemo } from 'react';
import type { InvocationRecord } from '../../../../shared/invocations';
import { aggregate } from '../../lib/metrics';
import { OPERATION_NOTES, OPERATIONS, operationLabel } from './log-labels';
import { StatsTable } from './StatsTable';

/** One row per operation label, in the contract's order of operations. */
function byOperation(records: readonly InvocationRecord[]) {
  const groups = new Map<string, InvocationRecord[]>();
  for (const r of records) {
    const label = operationLabel(r.operation, r.feature);
    const group = groups.get(label);
    if (group) group.push(r);
    else groups.set(label, [r]);
  }
  const order = (label: string) => OPERATIONS.findIndex((op) => label.startsWith(op));
  return [...groups.entries()]
    .sort(([a], [b]) => order(a) - order(b) || a.localeCompare(b, 'en'))
    .map(([label, group]) => ({ label, stats: aggregate(group) }));
}

export function LogOperations({ records }: { records: readonly InvocationRecord[] }) {
  const rows = useMemo(() => byOperation(records), [records]);
  return (
    <section className="card" aria-labelledby="log-operations-h">
      <h2 id="log-operations-h">Per operation</h2>
      <StatsTable
        first="Operation"
        testId="log-operations"
        rows={rows.map((row) => ({
          key: row.label,
          label: (
            <>
              <span className="log-model-name">{row.label}</span>
              {OPERATION_NOTES[row.label] ? (
                <span className="muted small log-operation">{OPERATION_NOTES[row.label]}</span>
              ) : null}
            </>
          ),
          stats: row.stats,
        }))}
      />
    </section>
  );
}
