/**
 * One ApplyGuardrail result: the action, the text after the guardrail (masked, or the blocked
 * message), each policy's assessment, and the text units billed with their cost (an estimate from
 * third-party prices while AWS's price is unconfirmed).
 */
import type { ApplyGuardrailOutput } from '../../../../../shared/guardrails-contract';
import { GUARDRAIL_PRICES } from '../../../../../shared/guardrail-suite';
import { formatCount, formatDate, formatDuration, formatUsd } from '../../../lib/format';
import { Findings } from './Findings';

/**
 * One cost per line: at a price AWS confirms when there is one, otherwise an estimate at the
 * per-1,000-unit prices third-party pages report (labelled "estimate"), otherwise unknown.
 */
function costText(confirmed: number | null, reported: number | null): string {
  if (confirmed !== null) return formatUsd(confirmed);
  return reported === null ? 'unknown' : `${formatUsd(reported)} (estimate)`;
}

/** What the cost column rests on, in one sentence. */
function costHint(usage: ApplyGuardrailOutput['summary']['usage']): string {
  const units = 'The text units are what the response says was billed.';
  if (usage.costUsd !== null) return `${units} Costs are at the prices AWS lists.`;
  const checked = `AWS’s Guardrails price could not be confirmed on its pricing page when checked (${formatDate(GUARDRAIL_PRICES.checkedOn)})`;
  return usage.reportedCostUsd === null
    ? `${units} ${checked}, and no third-party price is known for every policy here, so the cost is unknown.`
    : `${units} ${checked}, so each cost is an estimate from prices third-party pages report, not confirmed.`;
}

function Usage({ usage }: { usage: ApplyGuardrailOutput['summary']['usage'] }) {
  return (
    <div className="table-wrap">
      <table className="gr-table" aria-label="Text units billed">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Text units</th>
            <th scope="col">Cost</th>
          </tr>
        </thead>
        <tbody>
          {usage.lines.map((l) => (
            <tr key={l.counter}>
              <td>{l.label}</td>
              <td>{formatCount(l.units)}</td>
              <td>{costText(l.costUsd, l.reportedCostUsd)}</td>
            </tr>
          ))}
          <tr>
            <th scope="row">Total</th>
            <td>{formatCount(usage.totalUnits)}</td>
            <td>{costText(usage.costUsd, usage.reportedCostUsd)}</td>
          </tr>
        </tbody>
      </table>
      <p className="hint">{costHint(usage)}</p>
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
