/**
 * One ApplyGuardrail result: the action, the text after the guardrail (masked, or the blocked
 * message), each policy's assessment, and the text units billed with their cost.
 */
import type { ApplyGuardrailOutput } from '../../../../../shared/guardrails-contract';
import { GUARDRAIL_PRICES } from '../../../../../shared/guardrail-suite';
import { formatCount, formatDuration, formatUsd, formatUsdOrUnknown } from '../../../lib/format';
import { Findings } from './Findings';

function Usage({ usage }: { usage: ApplyGuardrailOutput['summary']['usage'] }) {
  return (
    <div className="table-wrap">
      <table className="gr-table" aria-label="Text units billed">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Text units</th>
            <th scope="col">Cost</th>
            <th scope="col">At reported prices (unconfirmed)</th>
          </tr>
        </thead>
        <tbody>
          {usage.lines.map((l) => (
            <tr key={l.counter}>
              <td>{l.label}</td>
              <td>{formatCount(l.units)}</td>
              <td>{formatUsdOrUnknown(l.costUsd)}</td>
              <td>{l.reportedCostUsd === null ? 'none' : formatUsd(l.reportedCostUsd)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td>{formatCount(usage.totalUnits)}</td>
            <td>{formatUsdOrUnknown(usage.costUsd)}</td>
            <td>{usage.reportedCostUsd === null ? 'none' : formatUsd(usage.reportedCostUsd)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">
        No Guardrails price could be confirmed on the AWS pricing page when checked (
        {GUARDRAIL_PRICES.checkedOn}), so the cost shows as unknown; the last column applies the
        per-1,000-unit prices secondary pages report, for an idea only.
      </p>
    </div>
  );
}

export function RunResult({ result }: { result: ApplyGuardrailOutput }) {
  const s = result.summary;
  return (
    <div className="gr-result" data-testid="guardrail-result">
      <p>
        Action: <span className="gr-action">{s.action}</span>
        {s.action === 'NONE'
          ? ': the text passes unchanged.'
          : s.outputs.length
            ? ': the guardrail replaced or masked the text.'
            : ''}
        {s.actionReason ? <span className="muted"> ({s.actionReason})</span> : null}
      </p>
      {s.outputs.length ? (
        <>
          <h3>Text after the guardrail</h3>
          <pre
            className="gr-output"
            data-testid="guardrail-output"
            tabIndex={0}
            aria-label="Text after the guardrail"
          >
            {s.outputs.join('\n')}
          </pre>
        </>
      ) : null}
      <h3>Assessments</h3>
      <Findings findings={s.findings} />
      <h3>Text units billed</h3>
      <Usage usage={s.usage} />
      <p className="muted small">
        Latency {formatDuration(result.latencyMs)}
        {s.characters ? `; ${formatCount(s.characters.guarded)} characters guarded.` : '.'}
      </p>
    </div>
  );
}
