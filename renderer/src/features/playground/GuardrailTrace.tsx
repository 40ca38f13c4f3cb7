/** A guardrail's trace under an answer: whether it acted, and each finding in plain words. */
import type { GuardrailFinding, GuardrailTraceSummary } from '../../../../shared/guardrails';
import { plural } from '../../lib/format';

const POLICY_LABEL: Record<GuardrailFinding['policy'], string> = {
  contentFilter: 'Content filter',
  deniedTopic: 'Denied topic',
  customWord: 'Word filter (custom words)',
  managedWordList: 'Word filter (managed list)',
  sensitiveInformation: 'Sensitive information',
  regex: 'Sensitive information (regex)',
  contextualGrounding: 'Contextual grounding',
};

function findingText(f: GuardrailFinding): string {
  const extra = [
    f.confidence ? `confidence ${f.confidence}` : null,
    f.filterStrength ? `filter strength ${f.filterStrength}` : null,
    f.match ? `matched “${f.match}”` : null,
    f.score !== null
      ? `score ${f.score}${f.threshold !== null ? ` (threshold ${f.threshold})` : ''}`
      : null,
  ].filter(Boolean);
  return `${f.source === 'input' ? 'Prompt' : 'Answer'} · ${POLICY_LABEL[f.policy]}: ${f.name} → ${f.action}${extra.length ? ` (${extra.join(', ')})` : ''}`;
}

export function GuardrailTrace({ trace }: { trace: GuardrailTraceSummary }) {
  return (
    <details className="guardrail-trace" open={trace.acted} data-testid="guardrail-trace">
      <summary>
        Guardrail trace: {trace.acted ? 'the guardrail acted' : 'no policy acted'} (
        {plural(trace.findings.length, 'finding')})
      </summary>
      {trace.findings.length > 0 ? (
        <ul className="small">
          {trace.findings.map((f, i) => (
            <li key={i}>{findingText(f)}</li>
          ))}
        </ul>
      ) : (
        <p className="small muted">The guardrail checked the run and reported no findings.</p>
      )}
      {trace.actionReason ? <p className="small">Reason given: {trace.actionReason}</p> : null}
    </details>
  );
}
