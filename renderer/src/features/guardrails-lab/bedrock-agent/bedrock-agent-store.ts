/**
 * The Agent on Bedrock tab's form and run, in a small store so a run survives switching tabs.
 * The ids are checked with the contract's rules (the service model's) as the learner types; Run
 * opens the `invokeAgent` stream with a session id of its own (one session per run).
 */
import { useSyncExternalStore } from 'react';
import { BedrockAgentAliasId, BedrockAgentId } from '../../../../../shared/agent-contract';
import { openStream, type StreamHandle } from '../../../api';
import {
  finishBedrockAgent,
  reduceBedrockAgent,
  startBedrockAgentView,
  type BedrockAgentView,
} from '../agent/timeline';

export interface BedrockAgentForm {
  agentId: string;
  agentAliasId: string;
  question: string;
}

export interface BedrockAgentState {
  form: BedrockAgentForm;
  run: BedrockAgentView | null;
  runCount: number;
}

let state: BedrockAgentState = {
  form: {
    agentId: '',
    agentAliasId: '',
    question: 'How does chunking work in a knowledge base?',
  },
  run: null,
  runCount: 0,
};
let handle: StreamHandle | null = null;
const listeners = new Set<() => void>();

function set(next: Partial<BedrockAgentState>): void {
  state = { ...state, ...next };
  for (const l of listeners) l();
}

export function setBedrockAgentForm(patch: Partial<BedrockAgentForm>): void {
  set({ form: { ...state.form, ...patch } });
}

export function useBedrockAgentState(): BedrockAgentState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** The problem with an id as typed (the contract's message), or null when it is valid. */
export function idProblem(kind: 'agent' | 'alias', value: string): string | null {
  if (value.trim() === '') return null;
  const parsed = (kind === 'agent' ? BedrockAgentId : BedrockAgentAliasId).safeParse(value);
  return parsed.success ? null : (parsed.error.issues[0]?.message ?? 'This id is not valid.');
}

/** What is missing before the agent can be invoked (shown beside the button), or null. */
export function invokeBlocker(form: BedrockAgentForm): string | null {
  if (form.agentId.trim() === '') return 'Enter an agent ID to invoke the agent.';
  if (!BedrockAgentId.safeParse(form.agentId).success) return 'Correct the agent ID above.';
  if (form.agentAliasId.trim() === '') return 'Enter an alias ID to invoke the agent.';
  if (!BedrockAgentAliasId.safeParse(form.agentAliasId).success)
    return 'Correct the alias ID above.';
  if (form.question.trim() === '') return 'Enter a question to invoke the agent.';
  return null;
}

export function invokeBedrockAgent(): void {
  handle?.cancel();
  const f = state.form;
  const view = startBedrockAgentView();
  set({ run: view, runCount: state.runCount + 1 });
  const h = openStream(
    'invokeAgent',
    {
      agentId: f.agentId.trim(),
      agentAliasId: f.agentAliasId.trim(),
      sessionId: `stratum-${crypto.randomUUID()}`,
      inputText: f.question,
    },
    (event) => {
      if (handle === h && state.run) set({ run: reduceBedrockAgent(state.run, event) });
    },
  );
  handle = h;
  void h.done.then((error) => {
    if (handle !== h) return;
    handle = null;
    if (state.run) set({ run: finishBedrockAgent(state.run, error) });
  });
}

export function stopBedrockAgent(): void {
  handle?.cancel();
}
