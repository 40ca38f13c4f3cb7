/** Agent ID, alias ID and question, checked as typed with the service model's rules; Run / Stop. */
import { useId } from 'react';
import { AGENT_QUESTION_MAX } from '../../../../../shared/agent-contract';
import { idProblem, invokeBlocker, type BedrockAgentForm } from './bedrock-agent-store';

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
  const blocker = running ? null : invokeBlocker(form);
  return (
    <section className="card" aria-labelledby="bedrock-agent-heading">
      <h2 id="bedrock-agent-heading">Invoke an agent</h2>
      <div className="form-grid">
        <IdField
          label="Agent ID"
          value={form.agentId}
          problem={idProblem('agent', form.agentId)}
          hint="Up to 10 letters and digits, from the agent’s page in the Bedrock console."
          onChange={(agentId) => set({ agentId })}
        />
        <IdField
          label="Alias ID"
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
          disabled={running || blocker !== null}
          aria-describedby={blocker ? `${qid}-blocker` : undefined}
          onClick={onRun}
        >
          {running ? 'Invoking…' : 'Invoke the agent'}
        </button>
        {running ? (
          <button type="button" onClick={onStop}>
            Stop
          </button>
        ) : null}
        {blocker ? (
          <span className="hint" id={`${qid}-blocker`} data-testid="agent-invoke-blocker">
            {blocker}
          </span>
        ) : null}
      </div>
    </section>
  );
}
