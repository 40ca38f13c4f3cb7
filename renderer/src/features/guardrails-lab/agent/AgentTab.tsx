/**
 * Agent, step by step: Stratum's own agent (a Converse tool-use loop in the main process with
 * local tools) answers a question while the timeline shows every step: the model's text, each
 * tool call with its input and result or error, calls run together side by side, tokens,
 * latency and cost per step, and the final answer. Limits on steps and cost, Stop, and a mode
 * that asks before each tool call.
 */
import { useMemo } from 'react';
import {
  choiceFor,
  estimateTokenCost,
  isCallableTextModel,
  modelOptions,
} from '../../../../../shared/models';
import { useSettings } from '../../../app/settings-context';
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { AgentForm } from './AgentForm';
import {
  confirmToolCall,
  isRunning,
  setAgentForm,
  startAgentRun,
  stopAgentRun,
  useAgentState,
} from './agent-run-store';
import { AgentTerms } from './AgentTerms';
import { ToolSchemas } from './ToolSchemas';
import { RunSummary } from './RunSummary';
import { Timeline } from './Timeline';
import './agent.css';

export function AgentTab() {
  const { form, run, runCount } = useAgentState();
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(
    () => modelOptions(region, (m) => isCallableTextModel(m) && m.features.toolUse),
    [region],
  );
  const modelId = choiceFor(
    form.modelId || (state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0'),
    models,
  );
  const running = isRunning(run);
  return (
    <div className="agent-lab">
      <div className="agent-lab-main">
        <AgentForm
          form={form}
          set={setAgentForm}
          modelId={modelId}
          models={models}
          running={running}
          costKnown={estimateTokenCost(modelId, 1000, 1000) !== null}
          onRun={() => startAgentRun(modelId)}
          onStop={stopAgentRun}
        />
        {run?.error ? <ErrorPanel error={run.error} /> : null}
        <ResultsRegion
          label="Agent timeline"
          revealKey={run ? runCount : null}
          announce={run ? 'The agent started; its steps appear below.' : null}
        >
          {run ? (
            <>
              <Timeline
                items={run.items}
                label="Agent steps"
                onConfirm={(id, approve) => void confirmToolCall(id, approve)}
              />
              <RunSummary run={run} />
            </>
          ) : null}
        </ResultsRegion>
      </div>
      <div className="agent-lab-side">
        <AgentTerms />
        <ToolSchemas />
      </div>
    </div>
  );
}
