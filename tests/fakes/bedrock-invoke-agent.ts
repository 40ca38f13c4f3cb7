/**
 * InvokeAgent (`POST /agents/{agentId}/agentAliases/{agentAliasId}/sessions/{sessionId}/text`,
 * Agents for Amazon Bedrock Runtime) for the fake: path and body validated like the service model
 * (botocore bedrock-agent-runtime 2023-07-26, boto/botocore@0e6e2404): AgentId and AgentAliasId
 * `^[0-9a-zA-Z]+$` up to 10, SessionId `^[0-9a-zA-Z._:-]+$` 2-100, inputText up to 25,000,000.
 *
 * The built-in agent `FAKEAGENT1`, alias `TSTALIASID` (us-east-1; option `agents` adds more)
 * answers every question the same way, so a test can check each kind of trace: the response is
 * an `application/vnd.amazon.eventstream` of `trace` events (with `enableTrace`), then `chunk`
 * events carrying the answer's bytes. The orchestration it traces: a model invocation input and
 * output (with usage), a rationale, a knowledge base lookup in FAKEKB0001 (its real top 2
 * passages for the question), its observation, a second rationale, an action group call
 * (`study-tools`, function `days_until_exam`) and its observation, then the FINISH observation
 * with the final response. Without `enableTrace` only the chunks are sent. An unknown agent or
 * alias, or one from another region, is 404 ResourceNotFoundException.
 *
 * Wire shapes: event names and members are the service model's; the JSON encoding of an event's
 * payload (the member shape's JSON, blobs base64, timestamps ISO 8601 as the shape says) follows
 * the rest-json event stream rules the SDK reads, checked only against the SDK, not the service.
 */
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import { rankPassages, type FakeKnowledgeBase } from './bedrock-agent-runtime.js';
import { decodePathPart, isRecord } from './json.js';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

export interface FakeAgent {
  agentId: string;
  /** Alias ids that exist for it. */
  aliases: string[];
  region: string;
  /** The agent's foundation model, as traces name it. */
  foundationModel: string;
}

export const DEFAULT_AGENTS: readonly FakeAgent[] = [
  {
    agentId: 'FAKEAGENT1',
    aliases: ['TSTALIASID', 'PRODALIAS1'],
    region: 'us-east-1',
    foundationModel: 'amazon.nova-lite-v1:0',
  },
];

const ID = /^[0-9a-zA-Z]+$/;
const SESSION = /^[0-9a-zA-Z._:-]+$/;

function checkId(value: string, path: string, pattern: RegExp, min: number, max: number): void {
  if (value.length < min || value.length > max) {
    throw constraintError(path, value, `Member must have length between ${min} and ${max}`);
  }
  if (!pattern.test(value)) {
    throw constraintError(
      path,
      value,
      `Member must satisfy regular expression pattern: ${pattern.source}`,
    );
  }
}

export interface InvokeAgentPath {
  agentId: string;
  agentAliasId: string;
  sessionId: string;
}

/** The path parts of an InvokeAgent URL (decoded), or undefined when it is not one. */
export function invokeAgentPath(path: string): InvokeAgentPath | undefined {
  const m = /^\/agents\/([^/]+)\/agentAliases\/([^/]+)\/sessions\/([^/]+)\/text$/.exec(path);
  if (!m) return undefined;
  return {
    agentId: decodePathPart(m[1] ?? ''),
    agentAliasId: decodePathPart(m[2] ?? ''),
    sessionId: decodePathPart(m[3] ?? ''),
  };
}

/** One frame of InvokeAgent's `completion` stream. */
export interface AgentFrame {
  event: 'chunk' | 'trace';
  payload: Record<string, unknown>;
}

export function agentFrame({ event, payload }: AgentFrame): Uint8Array {
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: event },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify(payload)),
  });
}

/**
 * Validates an InvokeAgent request and returns the frames to stream (see the file comment).
 * Throws the service's 400 or 404 otherwise.
 */
export function prepareInvokeAgent(
  path: InvokeAgentPath,
  body: unknown,
  region: string,
  agents: readonly FakeAgent[],
  knowledgeBase: FakeKnowledgeBase | undefined,
): { sessionId: string; frames: AgentFrame[] } {
  checkId(path.agentId, 'agentId', ID, 0, 10);
  checkId(path.agentAliasId, 'agentAliasId', ID, 0, 10);
  checkId(path.sessionId, 'sessionId', SESSION, 2, 100);
  if (!isRecord(body)) throw validationError('The request body must be a JSON object.');
  const inputText = body.inputText;
  if (inputText !== undefined && typeof inputText !== 'string') {
    throw validationError("Value at 'inputText' must be a string.");
  }
  if (typeof inputText === 'string' && inputText.length > 25_000_000) {
    throw constraintError(
      'inputText',
      '…',
      'Member must have length less than or equal to 25000000',
    );
  }
  for (const flag of ['enableTrace', 'endSession'] as const) {
    if (body[flag] !== undefined && typeof body[flag] !== 'boolean') {
      throw validationError(`Value at '${flag}' must be a boolean.`);
    }
  }
  const agent = agents.find((a) => a.agentId === path.agentId && a.region === region);
  if (!agent || !agent.aliases.includes(path.agentAliasId)) {
    throw new BedrockError(
      'ResourceNotFoundException',
      `Failed to retrieve resource because it doesn't exist. Retry the request with a different resource identifier.`,
    );
  }
  const question = (inputText ?? '').trim();
  const answer = answerFor(question, knowledgeBase);
  const frames: AgentFrame[] = [];
  if (body.enableTrace === true) {
    frames.push(...traceFrames(agent, path, question, answer));
  }
  const bytes = Buffer.from(answer.text, 'utf8');
  // The answer in two chunks, as a streamed final response may arrive.
  const half = Math.ceil(answer.text.length / 2);
  for (const part of [answer.text.slice(0, half), answer.text.slice(half)]) {
    if (part) {
      frames.push({ event: 'chunk', payload: { bytes: Buffer.from(part).toString('base64') } });
    }
  }
  if (bytes.length === 0) frames.push({ event: 'chunk', payload: { bytes: '' } });
  return { sessionId: path.sessionId, frames };
}

interface FakeAnswer {
  text: string;
  passages: { uri: string; text: string; score: number }[];
}

function answerFor(question: string, kb: FakeKnowledgeBase | undefined): FakeAnswer {
  const ranked = kb
    ? rankPassages(kb, question || 'agents', {
        numberOfResults: 2,
        searchType: undefined,
        filter: () => true,
      })
    : [];
  const passages = ranked.map((r) => ({
    uri: r.passage.uri,
    text: r.passage.text,
    score: r.score,
  }));
  const first = passages[0]?.text.split(/(?<=\.)\s/)[0] ?? 'I found nothing in the knowledge base.';
  return {
    text: `${first} Your exam is 30 days away, so there is time to review it.`,
    passages,
  };
}

/** The orchestration trace of the fake agent, step by step (see the file comment). */
function traceFrames(
  agent: FakeAgent,
  path: InvokeAgentPath,
  question: string,
  answer: FakeAnswer,
): AgentFrame[] {
  let n = 0;
  const trace = (orchestrationTrace: Record<string, unknown>): AgentFrame => ({
    event: 'trace',
    payload: {
      agentId: agent.agentId,
      agentAliasId: path.agentAliasId,
      agentVersion: path.agentAliasId === 'TSTALIASID' ? 'DRAFT' : '1',
      sessionId: path.sessionId,
      eventTime: new Date(Date.UTC(2026, 0, 1, 12, 0, n++)).toISOString(),
      trace: { orchestrationTrace },
    },
  });
  const traceId = (step: number) => `fake-${step}`;
  const prompt = `You are a study agent. Question: ${question}`;
  return [
    trace({
      modelInvocationInput: {
        traceId: traceId(0),
        type: 'ORCHESTRATION',
        text: prompt,
        foundationModel: agent.foundationModel,
        inferenceConfiguration: { temperature: 0, topP: 1, maximumLength: 2048 },
      },
    }),
    trace({
      modelInvocationOutput: {
        traceId: traceId(0),
        rawResponse: { content: '<thinking>Look it up in the knowledge base.</thinking>' },
        metadata: {
          usage: { inputTokens: Math.ceil(prompt.length / 4), outputTokens: 12 },
          totalTimeMs: 420,
        },
      },
    }),
    trace({
      rationale: {
        traceId: traceId(0),
        text: 'To answer, I will search the study knowledge base for the topic of the question.',
      },
    }),
    trace({
      invocationInput: {
        traceId: traceId(0),
        invocationType: 'KNOWLEDGE_BASE',
        knowledgeBaseLookupInput: { knowledgeBaseId: 'FAKEKB0001', text: question },
      },
    }),
    trace({
      observation: {
        traceId: traceId(0),
        type: 'KNOWLEDGE_BASE',
        knowledgeBaseLookupOutput: {
          retrievedReferences: answer.passages.map((p) => ({
            content: { text: p.text },
            location: { type: 'S3', s3Location: { uri: p.uri } },
          })),
        },
      },
    }),
    trace({
      rationale: {
        traceId: traceId(1),
        text: 'The learner asked when to study; I will count the days until the exam with the study-tools action group.',
      },
    }),
    trace({
      invocationInput: {
        traceId: traceId(1),
        invocationType: 'ACTION_GROUP',
        actionGroupInvocationInput: {
          actionGroupName: 'study-tools',
          function: 'days_until_exam',
          parameters: [{ name: 'examDate', type: 'string', value: '2026-02-01' }],
          executionType: 'LAMBDA',
        },
      },
    }),
    trace({
      observation: {
        traceId: traceId(1),
        type: 'ACTION_GROUP',
        actionGroupInvocationOutput: { text: '{"daysUntilExam": 30}' },
      },
    }),
    trace({
      observation: {
        traceId: traceId(2),
        type: 'FINISH',
        finalResponse: { text: answer.text },
      },
    }),
  ];
}
