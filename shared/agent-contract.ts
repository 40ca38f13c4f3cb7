/**
 * The agents half of the guardrails and agents lab, as the contract sees it:
 *
 * - `runAgent` (a stream): Stratum's own agent, a Converse tool-use loop in the main process with
 *   the local tools of shared/agent-tools.ts. The renderer sends the question, the limits and the
 *   data the tools read (the same notes, glossary and question bank it shows the learner: main
 *   cannot read them itself, as they are bundled into the renderer and browser mode runs main
 *   under plain Node). Events form the timeline: each model turn, each tool call with its result
 *   or error, a pending call waiting for the learner (confirm mode) and the end.
 * - `confirmAgentToolCall` (a request): the learner's answer to a pending call (run or decline).
 * - `invokeAgent` (a stream): a real Bedrock agent through InvokeAgent, its answer chunks and its
 *   trace (rationale, invocation input, observation...) flattened for the same timeline.
 *
 * Agent and alias id rules are the service model's (botocore bedrock-agent-runtime 2023-07-26,
 * boto/botocore@0e6e2404): AgentId and AgentAliasId `^[0-9a-zA-Z]+$` at most 10 characters,
 * SessionId `^[0-9a-zA-Z._:-]+$` 2-100 characters.
 */
import { z } from 'zod';
import { AGENT_TOOLS, MAX_MODEL_TURNS } from './agent-tools';
import { Question } from './questions';
import { ModelId } from './settings';

// ---- runAgent ----

/** The cost cap's range in USD (per run): an agent run is a few cents at most with small models. */
export const AGENT_COST_LIMIT = { min: 0.001, max: 1, default: 0.05 } as const;
export const AGENT_STEP_LIMIT = { min: 1, max: MAX_MODEL_TURNS, default: 6 } as const;
export const AGENT_QUESTION_MAX = 2000;

/** A run id, chosen by the renderer (it names the run in confirmAgentToolCall). */
export const AgentRunId = z.string().regex(/^[A-Za-z0-9-]{8,64}$/);

/** What the tools read, sent by the renderer (see the file comment). */
export const AgentToolDataInput = z
  .object({
    notes: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            title: z.string().min(1).max(300),
            body: z.string().max(300_000),
          })
          .strict(),
      )
      .max(1000),
    glossary: z
      .array(
        z
          .object({
            term: z.string().min(1).max(200),
            definition: z.string().min(1).max(2000),
            note: z.string().max(200),
            aliases: z.array(z.string().min(1).max(200)).max(20).optional(),
          })
          .strict(),
      )
      .max(10_000),
    questions: z.array(Question).max(20_000),
  })
  .strict();
export type AgentToolDataInput = z.infer<typeof AgentToolDataInput>;

export const RunAgentInput = z
  .object({
    runId: AgentRunId,
    modelId: ModelId,
    question: z
      .string()
      .trim()
      .min(1, 'Ask a question first.')
      .max(
        AGENT_QUESTION_MAX,
        `A question is at most ${AGENT_QUESTION_MAX.toLocaleString('en-US')} characters.`,
      ),
    /** Model turns (Converse calls) at most. */
    maxSteps: z.number().int().min(AGENT_STEP_LIMIT.min).max(AGENT_STEP_LIMIT.max),
    /** The run stops calling the model once its estimated cost reaches this. */
    maxCostUsd: z.number().min(AGENT_COST_LIMIT.min).max(AGENT_COST_LIMIT.max),
    /** Each tool call waits for the learner (Bedrock Agents' user confirmation). */
    confirmEachCall: z.boolean(),
    /** An IANA time zone for the date tool. */
    timeZone: z.string().min(1).max(64),
    data: AgentToolDataInput,
  })
  .strict();
export type RunAgentInput = z.infer<typeof RunAgentInput>;

const JsonObjectSchema = z.record(z.string(), z.json());

export const AgentToolCallSchema = z
  .object({
    toolUseId: z.string().min(1).max(64),
    name: z.string().min(1).max(64),
    input: z.json(),
  })
  .strict();
export type AgentToolCallView = z.infer<typeof AgentToolCallSchema>;

export const AgentToolRunSchema = AgentToolCallSchema.extend({
  status: z.enum(['success', 'error', 'declined']),
  output: JsonObjectSchema.nullable(),
  error: z.string().nullable(),
});
export type AgentToolRunView = z.infer<typeof AgentToolRunSchema>;

export const AgentEndStatus = z.enum(['done', 'step-limit', 'cost-limit', 'stopped']);
export type AgentEndStatus = z.infer<typeof AgentEndStatus>;

export const AgentEvent = z.discriminatedUnion('type', [
  /** The run began: the tools as the model is told about them (JSON schemas included). */
  z.object({
    type: z.literal('start'),
    modelId: z.string(),
    region: z.string(),
    tools: z.array(
      z.object({ name: z.string(), description: z.string(), inputSchema: JsonObjectSchema }),
    ),
  }),
  /** A Converse call was sent for model turn `turn`. */
  z.object({ type: z.literal('model-call'), turn: z.number().int().min(1) }),
  /** The model's turn: its text, the tools it asked for, and what the call cost. */
  z.object({
    type: z.literal('model-turn'),
    turn: z.number().int().min(1),
    text: z.string(),
    toolCalls: z.array(AgentToolCallSchema),
    stopReason: z.string(),
    inputTokens: z.number().int().nonnegative().nullable(),
    outputTokens: z.number().int().nonnegative().nullable(),
    latencyMs: z.number().nonnegative().nullable(),
    costUsd: z.number().nonnegative().nullable(),
  }),
  /** Confirm mode: these calls wait for confirmAgentToolCall (each id once). */
  z.object({
    type: z.literal('tools-pending'),
    turn: z.number().int().min(1),
    calls: z.array(AgentToolCallSchema),
  }),
  /** A call's result or error as the model will read it. */
  z.object({
    type: z.literal('tool-result'),
    turn: z.number().int().min(1),
    /** Run together with other calls of the same turn. */
    parallel: z.boolean(),
    run: AgentToolRunSchema,
    durationMs: z.number().nonnegative(),
  }),
  /** The run ended (Stop ends the stream with code 'cancelled' instead). */
  z.object({
    type: z.literal('end'),
    status: AgentEndStatus,
    finalText: z.string().nullable(),
    notice: z.string().nullable(),
    steps: z.number().int().nonnegative(),
    inputTokens: z.number().int().nonnegative(),
    outputTokens: z.number().int().nonnegative(),
    /** Null when a turn's price is unknown. */
    costUsd: z.number().nonnegative().nullable(),
  }),
]);
export type AgentEvent = z.infer<typeof AgentEvent>;

export const ConfirmAgentToolCallInput = z
  .object({
    runId: AgentRunId,
    toolUseId: z.string().min(1).max(64),
    approve: z.boolean(),
  })
  .strict();
export type ConfirmAgentToolCallInput = z.infer<typeof ConfirmAgentToolCallInput>;

export const ConfirmAgentToolCallOutput = z.object({
  /** False when no such call was waiting (already answered, or the run ended). */
  accepted: z.boolean(),
});
export type ConfirmAgentToolCallOutput = z.infer<typeof ConfirmAgentToolCallOutput>;

/** The local tools' names, in the order the model is told about them. */
export const AGENT_TOOL_NAMES = AGENT_TOOLS.map((t) => t.name);

// ---- invokeAgent ----

const idRule = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `Enter the ${what}.`)
    .max(10, `An ${what} is at most 10 letters or digits.`)
    .regex(/^[0-9a-zA-Z]+$/, `An ${what} is letters and digits only (such as ABCDEFGHIJ).`);

export const BedrockAgentId = idRule('agent ID');
export const BedrockAgentAliasId = idRule('alias ID');
export const AgentSessionId = z
  .string()
  .min(2)
  .max(100)
  .regex(/^[0-9a-zA-Z._:-]+$/);

export const InvokeAgentInput = z
  .object({
    agentId: BedrockAgentId,
    agentAliasId: BedrockAgentAliasId,
    sessionId: AgentSessionId,
    inputText: z
      .string()
      .trim()
      .min(1, 'Ask a question first.')
      .max(
        AGENT_QUESTION_MAX,
        `A question is at most ${AGENT_QUESTION_MAX.toLocaleString('en-US')} characters.`,
      ),
  })
  .strict();
export type InvokeAgentInput = z.infer<typeof InvokeAgentInput>;

/** Which part of the agent's sequence a trace event comes from. */
export const AgentTraceStage = z.enum([
  'pre-processing',
  'orchestration',
  'post-processing',
  'guardrail',
  'failure',
  'routing',
  'custom-orchestration',
]);

/** One trace event, flattened: what kind of step, its text, and its details as name/value pairs. */
export const AgentTraceStep = z.object({
  stage: AgentTraceStage,
  kind: z.enum([
    'rationale',
    'invocation-input',
    'observation',
    'model-input',
    'model-output',
    'guardrail',
    'failure',
    'other',
  ]),
  traceId: z.string().nullable(),
  /** The main text (the rationale, the observation's output, the final response...). */
  text: z.string(),
  details: z.array(z.object({ name: z.string(), value: z.string() })),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  eventTime: z.string().nullable(),
});
export type AgentTraceStep = z.infer<typeof AgentTraceStep>;

export const InvokeAgentEvent = z.discriminatedUnion('type', [
  z.object({ type: z.literal('start'), sessionId: z.string(), region: z.string() }),
  z.object({ type: z.literal('chunk'), text: z.string() }),
  z.object({ type: z.literal('trace'), step: AgentTraceStep }),
  /** The agent handed control back (an action group with RETURN_CONTROL); this lab ends there. */
  z.object({ type: z.literal('return-control'), invocationId: z.string(), summary: z.string() }),
  z.object({
    type: z.literal('end'),
    latencyMs: z.number().nonnegative(),
    inputTokens: z.number().int().nonnegative().nullable(),
    outputTokens: z.number().int().nonnegative().nullable(),
  }),
]);
export type InvokeAgentEvent = z.infer<typeof InvokeAgentEvent>;
