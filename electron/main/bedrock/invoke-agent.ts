/**
 * A real Bedrock agent: InvokeAgent (`@aws-sdk/client-bedrock-agent-runtime`) with the trace on,
 * its `completion` event stream read to the end and flattened for the lab's timeline: answer
 * chunks as text, each trace event as one step (rationale, invocation input, observation, model
 * input and output with usage, guardrail, failure). Recorded in the invocation log as operation
 * InvokeAgent, feature 'agents', under `agent/<agentId>/<aliasId>`; its cost is unknown here
 * (the agent's own model calls are billed to the agent's model, which only the trace names).
 *
 * Event and member names are the service model's (botocore bedrock-agent-runtime 2023-07-26,
 * boto/botocore@0e6e2404): ResponseStream members chunk, trace, returnControl, files and the
 * exceptions; Trace members orchestrationTrace, preProcessingTrace, postProcessingTrace,
 * guardrailTrace, failureTrace, routingClassifierTrace, customOrchestrationTrace.
 */
import {
  InvokeAgentCommand,
  type InvocationInput,
  type ModelInvocationInput,
  type Observation,
  type ResponseStream,
  type Trace,
  type TracePart,
} from '@aws-sdk/client-bedrock-agent-runtime';
import type {
  AgentTraceStep,
  InvokeAgentEvent,
  InvokeAgentInput,
} from '../../../shared/agent-contract';
import { TextDecoder } from 'node:util';
import { AppFailure, toAppError } from '../errors';
import type { AgentCaller } from './client';
import { recordedCall } from './recorded-call';

export const agentLogId = (agentId: string, aliasId: string) => `agent/${agentId}/${aliasId}`;

type Detail = { name: string; value: string };
const detail = (name: string, value: unknown): Detail[] =>
  value === undefined || value === null || value === ''
    ? []
    : [{ name, value: typeof value === 'string' ? value : JSON.stringify(value) }];

type StepPart = Omit<AgentTraceStep, 'stage' | 'eventTime'>;

const step = (kind: AgentTraceStep['kind'], text: string, details: Detail[] = []): StepPart => ({
  kind,
  traceId: null,
  text,
  details,
  inputTokens: null,
  outputTokens: null,
});

function invocationInputStep(input: InvocationInput): StepPart {
  const ag = input.actionGroupInvocationInput;
  const kb = input.knowledgeBaseLookupInput;
  const text = ag
    ? `Action group ${ag.actionGroupName ?? '?'}: ${ag.function ?? `${ag.verb ?? ''} ${ag.apiPath ?? ''}`.trim()}`
    : kb
      ? `Knowledge base ${kb.knowledgeBaseId ?? '?'}: “${kb.text ?? ''}”`
      : (input.invocationType ?? 'Invocation');
  return {
    ...step('invocation-input', text, [
      ...detail('Invocation type', input.invocationType),
      ...detail(
        'Parameters',
        ag?.parameters?.map((p) => `${p.name ?? '?'} = ${p.value ?? ''}`).join(', '),
      ),
      ...detail('Request body', ag?.requestBody),
      ...detail('Execution type', ag?.executionType),
    ]),
    traceId: input.traceId ?? null,
  };
}

function observationStep(o: Observation): StepPart {
  const refs = o.knowledgeBaseLookupOutput?.retrievedReferences ?? [];
  const text =
    o.finalResponse?.text ??
    o.actionGroupInvocationOutput?.text ??
    o.repromptResponse?.text ??
    (refs.length > 0 ? `${refs.length} passages retrieved` : (o.type ?? 'Observation'));
  return {
    ...step('observation', text, [
      ...detail('Type', o.type),
      ...refs.map((r, i) => ({
        name: `Passage ${i + 1}${r.location?.s3Location?.uri ? ` (${r.location.s3Location.uri})` : ''}`,
        value: r.content?.text ?? '',
      })),
    ]),
    traceId: o.traceId ?? null,
  };
}

function modelInputStep(m: ModelInvocationInput): StepPart {
  return {
    ...step(
      'model-input',
      `${m.type ?? 'Model'} prompt to ${m.foundationModel ?? 'the agent’s model'}`,
      [...detail('Prompt', m.text), ...detail('Inference configuration', m.inferenceConfiguration)],
    ),
    traceId: m.traceId ?? null,
  };
}

/** One part of the orchestration (or pre/post-processing) trace, flattened. */
function sequenceStep(t: NonNullable<Trace['orchestrationTrace']>): StepPart | null {
  if (t.rationale) {
    return { ...step('rationale', t.rationale.text ?? ''), traceId: t.rationale.traceId ?? null };
  }
  if (t.invocationInput) return invocationInputStep(t.invocationInput);
  if (t.observation) return observationStep(t.observation);
  if (t.modelInvocationInput) return modelInputStep(t.modelInvocationInput);
  const out = t.modelInvocationOutput;
  if (out) {
    const usage = out.metadata?.usage;
    return {
      ...step('model-output', out.rawResponse?.content ?? '', [
        ...detail('Time (ms)', out.metadata?.totalTimeMs),
      ]),
      traceId: out.traceId ?? null,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
    };
  }
  return null;
}

/** A trace event as a timeline step, or null for a part this lab does not show. */
export function flattenTrace(part: TracePart): AgentTraceStep | null {
  const t = part.trace;
  if (!t) return null;
  const eventTime = part.eventTime ? part.eventTime.toISOString() : null;
  const seq = (stage: AgentTraceStep['stage'], s: Parameters<typeof sequenceStep>[0]) => {
    const flat = sequenceStep(s);
    return flat ? { ...flat, stage, eventTime } : null;
  };
  if (t.orchestrationTrace) return seq('orchestration', t.orchestrationTrace);
  if (t.preProcessingTrace) return seq('pre-processing', t.preProcessingTrace);
  if (t.postProcessingTrace) return seq('post-processing', t.postProcessingTrace);
  if (t.guardrailTrace) {
    const g = t.guardrailTrace;
    return {
      ...step('guardrail', `Guardrail: ${g.action ?? 'NONE'}`),
      traceId: g.traceId ?? null,
      stage: 'guardrail',
      eventTime,
    };
  }
  if (t.failureTrace) {
    const f = t.failureTrace;
    return {
      ...step('failure', f.failureReason ?? 'The agent failed.', detail('Code', f.failureCode)),
      traceId: f.traceId ?? null,
      stage: 'failure',
      eventTime,
    };
  }
  if (t.routingClassifierTrace) {
    return { ...step('other', 'Routing classifier step'), stage: 'routing', eventTime };
  }
  if (t.customOrchestrationTrace) {
    const c = t.customOrchestrationTrace;
    return {
      ...step('other', c.event?.text ?? 'Custom orchestration step'),
      traceId: c.traceId ?? null,
      stage: 'custom-orchestration',
      eventTime,
    };
  }
  return null;
}

/** One completion event to the timeline; returns the tokens a model output reported. */
function handleEvent(
  decoder: TextDecoder,
  event: ResponseStream,
  emit: (event: InvokeAgentEvent) => void,
  agentId: string,
  region: string,
): { inputTokens: number; outputTokens: number } | null {
  if (event.chunk) {
    const text = event.chunk.bytes ? decoder.decode(event.chunk.bytes, { stream: true }) : '';
    if (text) emit({ type: 'chunk', text });
    return null;
  }
  if (event.trace) {
    const flat = flattenTrace(event.trace);
    if (flat) emit({ type: 'trace', step: flat });
    return flat?.inputTokens !== null && flat?.inputTokens !== undefined
      ? { inputTokens: flat.inputTokens, outputTokens: flat.outputTokens ?? 0 }
      : null;
  }
  if (event.returnControl) {
    const inputs = event.returnControl.invocationInputs ?? [];
    const summary = inputs
      .map((i) => {
        const f = i.functionInvocationInput;
        const a = i.apiInvocationInput;
        return f
          ? `${f.actionGroup}: ${f.function ?? ''}`
          : a
            ? `${a.actionGroup}: ${a.httpMethod ?? ''} ${a.apiPath ?? ''}`
            : '';
      })
      .filter(Boolean)
      .join('; ');
    emit({
      type: 'return-control',
      invocationId: event.returnControl.invocationId ?? '',
      summary: summary || 'an action the agent wants the application to run',
    });
    return null;
  }
  if (event.files) return null;
  // Any other member is an exception event: the SDK throws those while iterating, but a union
  // member it does not know arrives here.
  const name = Object.keys(event).find((k) => k !== '$unknown') ?? 'unknown';
  throw new AppFailure(
    toAppError(Object.assign(new Error(`The agent's stream reported ${name}.`), { name }), {
      modelId: agentLogId(agentId, ''),
      region,
      inStream: true,
    }),
  );
}

/**
 * Invokes the agent and streams its answer and trace. A missing agent or alias is said plainly
 * with where to look; the agent's own failures arrive as a failure trace or an exception.
 */
export async function invokeAgent(
  caller: AgentCaller,
  input: InvokeAgentInput,
  emit: (event: InvokeAgentEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const { agentId, agentAliasId } = input;
  const region = caller.target.region;
  await recordedCall(
    {
      feature: 'agents',
      operation: 'InvokeAgent',
      modelId: agentLogId(agentId, agentAliasId),
      target: caller.target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.streamIdleMs,
      idle: true,
      errorContext: { iamActions: ['bedrock:InvokeAgent'] },
      describeFailure: (failure) =>
        failure.appError.code === 'model_not_found'
          ? new AppFailure({
              code: 'model_not_found',
              message: `No agent ${agentId} with alias ${agentAliasId} was found in ${region}.`,
              remedy:
                "Copy the agent ID and the alias ID from the Bedrock console (Agents, your agent, Aliases), and check that Settings' region is the agent's region.",
            })
          : failure,
    },
    async (meter) => {
      const response = await caller.client.send(
        new InvokeAgentCommand({
          agentId,
          agentAliasId,
          sessionId: input.sessionId,
          inputText: input.inputText,
          enableTrace: true,
        }),
        meter.sendOptions,
      );
      meter.alive();
      emit({ type: 'start', sessionId: response.sessionId ?? input.sessionId, region });
      if (!response.completion) {
        throw new AppFailure({ code: 'model_error', message: 'The agent returned no stream.' });
      }
      // One decoder per answer: a character split across two chunks is joined, never mixed up
      // with another run's bytes.
      const decoder = new TextDecoder();
      let inputTokens: number | null = null;
      let outputTokens: number | null = null;
      for await (const event of response.completion) {
        if (meter.signal.aborted) break;
        meter.alive();
        if (event.chunk?.bytes && event.chunk.bytes.length > 0) meter.firstToken();
        const usage = handleEvent(decoder, event, emit, agentId, region);
        if (usage) {
          inputTokens = (inputTokens ?? 0) + usage.inputTokens;
          outputTokens = (outputTokens ?? 0) + usage.outputTokens;
        }
      }
      if (meter.signal.aborted) return;
      meter.usage(inputTokens, outputTokens);
      meter.cost(null);
      emit({ type: 'end', latencyMs: meter.elapsed(), inputTokens, outputTokens });
    },
  );
}
