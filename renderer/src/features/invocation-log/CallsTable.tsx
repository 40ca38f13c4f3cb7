/** The recent calls, one row each: when, which feature, operation and model, tokens, latency, status, cost. */
import { isControlPlane, isS3Request, type InvocationRecord } from '../../../../shared/invocations';
import { formatCount, formatDuration, formatUsdOrUnknown, plural } from '../../lib/format';
import { modelLabel } from '../../lib/metrics';
import { FEATURE_LABELS, formatCallTime, operationLabel } from './log-labels';
import { NotApplicableCost } from './NotApplicableCost';

const count = (n: number | null) => (n === null ? '–' : formatCount(n));

function CallStatus({ record: r }: { record: InvocationRecord }) {
  return (
    <>
      <span className={`log-status log-status-${r.status}`}>
        {r.status === 'error' ? `error: ${r.errorCode ?? 'unknown'}` : r.status}
      </span>
      {r.guardrail ? (
        <span className="small muted log-guardrail">
          {r.stopReason === 'guardrail_intervened' ? 'guardrail intervened' : 'guardrail applied'} (
          <code>{r.guardrail.id}</code>, version {r.guardrail.version})
        </span>
      ) : null}
    </>
  );
}

/**
 * A call's cost: its estimate, unknown, or not applicable for a control-plane call or a request
 * to S3 (billed by Amazon S3).
 */
function CallCost({ record: r }: { record: InvocationRecord }) {
  if (isS3Request(r.operation)) return <NotApplicableCost s3 />;
  if (!isControlPlane(r.operation)) return <>{formatUsdOrUnknown(r.costUsd, '–')}</>;
  return <NotApplicableCost />;
}

export function CallsTable({ records }: { records: readonly InvocationRecord[] }) {
  return (
    <div className="table-wrap">
      <table className="log-table log-calls" data-testid="log-calls">
        <thead>
          <tr>
            <th scope="col">Time</th>
            <th scope="col">Feature and operation</th>
            <th scope="col">Model</th>
            <th scope="col" className="num">
              Tokens in / out
            </th>
            <th scope="col" className="num">
              Latency
            </th>
            <th scope="col">Status</th>
            <th scope="col" className="num">
              Cost
            </th>
          </tr>
        </thead>
        <tbody>
          {records.map((r) => (
            <tr key={r.id} data-status={r.status}>
              <td>{formatCallTime(r.at)}</td>
              <td>
                {FEATURE_LABELS[r.feature]}
                <span className="log-operation small muted">
                  {operationLabel(r.operation, r.feature)}
                </span>
              </td>
              <td>
                <span className="log-model-name">{modelLabel(r.modelId)}</span>
                <code className="small">{r.modelId}</code>
              </td>
              <td className="num">
                {r.images !== null
                  ? plural(r.images, 'image')
                  : `${count(r.inputTokens)} / ${count(r.outputTokens)}`}
              </td>
              <td className="num">{formatDuration(r.latencyMs)}</td>
              <td>
                <CallStatus record={r} />
              </td>
              <td className="num">
                <CallCost record={r} />
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
