/**
 * The agent tab's form and its run, kept in a small store (useSyncExternalStore) so a run keeps
 * streaming while the learner switches tabs within the lab. Start opens the `runAgent` stream,
 * Stop cancels it (main aborts the model call or the wait for a confirmation), and confirm
 * answers a pending tool call with `confirmAgentToolCall`.
 */
import { useSyncExternalStore } from 'react';
import { AGENT_COST_LIMIT, AGENT_STEP_LIMIT } from '../../../../../shared/agent-contract';
import { call, openStream, type StreamHandle } from '../../../api';
import { agentToolData } from './tool-data';
import { finishAgentRun, reduceAgentRun, startAgentRunView, type AgentRunView } from './timeline';

export interface AgentForm {
  question: string;
  /** Empty until picked: the settings' default text model. */
  modelId: string;
  maxSteps: number;
  maxCostUsd: number;
  confirmEachCall: boolean;
}

export interface AgentState {
  form: AgentForm;
  run: AgentRunView | null;
  /** Changes on every Run (for the results region). */
  runCount: number;
}

let state: AgentState = {
  form: {
    question:
      'What is an action group in Bedrock Agents, and how many days are left until 1 March 2027?',
    modelId: '',
    maxSteps: AGENT_STEP_LIMIT.default,
    maxCostUsd: AGENT_COST_LIMIT.default,
    confirmEachCall: false,
  },
  run: null,
  runCount: 0,
};
let handle: StreamHandle | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<AgentState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function setAgentForm(patch: Partial<AgentForm>): void {
  set({ form: { ...state.form, ...patch } });
}

export function useAgentState(): AgentState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function isRunning(run: AgentRunView | null): boolean {
  return run !== null && (run.status === 'running' || run.status === 'waiting');
}

export function startAgentRun(modelId: string): void {
  handle?.cancel();
  const runId = crypto.randomUUID();
  const f = state.form;
  set({ run: startAgentRunView(runId), runCount: state.runCount + 1 });
  const h = openStream(
    'runAgent',
    {
      runId,
      modelId,
      question: f.question,
      maxSteps: f.maxSteps,
      maxCostUsd: f.maxCostUsd,
      confirmEachCall: f.confirmEachCall,
      timeZone: Intl.DateTimeFormat().resolvedOptions().timeZone,
      data: agentToolData(),
    },
    (event) => {
      if (state.run?.runId === runId) set({ run: reduceAgentRun(state.run, event) });
    },
  );
  handle = h;
  void h.done.then((error) => {
    if (handle === h) handle = null;
    if (state.run?.runId === runId) set({ run: finishAgentRun(state.run, error) });
  });
}

export function stopAgentRun(): void {
  handle?.cancel();
}

/** The learner's answer to a pending call; a failure to reach main is shown as the run's error. */
export async function confirmToolCall(toolUseId: string, approve: boolean): Promise<void> {
  const run = state.run;
  if (!run) return;
  const result = await call('confirmAgentToolCall', { runId: run.runId, toolUseId, approve });
  if (!result.ok && state.run?.runId === run.runId) {
    set({ run: { ...state.run, error: result.error } });
  }
}
