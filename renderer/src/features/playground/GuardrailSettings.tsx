/** The chat's optional guardrail: its id or ARN, version, and whether to show its trace. */
import type { ChatSettings } from '../../db/schema';
import { guardrailProblem } from './chat-request';
import { GuardrailPicker } from './GuardrailPicker';

type Guardrail = NonNullable<ChatSettings['guardrail']>;

export function GuardrailSettings({
  guardrail,
  onChange,
}: {
  guardrail: ChatSettings['guardrail'];
  onChange: (guardrail: ChatSettings['guardrail']) => void;
}) {
  const problem = guardrailProblem(guardrail);
  const edit = (g: Guardrail, patch: Partial<Guardrail>) => onChange({ ...g, ...patch });
  return (
    <div className="field">
      <label className="check">
        <input
          type="checkbox"
          checked={guardrail !== null}
          onChange={(e) =>
            onChange(e.target.checked ? { id: '', version: 'DRAFT', trace: true } : null)
          }
        />
        Apply a guardrail
      </label>
      {guardrail ? (
        <div className="guardrail-fields">
          <GuardrailPicker
            id={guardrail.id}
            version={guardrail.version}
            onPick={(id, version) => edit(guardrail, { id, version })}
          />
          <label>
            Guardrail id or ARN
            <input
              value={guardrail.id}
              aria-invalid={problem && !guardrail.id.trim() ? true : undefined}
              placeholder="e.g. a1b2c3d4e5f6"
              onChange={(e) => edit(guardrail, { id: e.target.value })}
            />
          </label>
          <label>
            Version
            <input
              value={guardrail.version}
              placeholder="DRAFT or 1"
              onChange={(e) => edit(guardrail, { version: e.target.value })}
            />
          </label>
          <label className="check">
            <input
              type="checkbox"
              checked={guardrail.trace}
              onChange={(e) => edit(guardrail, { trace: e.target.checked })}
            />
            Show the guardrail’s trace
          </label>
          {problem ? (
            <p className="field-error" data-testid="guardrail-error">
              {problem}
            </p>
          ) : (
            <p className="hint">
              Pick one of your guardrails (build one in the Guardrails and agents lab), or type the
              id of one made in the Amazon Bedrock console, in the region set in Settings.
            </p>
          )}
        </div>
      ) : null}
    </div>
  );
}
