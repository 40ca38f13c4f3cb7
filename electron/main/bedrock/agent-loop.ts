/**
 * Stratum's own agent: a Converse tool-use loop with the local tools of shared/agent-tools.ts,
 * run in the main process and streamed to the renderer as a timeline (shared/agent-contract.ts).
 *
 * Each model turn is one Converse call (recorded with feature 'agents'); the tools are declared
 * with their JSON schemas (derived from their zod schemas) and every call's input and output is
 * validated (a malformed input is refused and the model reads why as an error toolResult). The
 * loop ends with an answer, at the step limit, at the cost limit, or on Stop (the stream's abort
 * signal, which also aborts a Converse call in flight and a wait for confirmation). In confirm
 * mode the calls of a turn wait for `confirmAgentToolCall` (Bedrock Agents' user confirmation):
 * a declined call is returned to the model as an error result saying the learner declined it.
 *
 * The tools' data (notes, glossary, questions) comes with the request: the renderer bundles the
 * content, and browser mode runs this code under plain Node where the bundle's imports do not
 * exist, so sending what the learner sees is the one way both modes read the same data.
 */
import {
  ConverseCommand,
  type ContentBlock as SdkContentBlock,
  type Message,
  type Tool,
} from '@aws-sdk/client-bedrock-runtime';
import type { AgentEvent, RunAgentInput } from '../../../shared/agent-contract';
import {
  converseTools,
  reduceModelTurn,
  reduceToolResults,
  runPendingCalls,
  startAgentLoop,
  type AgentContentBlock,
  type AgentLoopState,
  type AgentMessage,
  type AgentToolData,
  type ModelTurn,
  type ToolCall,
} from '../../../shared/agent-tools';
import type { JsonValue } from '../../../shared/question-draft';
import { estimateTokenCost } from '../../../shared/models';
import { createRng, randomSeed } from '../../../shared/random';
import { AppFailure } from '../errors';
import type { BedrockCaller } from './client';
import { recordedCall, type Clock } from './recorded-call';

/** What the model is told about its job. */
export const AGENT_INSTRUCTIONS =
  'You are a study agent for the AWS Certified AI Practitioner exam (AIF-C01). Use the tools to find facts in the learner’s notes and glossary, draw practice questions, do arithmetic and read today’s date; call several tools at once when they do not depend on each other. Answer briefly and say which note an answer comes from. If a tool returns an error, correct the call or answer without it.';

const isObject = (v: unknown): v is Record<string, JsonValue> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The loop's messages in the SDK's shapes. A toolUse input that is not a JSON object (a model's
 * broken JSON arrives as a string) is replayed as `{}`: Converse refuses anything but an object
 * there, and the toolResult that follows already tells the model its input was refused.
 */
function toSdkBlock(block: AgentContentBlock): SdkContentBlock {
  if ('text' in block) return { text: block.text };
  if ('toolUse' in block) {
    const { toolUseId, name, input } = block.toolUse;
    return { toolUse: { toolUseId, name, input: isObject(input) ? input : {} } };
  }
  const r = block.toolResult;
  return {
    toolResult: {
      toolUseId: r.toolUseId,
      status: r.status,
      content: r.content.map((c) => ('json' in c ? { json: c.json } : { text: c.text })),
    },
  };
}

const toSdkMessages = (messages: readonly AgentMessage[]): Message[] =>
  messages.map((m) => ({ role: m.role, content: m.content.map(toSdkBlock) }));

/** One model turn: a recorded Converse call with the tools declared. */
async function converseTurn(
  caller: BedrockCaller,
  modelId: string,
  messages: readonly AgentMessage[],
  tools: Tool[],
  signal: AbortSignal,
  now?: Clock,
): Promise<ModelTurn> {
  return recordedCall(
    {
      feature: 'agents',
      operation: 'Converse',
      modelId,
      target: caller.target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.callMs,
      ...(now ? { now } : {}),
    },
    async (meter) => {
      const response = await caller.client.send(
        new ConverseCommand({
          modelId,
          system: [{ text: AGENT_INSTRUCTIONS }],
          messages: toSdkMessages(messages),
          toolConfig: { tools },
          inferenceConfig: { maxTokens: 1024, temperature: 0 },
        }),
        meter.sendOptions,
      );
      const input = response.usage?.inputTokens ?? null;
      const output = response.usage?.outputTokens ?? null;
      meter.usage(input, output);
      meter.stopReason(response.stopReason ?? null);
      const content: ModelTurn['content'] = [];
      for (const block of response.output?.message?.content ?? []) {
        if (block.text !== undefined) content.push({ text: block.text });
        else if (block.toolUse) {
          content.push({
            toolUse: {
              toolUseId: block.toolUse.toolUseId ?? '',
              name: block.toolUse.name ?? '',
              input: block.toolUse.input ?? null,
            },
          });
        }
      }
      return {
        content,
        stopReason: response.stopReason ?? 'unknown',
        inputTokens: input,
        outputTokens: output,
        latencyMs: response.metrics?.latencyMs ?? meter.elapsed(),
        costUsd:
          input !== null && output !== null ? estimateTokenCost(modelId, input, output) : null,
      };
    },
  );
}

/** The learner's answers to pending calls, per run (confirm mode). */
export class AgentConfirmations {
  private readonly waiting = new Map<string, Map<string, (approve: boolean) => void>>();

  /**
   * Waits until the learner has answered every call (or the run is stopped: then every call
   * still waiting counts as declined). Returns the ids the learner declined.
   */
  async wait(runId: string, calls: readonly ToolCall[], signal: AbortSignal): Promise<Set<string>> {
    const declined = new Set<string>();
    const pending = new Map<string, (approve: boolean) => void>();
    this.waiting.set(runId, pending);
    const answers = calls.map(
      (call) =>
        new Promise<void>((resolve) => {
          pending.set(call.toolUseId, (approve) => {
            pending.delete(call.toolUseId);
            if (!approve) declined.add(call.toolUseId);
            resolve();
          });
        }),
    );
    const stop = () => {
      for (const answer of [...pending.values()]) answer(false);
    };
    signal.addEventListener('abort', stop, { once: true });
    try {
      await Promise.all(answers);
    } finally {
      signal.removeEventListener('abort', stop);
      if (this.waiting.get(runId) === pending) this.waiting.delete(runId);
    }
    return declined;
  }

  /** Answers one pending call; false when that call is not waiting. */
  answer(runId: string, toolUseId: string, approve: boolean): boolean {
    const answer = this.waiting.get(runId)?.get(toolUseId);
    if (!answer) return false;
    answer(approve);
    return true;
  }
}

interface Totals {
  inputTokens: number;
  outputTokens: number;
  /** Null once a turn's price was unknown. */
  costUsd: number | null;
}

function addTurn(totals: Totals, turn: ModelTurn): Totals {
  return {
    inputTokens: totals.inputTokens + (turn.inputTokens ?? 0),
    outputTokens: totals.outputTokens + (turn.outputTokens ?? 0),
    costUsd:
      totals.costUsd === null || turn.costUsd === null ? null : totals.costUsd + turn.costUsd,
  };
}

function modelTurnEvent(state: AgentLoopState, turn: ModelTurn): AgentEvent {
  const step = state.steps.at(-1);
  return {
    type: 'model-turn',
    turn: state.modelTurns,
    text: step?.kind === 'model' ? step.text : '',
    toolCalls: step?.kind === 'model' ? step.toolCalls.map(jsonCall) : [],
    stopReason: turn.stopReason,
    inputTokens: turn.inputTokens,
    outputTokens: turn.outputTokens,
    latencyMs: turn.latencyMs,
    costUsd: turn.costUsd,
  };
}

const jsonCall = (call: ToolCall) => ({
  toolUseId: call.toolUseId,
  name: call.name,
  input: (call.input ?? null) as JsonValue,
});

function costNotice(limit: number, spent: number): string {
  return `The run reached its cost limit of $${limit} (about $${spent.toFixed(4)} spent) while the model was still calling tools, so it stopped without a final answer. Raise the limit or ask a narrower question.`;
}

export interface RunAgentOptions {
  confirmations: AgentConfirmations;
  now?: Clock;
  /** The date tool's clock (tests fix it). */
  clock?: () => Date;
}

/**
 * Runs the loop, emitting the timeline. Returns when the loop ends; on Stop it returns quietly
 * (the stream then ends with code 'cancelled'). A failed model call ends the run with its error.
 */
export async function runAgent(
  caller: BedrockCaller,
  input: RunAgentInput,
  emit: (event: AgentEvent) => void,
  signal: AbortSignal,
  { confirmations, now, clock = () => new Date() }: RunAgentOptions,
): Promise<void> {
  const tools = converseTools();
  const data: AgentToolData = {
    ...input.data,
    now: clock(),
    timeZone: input.timeZone,
    rng: createRng(randomSeed()),
  };
  emit({
    type: 'start',
    modelId: input.modelId,
    region: caller.target.region,
    tools: tools.map((t) => ({ ...t.toolSpec, inputSchema: t.toolSpec.inputSchema.json })),
  });
  let state = startAgentLoop(input.question, input.maxSteps);
  let totals: Totals = { inputTokens: 0, outputTokens: 0, costUsd: 0 };
  let ended: { status: 'cost-limit'; notice: string } | null = null;
  while (state.status === 'awaiting-model' && !signal.aborted) {
    emit({ type: 'model-call', turn: state.modelTurns + 1 });
    const turn = await converseTurn(caller, input.modelId, state.messages, tools, signal, now);
    state = reduceModelTurn(state, turn);
    totals = addTurn(totals, turn);
    emit(modelTurnEvent(state, turn));
    if (state.status !== 'awaiting-tools') break;
    if (totals.costUsd !== null && totals.costUsd >= input.maxCostUsd) {
      ended = { status: 'cost-limit', notice: costNotice(input.maxCostUsd, totals.costUsd) };
      break;
    }
    const calls = state.pending;
    let declined = new Set<string>();
    if (input.confirmEachCall) {
      emit({ type: 'tools-pending', turn: state.modelTurns, calls: calls.map(jsonCall) });
      declined = await confirmations.wait(input.runId, calls, signal);
    }
    if (signal.aborted) return;
    const started = performance.now();
    const runs = runPendingCalls(state, data, declined);
    const durationMs = (performance.now() - started) / Math.max(1, runs.length);
    for (const run of runs) {
      emit({
        type: 'tool-result',
        turn: state.modelTurns,
        parallel: runs.length > 1,
        run: { ...jsonCall(run), status: run.status, output: run.output, error: run.error },
        durationMs,
      });
    }
    state = reduceToolResults(state, runs);
  }
  if (signal.aborted) return;
  if (!ended && state.status !== 'done' && state.status !== 'step-limit') {
    throw new AppFailure({
      code: 'internal',
      message: `The agent loop ended in state ${state.status}.`,
    });
  }
  emit({
    type: 'end',
    status: ended?.status ?? (state.status === 'step-limit' ? 'step-limit' : 'done'),
    finalText: ended ? null : state.finalText,
    notice: ended?.notice ?? state.notice,
    steps: state.modelTurns,
    ...totals,
  });
}
