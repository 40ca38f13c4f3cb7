/**
 * The agent timeline both agent tabs draw: steps as cards (a model turn, a group of tool calls
 * run together, a trace step of a Bedrock agent), then the answer and any notice. Pure: the
 * reducers turn the contract's events (runAgent's AgentEvent, invokeAgent's InvokeAgentEvent)
 * into items, so the same component shows Stratum's loop and a real agent's trace.
 */
import type {
  AgentEndStatus,
  AgentEvent,
  AgentTraceStep,
  InvokeAgentEvent,
} from '../../../../../shared/agent-contract';
import type { AppError } from '../../../../../shared/result';

export interface StepStats {
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number | null;
  /** As main sent it; null when unknown (never recomputed here). */
  costUsd: number | null;
}

export interface TimelineToolRun {
  toolUseId: string;
  name: string;
  /** The input as pretty JSON. */
  input: string;
  status: 'pending' | 'success' | 'error' | 'declined';
  output: string | null;
  error: string | null;
  durationMs: number | null;
}

export type TimelineItem =
  | {
      kind: 'model';
      key: string;
      turn: number;
      text: string;
      calls: string[];
      stopReason: string | null;
      stats: StepStats | null;
    }
  | { kind: 'tools'; key: string; turn: number; runs: TimelineToolRun[] }
  | {
      kind: 'trace';
      key: string;
      label: string;
      stage: string;
      text: string;
      details: { name: string; value: string }[];
      stats: StepStats | null;
    }
  | { kind: 'answer'; key: string; text: string }
  | { kind: 'notice'; key: string; tone: 'info' | 'warn'; text: string };

export type RunStatus = 'running' | 'waiting' | AgentEndStatus | 'failed';

export interface RunTotals {
  steps: number;
  inputTokens: number;
  outputTokens: number;
  costUsd: number | null;
}

export interface AgentRunView {
  runId: string;
  status: RunStatus;
  items: TimelineItem[];
  totals: RunTotals | null;
  error: AppError | null;
}

const pretty = (value: unknown) => JSON.stringify(value, null, 2) ?? 'null';

export function startAgentRunView(runId: string): AgentRunView {
  return { runId, status: 'running', items: [], totals: null, error: null };
}

function upsert(items: TimelineItem[], item: TimelineItem): TimelineItem[] {
  const i = items.findIndex((x) => x.key === item.key);
  if (i < 0) return [...items, item];
  return items.map((x, j) => (j === i ? item : x));
}

function withRun(items: TimelineItem[], turn: number, run: TimelineToolRun): TimelineItem[] {
  const key = `tools-${turn}`;
  const group = items.find((x) => x.key === key);
  const runs = group?.kind === 'tools' ? group.runs : [];
  const merged = runs.some((r) => r.toolUseId === run.toolUseId)
    ? runs.map((r) => (r.toolUseId === run.toolUseId ? run : r))
    : [...runs, run];
  return upsert(items, { kind: 'tools', key, turn, runs: merged });
}

function endRun(view: AgentRunView, event: Extract<AgentEvent, { type: 'end' }>): AgentRunView {
  let items = view.items;
  if (event.finalText !== null) {
    items = [...items, { kind: 'answer', key: 'answer', text: event.finalText }];
  }
  if (event.notice) {
    const tone = event.status === 'done' ? 'info' : 'warn';
    items = [...items, { kind: 'notice', key: 'notice', tone, text: event.notice }];
  }
  const { steps, inputTokens, outputTokens, costUsd } = event;
  return {
    ...view,
    status: event.status,
    items,
    totals: { steps, inputTokens, outputTokens, costUsd },
  };
}

/** One runAgent event applied to the view. */
export function reduceAgentRun(view: AgentRunView, event: AgentEvent): AgentRunView {
  switch (event.type) {
    case 'start':
      return view;
    case 'model-call':
      return {
        ...view,
        status: 'running',
        items: upsert(view.items, {
          kind: 'model',
          key: `model-${event.turn}`,
          turn: event.turn,
          text: '',
          calls: [],
          stopReason: null,
          stats: null,
        }),
      };
    case 'model-turn':
      return {
        ...view,
        items: upsert(view.items, {
          kind: 'model',
          key: `model-${event.turn}`,
          turn: event.turn,
          text: event.text,
          calls: event.toolCalls.map((c) => c.name),
          stopReason: event.stopReason,
          stats: {
            inputTokens: event.inputTokens,
            outputTokens: event.outputTokens,
            latencyMs: event.latencyMs,
            costUsd: event.costUsd,
          },
        }),
      };
    case 'tools-pending':
      return {
        ...view,
        status: 'waiting',
        items: event.calls.reduce(
          (items, c) =>
            withRun(items, event.turn, {
              toolUseId: c.toolUseId,
              name: c.name,
              input: pretty(c.input),
              status: 'pending',
              output: null,
              error: null,
              durationMs: null,
            }),
          view.items,
        ),
      };
    case 'tool-result': {
      const r = event.run;
      return {
        ...view,
        status: 'running',
        items: withRun(view.items, event.turn, {
          toolUseId: r.toolUseId,
          name: r.name,
          input: pretty(r.input),
          status: r.status,
          output: r.output ? pretty(r.output) : null,
          error: r.error,
          durationMs: event.durationMs,
        }),
      };
    }
    case 'end':
      return endRun(view, event);
  }
}

/** A model turn whose Converse call never came back (stopped or failed mid-call). */
const unanswered = (i: TimelineItem) => i.kind === 'model' && i.stats === null;

/** Calls still waiting for the learner, marked as never run. */
const dropPending = (i: TimelineItem): TimelineItem =>
  i.kind === 'tools'
    ? {
        ...i,
        runs: i.runs.map((r) =>
          r.status === 'pending'
            ? { ...r, status: 'declined' as const, error: 'Stopped before it ran.' }
            : r,
        ),
      }
    : i;

/**
 * The stream ended: a Stop (code 'cancelled') or a failure after whatever arrived. A model call
 * cut short leaves no card; calls still waiting are marked as never run.
 */
export function finishAgentRun(view: AgentRunView, error: AppError | null): AgentRunView {
  if (!error)
    return view.status === 'running' || view.status === 'waiting'
      ? { ...view, status: 'done' }
      : view;
  const items = view.items.filter((i) => !unanswered(i)).map(dropPending);
  if (error.code !== 'cancelled') return { ...view, status: 'failed', items, error };
  const steps = items.filter((i) => i.kind === 'model').length;
  const text = `Stopped after ${steps} ${steps === 1 ? 'step' : 'steps'}.`;
  return {
    ...view,
    status: 'stopped',
    items: [...items, { kind: 'notice', key: 'notice', tone: 'warn', text }],
  };
}

// ---- A Bedrock agent's trace ----

const TRACE_LABELS: Record<AgentTraceStep['kind'], string> = {
  rationale: 'Rationale',
  'invocation-input': 'Invocation input',
  observation: 'Observation',
  'model-input': 'Model invocation input',
  'model-output': 'Model invocation output',
  guardrail: 'Guardrail',
  failure: 'Failure',
  other: 'Trace',
};

export interface BedrockAgentView {
  status: 'running' | 'done' | 'stopped' | 'failed';
  items: TimelineItem[];
  answer: string;
  sessionId: string | null;
  latencyMs: number | null;
  inputTokens: number | null;
  outputTokens: number | null;
  error: AppError | null;
}

export function startBedrockAgentView(): BedrockAgentView {
  return {
    status: 'running',
    items: [],
    answer: '',
    sessionId: null,
    latencyMs: null,
    inputTokens: null,
    outputTokens: null,
    error: null,
  };
}

/** One invokeAgent event applied to the view; the answer's chunks join into one answer item. */
export function reduceBedrockAgent(
  view: BedrockAgentView,
  event: InvokeAgentEvent,
): BedrockAgentView {
  switch (event.type) {
    case 'start':
      return { ...view, sessionId: event.sessionId };
    case 'chunk':
      return { ...view, answer: view.answer + event.text };
    case 'trace': {
      const s = event.step;
      const stats =
        s.inputTokens !== null || s.outputTokens !== null
          ? {
              inputTokens: s.inputTokens,
              outputTokens: s.outputTokens,
              latencyMs: null,
              costUsd: null,
            }
          : null;
      const item: TimelineItem = {
        kind: 'trace',
        key: `trace-${view.items.length}`,
        label: TRACE_LABELS[s.kind],
        stage: s.stage,
        text: s.text,
        details: s.details,
        stats,
      };
      return { ...view, items: [...view.items, item] };
    }
    case 'return-control': {
      const text = `The agent returned control to the application for ${event.summary}. Stratum does not run your action groups, so the run ends here.`;
      return {
        ...view,
        items: [
          ...view.items,
          { kind: 'notice', key: `rc-${view.items.length}`, tone: 'warn', text },
        ],
      };
    }
    case 'end':
      return {
        ...view,
        status: 'done',
        latencyMs: event.latencyMs,
        inputTokens: event.inputTokens,
        outputTokens: event.outputTokens,
      };
  }
}

export function finishBedrockAgent(
  view: BedrockAgentView,
  error: AppError | null,
): BedrockAgentView {
  if (!error) return { ...view, status: 'done' };
  if (error.code === 'cancelled') return { ...view, status: 'stopped' };
  return { ...view, status: 'failed', error };
}

/** The items a Bedrock agent's view draws: its trace, then the answer so far. */
export function bedrockAgentItems(view: BedrockAgentView): TimelineItem[] {
  return view.answer
    ? [...view.items, { kind: 'answer', key: 'answer', text: view.answer }]
    : view.items;
}
