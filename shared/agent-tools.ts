/**
 * The agent's local tools and its Converse tool-use loop, pure: each tool has a zod input and
 * output schema, the JSON schema Converse's toolSpec needs is derived from the input schema with
 * zod's toJSONSchema (so the two cannot drift), inputs are validated on the way in and outputs on
 * the way out, and the tools take their data (notes, glossary, questions, clock, random source)
 * as arguments. The loop is a reducer over Converse messages: an assistant turn with toolUse
 * blocks becomes one user message of toolResult blocks (one per call, in the same order), with a
 * cap on model turns and a trace of steps for display.
 *
 * Converse's rules used here (Bedrock Runtime service model 2023-09-30, boto/botocore@0e6e2404):
 * a tool name is 1-64 characters of [a-zA-Z0-9_-]; toolSpec is {name, description,
 * inputSchema: {json}}; a toolResult answers a toolUseId with content blocks ({json} or {text})
 * and status success or error; stopReason `tool_use` asks for tool results.
 */
import { z } from 'zod';
import type { JsonObject, JsonValue } from './question-draft';
import type { Question } from './questions';
import type { Rng } from './random';

// ---- The data the tools read (passed in, never imported) ----

export interface AgentNote {
  id: string;
  title: string;
  /** Markdown body. */
  body: string;
}

export interface AgentGlossaryEntry {
  term: string;
  definition: string;
  /** The id of the note that teaches the term. */
  note: string;
  aliases?: readonly string[];
}

export interface AgentToolData {
  notes: readonly AgentNote[];
  glossary: readonly AgentGlossaryEntry[];
  questions: readonly Question[];
  /** The clock (today's date tool). */
  now: Date;
  /** An IANA time zone such as Europe/Paris, for today's date. */
  timeZone: string;
  /** The random source the practice question draw uses. */
  rng: Rng;
}

/** What a tool returns: a value, or a sentence the model reads as an error result. */
export type ToolOutcome<T> = { ok: true; value: T } | { ok: false; error: string };

export interface AgentTool<I extends z.ZodType = z.ZodType, O extends z.ZodType = z.ZodType> {
  name: string;
  description: string;
  input: I;
  output: O;
  run: (input: z.output<I>, data: AgentToolData) => ToolOutcome<z.input<O>>;
}

const defineTool = <I extends z.ZodType, O extends z.ZodType>(tool: AgentTool<I, O>) => tool;

// ---- Text helpers ----

const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how in is it of on or the to what when which who why with'.split(
    ' ',
  ),
);

/** Lower-case words of two or more letters or digits, stop words removed. */
export function searchTerms(text: string): string[] {
  return (text.toLowerCase().match(/[a-z0-9]+/g) ?? []).filter(
    (w) => w.length >= 2 && !STOP_WORDS.has(w),
  );
}

const normalise = (text: string) =>
  text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

const clip = (text: string, max: number) =>
  text.length > max ? `${text.slice(0, max - 1).trimEnd()}…` : text;

/** Markdown markers removed, whitespace collapsed: text a model can quote. */
function plain(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/[#>*_`|]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

// ---- search_notes ----

const SearchNotesInput = z
  .object({
    query: z
      .string()
      .trim()
      .min(1)
      .max(200)
      .describe('Words to look for in the study notes, such as "prompt injection guardrails".'),
    limit: z
      .number()
      .int()
      .min(1)
      .max(8)
      .optional()
      .describe('How many notes to return, 1 to 8 (default 3).'),
  })
  .strict();

const SearchNotesOutput = z
  .object({
    results: z.array(
      z
        .object({
          noteId: z.string(),
          title: z.string(),
          /** The paragraph of the note that matches best, Markdown removed. */
          excerpt: z.string().max(400),
          score: z.number().min(0),
        })
        .strict(),
    ),
  })
  .strict();

interface IndexedNote {
  note: AgentNote;
  title: Set<string>;
  counts: Map<string, number>;
}

function indexNote(note: AgentNote): IndexedNote {
  const counts = new Map<string, number>();
  for (const w of searchTerms(plain(note.body))) counts.set(w, (counts.get(w) ?? 0) + 1);
  return { note, title: new Set(searchTerms(note.title)), counts };
}

/** The paragraph with the most query-term hits (the first on ties), clipped. */
function bestParagraph(body: string, terms: readonly string[]): string {
  let best = '';
  let bestHits = -1;
  for (const paragraph of body.split(/\n\s*\n/)) {
    const text = plain(paragraph);
    if (!text) continue;
    const words = searchTerms(text);
    const hits = words.filter((w) => terms.includes(w)).length;
    if (hits > bestHits) [best, bestHits] = [text, hits];
  }
  return clip(best, 300);
}

/**
 * Lexical search over the notes: for each query term, an inverse document frequency weight times
 * (3 if the title has it) plus log(1 + its count in the body). Notes that match no term are left
 * out; ties keep the notes' order.
 */
export function searchNotes(notes: readonly AgentNote[], query: string, limit: number) {
  const terms = [...new Set(searchTerms(query))];
  const indexed = notes.map(indexNote);
  const n = indexed.length;
  const idf = new Map(
    terms.map((t) => {
      const df = indexed.filter((d) => d.title.has(t) || d.counts.has(t)).length;
      return [t, Math.log(1 + (n - df + 0.5) / (df + 0.5))];
    }),
  );
  const scored = indexed.map((d) => {
    const score = terms.reduce((sum, t) => {
      const tf = (d.title.has(t) ? 3 : 0) + Math.log(1 + (d.counts.get(t) ?? 0));
      return sum + (idf.get(t) ?? 0) * tf;
    }, 0);
    return { d, score };
  });
  return scored
    .filter((s) => s.score > 0)
    .sort((a, b) => b.score - a.score)
    .slice(0, limit)
    .map(({ d, score }) => ({
      noteId: d.note.id,
      title: d.note.title,
      excerpt: bestParagraph(d.note.body, terms),
      score: Math.round(score * 1000) / 1000,
    }));
}

const searchNotesTool = defineTool({
  name: 'search_notes',
  description:
    'Search the learner’s AWS AI Practitioner study notes. Returns the best-matching notes with a short excerpt each. Use it before answering a question about the exam’s content.',
  input: SearchNotesInput,
  output: SearchNotesOutput,
  run: (input, data) => ({
    ok: true,
    value: { results: searchNotes(data.notes, input.query, input.limit ?? 3) },
  }),
});

// ---- lookup_glossary ----

const LookupGlossaryInput = z
  .object({
    term: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe('The term to define, such as "temperature" or "RAG".'),
  })
  .strict();

const LookupGlossaryOutput = z
  .object({
    found: z.boolean(),
    term: z.string().nullable(),
    definition: z.string().nullable(),
    noteId: z.string().nullable(),
    /** Close terms when there is no exact match (at most 5). */
    suggestions: z.array(z.string()).max(5),
  })
  .strict();

/** The glossary entry whose term or alias is the query (case and punctuation ignored). */
export function lookupGlossary(glossary: readonly AgentGlossaryEntry[], term: string) {
  const q = normalise(term);
  const entry = glossary.find(
    (e) => normalise(e.term) === q || (e.aliases ?? []).some((a) => normalise(a) === q),
  );
  if (entry) {
    return {
      found: true,
      term: entry.term,
      definition: entry.definition,
      noteId: entry.note,
      suggestions: [],
    };
  }
  const words = new Set(searchTerms(term));
  const suggestions = glossary
    .filter((e) => {
      const t = normalise(e.term);
      return q.length > 0 && (t.includes(q) || searchTerms(e.term).some((w) => words.has(w)));
    })
    .map((e) => e.term)
    .sort((a, b) => a.localeCompare(b))
    .slice(0, 5);
  return { found: false, term: null, definition: null, noteId: null, suggestions };
}

const lookupGlossaryTool = defineTool({
  name: 'lookup_glossary',
  description:
    'Look up the definition of a term in the study glossary. If the term is not there, returns close terms to try instead.',
  input: LookupGlossaryInput,
  output: LookupGlossaryOutput,
  run: (input, data) => ({ ok: true, value: lookupGlossary(data.glossary, input.term) }),
});

// ---- draw_practice_question ----

const DrawQuestionInput = z
  .object({
    topic: z
      .string()
      .trim()
      .min(1)
      .max(80)
      .describe(
        'A task statement of the exam guide such as "3.2", or words such as "prompt injection".',
      ),
  })
  .strict();

const DrawQuestionOutput = z
  .object({
    /** How many single- or multiple-answer questions matched the topic. */
    matching: z.number().int().min(0),
    question: z
      .object({
        id: z.string(),
        task: z.string(),
        type: z.enum(['single', 'multiple']),
        stem: z.string(),
        options: z.array(z.object({ id: z.string(), text: z.string() }).strict()),
        /** How many options to choose. */
        select: z.number().int().min(1),
      })
      .strict()
      .nullable(),
  })
  .strict();

type ChoiceQuestion = Extract<Question, { type: 'single' | 'multiple' }>;

const isChoice = (q: Question): q is ChoiceQuestion => q.type === 'single' || q.type === 'multiple';

/** Questions on a topic: a task id matches the task; words match the stem or the tags. */
export function questionsOnTopic(questions: readonly Question[], topic: string): ChoiceQuestion[] {
  const t = topic.trim();
  const choice = questions.filter(isChoice);
  if (/^[1-5]\.[1-4]$/.test(t)) return choice.filter((q) => q.task === t);
  const words = searchTerms(t);
  if (words.length === 0) return [];
  return choice.filter((q) => {
    const have = new Set(searchTerms(`${q.stem} ${q.tags.join(' ')}`));
    return words.every((w) => have.has(w));
  });
}

/**
 * One question on the topic, drawn with `rng`, without its answer or explanations (the agent
 * asks; the learner answers in the quiz).
 */
export function drawPracticeQuestion(questions: readonly Question[], topic: string, rng: Rng) {
  const pool = questionsOnTopic(questions, topic);
  const q = pool[Math.floor(rng.next() * pool.length)];
  if (!q) return { matching: 0, question: null };
  return {
    matching: pool.length,
    question: {
      id: q.id,
      task: q.task,
      type: q.type,
      stem: q.stem,
      options: q.options.map((o) => ({ id: o.id, text: o.text })),
      select: q.type === 'single' ? 1 : q.answers.length,
    },
  };
}

const drawQuestionTool = defineTool({
  name: 'draw_practice_question',
  description:
    'Draw one practice question (single or multiple answer) on a topic from the question bank, without its answer. The topic is an exam task statement such as "3.2" or words that must all appear in the question.',
  input: DrawQuestionInput,
  output: DrawQuestionOutput,
  run: (input, data) => ({
    ok: true,
    value: drawPracticeQuestion(data.questions, input.topic, data.rng),
  }),
});

// ---- calculator: a small parser, no eval ----

type CalcToken =
  { kind: 'num'; value: number; at: number } | { kind: 'op'; op: string; at: number };

const ALLOWED = 'only numbers, + - * / ^ and parentheses are allowed';

class CalcError extends Error {}

/** Tokens of an arithmetic expression; names and other characters are refused with a position. */
function tokenize(expression: string): CalcToken[] {
  const tokens: CalcToken[] = [];
  const re = /\s+|(\d+(?:\.\d*)?|\.\d+)(?:[eE][+-]?\d+)?|[A-Za-z_][A-Za-z0-9_]*|[-+*/^()]|./guy;
  for (let m = re.exec(expression); m; m = re.exec(expression)) {
    const text = m[0];
    const at = m.index + 1;
    if (/^\s+$/.test(text)) continue;
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(text), at });
    else if (/^[A-Za-z_]/.test(text)) {
      throw new CalcError(
        `Names such as "${clip(text, 20)}" (position ${at}) are not allowed: ${ALLOWED}.`,
      );
    } else if ('+-*/^()'.includes(text)) tokens.push({ kind: 'op', op: text, at });
    else throw new CalcError(`"${text}" at position ${at} is not allowed: ${ALLOWED}.`);
  }
  return tokens;
}

/** Recursive descent: + and - below * and /, below unary signs, below ^ (right-associative). */
function parseExpression(tokens: readonly CalcToken[]): number {
  let i = 0;
  let depth = 0;
  const peek = () => tokens[i];
  const isOp = (op: string) => {
    const t = peek();
    return t?.kind === 'op' && t.op === op;
  };
  const expression = (): number => {
    let value = term();
    while (isOp('+') || isOp('-')) {
      const plus = isOp('+');
      i++;
      value = plus ? value + term() : value - term();
    }
    return value;
  };
  const term = (): number => {
    let value = unary();
    while (isOp('*') || isOp('/')) {
      const divide = isOp('/');
      const at = tokens[i]?.at ?? 0;
      i++;
      const right = unary();
      if (divide && right === 0) throw new CalcError(`Division by zero at position ${at}.`);
      value = divide ? value / right : value * right;
    }
    return value;
  };
  const unary = (): number => {
    if (!isOp('-') && !isOp('+')) return power();
    const minus = isOp('-');
    i++;
    return minus ? -unary() : unary();
  };
  const power = (): number => {
    const base = primary();
    if (!isOp('^')) return base;
    i++;
    return base ** unary();
  };
  const primary = (): number => {
    const t = tokens[i++];
    if (!t) throw new CalcError('The expression ends too early: a number or "(" is missing.');
    if (t.kind === 'num') return t.value;
    if (t.op !== '(') throw new CalcError(`"${t.op}" at position ${t.at} is not expected here.`);
    if (++depth > 50) throw new CalcError('Parentheses are nested too deeply (50 at most).');
    const value = expression();
    if (!isOp(')')) throw new CalcError(`The "(" at position ${t.at} is never closed.`);
    i++;
    depth--;
    return value;
  };
  const value = expression();
  const rest = peek();
  if (rest) {
    const what = rest.kind === 'num' ? String(rest.value) : rest.op;
    throw new CalcError(`"${what}" at position ${rest.at} is not expected here.`);
  }
  return value;
}

/**
 * The value of an arithmetic expression (numbers, + - * / ^, parentheses, unary signs), rounded
 * to 12 significant digits so 0.1 + 0.2 reads 0.3. Never evaluates code: anything else is refused.
 */
export function evaluateExpression(expression: string): ToolOutcome<number> {
  try {
    const tokens = tokenize(expression);
    if (tokens.length === 0) return { ok: false, error: 'The expression is empty.' };
    const value = parseExpression(tokens);
    if (Number.isNaN(value)) {
      return {
        ok: false,
        error:
          'The result is not a real number (for example a fractional power of a negative number).',
      };
    }
    if (!Number.isFinite(value))
      return { ok: false, error: 'The result is too large to represent.' };
    const rounded = Number(value.toPrecision(12));
    return { ok: true, value: rounded === 0 ? 0 : rounded };
  } catch (e) {
    if (e instanceof CalcError) return { ok: false, error: e.message };
    throw e;
  }
}

const calculatorTool = defineTool({
  name: 'calculator',
  description:
    'Evaluate an arithmetic expression exactly, such as token or cost arithmetic: "(1200 + 300) / 1000 * 0.003". Supports numbers, + - * / ^ (power) and parentheses; no names or functions.',
  input: z
    .object({
      expression: z.string().trim().min(1).max(200).describe('The expression to evaluate.'),
    })
    .strict(),
  output: z.object({ expression: z.string(), value: z.number() }).strict(),
  run: (input) => {
    const result = evaluateExpression(input.expression);
    return result.ok
      ? { ok: true, value: { expression: input.expression, value: result.value } }
      : result;
  },
});

// ---- current_date ----

/** Today's date, weekday and time in `timeZone` (an IANA name), from the clock `now`. */
export function currentDate(now: Date, timeZone: string) {
  let parts: Intl.DateTimeFormatPart[];
  try {
    parts = new Intl.DateTimeFormat('en-US', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      weekday: 'long',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    }).formatToParts(now);
  } catch {
    return {
      ok: false as const,
      error: `The time zone "${timeZone}" is not known here, so today's date cannot be given.`,
    };
  }
  const get = (type: Intl.DateTimeFormatPartTypes) =>
    parts.find((p) => p.type === type)?.value ?? '';
  return {
    ok: true as const,
    value: {
      date: `${get('year')}-${get('month')}-${get('day')}`,
      weekday: get('weekday'),
      time: `${get('hour')}:${get('minute')}`,
      timeZone,
      iso: now.toISOString(),
    },
  };
}

const currentDateTool = defineTool({
  name: 'current_date',
  description:
    'Today’s date, weekday and time in the learner’s time zone, for questions such as how many days are left before an exam date.',
  input: z.object({}).strict(),
  output: z
    .object({
      date: z.iso.date(),
      weekday: z.string(),
      time: z.string().regex(/^\d{2}:\d{2}$/),
      timeZone: z.string(),
      iso: z.iso.datetime(),
    })
    .strict(),
  run: (_input, data) => currentDate(data.now, data.timeZone),
});

// ---- The registry, the JSON schemas and running a call ----

/** Every local tool, in the order the model is told about them. */
export const AGENT_TOOLS: readonly AgentTool[] = [
  searchNotesTool,
  lookupGlossaryTool,
  drawQuestionTool,
  calculatorTool,
  currentDateTool,
] as readonly AgentTool[];

/** A tool's input as JSON Schema, derived from its zod schema (no `$schema` member). */
export function toolInputJsonSchema(tool: Pick<AgentTool, 'input'>): JsonObject {
  const schema = JSON.parse(
    JSON.stringify(z.toJSONSchema(tool.input, { io: 'input' })),
  ) as JsonObject;
  delete schema.$schema;
  return schema;
}

/** Converse's toolConfig.tools for these tools. */
export function converseTools(tools: readonly AgentTool[] = AGENT_TOOLS) {
  return tools.map((tool) => ({
    toolSpec: {
      name: tool.name,
      description: tool.description,
      inputSchema: { json: toolInputJsonSchema(tool) },
    },
  }));
}

/** A tool call as the model made it (a Converse toolUse block). */
export interface ToolCall {
  toolUseId: string;
  name: string;
  input: unknown;
}

/** A call and what came of it. */
export interface ToolRun extends ToolCall {
  /** `declined`: the learner refused the call (confirm-each-call mode). */
  status: 'success' | 'error' | 'declined';
  output: JsonObject | null;
  /** The sentence the model reads when the call did not succeed. */
  error: string | null;
}

const failed = (call: ToolCall, error: string): ToolRun => ({
  ...call,
  status: 'error',
  output: null,
  error,
});

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 5)
    .map((i) => `${i.path.length > 0 ? i.path.map(String).join('.') : '(input)'}: ${i.message}`)
    .join('; ');
}

/**
 * Runs one call: finds the tool, validates the input against its schema, runs it, validates the
 * output. Every failure becomes an error result whose sentence tells the model what to change.
 */
export function runToolCall(
  call: ToolCall,
  data: AgentToolData,
  tools: readonly AgentTool[] = AGENT_TOOLS,
): ToolRun {
  const tool = tools.find((t) => t.name === call.name);
  if (!tool) {
    const names = tools.map((t) => t.name).join(', ');
    return failed(call, `There is no tool named "${call.name}". The tools are: ${names}.`);
  }
  const input = tool.input.safeParse(call.input);
  if (!input.success) {
    return failed(
      call,
      `The input for ${tool.name} does not match its schema (${issuesText(input.error)}). Correct the input and call the tool again.`,
    );
  }
  let outcome: ToolOutcome<unknown>;
  try {
    outcome = tool.run(input.data, data);
  } catch (e) {
    return failed(
      call,
      `The ${tool.name} tool failed: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
  if (!outcome.ok) return failed(call, outcome.error);
  const output = tool.output.safeParse(outcome.value);
  if (!output.success) {
    return failed(
      call,
      `The ${tool.name} tool returned a result that breaks its own schema (${issuesText(output.error)}); this is a fault in Stratum, not in the input.`,
    );
  }
  const json = JSON.parse(JSON.stringify(output.data)) as JsonObject;
  return { ...call, status: 'success', output: json, error: null };
}

/** The run of a call the learner declined (Bedrock Agents' user confirmation, denied). */
export function declinedToolRun(call: ToolCall): ToolRun {
  return {
    ...call,
    status: 'declined',
    output: null,
    error:
      'The learner declined this tool call. Do not call it again; answer without it or ask the learner.',
  };
}

// ---- The Converse tool-use loop, as a reducer ----

/** The Converse content blocks the loop sends back (a subset of ContentBlock). */
export type AgentContentBlock =
  | { text: string }
  | { toolUse: { toolUseId: string; name: string; input: JsonValue } }
  | {
      toolResult: {
        toolUseId: string;
        content: ({ json: JsonObject } | { text: string })[];
        status: 'success' | 'error';
      };
    };

export interface AgentMessage {
  role: 'user' | 'assistant';
  content: AgentContentBlock[];
}

/** One model response, as main read it from Converse. */
export interface ModelTurn {
  /** The assistant's text and toolUse blocks, in order. */
  content: (
    { text: string } | { toolUse: { toolUseId: string; name: string; input: JsonValue } }
  )[];
  stopReason: string;
  inputTokens: number | null;
  outputTokens: number | null;
  latencyMs: number | null;
  /** As main priced it; null when the price is unknown. */
  costUsd: number | null;
}

/** A step of the trace, for the timeline. */
export type AgentStep =
  | {
      kind: 'model';
      turn: number;
      text: string;
      toolCalls: ToolCall[];
      stopReason: string;
      inputTokens: number | null;
      outputTokens: number | null;
      latencyMs: number | null;
      costUsd: number | null;
    }
  | {
      kind: 'tool';
      turn: number;
      /** True when the model asked for more than one tool in the same turn (run together). */
      parallel: boolean;
      run: ToolRun;
    };

export type AgentLoopStatus =
  'awaiting-model' | 'awaiting-tools' | 'done' | 'step-limit' | 'stopped';

export interface AgentLoopState {
  messages: AgentMessage[];
  steps: AgentStep[];
  /** Model turns so far; the loop ends at `maxModelTurns`. */
  modelTurns: number;
  maxModelTurns: number;
  status: AgentLoopStatus;
  /** The calls the last model turn asked for, until their results are added. */
  pending: ToolCall[];
  /** The model's last text when the loop ended with an answer. */
  finalText: string | null;
  /** Why the loop ended other than with an answer (step limit, stop, an odd stop reason). */
  notice: string | null;
}

/** Stratum's own cap on model turns per loop (one turn = one Converse call). */
export const MAX_MODEL_TURNS = 20;

/** A new loop for a learner's question. */
export function startAgentLoop(question: string, maxModelTurns: number): AgentLoopState {
  const text = question.trim();
  if (!text) throw new RangeError('Ask a question first.');
  if (!Number.isInteger(maxModelTurns) || maxModelTurns < 1 || maxModelTurns > MAX_MODEL_TURNS) {
    throw new RangeError(`The step limit is a whole number from 1 to ${MAX_MODEL_TURNS}.`);
  }
  return {
    messages: [{ role: 'user', content: [{ text }] }],
    steps: [],
    modelTurns: 0,
    maxModelTurns,
    status: 'awaiting-model',
    pending: [],
    finalText: null,
    notice: null,
  };
}

const STOP_NOTICES: Record<string, string> = {
  max_tokens: 'The answer was cut off at the maximum number of output tokens.',
  guardrail_intervened: 'A guardrail intervened in the answer.',
  content_filtered: 'The answer was filtered by the model provider.',
  malformed_tool_use: 'The model produced a tool call that could not be read.',
  malformed_model_output: 'The model produced output that could not be read.',
  model_context_window_exceeded: 'The conversation no longer fits in the model’s context window.',
};

/**
 * Adds a model turn. Tool calls (toolUse blocks) make the loop wait for their results, unless
 * this was the last turn allowed: then the loop ends at the step limit. Otherwise the turn is the
 * answer.
 */
export function reduceModelTurn(state: AgentLoopState, turn: ModelTurn): AgentLoopState {
  if (state.status !== 'awaiting-model') return state;
  const index = state.modelTurns + 1;
  const text = turn.content.flatMap((b) => ('text' in b ? [b.text] : [])).join('');
  const toolCalls = turn.content.flatMap((b) => ('toolUse' in b ? [b.toolUse] : []));
  const step: AgentStep = {
    kind: 'model',
    turn: index,
    text,
    toolCalls,
    stopReason: turn.stopReason,
    inputTokens: turn.inputTokens,
    outputTokens: turn.outputTokens,
    latencyMs: turn.latencyMs,
    costUsd: turn.costUsd,
  };
  const next: AgentLoopState = {
    ...state,
    messages: [...state.messages, { role: 'assistant', content: turn.content }],
    steps: [...state.steps, step],
    modelTurns: index,
  };
  if (toolCalls.length > 0 && index >= state.maxModelTurns) {
    return {
      ...next,
      status: 'step-limit',
      notice: `The agent reached its limit of ${index} ${index === 1 ? 'step' : 'steps'} while still calling tools, so it stopped without a final answer. Raise the limit or ask a narrower question.`,
    };
  }
  if (toolCalls.length > 0) return { ...next, status: 'awaiting-tools', pending: toolCalls };
  const notice =
    turn.stopReason === 'tool_use'
      ? 'The model said it would call a tool but sent no tool call.'
      : (STOP_NOTICES[turn.stopReason] ?? null);
  return { ...next, status: 'done', finalText: text, notice };
}

/** The toolResult block that answers a run. */
export function toolResultBlock(run: ToolRun): AgentContentBlock {
  return {
    toolResult: {
      toolUseId: run.toolUseId,
      content:
        run.status === 'success' && run.output
          ? [{ json: run.output }]
          : [{ text: run.error ?? 'The tool failed.' }],
      status: run.status === 'success' ? 'success' : 'error',
    },
  };
}

/**
 * Adds the results of the pending calls as ONE user message of toolResult blocks, in the order
 * the model asked (Converse requires a result for every toolUse of the previous turn). Refuses
 * (returns the state unchanged) when a pending call has no run.
 */
export function reduceToolResults(state: AgentLoopState, runs: readonly ToolRun[]): AgentLoopState {
  if (state.status !== 'awaiting-tools') return state;
  const ordered = state.pending.map((call) => runs.find((r) => r.toolUseId === call.toolUseId));
  if (ordered.some((r) => r === undefined)) return state;
  const done = ordered as ToolRun[];
  const parallel = done.length > 1;
  return {
    ...state,
    messages: [...state.messages, { role: 'user', content: done.map(toolResultBlock) }],
    steps: [
      ...state.steps,
      ...done.map((run): AgentStep => ({ kind: 'tool', turn: state.modelTurns, parallel, run })),
    ],
    status: 'awaiting-model',
    pending: [],
  };
}

/** Runs every pending call with the local tools (declining the ids the learner refused). */
export function runPendingCalls(
  state: AgentLoopState,
  data: AgentToolData,
  declined: ReadonlySet<string> = new Set(),
  tools: readonly AgentTool[] = AGENT_TOOLS,
): ToolRun[] {
  return state.pending.map((call) =>
    declined.has(call.toolUseId) ? declinedToolRun(call) : runToolCall(call, data, tools),
  );
}

/** Ends the loop at the learner's request (Stop). */
export function stopAgentLoop(state: AgentLoopState): AgentLoopState {
  if (state.status !== 'awaiting-model' && state.status !== 'awaiting-tools') return state;
  return {
    ...state,
    status: 'stopped',
    pending: [],
    notice: `Stopped after ${state.modelTurns} ${state.modelTurns === 1 ? 'step' : 'steps'}.`,
  };
}
