/**
 * Checks of one parsed JSON record against a documented shape (see formats.ts for the pages and
 * rules). Each check reports problems through `add(path, message)`, where `path` names the field
 * (`messages[1].role`, `system[0].text`, or '' for the record as a whole) and `message` is a plain
 * sentence saying what is wrong and what to do. The checks also collect the record's input and
 * output texts for the token estimate.
 */
import { KNOWN_KEYS, NOVA_RESERVED_KEYWORDS, type RecordShape } from './formats';

export type Add = (path: string, message: string) => void;

export interface RecordTexts {
  input: string[];
  output: string[];
}

export interface ShapeOptions {
  /** Amazon Nova: reserved keywords fail the job. */
  nova: boolean;
  /** Distillation students from Anthropic and Meta take exactly one user turn. */
  singleTurnOnly: boolean;
}

export function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

export function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A required, non-empty text field: returns the text, or null after reporting why not. */
function requireText(value: unknown, path: string, add: Add): string | null {
  if (value === undefined) {
    add(path, `"${path}" is missing; add it as text.`);
    return null;
  }
  if (typeof value !== 'string') {
    add(path, `"${path}" must be text, but it is ${describeValue(value)}.`);
    return null;
  }
  if (value.trim() === '') {
    add(path, `"${path}" is empty; Bedrock needs text here. Fill it in or delete the record.`);
    return null;
  }
  return value;
}

function checkReserved(text: string, path: string, add: Add): void {
  const found = NOVA_RESERVED_KEYWORDS.filter((k) => text.includes(k));
  if (found.length === 0) return;
  const list = found.map((k) => `"${k}"`).join(', ');
  add(
    path,
    `"${path}" contains ${list}, which Amazon Nova reserves; a training job with it fails. Reword it.`,
  );
}

export function checkPromptCompletion(rec: Record<string, unknown>, add: Add): RecordTexts {
  const prompt = requireText(rec.prompt, 'prompt', add);
  const completion = requireText(rec.completion, 'completion', add);
  return { input: prompt ? [prompt] : [], output: completion ? [completion] : [] };
}

export function checkInputOnly(rec: Record<string, unknown>, add: Add): RecordTexts {
  const input = requireText(rec.input, 'input', add);
  return { input: input ? [input] : [], output: [] };
}

/**
 * Turn order: the first turn is "user", turns alternate, and (unless `assistantOptional`) the
 * last is "assistant". Only the first out-of-order turn is reported.
 */
export function checkTurnOrder(
  roles: readonly unknown[],
  add: Add,
  opts: { assistantOptional: boolean; singleTurnOnly: boolean },
): void {
  const bad = roles.findIndex((role, i) => role !== (i % 2 === 0 ? 'user' : 'assistant'));
  if (bad >= 0) {
    const expected = bad % 2 === 0 ? 'user' : 'assistant';
    const actual = typeof roles[bad] === 'string' ? `"${String(roles[bad])}"` : 'missing';
    const rule =
      bad === 0
        ? 'the first turn is always the user’s'
        : 'turns alternate user, assistant, user, ...';
    add(
      `messages[${bad}].role`,
      `Turn ${bad + 1} must be "${expected}" (${rule}), but it is ${actual}.`,
    );
    return;
  }
  // A lone user turn is already reported as too few turns.
  if (!opts.assistantOptional && roles.length % 2 === 1 && roles.length > 1) {
    add(
      'messages',
      'The last turn must be the assistant’s answer; this record ends with a user turn.',
    );
  }
  if (opts.singleTurnOnly && roles.length > 2) {
    add(
      'messages',
      'This student model takes single-turn prompts only: one user turn (and at most one assistant turn).',
    );
  }
}

function checkBlocks(
  content: unknown,
  at: string,
  role: unknown,
  add: Add,
  opts: ShapeOptions,
): string[] {
  if (!Array.isArray(content) || content.length === 0) {
    add(`${at}.content`, `"${at}.content" must be a list of blocks such as [{"text": "..."}].`);
    return [];
  }
  const texts: string[] = [];
  content.forEach((block: unknown, j) => {
    const path = `${at}.content[${j}]`;
    if (isObject(block) && ('image' in block || 'video' in block) && !('text' in block)) {
      if (role !== 'user') add(path, `"${path}": images and videos may only appear in user turns.`);
      return;
    }
    if (!isObject(block)) {
      add(
        path,
        `"${path}" must be an object such as {"text": "..."}, but it is ${describeValue(block)}.`,
      );
      return;
    }
    const text = requireText(block.text, `${path}.text`, add);
    if (text === null) return;
    if (opts.nova) checkReserved(text, `${path}.text`, add);
    texts.push(text);
  });
  return texts;
}

function checkSystemBlocks(system: unknown, add: Add, opts: ShapeOptions): string[] {
  if (system === undefined) return [];
  if (!Array.isArray(system)) {
    add(
      'system',
      `"system" must be a list such as [{"text": "..."}], but it is ${describeValue(system)}.`,
    );
    return [];
  }
  const texts: string[] = [];
  system.forEach((block: unknown, i) => {
    const path = `system[${i}].text`;
    const text = requireText(isObject(block) ? block.text : undefined, path, add);
    if (text === null) return;
    if (opts.nova) checkReserved(text, path, add);
    texts.push(text);
  });
  return texts;
}

/** The messages list itself: present, a list of objects; returns them (possibly empty). */
function messageList(value: unknown, add: Add, least: number): Record<string, unknown>[] {
  if (!Array.isArray(value)) {
    add('messages', `"messages" must be a list of turns, but it is ${describeValue(value)}.`);
    return [];
  }
  if (value.length < least) {
    add(
      'messages',
      least === 1
        ? '"messages" is empty; add the user turn.'
        : '"messages" needs at least a user turn and an assistant turn.',
    );
  }
  return value.map((m: unknown, i) => {
    if (!isObject(m))
      add(`messages[${i}]`, `"messages[${i}]" must be an object with "role" and "content".`);
    return isObject(m) ? m : {};
  });
}

export function checkConverse(
  rec: Record<string, unknown>,
  add: Add,
  opts: ShapeOptions & { distillation: boolean },
): RecordTexts {
  if (opts.distillation && rec.schemaVersion === undefined) {
    add(
      'schemaVersion',
      '"schemaVersion" is missing; distillation records need "bedrock-conversation-2024".',
    );
  } else if (rec.schemaVersion !== undefined && typeof rec.schemaVersion !== 'string') {
    add(
      'schemaVersion',
      `"schemaVersion" must be text, but it is ${describeValue(rec.schemaVersion)}.`,
    );
  }
  const input = checkSystemBlocks(rec.system, add, opts);
  const output: string[] = [];
  const messages = messageList(rec.messages, add, opts.distillation ? 1 : 2);
  messages.forEach((m, i) => {
    const texts = checkBlocks(m.content, `messages[${i}]`, m.role, add, opts);
    (m.role === 'assistant' ? output : input).push(...texts);
  });
  if (messages.length > 0) {
    checkTurnOrder(
      messages.map((m) => m.role),
      add,
      { assistantOptional: opts.distillation, singleTurnOnly: opts.singleTurnOnly },
    );
  }
  return { input, output };
}

export function checkClaudeMessages(rec: Record<string, unknown>, add: Add): RecordTexts {
  const input: string[] = [];
  const output: string[] = [];
  if (rec.system !== undefined) {
    const system = requireText(rec.system, 'system', add);
    if (system) input.push(system);
  }
  const messages = messageList(rec.messages, add, 2);
  messages.forEach((m, i) => {
    const text = requireText(m.content, `messages[${i}].content`, add);
    if (text) (m.role === 'assistant' ? output : input).push(text);
  });
  if (messages.length > 0) {
    checkTurnOrder(
      messages.map((m) => m.role),
      add,
      { assistantOptional: false, singleTurnOnly: false },
    );
  }
  return { input, output };
}

/** Keys the shape does not document: reported as warnings, and left out of the export. */
export function unknownKeys(rec: Record<string, unknown>, shape: RecordShape): string[] {
  return Object.keys(rec).filter((k) => !KNOWN_KEYS[shape].includes(k));
}

export function checkShape(
  rec: Record<string, unknown>,
  shape: RecordShape,
  add: Add,
  opts: ShapeOptions,
): RecordTexts {
  switch (shape) {
    case 'prompt-completion':
      return checkPromptCompletion(rec, add);
    case 'input-only':
      return checkInputOnly(rec, add);
    case 'claude-messages':
      return checkClaudeMessages(rec, add);
    case 'converse':
      return checkConverse(rec, add, { ...opts, distillation: false });
    case 'distillation-prompt':
      return checkConverse(rec, add, { ...opts, distillation: true });
  }
}
