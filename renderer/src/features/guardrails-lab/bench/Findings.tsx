/** Each policy's assessment: what it looked at, what it found and what it did. */
import type { GuardrailFinding } from '../../../../../shared/guardrails';
import { plural } from '../../../lib/format';

const POLICY_LABELS: Record<GuardrailFinding['policy'], string> = {
  contentFilter: 'Content filter',
  deniedTopic: 'Denied topic',
  customWord: 'Custom word',
  managedWordList: 'Managed word list',
  sensitiveInformation: 'PII',
  regex: 'Regex',
  contextualGrounding: 'Contextual grounding',
};

function detail(f: GuardrailFinding): string {
  if (f.policy === 'contentFilter') {
    return `confidence ${f.confidence ?? 'unknown'}, strength ${f.filterStrength ?? 'unknown'}`;
  }
  if (f.policy === 'contextualGrounding' && f.score !== null && f.threshold !== null) {
    const below = f.score < f.threshold;
    return `score ${f.score.toFixed(2)} ${below ? '<' : '≥'} threshold ${f.threshold.toFixed(2)}`;
  }
  if (f.match !== null) return `matched “${f.match}”`;
  return f.detected === false ? 'not detected' : '';
}

function FindingRows({ findings }: { findings: readonly GuardrailFinding[] }) {
  return (
    <div className="table-wrap">
      <table className="gr-table">
        <thead>
          <tr>
            <th scope="col">Policy</th>
            <th scope="col">Entry</th>
            <th scope="col">Action</th>
            <th scope="col">Detail</th>
          </tr>
        </thead>
        <tbody>
          {findings.map((f, i) => (
            <tr key={i}>
              <td>{POLICY_LABELS[f.policy]}</td>
              <td>
                <code>{f.name}</code>
              </td>
              <td className={f.action === 'NONE' ? 'muted' : 'gr-action'}>{f.action}</td>
              <td>{detail(f)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** What acted (or was scored, for grounding) first; entries that did not act folded below. */
export function Findings({ findings }: { findings: readonly GuardrailFinding[] }) {
  if (findings.length === 0) {
    return <p className="muted">No policy reported anything for this text.</p>;
  }
  const shown = findings.filter((f) => f.action !== 'NONE' || f.policy === 'contextualGrounding');
  const quiet = findings.filter((f) => !shown.includes(f));
  return (
    <div aria-label="Policy assessments" role="group">
      {shown.length ? <FindingRows findings={shown} /> : <p className="muted">No policy acted.</p>}
      {quiet.length ? (
        <details className="gr-quiet">
          <summary>{plural(quiet.length, 'entry', 'entries')} that did not act</summary>
          <FindingRows findings={quiet} />
        </details>
      ) : null}
    </div>
  );
}
