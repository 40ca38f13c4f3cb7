/**
 * A strict fake of Amazon Bedrock (runtime and the control-plane list calls) for tests that
 * drive the real AWS SDK. Point clients at `fake.url` with the `endpoint` option or the
 * `AWS_ENDPOINT_URL_BEDROCK_RUNTIME` / `AWS_ENDPOINT_URL_BEDROCK` environment variables.
 *
 * Requests are authenticated (SigV4 shape, optionally the signature itself), validated like the
 * service does, recorded, and answered according to a scriptable behaviour. See the README
 * comment on `Behavior` for what each behaviour does per operation.
 */
import { randomUUID } from 'node:crypto';
import { authenticate, type FakeCredentials } from './bedrock-auth.js';
import {
  DEFAULT_GUARDRAILS,
  estimateInputTokens,
  estimateTokens,
  validateConverse,
  type ConverseRequestInfo,
  type FakeGuardrail,
} from './bedrock-converse.js';
import { guardrailTrace, type GuardrailIntervention } from './bedrock-guardrails.js';
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import { eventFrame, exceptionFrame, type StreamExceptionName } from './bedrock-eventstream.js';
import { malformedInvokeBody, prepareInvoke } from './bedrock-invoke.js';
import {
  DEFAULT_MODELS,
  completeModel,
  foundationModelArn,
  profileSummary,
  profilesForRegion,
  resolveModel,
  type ExtraModel,
  type FakeModel,
} from './bedrock-models.js';
import { chunkText, planReply, type ReplyPlan, type ToolInput } from './bedrock-reply.js';
import {
  agentFrame,
  DEFAULT_AGENTS,
  invokeAgentPath,
  prepareInvokeAgent,
  type FakeAgent,
} from './bedrock-invoke-agent.js';
import {
  blocksContent,
  blocksOutputChars,
  blocksStreamEvents,
  turnPlan,
  type ScriptedToolUse,
} from './bedrock-reply.js';
import {
  AgentRuntime,
  DEFAULT_KNOWLEDGE_BASES,
  type FakeKnowledgeBase,
} from './bedrock-agent-runtime.js';
import { BodyTooLargeError, startDualServer, type Exchange } from './dual-server.js';
import { EvaluationJobs, checkCreateEvaluationJob, evaluationRoute } from './bedrock-evaluation.js';
import { applyGuardrail } from './bedrock-apply-guardrail.js';
import { GuardrailStore, guardrailRoute } from './bedrock-guardrails-control.js';
import { decodePathPart } from './json.js';
import {
  CustomizationJobs,
  customizationAnswer,
  customizationRoute,
  type CustomizationOperation,
} from './bedrock-customization.js';
import type { S3Store } from './s3.js';
import {
  ImportedModelStore,
  chatCompletion,
  importedModelsRoute,
  isImportedModelArn,
  validateChatBody,
  type FakeImportedModel,
} from './bedrock-imported-models.js';

export type { ConverseRequestInfo, FakeGuardrail } from './bedrock-converse.js';
export type { GuardrailIntervention } from './bedrock-guardrails.js';
export type { ExtraModel, FakeModel } from './bedrock-models.js';
export type { StreamExceptionName } from './bedrock-eventstream.js';
export type { ToolInput } from './bedrock-reply.js';
export type { FakeCredentials } from './bedrock-auth.js';
export type { FakeKnowledgeBase, FakePassage } from './bedrock-agent-runtime.js';

/**
 * How the fake answers model calls (converse, converse-stream, invoke). Control-plane calls are
 * not affected. Behaviours apply after authentication and validation, so bad requests always
 * get their 400/403.
 *
 * - `ok`: converse replies "This is the fake Bedrock reply to: <first 40 chars of last user
 *   text>" (or, when toolChoice forces a tool, a toolUse whose input is sampled from the tool's
 *   schema); invoke returns embeddings / PNGs.
 * - `reply`: scripted text (or a function of the request). invoke ignores it (acts as ok).
 * - `toolUse`: a toolUse block for the forced tool (else `name`, else the first tool), with
 *   `input` (value or function; default: sampled from the schema). stopReason `tool_use`.
 * - `malformed`: converse text that is not JSON, or (with tools) a toolUse whose input is a
 *   string of broken JSON; invoke on image models returns `{ images: ['not base64!!'] }`, on the
 *   embedding model a 2-element vector.
 * - `throttle`, `accessDenied`, `error`: HTTP errors (before any stream starts).
 * - `cutStream`: streams send `afterDeltas` deltas then reset the connection/stream without
 *   messageStop; non-stream calls are cut before any response.
 * - `streamException`: streams send `afterDeltas` deltas then an in-stream exception event;
 *   non-stream calls get the equivalent HTTP error (modelStreamErrorException maps to
 *   ModelErrorException 424).
 * - `delay`: waits `ms` before the response headers, then behaves like `then` (default ok).
 * - `hang`: accepts the request and never answers (no headers, no body) until the client goes
 *   away or the fake closes: a stalled proxy or a captive portal.
 * - `stall`: streams send `afterDeltas` deltas, then nothing more, the connection left open;
 *   non-stream calls hang like `hang`.
 * - `modelNotReady`: 429 ModelNotReadyException (the model is being prepared; the SDK retries it
 *   like throttling).
 * - `timedDeltas`: a load generator for benchmarks. ConverseStream sends `count` text deltas at a
 *   fixed rate (one every `intervalMs`, scheduled from the start so the rate does not drift), each
 *   `⟦<index>@<epoch ms>⟧ ` stamped with `performance.timeOrigin + performance.now()` just before
 *   it is written; with `paragraphEvery`, every n-th delta ends a paragraph (a blank line).
 *   maxTokens and stop sequences are ignored. Non-stream calls behave like ok.
 * - `guardrailIntervene`: when the request carries a guardrailConfig, the guardrail blocks the
 *   prompt (`on: 'input'`, the model is never run) or the answer (`on: 'output'`, default): the
 *   reply is the guardrail's blocked message, stopReason `guardrail_intervened`, and with trace
 *   enabled the metadata (or the Converse response) carries `trace.guardrail` with an assessment
 *   naming the policy that acted (`policy`, default a HIGH-confidence VIOLENCE content filter).
 *   Without a guardrailConfig it behaves like ok (there is no guardrail to intervene).
 * - `turn`: a scripted model turn for tool-use loops: `text` (optional) then one toolUse block
 *   per entry of `toolUses` (`{ name, input? }`, input a value or a function of the request,
 *   default sampled from the schema), each with its own id; stopReason `tool_use` when there are
 *   calls, else `end_turn` (no text and no calls: the default reply). Enqueue several for a
 *   script; set one as the behaviour for a model that never stops calling tools. Invoke acts as ok.
 *
 * With a guardrailConfig and any other behaviour, trace enabled adds a trace whose assessments
 * took no action.
 *
 * `deltaDelayMs` (on ok/reply/toolUse/malformed/cutStream/streamException) overrides the
 * server-wide pause between stream deltas.
 */
export type Behavior =
  | { kind: 'ok'; deltaDelayMs?: number }
  | {
      kind: 'reply';
      text: string | ((req: ConverseRequestInfo) => string);
      deltaDelayMs?: number;
    }
  | { kind: 'toolUse'; input?: ToolInput; name?: string; deltaDelayMs?: number }
  | { kind: 'malformed'; deltaDelayMs?: number }
  | { kind: 'throttle' }
  | { kind: 'accessDenied' }
  | { kind: 'error'; status: number; name: string; message: string }
  | { kind: 'cutStream'; afterDeltas: number; deltaDelayMs?: number }
  | {
      kind: 'streamException';
      afterDeltas: number;
      exception: StreamExceptionName;
      message?: string;
      deltaDelayMs?: number;
    }
  | { kind: 'delay'; ms: number; then?: Behavior }
  | { kind: 'hang' }
  | { kind: 'stall'; afterDeltas: number; deltaDelayMs?: number }
  | { kind: 'modelNotReady' }
  | { kind: 'timedDeltas'; count: number; intervalMs: number; paragraphEvery?: number }
  | ({ kind: 'guardrailIntervene'; deltaDelayMs?: number } & GuardrailIntervention)
  | { kind: 'turn'; text?: string; toolUses?: ScriptedToolUse[]; deltaDelayMs?: number };

export type Operation =
  | 'converse'
  | 'converse-stream'
  | 'invoke'
  | 'invoke-with-response-stream'
  | 'list-foundation-models'
  | 'list-inference-profiles'
  | 'get-inference-profile'
  | 'retrieve'
  | 'retrieve-and-generate'
  | 'rerank'
  | 'create-guardrail'
  | 'update-guardrail'
  | 'get-guardrail'
  | 'list-guardrails'
  | 'create-guardrail-version'
  | 'delete-guardrail'
  | 'apply-guardrail'
  | 'invoke-agent'
  | 'create-evaluation-job'
  | 'list-evaluation-jobs'
  | 'get-evaluation-job'
  | 'stop-evaluation-job'
  | CustomizationOperation
  | 'list-imported-models'
  | 'unknown';

export interface RecordedRequest {
  /** 1-based, in arrival order. */
  id: number;
  method: string;
  /** The request target as received (percent-encoded path and query). */
  path: string;
  /** Decoded model identifier from the path (bare id, profile id or ARN), if any. */
  modelId?: string;
  operation: Operation;
  /** Parsed JSON body; the raw text when it is not JSON; undefined when empty. */
  body: unknown;
  contentType?: string;
  /** From the SigV4 credential scope; undefined when the request was not signed. */
  region?: string;
  accessKeyId?: string;
  http: '1.1' | '2';
  /** Response status; 0 until headers were sent (stays 0 when cut before responding). */
  status: number;
  /** `x-amzn-errortype` name of an error response, or of the in-stream exception. */
  errorName?: string;
  /** The behaviour kind that answered, after any `delay` (model calls that passed validation). */
  behavior?: Behavior['kind'];
  /** Epoch ms when the request arrived. */
  at: number;
  durationMs?: number;
  /** Stream deltas actually written. */
  deltasSent: number;
  /** The client went away (e.g. AbortController) before the response was complete. */
  aborted: boolean;
  /** The fake cut the connection on purpose (`cutStream`). */
  cut: boolean;
  /** The response was fully written. */
  completed: boolean;
}

export interface FakeBedrockOptions {
  /** TCP port; 0 (default) picks a free one. */
  port?: number;
  /** Interface to listen on (default 127.0.0.1). */
  host?: string;
  /** Extra models, or overrides of built-in ones (matched by modelId). */
  models?: ExtraModel[];
  /** Pause between stream deltas, in ms (default 5). */
  deltaDelayMs?: number;
  /** Initial behaviour (default ok). */
  behavior?: Behavior;
  /**
   * Known credentials. When given, other access keys get 403 UnrecognizedClientException and
   * every signature is recomputed and checked (403 InvalidSignatureException on mismatch).
   */
  credentials?: FakeCredentials[];
  /** Called once per request when the fake is done with it (for logging; never sees headers). */
  onRequestDone?: (request: RecordedRequest) => void;
  /** Guardrails that exist (default: one, `fakeguardrail01`, versions DRAFT and 1). */
  guardrails?: FakeGuardrail[];
  /** Knowledge bases besides the built-in FAKEKB0001 (us-east-1), for Retrieve(AndGenerate). */
  knowledgeBases?: FakeKnowledgeBase[];
  /** Agents besides the built-in FAKEAGENT1 (us-east-1), for InvokeAgent. */
  agents?: FakeAgent[];
  /** The fake S3 (tests/fakes/s3.ts) whose buckets customization jobs read and write. */
  s3Store?: S3Store;
  /** The account's imported models (default: one, bedrock-imported-models.ts). */
  importedModels?: FakeImportedModel[];
}

export interface FakeBedrock {
  /** e.g. `http://127.0.0.1:54321` */
  readonly url: string;
  readonly port: number;
  /** Live list of every request received (all operations, including rejected ones). */
  readonly requests: RecordedRequest[];
  readonly models: readonly FakeModel[];
  /** The guardrails of the control plane (create, list, deny access: bedrock-guardrails-control.ts). */
  readonly guardrailStore: GuardrailStore;
  /** Custom Model Import models (set, denyAccess: bedrock-imported-models.ts). */
  readonly importedModelStore: ImportedModelStore;
  /** Model customization jobs (bedrock-customization.ts): fault switches failNext, denyAccess. */
  readonly customizationJobs: CustomizationJobs;
  /** Requests of model-calling operations only (converse, converse-stream, invoke...). */
  modelCalls(): RecordedRequest[];
  clearRequests(): void;
  /** The behaviour used when the queue is empty. */
  setBehavior(behavior: Behavior): void;
  /** Behaviours consumed one per model call (before the current behaviour applies). */
  enqueue(...behaviors: Behavior[]): void;
  setDeltaDelayMs(ms: number): void;
  /** Back to defaults: ok behaviour, empty queue, default delta delay, no recorded requests. */
  reset(): void;
  /** Resolves once `predicate(requests)` holds (polling), rejects after `timeoutMs` (2000). */
  waitFor(predicate: (requests: RecordedRequest[]) => boolean, timeoutMs?: number): Promise<void>;
  /** Stops listening and destroys every connection, including HTTP/2 sessions, at once. */
  close(): Promise<void>;
}

const DEFAULT_DELTA_DELAY_MS = 5;
const MAX_BODY_BYTES = 32 * 1024 * 1024;
const MODEL_OPERATIONS: readonly Operation[] = [
  'converse',
  'converse-stream',
  'invoke',
  'invoke-with-response-stream',
  'retrieve',
  'retrieve-and-generate',
  'rerank',
  'apply-guardrail',
  'invoke-agent',
];

export async function startFakeBedrock(options: FakeBedrockOptions = {}): Promise<FakeBedrock> {
  const state = new FakeState(options);
  const server = await startDualServer(options.host ?? '127.0.0.1', options.port ?? 0, (ex) => {
    void state.handle(ex);
  });
  const url = `http://${options.host ?? '127.0.0.1'}:${server.port}`;
  return {
    url,
    port: server.port,
    requests: state.requests,
    models: state.models,
    guardrailStore: state.guardrailStore,
    customizationJobs: state.customizationJobs,
    importedModelStore: state.importedModelStore,
    modelCalls: () => state.requests.filter((r) => MODEL_OPERATIONS.includes(r.operation)),
    clearRequests: () => {
      state.requests.length = 0;
    },
    setBehavior: (b) => {
      state.behavior = b;
    },
    enqueue: (...b) => {
      state.queue.push(...b);
    },
    setDeltaDelayMs: (ms) => {
      state.deltaDelayMs = ms;
    },
    reset: () => state.reset(),
    waitFor: (predicate, timeoutMs = 2000) => waitFor(() => predicate(state.requests), timeoutMs),
    close: async () => {
      state.shutdown();
      await server.close();
    },
  };
}

async function waitFor(check: () => boolean, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`waitFor: condition not met in ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 10));
  }
}

interface Route {
  operation: Operation;
  modelId?: string;
  /** Retrieve's knowledge base (path), or GetInferenceProfile's identifier, decoded. */
  resourceId?: string;
}

function route(method: string, rawUrl: string): Route {
  const path = rawUrl.split('?')[0] ?? '/';
  const model =
    /^\/model\/([^/]+)\/(converse|converse-stream|invoke|invoke-with-response-stream)$/.exec(path);
  if (model && method === 'POST') {
    let modelId: string;
    try {
      modelId = decodeURIComponent(model[1] ?? '');
    } catch {
      modelId = model[1] ?? '';
    }
    return { operation: model[2] as Operation, modelId };
  }
  if (method === 'GET' && path === '/foundation-models')
    return { operation: 'list-foundation-models' };
  if (method === 'GET' && path === '/inference-profiles')
    return { operation: 'list-inference-profiles' };
  const profile = /^\/inference-profiles\/([^/]+)$/.exec(path);
  if (method === 'GET' && profile) {
    return { operation: 'get-inference-profile', resourceId: decodePathPart(profile[1] ?? '') };
  }
  const kb = /^\/knowledgebases\/([^/]+)\/retrieve$/.exec(path);
  if (method === 'POST' && kb) {
    return { operation: 'retrieve', resourceId: decodePathPart(kb[1] ?? '') };
  }
  if (method === 'POST' && path === '/retrieveAndGenerate') {
    return { operation: 'retrieve-and-generate' };
  }
  if (method === 'POST' && path === '/rerank') return { operation: 'rerank' };
  const guardrailOp = guardrailRoute(method, path);
  if (guardrailOp) return { operation: guardrailOp };
  if (method === 'POST' && invokeAgentPath(path)) {
    return { operation: 'invoke-agent', resourceId: path };
  }
  const evaluation = evaluationRoute(method, path);
  if (evaluation) return evaluation;
  const customization = customizationRoute(method, path);
  if (customization) return customization;
  if (importedModelsRoute(method, path)) return { operation: 'list-imported-models' };
  return { operation: 'unknown' };
}

/** Mutable state of one fake server plus the request pipeline. */
class FakeState {
  readonly requests: RecordedRequest[] = [];
  readonly models: FakeModel[];
  behavior: Behavior;
  queue: Behavior[] = [];
  deltaDelayMs: number;
  private nextId = 1;
  private modelCallCount = 0;
  private closing = false;
  private readonly timers = new Set<{ timer: NodeJS.Timeout; resolve: () => void }>();

  readonly agent: AgentRuntime;
  /** The control plane's guardrails, and the configurations ApplyGuardrail reads. */
  readonly guardrailStore: GuardrailStore;
  readonly importedModelStore: ImportedModelStore;
  readonly evaluationJobs = new EvaluationJobs();
  readonly customizationJobs: CustomizationJobs;

  constructor(private readonly options: FakeBedrockOptions) {
    this.agent = new AgentRuntime([...DEFAULT_KNOWLEDGE_BASES, ...(options.knowledgeBases ?? [])]);
    this.guardrailStore = new GuardrailStore(options.guardrails ?? DEFAULT_GUARDRAILS);
    this.customizationJobs = new CustomizationJobs(options.s3Store ?? null);
    this.importedModelStore = new ImportedModelStore(options.importedModels);
    this.models = mergeModels(options.models ?? []);
    this.behavior = options.behavior ?? { kind: 'ok' };
    this.deltaDelayMs = options.deltaDelayMs ?? DEFAULT_DELTA_DELAY_MS;
  }

  reset(): void {
    this.behavior = { kind: 'ok' };
    this.queue = [];
    this.deltaDelayMs = this.options.deltaDelayMs ?? DEFAULT_DELTA_DELAY_MS;
    this.requests.length = 0;
    this.guardrailStore.denyAccess(false);
    this.customizationJobs.reset();
    this.importedModelStore.reset();
  }

  shutdown(): void {
    this.closing = true;
    for (const t of this.timers) {
      clearTimeout(t.timer);
      t.resolve();
    }
    this.timers.clear();
  }

  /** A cancellable sleep: resolves early when the server closes. */
  sleep(ms: number): Promise<void> {
    if (ms <= 0 || this.closing) return Promise.resolve();
    return new Promise((resolve) => {
      const entry = {
        resolve,
        timer: setTimeout(() => {
          this.timers.delete(entry);
          resolve();
        }, ms),
      };
      this.timers.add(entry);
    });
  }

  async handle(ex: Exchange): Promise<void> {
    const receivedAt = Date.now();
    const { operation, modelId, resourceId } = route(ex.method, ex.rawUrl);
    const record: RecordedRequest = {
      id: this.nextId++,
      method: ex.method,
      path: ex.rawUrl,
      ...(modelId !== undefined ? { modelId } : {}),
      operation,
      body: undefined,
      ...(ex.headers['content-type'] ? { contentType: ex.headers['content-type'] } : {}),
      http: ex.http,
      status: 0,
      at: receivedAt,
      deltasSent: 0,
      aborted: false,
      cut: false,
      completed: false,
    };
    this.requests.push(record);
    ex.onEarlyClose(() => {
      if (!record.cut) record.aborted = true;
    });
    const ctx: CallContext = { ex, record, receivedAt, region: '' };
    try {
      const body = await ex.readBody(MAX_BODY_BYTES);
      record.body = parseForRecord(body);
      const identity = authenticate(
        { method: ex.method, rawUrl: ex.rawUrl, headers: ex.headers, body },
        { ...(this.options.credentials ? { credentials: this.options.credentials } : {}) },
        Date.now(),
      );
      record.region = identity.region;
      record.accessKeyId = identity.accessKeyId;
      ctx.region = identity.region;
      await this.dispatch(ctx, operation, modelId ?? resourceId ?? '', body);
    } catch (error) {
      this.fail(ctx, error);
    } finally {
      record.durationMs = Date.now() - receivedAt;
      this.options.onRequestDone?.(record);
    }
  }

  private async dispatch(
    ctx: CallContext,
    operation: Operation,
    modelId: string,
    body: Buffer,
  ): Promise<void> {
    switch (operation) {
      case 'converse':
      case 'converse-stream':
        return this.converse(ctx, operation, modelId, body);
      case 'invoke':
        return this.invoke(ctx, modelId, body);
      case 'invoke-with-response-stream': {
        requireInvokeContentType(ctx.ex);
        const { model } = resolveModel(modelId, ctx.region, this.models);
        if (model.kind !== 'text') throw validationError('The model is unsupported for streaming.');
        throw validationError(
          'The fake Bedrock does not implement InvokeModelWithResponseStream for text models; use ConverseStream.',
        );
      }
      case 'list-foundation-models':
        return this.sendJson(
          ctx,
          200,
          listFoundationModels(this.models, ctx.region, ctx.ex.rawUrl),
        );
      case 'list-inference-profiles':
        return this.sendJson(
          ctx,
          200,
          listInferenceProfiles(this.models, ctx.region, ctx.ex.rawUrl),
        );
      case 'get-inference-profile':
        return this.sendJson(ctx, 200, getInferenceProfile(this.models, ctx.region, modelId));
      case 'retrieve':
        return this.agentCall(
          ctx,
          this.agent.prepareRetrieve(modelId, parseJsonBody(body), ctx.region),
        );
      case 'retrieve-and-generate':
        return this.agentCall(
          ctx,
          this.agent.prepareRetrieveAndGenerate(parseJsonBody(body), ctx.region, this.models),
        );
      case 'rerank':
        return this.agentCall(ctx, this.agent.prepareRerank(parseJsonBody(body), ctx.region));
      case 'invoke-agent':
        return this.invokeAgent(ctx, modelId, body);
      case 'create-guardrail':
      case 'update-guardrail':
      case 'get-guardrail':
      case 'list-guardrails':
      case 'create-guardrail-version':
      case 'delete-guardrail':
        return this.guardrailControl(ctx, operation, body);
      case 'apply-guardrail':
        return this.applyGuardrail(ctx, body);
      case 'create-evaluation-job':
      case 'list-evaluation-jobs':
      case 'get-evaluation-job':
      case 'stop-evaluation-job':
        return this.evaluationJob(ctx, operation, modelId, body);
      case 'create-customization-job':
      case 'list-customization-jobs':
      case 'get-customization-job':
      case 'stop-customization-job': {
        const [status, answer] = customizationAnswer(
          this.customizationJobs,
          operation,
          modelId,
          () => parseJsonBody(body),
          ctx.region,
          queryOf(ctx.ex.rawUrl),
        );
        return this.sendJson(ctx, status, answer);
      }
      case 'list-imported-models':
        return this.sendJson(
          ctx,
          200,
          this.importedModelStore.list(queryOf(ctx.ex.rawUrl), ctx.region),
        );
      case 'unknown':
        throw new BedrockError(
          'UnknownOperationException',
          'The requested operation is not recognized by the service.',
        );
    }
  }

  private async converse(
    ctx: CallContext,
    operation: 'converse' | 'converse-stream',
    modelId: string,
    raw: Buffer,
  ): Promise<void> {
    requireJsonContentType(ctx.ex);
    const body = parseJsonBody(raw);
    const { model } = resolveModel(modelId, ctx.region, this.models);
    const info = validateConverse(body, {
      operation,
      modelId,
      model,
      region: ctx.region,
      guardrails: this.guardrailStore.forConverse(ctx.region),
    });
    const behavior = await this.takeBehavior(ctx);
    if (!behavior) return;
    const callNumber = ++this.modelCallCount;
    if (behavior.kind === 'timedDeltas' && operation === 'converse-stream') {
      return this.streamTimedDeltas(ctx, info, behavior);
    }
    if (behavior.kind === 'turn') return this.sendTurn(ctx, behavior, info, callNumber);
    const plan = planFor(behavior, info, callNumber);
    if (operation === 'converse') return this.sendConverse(ctx, behavior, info, plan);
    return this.streamConverse(ctx, behavior, info, plan);
  }

  /** Next behaviour for a model call, with delays and HTTP-error behaviours applied. */
  private async takeBehavior(ctx: CallContext): Promise<Behavior | undefined> {
    let behavior = this.queue.shift() ?? this.behavior;
    ctx.record.behavior = behavior.kind;
    while (behavior.kind === 'delay') {
      await this.sleep(behavior.ms);
      if (ctx.ex.closed || this.closing) return undefined;
      behavior = behavior.then ?? { kind: 'ok' };
    }
    ctx.record.behavior = behavior.kind;
    switch (behavior.kind) {
      case 'throttle':
        throw new BedrockError(
          'ThrottlingException',
          'Too many requests, please wait before trying again.',
        );
      case 'accessDenied':
        throw new BedrockError(
          'AccessDeniedException',
          "You don't have access to the model with the specified model ID.",
        );
      case 'error':
        throw new BedrockError(behavior.name, behavior.message, behavior.status);
      case 'modelNotReady':
        throw new BedrockError(
          'ModelNotReadyException',
          'Model is not ready to serve inference requests. The model is being prepared; try again later.',
        );
      case 'hang':
        await this.hold(ctx);
        return undefined;
      default:
        return behavior;
    }
  }

  /** Keeps an exchange open without a word until the client leaves or the fake closes. */
  private async hold(ctx: CallContext): Promise<void> {
    while (!ctx.ex.closed && !this.closing) await this.sleep(25);
    ctx.record.aborted = ctx.ex.closed;
  }

  private sendConverse(
    ctx: CallContext,
    behavior: Behavior,
    info: ConverseRequestInfo,
    plan: ReplyPlan,
  ): Promise<void> | void {
    if (behavior.kind === 'stall') return this.hold(ctx);
    if (behavior.kind === 'cutStream') return this.cut(ctx);
    if (behavior.kind === 'streamException')
      throw httpErrorFor(behavior.exception, behavior.message);
    const inputTokens = estimateInputTokens(info);
    const outputTokens = outputTokensOf(plan);
    const content =
      plan.kind === 'text'
        ? [{ text: plan.text }]
        : [{ toolUse: { toolUseId: plan.toolUseId, name: plan.name, input: plan.input } }];
    const trace = traceFor(behavior, info, plan);
    this.sendJson(ctx, 200, {
      output: { message: { role: 'assistant', content } },
      stopReason: plan.stopReason,
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: Date.now() - ctx.receivedAt },
      ...(trace ? { trace: { guardrail: trace } } : {}),
    });
  }

  private async streamConverse(
    ctx: CallContext,
    behavior: Behavior,
    info: ConverseRequestInfo,
    plan: ReplyPlan,
  ): Promise<void> {
    const { ex, record } = ctx;
    const delay =
      ('deltaDelayMs' in behavior ? behavior.deltaDelayMs : undefined) ?? this.deltaDelayMs;
    const stopAfter =
      behavior.kind === 'cutStream' ||
      behavior.kind === 'streamException' ||
      behavior.kind === 'stall'
        ? behavior.afterDeltas
        : Number.POSITIVE_INFINITY;
    if (ex.closed) return;
    record.status = 200;
    ex.start(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': randomUUID(),
      date: new Date().toUTCString(),
    });
    const send = (frame: Uint8Array): Promise<boolean> => ex.write(frame);
    if (!(await send(eventFrame('messageStart', { role: 'assistant' })))) return;
    const deltas = plan.kind === 'text' ? chunkText(plan.text) : chunkJson(plan.inputJson);
    if (plan.kind === 'toolUse') {
      const start = { toolUse: { toolUseId: plan.toolUseId, name: plan.name } };
      if (!(await send(eventFrame('contentBlockStart', { start, contentBlockIndex: 0 })))) return;
    }
    for (const chunk of deltas) {
      if (record.deltasSent >= stopAfter) break;
      await this.sleep(delay);
      if (ex.closed || this.closing) return;
      const delta = plan.kind === 'text' ? { text: chunk } : { toolUse: { input: chunk } };
      if (!(await send(eventFrame('contentBlockDelta', { delta, contentBlockIndex: 0 })))) return;
      record.deltasSent++;
    }
    if (behavior.kind === 'cutStream') {
      await this.sleep(delay);
      return this.cut(ctx);
    }
    if (behavior.kind === 'stall') return this.hold(ctx);
    if (behavior.kind === 'streamException') {
      await this.sleep(delay);
      const message = behavior.message ?? defaultStreamExceptionMessage(behavior.exception);
      record.errorName = behavior.exception;
      await send(exceptionFrame(behavior.exception, message));
      return this.finish(ctx);
    }
    const inputTokens = estimateInputTokens(info);
    const outputTokens = outputTokensOf(plan);
    if (!(await send(eventFrame('contentBlockStop', { contentBlockIndex: 0 })))) return;
    if (!(await send(eventFrame('messageStop', { stopReason: plan.stopReason })))) return;
    const trace = traceFor(behavior, info, plan);
    const metadata = {
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: Date.now() - ctx.receivedAt },
      ...(trace ? { trace: { guardrail: trace } } : {}),
    };
    if (!(await send(eventFrame('metadata', metadata)))) return;
    this.finish(ctx);
  }

  /**
   * InvokeAgent (see bedrock-invoke-agent.ts): behaviours apply as for agentCall before the
   * stream starts; `stall` sends the first frame then holds; `cutStream` cuts after `afterDeltas`
   * frames.
   */
  private async invokeAgent(ctx: CallContext, rawPath: string, raw: Buffer): Promise<void> {
    requireJsonContentType(ctx.ex);
    const path = invokeAgentPath(rawPath);
    if (!path) throw validationError('Not an InvokeAgent path.');
    const kb = DEFAULT_KNOWLEDGE_BASES.find((k) => k.region === ctx.region);
    const agents = [...DEFAULT_AGENTS, ...(this.options.agents ?? [])];
    const plan = prepareInvokeAgent(path, parseJsonBody(raw), ctx.region, agents, kb);
    const behavior = await this.takeBehavior(ctx);
    if (!behavior) return;
    this.modelCallCount++;
    if (behavior.kind === 'streamException')
      throw httpErrorFor(behavior.exception, behavior.message);
    const { ex, record } = ctx;
    if (ex.closed) return;
    record.status = 200;
    ex.start(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-bedrock-agent-content-type': 'application/json',
      'x-amz-bedrock-agent-session-id': plan.sessionId,
      'x-amzn-requestid': randomUUID(),
    });
    const delay =
      ('deltaDelayMs' in behavior ? behavior.deltaDelayMs : undefined) ?? this.deltaDelayMs;
    const stopAfter =
      behavior.kind === 'cutStream' || behavior.kind === 'stall' ? behavior.afterDeltas : Infinity;
    for (const frame of plan.frames) {
      if (record.deltasSent >= stopAfter) break;
      await this.sleep(delay);
      if (ex.closed || this.closing) return;
      if (!(await ex.write(agentFrame(frame)))) return;
      record.deltasSent++;
    }
    if (behavior.kind === 'cutStream') return this.cut(ctx);
    if (behavior.kind === 'stall') return this.hold(ctx);
    this.finish(ctx);
  }

  /** The `turn` behaviour: a scripted turn, as a Converse response or a ConverseStream. */
  private async sendTurn(
    ctx: CallContext,
    behavior: { text?: string; toolUses?: ScriptedToolUse[]; deltaDelayMs?: number },
    info: ConverseRequestInfo,
    callNumber: number,
  ): Promise<void> {
    const plan = turnPlan(behavior, info, callNumber);
    const inputTokens = estimateInputTokens(info);
    const outputTokens = Math.ceil(blocksOutputChars(plan.blocks) / 4);
    const usage = { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens };
    if (info.operation === 'converse') {
      const message = { role: 'assistant', content: blocksContent(plan.blocks) };
      const metrics = { latencyMs: Date.now() - ctx.receivedAt };
      return this.sendJson(ctx, 200, {
        output: { message },
        stopReason: plan.stopReason,
        usage,
        metrics,
      });
    }
    const { ex, record } = ctx;
    if (ex.closed) return;
    record.status = 200;
    ex.start(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': randomUUID(),
    });
    const events = [
      { event: 'messageStart' as const, payload: { role: 'assistant' } },
      ...blocksStreamEvents(plan.blocks),
      { event: 'messageStop' as const, payload: { stopReason: plan.stopReason } },
      {
        event: 'metadata' as const,
        payload: { usage, metrics: { latencyMs: Date.now() - ctx.receivedAt } },
      },
    ];
    for (const { event, payload } of events) {
      if (event === 'contentBlockDelta')
        await this.sleep(behavior.deltaDelayMs ?? this.deltaDelayMs);
      if (ex.closed || this.closing) return;
      if (!(await ex.write(eventFrame(event, payload as Record<string, unknown>)))) return;
      if (event === 'contentBlockDelta') record.deltasSent++;
    }
    this.finish(ctx);
  }

  /** The `timedDeltas` behaviour: stamped deltas at a fixed rate (see `Behavior`). */
  private async streamTimedDeltas(
    ctx: CallContext,
    info: ConverseRequestInfo,
    behavior: { count: number; intervalMs: number; paragraphEvery?: number },
  ): Promise<void> {
    const { ex, record } = ctx;
    if (ex.closed) return;
    record.status = 200;
    ex.start(200, {
      'content-type': 'application/vnd.amazon.eventstream',
      'x-amzn-requestid': randomUUID(),
      date: new Date().toUTCString(),
    });
    const send = (frame: Uint8Array): Promise<boolean> => ex.write(frame);
    if (!(await send(eventFrame('messageStart', { role: 'assistant' })))) return;
    const start = performance.now();
    let chars = 0;
    for (let i = 0; i < behavior.count; i++) {
      await this.sleep(start + i * behavior.intervalMs - performance.now());
      if (ex.closed || this.closing) return;
      const stamp = timedDeltaText(i, performance.timeOrigin + performance.now());
      const endsParagraph = behavior.paragraphEvery && (i + 1) % behavior.paragraphEvery === 0;
      const text = `${stamp}${endsParagraph ? '\n\n' : ' '}`;
      chars += text.length;
      const delta = { delta: { text }, contentBlockIndex: 0 };
      if (!(await send(eventFrame('contentBlockDelta', delta)))) return;
      record.deltasSent++;
    }
    const inputTokens = estimateInputTokens(info);
    const outputTokens = Math.ceil(chars / 4);
    if (!(await send(eventFrame('contentBlockStop', { contentBlockIndex: 0 })))) return;
    if (!(await send(eventFrame('messageStop', { stopReason: 'end_turn' })))) return;
    const metadata = {
      usage: { inputTokens, outputTokens, totalTokens: inputTokens + outputTokens },
      metrics: { latencyMs: Date.now() - ctx.receivedAt },
    };
    if (!(await send(eventFrame('metadata', metadata)))) return;
    this.finish(ctx);
  }

  private async invoke(ctx: CallContext, modelId: string, raw: Buffer): Promise<void> {
    requireInvokeContentType(ctx.ex);
    if (isImportedModelArn(modelId)) return this.invokeImported(ctx, modelId, raw);
    const accept = ctx.ex.headers['accept'];
    if (accept && !/application\/json|\*\/\*/.test(accept)) {
      throw validationError(
        `The requested accept type ${accept} is not supported. Use application/json.`,
      );
    }
    const { model } = resolveModel(modelId, ctx.region, this.models);
    const body = parseInvokeBody(raw);
    const produce = prepareInvoke(model, body);
    const behavior = await this.takeBehavior(ctx);
    if (!behavior) return;
    this.modelCallCount++;
    if (behavior.kind === 'stall') return this.hold(ctx);
    if (behavior.kind === 'cutStream') return this.cut(ctx);
    if (behavior.kind === 'streamException')
      throw httpErrorFor(behavior.exception, behavior.message);
    const result = produce();
    const payload = behavior.kind === 'malformed' ? malformedInvokeBody(model, body) : result.body;
    this.sendJson(ctx, 200, payload, {
      'x-amzn-bedrock-input-token-count': String(result.inputTokens),
      'x-amzn-bedrock-output-token-count': String(result.outputTokens),
      'x-amzn-bedrock-invocation-latency': String(Date.now() - ctx.receivedAt),
    });
  }

  /** InvokeModel on an imported model's ARN: the chat format with logprobs (bedrock-imported-models.ts). */
  private async invokeImported(ctx: CallContext, modelId: string, raw: Buffer): Promise<void> {
    const model = this.importedModelStore.find(modelId, ctx.region);
    const request = validateChatBody(parseInvokeBody(raw));
    const behavior = await this.takeBehavior(ctx);
    if (!behavior) return;
    this.modelCallCount++;
    if (behavior.kind === 'stall') return this.hold(ctx);
    if (behavior.kind === 'cutStream') return this.cut(ctx);
    if (behavior.kind === 'streamException')
      throw httpErrorFor(behavior.exception, behavior.message);
    const result = chatCompletion(model, request, behavior.kind === 'malformed');
    this.sendJson(ctx, 200, result.body, {
      'x-amzn-bedrock-input-token-count': String(result.inputTokens),
      'x-amzn-bedrock-output-token-count': String(result.outputTokens),
    });
  }

  /**
   * Answers a validated agent-runtime call: behaviours apply as for InvokeModel (throttle,
   * accessDenied, error, delay, hang; stall holds; cutStream cuts); the others answer normally.
   */
  /**
   * Evaluation jobs (bedrock-evaluation.ts). Create is validated first, then takes a behaviour
   * like a model call (accessDenied names bedrock:CreateEvaluationJob; throttle, error, delay).
   */
  private async evaluationJob(ctx: CallContext, operation: Operation, id: string, raw: Buffer) {
    const jobs = this.evaluationJobs;
    if (operation === 'list-evaluation-jobs') return this.sendJson(ctx, 200, jobs.list(ctx.region));
    if (operation === 'get-evaluation-job')
      return this.sendJson(ctx, 200, jobs.get(id, ctx.region));
    if (operation === 'stop-evaluation-job')
      return this.sendJson(ctx, 200, jobs.stop(id, ctx.region));
    const body = parseJsonBody(raw);
    checkCreateEvaluationJob(body);
    if ((this.queue[0] ?? this.behavior).kind === 'accessDenied') {
      this.queue.shift();
      throw new BedrockError(
        'AccessDeniedException',
        'User: arn:aws:iam::123456789012:user/learner is not authorized to perform: bedrock:CreateEvaluationJob',
      );
    }
    if (!(await this.takeBehavior(ctx))) return;
    return this.sendJson(ctx, 202, jobs.create(body, ctx.region));
  }

  private async agentCall(ctx: CallContext, produce: () => unknown): Promise<void> {
    requireJsonContentType(ctx.ex);
    const behavior = await this.takeBehavior(ctx);
    if (!behavior) return;
    this.modelCallCount++;
    if (behavior.kind === 'stall') return this.hold(ctx);
    if (behavior.kind === 'cutStream') return this.cut(ctx);
    if (behavior.kind === 'streamException')
      throw httpErrorFor(behavior.exception, behavior.message);
    this.sendJson(ctx, 200, produce());
  }

  /** The control plane's guardrail operations (bedrock-guardrails-control.ts). */
  private guardrailControl(ctx: CallContext, operation: Operation, raw: Buffer): void {
    const path = ctx.ex.rawUrl.split('?')[0] ?? '/';
    const id = decodePathPart(path.split('/')[2] ?? '');
    const query = queryOf(ctx.ex.rawUrl);
    const version = query.get('guardrailVersion');
    const store = this.guardrailStore;
    const body = () => (raw.length ? parseJsonBody(raw) : {});
    if (operation === 'create-guardrail')
      return this.sendJson(ctx, 202, store.create(body(), ctx.region));
    if (operation === 'update-guardrail')
      return this.sendJson(ctx, 202, store.update(id, body(), ctx.region));
    if (operation === 'get-guardrail')
      return this.sendJson(ctx, 200, store.get(id, version, ctx.region));
    if (operation === 'list-guardrails')
      return this.sendJson(ctx, 200, store.list(query, ctx.region));
    if (operation === 'create-guardrail-version') {
      return this.sendJson(ctx, 202, store.createVersion(id, body(), ctx.region));
    }
    return this.sendJson(ctx, 202, store.delete(id, version, ctx.region));
  }

  /** ApplyGuardrail: behaviours apply as for agentCall (throttle, accessDenied, error, delay, hang). */
  private async applyGuardrail(ctx: CallContext, raw: Buffer): Promise<void> {
    const parts = (ctx.ex.rawUrl.split('?')[0] ?? '').split('/');
    const id = decodePathPart(parts[2] ?? '');
    const version = decodePathPart(parts[4] ?? '');
    const body = parseJsonBody(raw);
    // Validated before the behaviour, as the service would.
    applyGuardrail(this.guardrailStore, id, version, body, ctx.region);
    await this.agentCall(ctx, () =>
      applyGuardrail(this.guardrailStore, id, version, body, ctx.region),
    );
  }

  private sendJson(
    ctx: CallContext,
    status: number,
    payload: unknown,
    extraHeaders: Record<string, string> = {},
  ): void {
    if (ctx.ex.closed) return; // the client left; the record already says aborted
    const text = JSON.stringify(payload);
    ctx.record.status = status;
    ctx.ex.start(status, {
      'content-type': 'application/json',
      'content-length': String(Buffer.byteLength(text)),
      'x-amzn-requestid': randomUUID(),
      date: new Date().toUTCString(),
      ...extraHeaders,
    });
    ctx.ex.end(text);
    ctx.record.completed = true;
  }

  private fail(ctx: CallContext, error: unknown): void {
    if (ctx.ex.closed || this.closing) return;
    const failure =
      error instanceof BedrockError
        ? error
        : error instanceof BodyTooLargeError
          ? validationError('The request body is too large.')
          : new BedrockError(
              'InternalServerException',
              `Fake Bedrock internal error: ${String(error)}`,
            );
    if (ctx.record.status !== 0) {
      // Headers already went out (a stream): the only honest thing left is to cut.
      return this.cut(ctx);
    }
    ctx.record.errorName = failure.name;
    this.sendJson(ctx, failure.status, JSON.parse(failure.toBody()), {
      'x-amzn-errortype': failure.errorType,
    });
  }

  private finish(ctx: CallContext): void {
    ctx.ex.end();
    ctx.record.completed = true;
  }

  private cut(ctx: CallContext): void {
    ctx.record.cut = true;
    ctx.ex.cut();
  }
}

interface CallContext {
  ex: Exchange;
  record: RecordedRequest;
  receivedAt: number;
  region: string;
}

function mergeModels(extra: ExtraModel[]): FakeModel[] {
  const models = [...DEFAULT_MODELS];
  for (const e of extra) {
    const model = completeModel(e);
    const at = models.findIndex((m) => m.modelId === e.modelId);
    if (at >= 0) models[at] = { ...models[at], ...model, ...stripUndefined(e) };
    else models.push(model);
  }
  return models;
}

function stripUndefined(e: ExtraModel): Partial<FakeModel> {
  return Object.fromEntries(Object.entries(e).filter(([, v]) => v !== undefined));
}

/** A `timedDeltas` delta's stamp: its index and the epoch time (ms) it was written. */
export function timedDeltaText(index: number, epochMs: number): string {
  return `⟦${index}@${epochMs.toFixed(3)}⟧`;
}

/** Finds every `timedDeltas` stamp in a text, in order. */
export const TIMED_DELTA_STAMP = /⟦(\d+)@(\d+\.\d+)⟧/g;

function planFor(behavior: Behavior, info: ConverseRequestInfo, callNumber: number): ReplyPlan {
  switch (behavior.kind) {
    case 'reply':
    case 'toolUse':
    case 'malformed':
      return planReply(behavior, info, callNumber);
    case 'guardrailIntervene': {
      const applied = info.guardrail;
      if (!applied) return planReply({ kind: 'ok' }, info, callNumber);
      const blocked =
        behavior.on === 'input'
          ? applied.guardrail.blockedInputMessage
          : applied.guardrail.blockedOutputMessage;
      return {
        kind: 'text',
        text: blocked,
        stopReason: 'guardrail_intervened',
        blockedInput: behavior.on === 'input',
      };
    }
    default:
      return planReply({ kind: 'ok' }, info, callNumber);
  }
}

/** The guardrail trace a response carries: only with a guardrail whose trace is on. */
function traceFor(behavior: Behavior, info: ConverseRequestInfo, plan: ReplyPlan) {
  const applied = info.guardrail;
  if (!applied || applied.trace === 'disabled') return undefined;
  const intervention = behavior.kind === 'guardrailIntervene' ? behavior : null;
  const original =
    intervention && intervention.on !== 'input' ? planReply({ kind: 'ok' }, info, 0) : plan;
  return guardrailTrace(applied, intervention, original.kind === 'text' ? original.text : '');
}

function outputTokensOf(plan: ReplyPlan): number {
  if (plan.kind === 'text' && plan.blockedInput) return 0;
  return plan.kind === 'text'
    ? plan.text.length === 0
      ? 0
      : estimateTokens(plan.text)
    : estimateTokens(plan.inputJson);
}

/** Tool input JSON is streamed in ~10 character pieces, like the service's partial JSON. */
function chunkJson(json: string): string[] {
  const chunks: string[] = [];
  for (let i = 0; i < json.length; i += 10) chunks.push(json.slice(i, i + 10));
  return chunks;
}

const STREAM_EXCEPTION_HTTP: Record<StreamExceptionName, string> = {
  internalServerException: 'InternalServerException',
  modelStreamErrorException: 'ModelErrorException',
  validationException: 'ValidationException',
  throttlingException: 'ThrottlingException',
  serviceUnavailableException: 'ServiceUnavailableException',
};

function defaultStreamExceptionMessage(name: StreamExceptionName): string {
  switch (name) {
    case 'throttlingException':
      return 'Too many requests, please wait before trying again.';
    case 'modelStreamErrorException':
      return 'The model stream encountered an error. Try your request again.';
    case 'serviceUnavailableException':
      return 'The service is temporarily unable to handle the request. Try again later.';
    case 'validationException':
      return 'The model produced output the service could not validate.';
    case 'internalServerException':
      return 'The server encountered an internal error while processing the request.';
  }
}

function httpErrorFor(name: StreamExceptionName, message: string | undefined): BedrockError {
  return new BedrockError(
    STREAM_EXCEPTION_HTTP[name],
    message ?? defaultStreamExceptionMessage(name),
  );
}

function mediaType(ex: Exchange): string {
  return (ex.headers['content-type'] ?? '').split(';')[0]?.trim().toLowerCase() ?? '';
}

/**
 * Converse bodies are restJson1 documents: any other declared type is 415, as the Smithy
 * restJson1 server rules prescribe.
 */
function requireJsonContentType(ex: Exchange): void {
  const type = mediaType(ex);
  if (type !== 'application/json') {
    throw new BedrockError(
      'UnsupportedMediaTypeException',
      `Unsupported Media Type: ${type || '(none)'}. Use application/json.`,
    );
  }
}

/**
 * InvokeModel's body is a blob: the SDK sends `application/octet-stream` when no `contentType`
 * is given, which the service accepts (the model then parses JSON). Other declared types are
 * refused with a ValidationException.
 */
function requireInvokeContentType(ex: Exchange): void {
  const type = mediaType(ex);
  if (type !== '' && type !== 'application/json' && type !== 'application/octet-stream') {
    throw validationError(
      `The provided content type ${type} isn't supported. Use application/json.`,
    );
  }
}

function parseJsonBody(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw new BedrockError('SerializationException', 'Unable to parse the request body as JSON.');
  }
}

/** Native bodies are opaque to the API layer; the model's own parser rejects bad JSON. */
function parseInvokeBody(raw: Buffer): unknown {
  try {
    return JSON.parse(raw.toString('utf8'));
  } catch {
    throw validationError(
      "Malformed input request: A JSONObject text must begin with '{' at 1 [character 2 line 1], please reformat your input and try again.",
    );
  }
}

function parseForRecord(body: Buffer): unknown {
  if (body.length === 0) return undefined;
  const text = body.toString('utf8');
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

// ---------------------------------------------------------------------------------------------
// Control plane

const OUTPUT_MODALITIES = ['TEXT', 'IMAGE', 'EMBEDDING'];
const INFERENCE_TYPES = ['ON_DEMAND', 'PROVISIONED'];
const CUSTOMIZATION_TYPES = ['FINE_TUNING', 'CONTINUED_PRE_TRAINING', 'DISTILLATION'];

function queryOf(rawUrl: string): URLSearchParams {
  const q = rawUrl.indexOf('?');
  return new URLSearchParams(q >= 0 ? rawUrl.slice(q + 1) : '');
}

function enumParam(query: URLSearchParams, name: string, allowed: string[]): string | undefined {
  const value = query.get(name) ?? undefined;
  if (value !== undefined && !allowed.includes(value)) {
    throw constraintError(
      name,
      value,
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
  return value;
}

function listFoundationModels(models: readonly FakeModel[], region: string, rawUrl: string) {
  const query = queryOf(rawUrl);
  const provider = query.get('byProvider') ?? undefined;
  if (provider !== undefined && !/^[A-Za-z0-9- ]{1,63}$/.test(provider)) {
    throw constraintError(
      'byProvider',
      provider,
      'Member must satisfy regular expression pattern: ^[A-Za-z0-9- ]{1,63}$',
    );
  }
  const modality = enumParam(query, 'byOutputModality', OUTPUT_MODALITIES);
  const inferenceType = enumParam(query, 'byInferenceType', INFERENCE_TYPES);
  const customization = enumParam(query, 'byCustomizationType', CUSTOMIZATION_TYPES);
  const summaries = models
    .filter(
      (m) =>
        !provider ||
        m.providerName.toLowerCase().replace(/\s+/g, '') ===
          provider.toLowerCase().replace(/\s+/g, '') ||
        m.modelId.startsWith(`${provider.toLowerCase()}.`),
    )
    .filter(
      (m) =>
        !modality || m.outputModalities.includes(modality as FakeModel['outputModalities'][number]),
    )
    .filter((m) => !inferenceType || inferenceTypesOf(m).includes(inferenceType))
    .filter((m) => !customization || m.customizationsSupported.includes(customization))
    .map((m) => ({
      modelArn: foundationModelArn(region, m.modelId),
      modelId: m.modelId,
      modelName: m.modelName,
      providerName: m.providerName,
      inputModalities: m.inputModalities,
      outputModalities: m.outputModalities,
      responseStreamingSupported: m.kind === 'text',
      customizationsSupported: m.customizationsSupported,
      inferenceTypesSupported: inferenceTypesOf(m),
      modelLifecycle: { status: m.lifecycleStatus },
    }));
  return { modelSummaries: summaries };
}

function inferenceTypesOf(model: FakeModel): string[] {
  const types: string[] = [];
  if (model.onDemand) types.push('ON_DEMAND');
  if (model.profiles.length > 0) types.push('INFERENCE_PROFILE');
  return types;
}

function listInferenceProfiles(models: readonly FakeModel[], region: string, rawUrl: string) {
  const query = queryOf(rawUrl);
  const type = enumParam(query, 'type', ['SYSTEM_DEFINED', 'APPLICATION']);
  const maxRaw = query.get('maxResults');
  const maxResults = maxRaw === null ? 1000 : Number(maxRaw);
  if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
    throw constraintError('maxResults', maxRaw, 'Member must have value between 1 and 1000');
  }
  const token = query.get('nextToken');
  const offset = token === null ? 0 : decodeNextToken(token);
  const all = type === 'APPLICATION' ? [] : profilesForRegion(models, region);
  const page = all.slice(offset, offset + maxResults).map((p) => profileSummary(region, p));
  const next = offset + maxResults < all.length ? encodeNextToken(offset + maxResults) : undefined;
  return { inferenceProfileSummaries: page, ...(next ? { nextToken: next } : {}) };
}

/** GetInferenceProfile: a system-defined profile the caller's region can use, by id or ARN. */
function getInferenceProfile(models: readonly FakeModel[], region: string, identifier: string) {
  const id = identifier.includes('/') ? (identifier.split('/').pop() ?? '') : identifier;
  const profile = profilesForRegion(models, region).find((p) => p.profileId === id);
  if (!profile) {
    throw new BedrockError(
      'ResourceNotFoundException',
      `The inference profile ${identifier} was not found.`,
    );
  }
  return profileSummary(region, profile);
}

function encodeNextToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

function decodeNextToken(token: string): number {
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (typeof parsed === 'object' && parsed !== null && 'offset' in parsed) {
      const offset = parsed.offset;
      if (typeof offset === 'number' && Number.isInteger(offset) && offset >= 0) return offset;
    }
  } catch {
    // fall through
  }
  throw validationError('The provided nextToken is invalid.');
}
