/**
 * Custom Model Import in the fake: the control plane's ListImportedModels (`GET /imported-models`,
 * @aws-sdk/client-bedrock's service model) and InvokeModel on an imported model's ARN in the
 * OpenAI chat format with log probabilities, as the AWS user guide's "Advanced API features for
 * imported models" page shows it (models imported after 11 November 2025):
 *
 *   request  {messages:[{role, content}], max_tokens, temperature, logprobs: true, top_logprobs: N}
 *   response {id, object: 'chat.completion', choices:[{index, message:{role, content},
 *             logprobs:{content:[{token, logprob, bytes, top_logprobs:[{token, logprob, bytes}]}]},
 *             finish_reason}], usage:{prompt_tokens, completion_tokens, total_tokens}}
 *
 * The body is checked strictly (unknown keys, wrong types, `top_logprobs` without `logprobs`); the
 * native BedrockCompletion body (`prompt`, `return_logprobs`) and `prompt_logprobs` are refused as
 * not implemented here. Log probabilities are deterministic: a function of the prompt and the
 * temperature. `denyAccess` makes ListImportedModels answer 403; model-call behaviours (throttle,
 * accessDenied, malformed, modelNotReady, delay, hang...) apply to the InvokeModel call.
 */
import { randomBytes } from 'node:crypto';
import { createRng, seedFromText, type Rng } from '../../shared/random.js';
import {
  BedrockError,
  constraintError,
  malformedInput,
  validationError,
} from './bedrock-errors.js';
import { FAKE_ACCOUNT_ID } from './bedrock-guardrails-control.js';
import { INVALID_MODEL_MESSAGE } from './bedrock-models.js';
import { isFiniteNumber, isInteger, isRecord, show, type JsonObject } from './json.js';

export interface FakeImportedModel {
  /** The ARN's last part: lowercase letters and digits. */
  id: string;
  name: string;
  /** ISO date-time of the import. */
  createdAt: string;
  instructSupported?: boolean;
  architecture?: string;
  /** Only in this Region; every Region when absent. */
  region?: string;
}

export const DEFAULT_IMPORTED_MODELS: readonly FakeImportedModel[] = [
  {
    id: 'k3v9x2m8q4tz',
    name: 'stratum-llama-3-2-1b-tutor',
    createdAt: '2025-12-01T09:30:00Z',
    instructSupported: true,
    architecture: 'llama',
  },
];

const ARN = /^arn:aws:bedrock:([a-z0-9-]+):(\d{12}):imported-model\/([a-z0-9]+)$/;

export function isImportedModelArn(identifier: string): boolean {
  return ARN.test(identifier);
}

export function importedModelArn(region: string, id: string): string {
  return `arn:aws:bedrock:${region}:${FAKE_ACCOUNT_ID}:imported-model/${id}`;
}

export function importedModelsRoute(method: string, path: string): boolean {
  return method === 'GET' && path === '/imported-models';
}

export class ImportedModelStore {
  private models: FakeImportedModel[];
  private accessDenied = false;

  constructor(private readonly initial: readonly FakeImportedModel[] = DEFAULT_IMPORTED_MODELS) {
    this.models = [...initial];
  }

  /** Replaces the account's imported models (e.g. none, to see the empty state). */
  set(models: readonly FakeImportedModel[]): void {
    this.models = [...models];
  }

  denyAccess(on: boolean): void {
    this.accessDenied = on;
  }

  reset(): void {
    this.models = [...this.initial];
    this.accessDenied = false;
  }

  inRegion(region: string): FakeImportedModel[] {
    return this.models.filter((m) => !m.region || m.region === region);
  }

  /** The model an ARN names, or the service's ValidationException. */
  find(arn: string, region: string): FakeImportedModel {
    const m = ARN.exec(arn);
    const model = this.inRegion(region).find((x) => x.id === m?.[3]);
    if (!m || m[1] !== region || m[2] !== FAKE_ACCOUNT_ID || !model) {
      throw validationError(INVALID_MODEL_MESSAGE);
    }
    return model;
  }

  /** ListImportedModels: query members checked like the service; newest first by default. */
  list(query: URLSearchParams, region: string): JsonObject {
    if (this.accessDenied) {
      throw new BedrockError(
        'AccessDeniedException',
        `User: arn:aws:iam::${FAKE_ACCOUNT_ID}:user/learner is not authorized to perform: bedrock:ListImportedModels because no identity-based policy allows the bedrock:ListImportedModels action`,
      );
    }
    const maxRaw = query.get('maxResults');
    const max = maxRaw === null ? 1000 : Number(maxRaw);
    if (!Number.isInteger(max) || max < 1 || max > 1000) {
      throw constraintError('maxResults', maxRaw, 'Member must have value between 1 and 1000');
    }
    const sortBy = query.get('sortBy');
    if (sortBy !== null && sortBy !== 'CreationTime') {
      throw constraintError('sortBy', sortBy, 'Member must satisfy enum value set: [CreationTime]');
    }
    const order = query.get('sortOrder') ?? 'Descending';
    if (order !== 'Ascending' && order !== 'Descending') {
      throw constraintError(
        'sortOrder',
        order,
        'Member must satisfy enum value set: [Ascending, Descending]',
      );
    }
    const name = query.get('nameContains');
    const offset = decodeToken(query.get('nextToken'));
    const sorted = this.inRegion(region)
      .filter((m) => name === null || m.name.includes(name))
      .sort((a, b) => a.createdAt.localeCompare(b.createdAt) * (order === 'Ascending' ? 1 : -1));
    const page = sorted.slice(offset, offset + max).map((m) => ({
      modelArn: importedModelArn(region, m.id),
      modelName: m.name,
      creationTime: m.createdAt,
      ...(m.instructSupported !== undefined ? { instructSupported: m.instructSupported } : {}),
      ...(m.architecture !== undefined ? { modelArchitecture: m.architecture } : {}),
    }));
    const next = offset + max < sorted.length ? encodeToken(offset + max) : undefined;
    return { modelSummaries: page, ...(next ? { nextToken: next } : {}) };
  }
}

function encodeToken(offset: number): string {
  return Buffer.from(JSON.stringify({ offset }), 'utf8').toString('base64');
}

function decodeToken(token: string | null): number {
  if (token === null) return 0;
  try {
    const parsed: unknown = JSON.parse(Buffer.from(token, 'base64').toString('utf8'));
    if (isRecord(parsed) && isInteger(parsed['offset']) && parsed['offset'] >= 0) {
      return parsed['offset'];
    }
  } catch {
    // fall through
  }
  throw validationError('The provided nextToken is invalid.');
}

// ---------------------------------------------------------------------------------------------
// InvokeModel in the chat format

const CHAT_KEYS = ['messages', 'max_tokens', 'temperature', 'top_p', 'logprobs', 'top_logprobs'];
const ROLES = ['system', 'user', 'assistant'];

export interface ChatRequest {
  messages: { role: string; content: string }[];
  maxTokens: number;
  temperature: number;
  logprobs: boolean;
  topLogprobs: number;
}

/**
 * Checks a chat-format body. Long on purpose: one ordered list of the body's rules, each with the
 * service's "Malformed input request" wording, reads best in one place.
 */
export function validateChatBody(body: unknown): ChatRequest {
  if (!isRecord(body)) throw malformedInput('#', 'expected type: JSONObject');
  if ('prompt' in body || 'return_logprobs' in body) {
    throw validationError(
      'The fake Bedrock implements only the OpenAIChatCompletion format for imported models (a `messages` body with `logprobs`), not BedrockCompletion (`prompt`, `return_logprobs`).',
    );
  }
  if ('prompt_logprobs' in body) {
    throw validationError('The fake Bedrock does not implement prompt_logprobs.');
  }
  for (const key of Object.keys(body)) {
    if (!CHAT_KEYS.includes(key)) {
      throw malformedInput('#', `extraneous key [${key}] is not permitted`);
    }
  }
  const messages = body['messages'];
  if (!Array.isArray(messages) || messages.length === 0) {
    throw malformedInput('#/messages', 'expected a non-empty array');
  }
  const parsed = messages.map((m: unknown, i) => {
    if (!isRecord(m)) throw malformedInput(`#/messages/${i}`, 'expected type: JSONObject');
    const role = m['role'];
    const content = m['content'];
    if (typeof role !== 'string' || !ROLES.includes(role)) {
      throw malformedInput(`#/messages/${i}/role`, `${show(role)} is not a valid enum value`);
    }
    if (typeof content !== 'string' || content.trim() === '') {
      throw malformedInput(`#/messages/${i}/content`, 'expected a non-empty string');
    }
    return { role, content };
  });
  if (parsed.at(-1)?.role !== 'user') {
    throw malformedInput('#/messages', 'the last message must have the role user');
  }
  const maxTokens = body['max_tokens'] ?? 16;
  if (!isInteger(maxTokens) || maxTokens < 1 || maxTokens > 4096) {
    throw malformedInput('#/max_tokens', `${show(maxTokens)} is not an integer from 1 to 4096`);
  }
  const temperature = body['temperature'] ?? 1;
  if (!isFiniteNumber(temperature) || temperature < 0 || temperature > 2) {
    throw malformedInput('#/temperature', `${show(temperature)} is not a number from 0 to 2`);
  }
  const topP = body['top_p'];
  if (topP !== undefined && (!isFiniteNumber(topP) || topP <= 0 || topP > 1)) {
    throw malformedInput('#/top_p', `${show(topP)} is not a number above 0 and at most 1`);
  }
  const logprobs = body['logprobs'] ?? false;
  if (typeof logprobs !== 'boolean') {
    throw malformedInput('#/logprobs', `expected type: Boolean, found: ${typeof logprobs}`);
  }
  const top = body['top_logprobs'] ?? 0;
  if (!isInteger(top) || top < 0 || top > 20) {
    throw malformedInput('#/top_logprobs', `${show(top)} is not an integer from 0 to 20`);
  }
  if (top > 0 && !logprobs) {
    throw validationError('when using `top_logprobs`, `logprobs` must be set to true.');
  }
  return { messages: parsed, maxTokens, temperature, logprobs, topLogprobs: top };
}

/** Words the alternatives are drawn from (not the reply's own). */
const VOCABULARY = [' the', ' a', ' model', ' token', ' word', ' next', ' and', ' is', ',', '.'];

const bytesOf = (token: string) => Array.from(Buffer.from(token, 'utf8'));

/** The chosen token's probability: mostly confident, sometimes torn (a deterministic draw). */
function chosenProbability(rng: Rng): number {
  const r = rng.next();
  return r < 0.2 ? 0.12 + r : 0.55 + 0.44 * rng.next();
}

function tokenEntry(token: string, rng: Rng, top: number): JsonObject {
  const p = chosenProbability(rng);
  const logprob = Math.log(p);
  const others = VOCABULARY.filter((w) => w !== token);
  let rest = 1 - p;
  const alternatives: { token: string; logprob: number }[] = [{ token, logprob }];
  for (let i = 0; alternatives.length < top && i < others.length; i++) {
    const share = rest * (0.35 + 0.4 * rng.next());
    rest -= share;
    const word = others[Math.floor(rng.next() * others.length)] ?? ' the';
    if (alternatives.some((a) => a.token === word)) continue;
    alternatives.push({ token: word, logprob: Math.log(share) });
  }
  alternatives.sort((a, b) => b.logprob - a.logprob);
  return {
    token,
    logprob,
    bytes: bytesOf(token),
    top_logprobs: alternatives
      .slice(0, top)
      .map((a) => ({ token: a.token, logprob: a.logprob, bytes: bytesOf(a.token) })),
  };
}

/** The reply, split like a tokenizer would (a word with its leading space). */
function replyTokens(prompt: string): string[] {
  const short = prompt.trim().replace(/\s+/g, ' ').slice(0, 30);
  const text = `The fake imported model answers “${short}”: every token comes with its log probability.`;
  return text.match(/\s*[^\s]+/g) ?? [text];
}

/** The chat-format answer (the AWS page's example shape), or its malformed variant. */
export function chatCompletion(
  model: FakeImportedModel,
  request: ChatRequest,
  malformed: boolean,
): { body: JsonObject; inputTokens: number; outputTokens: number } {
  const prompt = request.messages.map((m) => m.content).join('\n');
  const all = replyTokens(request.messages.at(-1)?.content ?? '');
  const tokens = all.slice(0, request.maxTokens);
  const rng = createRng(seedFromText(`${prompt}|${request.temperature}`));
  const entries = tokens.map((t) => tokenEntry(t, rng, request.topLogprobs));
  if (malformed) for (const e of entries) e['logprob'] = 'very likely';
  const inputTokens = Math.max(1, Math.ceil(prompt.length / 4)) + 8;
  const outputTokens = tokens.length;
  const body = {
    id: `chatcmpl-${randomBytes(16).toString('hex')}`,
    object: 'chat.completion',
    created: Math.floor(Date.now() / 1000),
    model: `${FAKE_ACCOUNT_ID}-${model.id}`,
    choices: [
      {
        index: 0,
        message: { role: 'assistant', content: tokens.join(''), tool_calls: [] },
        logprobs: request.logprobs ? { content: entries } : null,
        finish_reason: tokens.length < all.length ? 'length' : 'stop',
        stop_reason: null,
      },
    ],
    usage: {
      prompt_tokens: inputTokens,
      total_tokens: inputTokens + outputTokens,
      completion_tokens: outputTokens,
    },
    prompt_logprobs: null,
  };
  return { body, inputTokens, outputTokens };
}
