/** Agent id, alias id and question, checked as typed with the service model's rules; Run / Stop. */
import { useId } from 'react';
import { AGENT_QUESTION_MAX } from '../../../../../shared/agent-contract';
import { canInvoke, idProblem, type BedrockAgentForm } from './bedrock-agent-store';

function IdField({
  label,
  value,
  problem,
  hint,
  onChange,
}: {
  label: string;
  value: string;
  problem: string | null;
  hint: string;
  onChange: (value: string) => void;
}) {
  const id = useId();
  return (
    <div className="field">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="text"
        value={value}
        spellCheck={false}
        autoComplete="off"
        aria-invalid={problem !== null}
        aria-describedby={`${id}-hint`}
        onChange={(e) => onChange(e.target.value)}
      />
      <p className={problem ? 'hint field-problem' : 'hint'} id={`${id}-hint`}>
        {problem ?? hint}
      </p>
    </div>
  );
}

export function AgentIdForm({
  form,
  set,
  running,
  onRun,
  onStop,
}: {
  form: BedrockAgentForm;
  set: (patch: Partial<BedrockAgentForm>) => void;
  running: boolean;
  onRun: () => void;
  onStop: () => void;
}) {
  const qid = useId();
  return (
    <section className="card" aria-labelledby="bedrock-agent-heading">
      <h2 id="bedrock-agent-heading">Invoke an agent</h2>
      <div className="form-grid">
        <IdField
          label="Agent id"
          value={form.agentId}
          problem={idProblem('agent', form.agentId)}
          hint="Up to 10 letters and digits, from the agent’s page in the Bedrock console."
          onChange={(agentId) => set({ agentId })}
        />
        <IdField
          label="Alias id"
          value={form.agentAliasId}
          problem={idProblem('alias', form.agentAliasId)}
          hint="Up to 10 letters and digits, from the agent’s Aliases list in the console."
          onChange={(agentAliasId) => set({ agentAliasId })}
        />
        <div className="field wide">
          <label htmlFor={qid}>Question</label>
          <textarea
            id={qid}
            rows={2}
            maxLength={AGENT_QUESTION_MAX}
            value={form.question}
            onChange={(e) => set({ question: e.target.value })}
          />
        </div>
      </div>
      <div className="actions">
        <button
          type="button"
          className="primary"
          disabled={running || !canInvoke(form)}
          onClick={onRun}
        >
          {running ? 'Invoking…' : 'Invoke the agent'}
        </button>
        {running ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : null}
      </div>
    </section>
  );
}
