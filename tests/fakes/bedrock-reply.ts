/**
 * Turns a content behaviour (ok / reply / toolUse / malformed) and a validated Converse request
 * into what the fake model "says", applying the request's maxTokens and stopSequences the way a
 * real model would.
 */
import { createHash } from 'node:crypto';
import { validationError } from './bedrock-errors.js';
import type { ConverseRequestInfo, ToolSpecInfo } from './bedrock-converse.js';
import { sampleFromSchema } from './json.js';

export type StopReason =
  'end_turn' | 'max_tokens' | 'stop_sequence' | 'tool_use' | 'guardrail_intervened';

export type ReplyPlan =
  | {
      kind: 'text';
      text: string;
      stopReason: StopReason;
      /** A guardrail blocked the prompt: the model never ran (no output tokens). */
      blockedInput?: boolean;
    }
  | {
      kind: 'toolUse';
      toolUseId: string;
      name: string;
      /** The `input` document of a non-streamed reply. */
      input: unknown;
      /** What ConverseStream streams as `delta.toolUse.input` chunks. */
      inputJson: string;
      stopReason: 'tool_use';
    };

/** A scripted model turn (behaviour `turn`): text and/or several toolUse blocks. */
export interface TurnPlan {
  blocks: TurnBlock[];
  stopReason: 'end_turn' | 'tool_use';
}

/** One block of a scripted turn. */
export type TurnBlock =
  { text: string } | { toolUseId: string; name: string; input: unknown; inputJson: string };

/** One tool call of a scripted turn (behaviour `turn`). */
export interface ScriptedToolUse {
  name: string;
  /** A value, or a function of the request (default: sampled from the tool's schema). */
  input?: ToolInput;
}

/** The subset of behaviours that decide the reply content (see `Behavior` in bedrock.ts). */
export type ContentBehavior =
  | { kind: 'ok' }
  | { kind: 'reply'; text: string | ((req: ConverseRequestInfo) => string) }
  | { kind: 'toolUse'; input?: ToolInput; name?: string }
  | { kind: 'malformed' };

/** A scripted tool input: a value, or a function of the request that returns one. */
export type ToolInput =
  ((req: ConverseRequestInfo) => unknown) | object | string | number | boolean | null;

export const DEFAULT_REPLY_PREFIX = 'This is the fake Bedrock reply to: ';

/** The `ok` reply: deterministic and traceable to the prompt. */
export function defaultReplyText(req: ConverseRequestInfo): string {
  return `${DEFAULT_REPLY_PREFIX}${req.lastUserText.slice(0, 40)}`;
}

export const MALFORMED_TEXT =
  'Sure! Here is what you asked for, though not as JSON: {answer: maybe';
export const MALFORMED_TOOL_INPUT = '{"answer": "unterminated';

export function planReply(
  behavior: ContentBehavior,
  req: ConverseRequestInfo,
  callNumber: number,
): ReplyPlan {
  switch (behavior.kind) {
    case 'ok': {
      const forced = forcedTool(req);
      if (forced) return toolUsePlan(forced, sampleFromSchema(forced.inputSchema), req, callNumber);
      return textPlan(defaultReplyText(req), req);
    }
    case 'reply':
      return textPlan(
        typeof behavior.text === 'function' ? behavior.text(req) : behavior.text,
        req,
      );
    case 'toolUse': {
      const tool = chooseTool(req, behavior.name);
      const scripted = behavior.input;
      const input = isInputFunction(scripted)
        ? scripted(req)
        : scripted === undefined
          ? sampleFromSchema(tool.inputSchema)
          : scripted;
      return toolUsePlan(tool, input, req, callNumber);
    }
    case 'malformed': {
      if (req.tools.length === 0) return textPlan(MALFORMED_TEXT, req);
      const tool = chooseTool(req, undefined);
      return {
        kind: 'toolUse',
        toolUseId: toolUseId(req, callNumber),
        name: tool.name,
        input: MALFORMED_TOOL_INPUT,
        inputJson: MALFORMED_TOOL_INPUT,
        stopReason: 'tool_use',
      };
    }
  }
}

/**
 * A scripted turn: the text first (if any), then one toolUse block per scripted call, in order,
 * each with its own id; stopReason `tool_use` when there are calls, else `end_turn`. Every named
 * tool must be in the request's toolConfig (the service only lets a model call declared tools).
 */
export function turnPlan(
  behavior: { text?: string; toolUses?: readonly ScriptedToolUse[] },
  req: ConverseRequestInfo,
  callNumber: number,
): TurnPlan {
  const blocks: TurnBlock[] = behavior.text ? [{ text: behavior.text }] : [];
  (behavior.toolUses ?? []).forEach((use, i) => {
    const tool = chooseTool(req, use.name);
    const input = isInputFunction(use.input)
      ? use.input(req)
      : use.input === undefined
        ? sampleFromSchema(tool.inputSchema)
        : use.input;
    blocks.push({
      toolUseId: toolUseId(req, callNumber * 100 + i),
      name: tool.name,
      input,
      inputJson: JSON.stringify(input ?? null),
    });
  });
  if (blocks.length === 0) blocks.push({ text: defaultReplyText(req) });
  const calls = blocks.some((b) => 'toolUseId' in b);
  return { blocks, stopReason: calls ? 'tool_use' : 'end_turn' };
}

/** A scripted turn's content as Converse returns it (`output.message.content`). */
export function blocksContent(blocks: readonly TurnBlock[]): unknown[] {
  return blocks.map((b) =>
    'text' in b
      ? { text: b.text }
      : { toolUse: { toolUseId: b.toolUseId, name: b.name, input: b.input } },
  );
}

/**
 * A scripted turn as ConverseStream events, one content block index per block: text blocks
 * stream as text deltas (no contentBlockStart, as the service sends), toolUse blocks start with
 * their id and name, then stream their input JSON in pieces.
 */
export interface TurnStreamEvent {
  event: 'contentBlockStart' | 'contentBlockDelta' | 'contentBlockStop';
  payload: object;
}

export function blocksStreamEvents(blocks: readonly TurnBlock[]): TurnStreamEvent[] {
  return blocks.flatMap((b, contentBlockIndex): TurnStreamEvent[] => {
    if ('text' in b) {
      return [
        ...chunkText(b.text).map((text) => ({
          event: 'contentBlockDelta' as const,
          payload: { delta: { text }, contentBlockIndex },
        })),
        { event: 'contentBlockStop' as const, payload: { contentBlockIndex } },
      ];
    }
    const pieces: string[] = [];
    for (let i = 0; i < b.inputJson.length; i += 10) pieces.push(b.inputJson.slice(i, i + 10));
    return [
      {
        event: 'contentBlockStart' as const,
        payload: {
          start: { toolUse: { toolUseId: b.toolUseId, name: b.name } },
          contentBlockIndex,
        },
      },
      ...pieces.map((input) => ({
        event: 'contentBlockDelta' as const,
        payload: { delta: { toolUse: { input } }, contentBlockIndex },
      })),
      { event: 'contentBlockStop' as const, payload: { contentBlockIndex } },
    ];
  });
}

/** Output tokens of a scripted turn: its text and input JSON at 4 characters per token. */
export function blocksOutputChars(blocks: readonly TurnBlock[]): number {
  return blocks.reduce((n, b) => n + ('text' in b ? b.text.length : b.inputJson.length), 0);
}

function isInputFunction(
  input: ToolInput | undefined,
): input is (req: ConverseRequestInfo) => unknown {
  return typeof input === 'function';
}

/** Cuts the text at the first stop sequence, then at maxTokens (4 characters per token). */
function textPlan(text: string, req: ConverseRequestInfo): ReplyPlan {
  let out = text;
  let stopReason: StopReason = 'end_turn';
  const cut = req.inferenceConfig.stopSequences
    .map((s) => out.indexOf(s))
    .filter((i) => i >= 0)
    .sort((a, b) => a - b)[0];
  if (cut !== undefined) {
    out = out.slice(0, cut);
    stopReason = 'stop_sequence';
  }
  const maxTokens = req.inferenceConfig.maxTokens;
  if (maxTokens !== undefined && Math.ceil(out.length / 4) > maxTokens) {
    out = Array.from(out)
      .slice(0, maxTokens * 4)
      .join('');
    stopReason = 'max_tokens';
  }
  return { kind: 'text', text: out, stopReason };
}

function toolUsePlan(
  tool: ToolSpecInfo,
  input: unknown,
  req: ConverseRequestInfo,
  callNumber: number,
): ReplyPlan {
  return {
    kind: 'toolUse',
    toolUseId: toolUseId(req, callNumber),
    name: tool.name,
    input,
    inputJson: JSON.stringify(input ?? null),
    stopReason: 'tool_use',
  };
}

function forcedTool(req: ConverseRequestInfo): ToolSpecInfo | undefined {
  const choice = req.toolChoice;
  if (!choice || choice.kind === 'auto') return undefined;
  if (choice.kind === 'tool') return req.tools.find((t) => t.name === choice.name);
  return req.tools[0];
}

/** The forced tool, else the named one, else the first; a request without tools is refused. */
function chooseTool(req: ConverseRequestInfo, name: string | undefined): ToolSpecInfo {
  const forced = forcedTool(req);
  const tool = name ? req.tools.find((t) => t.name === name) : (forced ?? req.tools[0]);
  if (!tool) {
    throw validationError(
      name
        ? `Fake Bedrock: the toolUse behaviour names tool '${name}', which the request's toolConfig does not define.`
        : 'Fake Bedrock: the toolUse behaviour needs toolConfig.tools in the request.',
    );
  }
  return tool;
}

/** Ids look like the service's (`tooluse_` + 22 url-safe characters) and are reproducible. */
function toolUseId(req: ConverseRequestInfo, callNumber: number): string {
  const digest = createHash('sha256')
    .update(`${callNumber}|${req.lastUserText}`)
    .digest('base64url');
  return `tooluse_${digest.slice(0, 22)}`;
}

/** Splits text into deterministic 3-8 character deltas, never inside a surrogate pair. */
export function chunkText(text: string): string[] {
  const sizes = [3, 5, 8, 4, 6, 7];
  const chars = Array.from(text);
  const chunks: string[] = [];
  for (let i = 0, n = 0; i < chars.length; n++) {
    const size = sizes[n % sizes.length] ?? 5;
    chunks.push(chars.slice(i, i + size).join(''));
    i += size;
  }
  return chunks;
}
