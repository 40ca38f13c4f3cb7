/**
 * Agent on Bedrock: a real agent (InvokeAgent, with its trace on) answers a question; its trace
 * (rationale, invocation input, observation, model input and output) streams into the same
 * timeline as Stratum's own agent, and the answer follows.
 */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { formatCount, formatDuration } from '../../../lib/format';
import { bedrockAgentItems, type BedrockAgentView } from '../agent/timeline';
import { Timeline } from '../agent/Timeline';
import { AgentIdForm } from './AgentIdForm';
import {
  invokeBedrockAgent,
  setBedrockAgentForm,
  stopBedrockAgent,
  useBedrockAgentState,
} from './bedrock-agent-store';
import '../agent/agent.css';
import './bedrock-agent.css';

function Summary({ run }: { run: BedrockAgentView }) {
  const status = { running: 'Running…', done: 'Answered.', stopped: 'Stopped.', failed: 'Failed.' }[
    run.status
  ];
  const tokens =
    run.inputTokens !== null
      ? ` · ${formatCount(run.inputTokens)} input and ${formatCount(run.outputTokens ?? 0)} output tokens in the trace`
      : '';
  return (
    <p className="agent-summary" role="status">
      <strong>{status}</strong>
      {run.latencyMs !== null ? ` ${formatDuration(run.latencyMs)}` : ''}
      {tokens}
      {run.sessionId ? (
        <>
          {' '}
          · session <code>{run.sessionId}</code>
        </>
      ) : null}
    </p>
  );
}

export function BedrockAgentTab() {
  const { form, run, runCount } = useBedrockAgentState();
  const running = run?.status === 'running';
  return (
    <div className="agent-lab bedrock-agent">
      <div className="agent-lab-main">
        <AgentIdForm
          form={form}
          set={setBedrockAgentForm}
          running={running}
          onRun={invokeBedrockAgent}
          onStop={stopBedrockAgent}
        />
        {run?.error ? <ErrorPanel error={run.error} /> : null}
        <ResultsRegion
          label="Agent trace"
          revealKey={run ? runCount : null}
          announce={run ? 'The agent started; its trace appears below.' : null}
        >
          {run ? (
            <>
              <Timeline items={bedrockAgentItems(run)} label="Agent trace steps" />
              <Summary run={run} />
            </>
          ) : null}
        </ResultsRegion>
      </div>
      <section className="card" aria-labelledby="bedrock-agent-about">
        <h2 id="bedrock-agent-about">What this calls</h2>
        <p>
          <code>InvokeAgent</code> (Agents for Amazon Bedrock Runtime) with the trace turned on.
          Your IAM identity needs <code>bedrock:InvokeAgent</code> on the agent alias, and Settings’
          region must be the agent’s region.
        </p>
        <p>
          Each trace step is one part of the agent’s orchestration: a <em>rationale</em> (why it
          acts), an <em>invocation input</em> (the action group or knowledge base it calls), an{' '}
          <em>observation</em> (what came back, or the final response), and the model’s own input
          and output with token counts.
        </p>
        <p>
          AWS now calls this service Amazon Bedrock Agents Classic and no longer takes new sign-ups;
          accounts that already use it can keep invoking their agents.
        </p>
      </section>
    </div>
  );
}
