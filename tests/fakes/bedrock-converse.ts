/**
 * Validation of Converse / ConverseStream bodies, as strict as Bedrock Runtime: every rule here
 * answers 400 ValidationException with a message in the service's own style. What passes is
 * summarised as a `ConverseRequestInfo` that behaviours and reply planning work from.
 */
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import type { FakeModel } from './bedrock-models.js';
import {
  decodeBase64,
  isFiniteNumber,
  isInteger,
  isRecord,
  show,
  type JsonObject,
} from './json.js';
import { sniffImageFormat } from './png.js';

export type Role = 'user' | 'assistant';

export interface ConverseMessage {
  role: Role;
  content: JsonObject[];
}

export interface ToolSpecInfo {
  name: string;
  description?: string;
  inputSchema: JsonObject;
}

export type ToolChoiceInfo = { kind: 'auto' } | { kind: 'any' } | { kind: 'tool'; name: string };

export interface InferenceConfigInfo {
  maxTokens?: number;
  temperature?: number;
  topP?: number;
  stopSequences: string[];
}

/** What a behaviour callback sees of a validated Converse request. */
export interface ConverseRequestInfo {
  operation: 'converse' | 'converse-stream';
  /** The identifier as sent (decoded): bare id, profile id, or ARN. */
  modelId: string;
  /** The foundation model it resolved to, e.g. `anthropic.claude-sonnet-4-5-20250929-v1:0`. */
  foundationModelId: string;
  region: string;
  messages: ConverseMessage[];
  /** All system text blocks joined with a newline ('' when none). */
  system: string;
  /** Text of the last user message (its text blocks joined with a newline). */
  lastUserText: string;
  tools: ToolSpecInfo[];
  toolChoice?: ToolChoiceInfo;
  inferenceConfig: InferenceConfigInfo;
  /** The validated guardrailConfig, when the request named an existing guardrail. */
  guardrail?: GuardrailRequestInfo;
  body: JsonObject;
}

/** A guardrail the fake knows (the real service answers only for guardrails in the account). */
export interface FakeGuardrail {
  /** Lower-case letters and digits, as guardrail ids are. */
  id: string;
  /** Published versions ('1', '2'…) plus 'DRAFT'. */
  versions: string[];
  /** What the guardrail sends instead of a blocked prompt / a blocked answer. */
  blockedInputMessage: string;
  blockedOutputMessage: string;
}

/** One guardrail the fake owns by default, so tests can apply a guardrail that exists. */
export const DEFAULT_GUARDRAILS: readonly FakeGuardrail[] = [
  {
    id: 'fakeguardrail01',
    versions: ['DRAFT', '1'],
    blockedInputMessage: 'Sorry, the model cannot answer this question.',
    blockedOutputMessage: 'Sorry, the model cannot answer this question.',
  },
];

export interface GuardrailRequestInfo {
  guardrail: FakeGuardrail;
  version: string;
  trace: 'enabled' | 'disabled' | 'enabled_full';
  streamProcessingMode?: 'sync' | 'async';
}

const TOP_LEVEL_KEYS = new Set([
  'messages',
  'system',
  'inferenceConfig',
  'toolConfig',
  'guardrailConfig',
  'additionalModelRequestFields',
  'additionalModelResponseFieldPaths',
  'promptVariables',
  'requestMetadata',
  'performanceConfig',
  // Newer members of the API (present in the installed SDK's ConverseRequest schema).
  'serviceTier',
  'outputConfig',
]);

/** Fake approximation: providers differ (Nova allows 4); the API itself allows more. */
export const MAX_STOP_SEQUENCES = 4;

const CONTENT_MEMBERS = ['text', 'image', 'document', 'toolUse', 'toolResult', 'cachePoint'];
const IMAGE_FORMATS = ['png', 'jpeg', 'gif', 'webp'];
const DOCUMENT_FORMATS = ['pdf', 'csv', 'doc', 'docx', 'xls', 'xlsx', 'html', 'txt', 'md'];
const TOOL_NAME = /^[a-zA-Z0-9_-]{1,64}$/;
const TOOL_USE_ID = /^[a-zA-Z0-9_-]{1,64}$/;

export function extraneousKey(key: string, pointer = '#'): BedrockError {
  return validationError(
    `Malformed input request: ${pointer}: extraneous key [${key}] is not permitted, please reformat your input and try again.`,
  );
}

function checkKeys(value: JsonObject, allowed: readonly string[], pointer: string): void {
  for (const key of Object.keys(value)) {
    if (!allowed.includes(key)) throw extraneousKey(key, pointer);
  }
}

/** Structure errors the Coral JSON reader raises before any Bedrock rule runs. */
function serialization(message: string): BedrockError {
  return new BedrockError('SerializationException', message);
}

export function validateConverse(
  body: unknown,
  ctx: {
    operation: 'converse' | 'converse-stream';
    modelId: string;
    model: FakeModel;
    region: string;
    /** Guardrails that exist (default: DEFAULT_GUARDRAILS). */
    guardrails?: readonly FakeGuardrail[];
  },
): ConverseRequestInfo {
  const { model } = ctx;
  if (!isRecord(body)) throw serialization('Start of structure or map found where not expected.');
  for (const key of Object.keys(body)) if (!TOP_LEVEL_KEYS.has(key)) throw extraneousKey(key);
  if (model.kind !== 'text') {
    throw validationError(
      "This action doesn't support the model that you provided. Try again with a supported text or chat model.",
    );
  }
  const tools = validateToolConfig(body['toolConfig'], model, ctx.operation === 'converse-stream');
  const messages = validateMessages(body['messages'], model, tools.tools.length > 0);
  const system = validateSystem(body['system'], model);
  const inferenceConfig = validateInferenceConfig(body['inferenceConfig'], model);
  validateOptionalMembers(body);
  const guardrail = validateGuardrailConfig(
    body['guardrailConfig'],
    ctx.operation,
    ctx.region,
    ctx.guardrails ?? DEFAULT_GUARDRAILS,
  );
  return {
    operation: ctx.operation,
    modelId: ctx.modelId,
    foundationModelId: model.modelId,
    region: ctx.region,
    messages,
    system,
    lastUserText: lastUserText(messages),
    tools: tools.tools,
    ...(tools.toolChoice ? { toolChoice: tools.toolChoice } : {}),
    inferenceConfig,
    ...(guardrail ? { guardrail } : {}),
    body,
  };
}

function validateMessages(value: unknown, model: FakeModel, hasTools: boolean): ConverseMessage[] {
  if (value === undefined || value === null) {
    throw constraintError('messages', null, 'Member must not be null');
  }
  if (!Array.isArray(value)) throw serialization('Start of list found where not expected.');
  if (value.length === 0) {
    throw validationError(
      'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
    );
  }
  const messages = value.map((m, i) => validateMessage(m, i, model));
  messages.forEach((m, i) => {
    if (i === 0 && m.role !== 'user') {
      throw validationError(
        'A conversation must start with a user message. Try again with a conversation that starts with a user message.',
      );
    }
    if (i > 0 && messages[i - 1]?.role === m.role) {
      throw validationError(
        'A conversation must alternate between user and assistant roles. Make sure the conversation alternates between user and assistant roles and try again.',
      );
    }
  });
  validateToolPairing(messages, hasTools);
  return messages;
}

function validateMessage(value: unknown, index: number, model: FakeModel): ConverseMessage {
  const at = `messages.${index}`;
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, ['role', 'content'], `#/messages/${index}`);
  const role = value['role'];
  if (role !== 'user' && role !== 'assistant') {
    throw constraintError(
      `${at}.member.role`,
      role,
      'Member must satisfy enum value set: [user, assistant]',
    );
  }
  const content = value['content'];
  if (content === undefined || content === null) {
    throw constraintError(`${at}.member.content`, null, 'Member must not be null');
  }
  if (!Array.isArray(content)) throw serialization('Start of list found where not expected.');
  if (content.length === 0) {
    throw validationError(
      `The content field in the Message object at ${at} is empty. Add a ContentBlock object to the content field and try again.`,
    );
  }
  const blocks = content.map((b, j) => validateContentBlock(b, `${at}.content.${j}`, role, model));
  return { role, content: blocks };
}

function validateContentBlock(
  value: unknown,
  at: string,
  role: Role,
  model: FakeModel,
): JsonObject {
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  const keys = Object.keys(value);
  for (const key of keys) {
    if (!CONTENT_MEMBERS.includes(key)) {
      throw validationError(
        `The ContentBlock object at ${at} contains a member the fake does not support: ${key}. Supported: ${CONTENT_MEMBERS.join(', ')}.`,
      );
    }
  }
  if (keys.length !== 1) {
    throw validationError(
      `The ContentBlock object at ${at} must contain exactly one of ${CONTENT_MEMBERS.join(', ')}; it contains ${keys.length}.`,
    );
  }
  const [member] = keys;
  const inner = value[member ?? ''];
  switch (member) {
    case 'text':
      validateText(inner, at, 'ContentBlock');
      break;
    case 'image':
      requireUserBlock(role, 'image', at);
      if (!model.capabilities.images) throw unsupportedBlock('image');
      validateImage(inner, `${at}.image`);
      break;
    case 'document':
      requireUserBlock(role, 'document', at);
      if (!model.capabilities.documents) throw unsupportedBlock('document');
      validateDocument(inner, `${at}.document`);
      break;
    case 'toolUse':
      if (role !== 'assistant') throw wrongRoleBlock('toolUse', 'assistant', at);
      validateToolUse(inner, `${at}.toolUse`);
      break;
    case 'toolResult':
      requireUserBlock(role, 'toolResult', at);
      validateToolResult(inner, `${at}.toolResult`, model);
      break;
    case 'cachePoint':
      validateCachePoint(inner, `${at}.cachePoint`);
      break;
  }
  return value;
}

function validateText(value: unknown, at: string, owner: string): void {
  if (typeof value !== 'string') throw serialization('Expected a string value for text.');
  if (value.trim().length === 0) {
    throw validationError(
      `The text field in the ${owner} object at ${at} is blank. Add text to the text field, and try again.`,
    );
  }
}

function requireUserBlock(role: Role, block: string, at: string): void {
  if (role !== 'user') throw wrongRoleBlock(block, 'user', at);
}

function wrongRoleBlock(block: string, role: Role, at: string): BedrockError {
  return validationError(
    `The ${block} content block at ${at} is only allowed in messages with the ${role} role.`,
  );
}

function unsupportedBlock(block: string): BedrockError {
  return validationError(
    `This model doesn't support the ${block} content block that you provided. Try again with a supported content block.`,
  );
}

function validateImage(value: unknown, at: string): void {
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, ['format', 'source'], `#/${at.replace(/\./g, '/')}`);
  const format = value['format'];
  if (typeof format !== 'string' || !IMAGE_FORMATS.includes(format)) {
    throw constraintError(
      `${at}.format`,
      format,
      `Member must satisfy enum value set: [${IMAGE_FORMATS.join(', ')}]`,
    );
  }
  const source = value['source'];
  if (!isRecord(source)) throw constraintError(`${at}.source`, null, 'Member must not be null');
  if (isRecord(source['s3Location'])) return validateS3Location(source['s3Location'], at);
  const bytes = decodeBase64(source['bytes']);
  if (!bytes) {
    throw validationError(`The image bytes at ${at}.source.bytes are missing or not valid base64.`);
  }
  const actual = sniffImageFormat(bytes);
  if (actual === undefined) {
    throw validationError(`Unable to process the image at ${at}: the bytes are not a valid image.`);
  }
  if (actual !== format) {
    throw validationError(
      `The format of the image at ${at} (${actual}) doesn't match the format field (${format}). Correct the format and try again.`,
    );
  }
}

function validateS3Location(value: JsonObject, at: string): void {
  if (typeof value['uri'] !== 'string' || !/^s3:\/\/[a-z0-9.-]{3,63}\/.+/.test(value['uri'])) {
    throw validationError(`The S3 location at ${at}.source.s3Location has an invalid uri.`);
  }
}

const DOCUMENT_NAME = /^[a-zA-Z0-9\-()[\] ]+$/;

function validateDocument(value: unknown, at: string): void {
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(
    value,
    ['format', 'name', 'source', 'context', 'citations'],
    `#/${at.replace(/\./g, '/')}`,
  );
  const format = value['format'];
  if (typeof format !== 'string' || !DOCUMENT_FORMATS.includes(format)) {
    throw constraintError(
      `${at}.format`,
      format,
      `Member must satisfy enum value set: [${DOCUMENT_FORMATS.join(', ')}]`,
    );
  }
  const name = value['name'];
  if (typeof name !== 'string' || !DOCUMENT_NAME.test(name) || /\s{2,}/.test(name)) {
    throw validationError(
      `The document name at ${at}.name can only contain alphanumeric characters, whitespace characters, hyphens, parentheses, and square brackets. The name can't contain more than one consecutive whitespace character.`,
    );
  }
  const source = value['source'];
  if (!isRecord(source)) throw constraintError(`${at}.source`, null, 'Member must not be null');
  if (typeof source['text'] === 'string' && source['text'].length > 0) return;
  if (isRecord(source['s3Location'])) return validateS3Location(source['s3Location'], at);
  if (!decodeBase64(source['bytes'])) {
    throw validationError(
      `The document bytes at ${at}.source.bytes are missing or not valid base64.`,
    );
  }
}

function validateToolUse(value: unknown, at: string): void {
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, ['toolUseId', 'name', 'input', 'type'], `#/${at.replace(/\./g, '/')}`);
  const id = value['toolUseId'];
  if (typeof id !== 'string' || !TOOL_USE_ID.test(id)) {
    throw constraintError(
      `${at}.toolUseId`,
      id,
      'Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+',
    );
  }
  const name = value['name'];
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    throw constraintError(
      `${at}.name`,
      name,
      'Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+',
    );
  }
  if (!('input' in value)) throw constraintError(`${at}.input`, null, 'Member must not be null');
  // The service refuses a replayed toolUse whose input is not a JSON object (e.g. the raw string
  // of a garbled tool call): "The format of the value at messages.N.content.M.toolUse.input is
  // invalid".
  if (!isRecord(value['input'])) {
    throw validationError(
      `The format of the value at ${at}.input is invalid. Provide a json object for the field and try again.`,
    );
  }
}

const TOOL_RESULT_MEMBERS = ['json', 'text', 'image', 'document'];

function validateToolResult(value: unknown, at: string, model: FakeModel): void {
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, ['toolUseId', 'content', 'status', 'type'], `#/${at.replace(/\./g, '/')}`);
  const id = value['toolUseId'];
  if (typeof id !== 'string' || !TOOL_USE_ID.test(id)) {
    throw constraintError(
      `${at}.toolUseId`,
      id,
      'Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+',
    );
  }
  const status = value['status'];
  if (status !== undefined && status !== 'success' && status !== 'error') {
    throw constraintError(
      `${at}.status`,
      status,
      'Member must satisfy enum value set: [success, error]',
    );
  }
  const content = value['content'];
  if (!Array.isArray(content)) {
    throw constraintError(`${at}.content`, null, 'Member must not be null');
  }
  content.forEach((block, i) => {
    const blockAt = `${at}.content.${i}`;
    const keys = isRecord(block) ? Object.keys(block) : [];
    const [member] = keys;
    if (!isRecord(block) || keys.length !== 1 || !member || !TOOL_RESULT_MEMBERS.includes(member)) {
      throw validationError(
        `The ToolResultContentBlock at ${blockAt} must contain exactly one of ${TOOL_RESULT_MEMBERS.join(', ')}.`,
      );
    }
    if (member === 'text') validateText(block['text'], blockAt, 'ToolResultContentBlock');
    if (member === 'json' && !isRecord(block['json']) && !Array.isArray(block['json'])) {
      throw validationError(`The json field at ${blockAt} must be a JSON object or array.`);
    }
    if (member === 'image') {
      if (!model.capabilities.images) throw unsupportedBlock('image');
      validateImage(block['image'], `${blockAt}.image`);
    }
    if (member === 'document') {
      if (!model.capabilities.documents) throw unsupportedBlock('document');
      validateDocument(block['document'], `${blockAt}.document`);
    }
  });
}

function validateCachePoint(value: unknown, at: string): void {
  if (!isRecord(value) || value['type'] !== 'default') {
    throw constraintError(
      `${at}.type`,
      isRecord(value) ? value['type'] : null,
      'Member must satisfy enum value set: [default]',
    );
  }
}

/** Tool blocks need a toolConfig, and each assistant toolUse must be answered next turn. */
function validateToolPairing(messages: ConverseMessage[], hasTools: boolean): void {
  const usesTools = messages.some((m) =>
    m.content.some((b) => 'toolUse' in b || 'toolResult' in b),
  );
  if (usesTools && !hasTools) {
    throw validationError(
      'The toolConfig field must be defined when using toolUse and toolResult content blocks.',
    );
  }
  messages.forEach((message, i) => {
    const previous = messages[i - 1];
    const pendingIds = previous ? toolIds(previous, 'toolUse') : [];
    const resultIds = toolIds(message, 'toolResult');
    const unexpected = resultIds.filter((id) => !pendingIds.includes(id));
    if (unexpected.length > 0) {
      throw validationError(
        `messages.${i}.content: unexpected toolUseId found in toolResult blocks: ${unexpected.join(', ')}. Each toolResult block must have a corresponding toolUse block in the previous message.`,
      );
    }
    if (message.role === 'user' && pendingIds.length > 0) {
      const missing = pendingIds.filter((id) => !resultIds.includes(id));
      if (missing.length > 0) {
        throw validationError(
          `Expected toolResult blocks at messages.${i}.content for the following Ids: ${missing.join(', ')}`,
        );
      }
    }
  });
}

function toolIds(message: ConverseMessage, member: 'toolUse' | 'toolResult'): string[] {
  const ids: string[] = [];
  for (const block of message.content) {
    const inner = block[member];
    if (isRecord(inner) && typeof inner['toolUseId'] === 'string') ids.push(inner['toolUseId']);
  }
  return ids;
}

function validateSystem(value: unknown, model: FakeModel): string {
  if (value === undefined) return '';
  if (!Array.isArray(value)) throw serialization('Start of list found where not expected.');
  if (value.length > 0 && !model.capabilities.system) {
    throw validationError(
      "This model doesn't support system messages. Try again without a system message.",
    );
  }
  const texts: string[] = [];
  value.forEach((block, i) => {
    const at = `system.${i}`;
    const keys = isRecord(block) ? Object.keys(block) : [];
    if (!isRecord(block) || keys.length !== 1) {
      throw validationError(
        `The SystemContentBlock at ${at} must contain exactly one of text, cachePoint.`,
      );
    }
    if ('text' in block) {
      validateText(block['text'], at, 'SystemContentBlock');
      texts.push(String(block['text']));
    } else if ('cachePoint' in block) {
      validateCachePoint(block['cachePoint'], `${at}.cachePoint`);
    } else {
      throw extraneousKey(keys[0] ?? '', `#/system/${i}`);
    }
  });
  return texts.join('\n');
}

function validateInferenceConfig(value: unknown, model: FakeModel): InferenceConfigInfo {
  if (value === undefined) return { stopSequences: [] };
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, ['maxTokens', 'temperature', 'topP', 'stopSequences'], '#/inferenceConfig');
  const out: InferenceConfigInfo = { stopSequences: [] };
  const { maxTokens, temperature, topP, stopSequences } = value;
  if (maxTokens !== undefined) {
    if (!isInteger(maxTokens)) throw serialization('Expected an integer for maxTokens.');
    if (maxTokens < 1) {
      throw constraintError(
        'inferenceConfig.maxTokens',
        maxTokens,
        'Member must have value greater than or equal to 1',
      );
    }
    if (maxTokens > model.maxOutputTokens) {
      throw validationError(
        `The maximum tokens you requested exceeds the model limit of ${model.maxOutputTokens}. Try again with a maximum tokens value that is lower than ${model.maxOutputTokens}.`,
      );
    }
    out.maxTokens = maxTokens;
  }
  if (temperature !== undefined) out.temperature = unitInterval(temperature, 'temperature');
  if (topP !== undefined) out.topP = unitInterval(topP, 'topP');
  if (stopSequences !== undefined) out.stopSequences = validateStopSequences(stopSequences);
  return out;
}

function unitInterval(value: unknown, name: string): number {
  if (!isFiniteNumber(value)) throw serialization(`Expected a number for ${name}.`);
  if (value < 0) {
    throw constraintError(
      `inferenceConfig.${name}`,
      value,
      'Member must have value greater than or equal to 0',
    );
  }
  if (value > 1) {
    throw constraintError(
      `inferenceConfig.${name}`,
      value,
      'Member must have value less than or equal to 1',
    );
  }
  return value;
}

function validateStopSequences(value: unknown): string[] {
  if (!Array.isArray(value)) throw serialization('Start of list found where not expected.');
  if (value.length > MAX_STOP_SEQUENCES) {
    throw constraintError(
      'inferenceConfig.stopSequences',
      `[${value.join(', ')}]`,
      `Member must have length less than or equal to ${MAX_STOP_SEQUENCES}`,
    );
  }
  return value.map((s, i) => {
    if (typeof s !== 'string' || s.length === 0) {
      throw constraintError(
        `inferenceConfig.stopSequences.${i}.member`,
        s,
        'Member must have length greater than or equal to 1',
      );
    }
    return s;
  });
}

function validateToolConfig(
  value: unknown,
  model: FakeModel,
  streaming: boolean,
): { tools: ToolSpecInfo[]; toolChoice?: ToolChoiceInfo } {
  if (value === undefined) return { tools: [] };
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, ['tools', 'toolChoice'], '#/toolConfig');
  if (!model.capabilities.toolUse) throw validationError("This model doesn't support tool use.");
  if (streaming && !model.capabilities.streamingToolUse) {
    throw validationError("This model doesn't support tool use in streaming mode.");
  }
  const rawTools = value['tools'];
  if (rawTools === undefined || rawTools === null) {
    throw constraintError('toolConfig.tools', null, 'Member must not be null');
  }
  if (!Array.isArray(rawTools)) throw serialization('Start of list found where not expected.');
  if (rawTools.length === 0) {
    throw constraintError(
      'toolConfig.tools',
      '[]',
      'Member must have length greater than or equal to 1',
    );
  }
  const tools = rawTools.flatMap((t, i) => validateTool(t, i));
  const names = tools.map((t) => t.name);
  const duplicate = names.find((n, i) => names.indexOf(n) !== i);
  if (duplicate) throw validationError(`Tool names must be unique. Duplicate name: ${duplicate}.`);
  const toolChoice = validateToolChoice(value['toolChoice'], names, model);
  return toolChoice ? { tools, toolChoice } : { tools };
}

function validateTool(value: unknown, index: number): ToolSpecInfo[] {
  const at = `toolConfig.tools.${index}.member`;
  if (!isRecord(value) || Object.keys(value).length !== 1) {
    throw validationError(
      `The Tool at toolConfig.tools.${index} must contain exactly one of toolSpec, cachePoint.`,
    );
  }
  if ('cachePoint' in value) {
    validateCachePoint(value['cachePoint'], `${at}.cachePoint`);
    return [];
  }
  const spec = value['toolSpec'];
  if (!isRecord(spec))
    throw extraneousKey(Object.keys(value)[0] ?? '', `#/toolConfig/tools/${index}`);
  checkKeys(
    spec,
    ['name', 'description', 'inputSchema', 'strict'],
    `#/toolConfig/tools/${index}/toolSpec`,
  );
  const name = spec['name'];
  if (typeof name !== 'string' || !TOOL_NAME.test(name)) {
    throw constraintError(
      `${at}.toolSpec.name`,
      name,
      'Member must satisfy regular expression pattern: [a-zA-Z0-9_-]+ and have length between 1 and 64',
    );
  }
  const description = spec['description'];
  if (description !== undefined && (typeof description !== 'string' || description.length === 0)) {
    throw constraintError(
      `${at}.toolSpec.description`,
      description,
      'Member must have length greater than or equal to 1',
    );
  }
  const schema = isRecord(spec['inputSchema']) ? spec['inputSchema']['json'] : undefined;
  if (!isRecord(schema)) {
    throw constraintError(`${at}.toolSpec.inputSchema`, null, 'Member must not be null');
  }
  if (schema['type'] !== 'object') {
    throw validationError(
      `The value at toolConfig.tools.${index}.toolSpec.inputSchema.json.type must be one of the following: object.`,
    );
  }
  return [
    { name, ...(typeof description === 'string' ? { description } : {}), inputSchema: schema },
  ];
}

function validateToolChoice(
  value: unknown,
  names: string[],
  model: FakeModel,
): ToolChoiceInfo | undefined {
  if (value === undefined) return undefined;
  const keys = isRecord(value) ? Object.keys(value) : [];
  if (!isRecord(value) || keys.length !== 1) {
    throw validationError('The toolChoice field must contain exactly one of auto, any, tool.');
  }
  const [kind] = keys;
  const inner = value[kind ?? ''];
  if (kind !== 'auto' && kind !== 'any' && kind !== 'tool') {
    throw extraneousKey(kind ?? '', '#/toolConfig/toolChoice');
  }
  if (!isRecord(inner)) {
    throw serialization('Start of structure or map found where not expected.');
  }
  if (kind !== 'auto' && !model.capabilities.forcedToolChoice) {
    throw validationError(
      `This model doesn't support the toolConfig.toolChoice.${kind} field. Remove toolConfig.toolChoice.${kind} and try again.`,
    );
  }
  if (kind === 'auto' || kind === 'any') {
    checkKeys(inner, [], `#/toolConfig/toolChoice/${kind}`);
    return { kind };
  }
  checkKeys(inner, ['name'], '#/toolConfig/toolChoice/tool');
  const name = inner['name'];
  if (typeof name !== 'string' || !names.includes(name)) {
    throw validationError(
      `The tool name '${show(name)}' in toolConfig.toolChoice.tool doesn't match any tool in toolConfig.tools. Check the name and try again.`,
    );
  }
  return { kind: 'tool', name };
}

function validateOptionalMembers(body: JsonObject): void {
  const extra = body['additionalModelRequestFields'];
  if (extra !== undefined && !isRecord(extra)) {
    throw validationError('The additionalModelRequestFields field must be a JSON object.');
  }
  const paths = body['additionalModelResponseFieldPaths'];
  if (
    paths !== undefined &&
    (!Array.isArray(paths) || paths.some((p) => typeof p !== 'string' || !p.startsWith('/')))
  ) {
    throw validationError(
      'The additionalModelResponseFieldPaths field must be a list of JSON Pointer paths.',
    );
  }
  if (body['promptVariables'] !== undefined) {
    throw validationError(
      'The promptVariables field is only supported with a prompt from Prompt management. Remove promptVariables and try again.',
    );
  }
  validateRequestMetadata(body['requestMetadata']);
  validateEnumMember(body, 'performanceConfig', 'latency', ['standard', 'optimized']);
  validateEnumMember(body, 'serviceTier', 'type', ['default', 'flex', 'priority', 'reserved']);
  const outputConfig = body['outputConfig'];
  if (outputConfig !== undefined && !isRecord(outputConfig)) {
    throw serialization('Start of structure or map found where not expected.');
  }
}

const GUARDRAIL_ID =
  /^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/;
const GUARDRAIL_VERSION = /^(([1-9][0-9]{0,7})|(DRAFT))$/;

/**
 * guardrailConfig as Bedrock Runtime checks it: GuardrailConfiguration (Converse) or
 * GuardrailStreamConfiguration (ConverseStream, which adds streamProcessingMode); identifier and
 * version patterns from the API reference; then the guardrail and version must exist.
 */
function validateGuardrailConfig(
  value: unknown,
  operation: 'converse' | 'converse-stream',
  region: string,
  guardrails: readonly FakeGuardrail[],
): GuardrailRequestInfo | undefined {
  if (value === undefined) return undefined;
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  const keys = ['guardrailIdentifier', 'guardrailVersion', 'trace'];
  if (operation === 'converse-stream') keys.push('streamProcessingMode');
  checkKeys(value, keys, '#/guardrailConfig');
  const { guardrailIdentifier: id, guardrailVersion: version, trace, streamProcessingMode } = value;
  if (id === undefined || id === null) {
    throw constraintError('guardrailConfig.guardrailIdentifier', null, 'Member must not be null');
  }
  if (typeof id !== 'string' || id.length > 2048 || !GUARDRAIL_ID.test(id)) {
    throw constraintError(
      'guardrailConfig.guardrailIdentifier',
      id,
      'Member must satisfy regular expression pattern: (([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail/[a-z0-9]+))',
    );
  }
  if (version === undefined || version === null) {
    throw constraintError('guardrailConfig.guardrailVersion', null, 'Member must not be null');
  }
  if (typeof version !== 'string' || !GUARDRAIL_VERSION.test(version)) {
    throw constraintError(
      'guardrailConfig.guardrailVersion',
      version,
      'Member must satisfy regular expression pattern: (([1-9][0-9]{0,7})|(DRAFT))',
    );
  }
  if (
    trace !== undefined &&
    trace !== 'enabled' &&
    trace !== 'disabled' &&
    trace !== 'enabled_full'
  ) {
    throw constraintError(
      'guardrailConfig.trace',
      trace,
      'Member must satisfy enum value set: [enabled, disabled, enabled_full]',
    );
  }
  if (
    streamProcessingMode !== undefined &&
    streamProcessingMode !== 'sync' &&
    streamProcessingMode !== 'async'
  ) {
    throw constraintError(
      'guardrailConfig.streamProcessingMode',
      streamProcessingMode,
      'Member must satisfy enum value set: [sync, async]',
    );
  }
  const arn = /^arn:aws(-[^:]+)?:bedrock:([a-z0-9-]+):[0-9]{12}:guardrail\/([a-z0-9]+)$/.exec(id);
  const bareId = arn ? arn[3] : id;
  const guardrail = guardrails.find((g) => g.id === bareId);
  if (!guardrail || !guardrail.versions.includes(version) || (arn && arn[2] !== region)) {
    throw validationError(
      'The guardrail identifier or version provided in the request does not exist.',
    );
  }
  return {
    guardrail,
    version,
    trace: trace ?? 'disabled',
    ...(streamProcessingMode !== undefined ? { streamProcessingMode } : {}),
  };
}

function validateRequestMetadata(value: unknown): void {
  if (value === undefined) return;
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  const entries = Object.entries(value);
  if (entries.length > 16) {
    throw constraintError(
      'requestMetadata',
      '{...}',
      'Member must have length less than or equal to 16',
    );
  }
  for (const [k, v] of entries) {
    if (k.length < 1 || k.length > 256 || typeof v !== 'string' || v.length > 256) {
      throw validationError(
        `The requestMetadata entry '${k}' is invalid: keys must be 1-256 and values 0-256 characters.`,
      );
    }
  }
}

function validateEnumMember(
  body: JsonObject,
  member: string,
  field: string,
  allowed: readonly string[],
): void {
  const value = body[member];
  if (value === undefined) return;
  if (!isRecord(value)) throw serialization('Start of structure or map found where not expected.');
  checkKeys(value, [field], `#/${member}`);
  if (typeof value[field] !== 'string' || !allowed.includes(value[field])) {
    throw constraintError(
      `${member}.${field}`,
      value[field],
      `Member must satisfy enum value set: [${allowed.join(', ')}]`,
    );
  }
}

function lastUserText(messages: ConverseMessage[]): string {
  const last = [...messages].reverse().find((m) => m.role === 'user');
  if (!last) return '';
  const texts: string[] = [];
  for (const block of last.content) {
    if (typeof block['text'] === 'string') texts.push(block['text']);
    const result = block['toolResult'];
    if (isRecord(result) && Array.isArray(result['content'])) {
      for (const c of result['content']) {
        if (isRecord(c) && typeof c['text'] === 'string') texts.push(c['text']);
        if (isRecord(c) && c['json'] !== undefined) texts.push(JSON.stringify(c['json']));
      }
    }
  }
  return texts.join('\n');
}

/** Deterministic token estimate: ceil(characters / 4), at least 1. */
export function estimateTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / 4));
}

/** Input tokens for a request: system text, message text, tool specs and tool I/O JSON. */
export function estimateInputTokens(info: ConverseRequestInfo): number {
  let chars = info.system.length;
  for (const message of info.messages) {
    for (const block of message.content) {
      chars +=
        typeof block['text'] === 'string' ? block['text'].length : JSON.stringify(block).length;
    }
  }
  for (const tool of info.tools) chars += JSON.stringify(tool).length;
  return Math.max(1, Math.ceil(chars / 4));
}
