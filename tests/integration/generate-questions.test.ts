/**
 * Question generation (electron/main/bedrock/generate-questions) with the real AWS SDK against
 * the fake Bedrock (never mocked): forced tool use and JSON-text mode, every rejection with its
 * reason, repair turns, near-duplicates, injected markup kept as inert text, throttling, cancel,
 * the blind check, and usage/cost against hand-computed values from the catalog's price.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import { BedrockClients, type AwsTarget } from '../../electron/main/bedrock/client';
import {
  callBudget,
  generateQuestions,
  outputModeFor,
} from '../../electron/main/bedrock/generate-questions';
import { TOOL_SCHEMA_KEYWORDS } from '../../shared/question-draft';
import { shuffled } from '../../shared/question-prompts';
import { StreamHub } from '../../electron/main/dispatch';
import { createBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import type { StreamMessage } from '../../shared/contract';
import type { CallReport } from '../../shared/invocations';
import {
  GENERATION_PROMPT_VERSION,
  GenerateQuestionsInput,
  GenerationEvent,
  type GenerationSource,
} from '../../shared/question-generation';
import type { AppError } from '../../shared/result';
import type { ConverseRequestInfo, FakeBedrock } from '../fakes/bedrock';
import { MALFORMED_TOOL_INPUT } from '../fakes/bedrock-reply';
import { startFakeAws, type FakeAws } from '../support/app';

const NOTE_TEXT = [
  '# Bedrock basics',
  '',
  '**Amazon Bedrock** is a fully managed service that offers foundation models from several providers through a single API.',
  'Retrieval Augmented Generation (RAG) adds passages from a knowledge base to the prompt, so answers are grounded in your own data without retraining the model.',
  'Fine-tuning changes the weights of a model by training it on labelled examples.',
  '*Amazon Bedrock Guardrails* can block harmful content and filter personally identifiable information in prompts and responses.',
  'Temperature controls randomness: lower values make the output more predictable.',
].join('\n');

const PASSAGE = {
  bedrock:
    'Amazon Bedrock is a fully managed service that offers foundation models from several providers through a single API.',
  rag: 'Retrieval Augmented Generation (RAG) adds passages from a knowledge base to the prompt, so answers are grounded in your own data without retraining the model.',
  guardrails:
    'Amazon Bedrock Guardrails can block harmful content and filter personally identifiable information in prompts and responses.',
  temperature: 'Temperature controls randomness: lower values make the output more predictable.',
};

const SOURCE: GenerationSource = {
  noteId: 'bedrock-basics',
  title: 'Bedrock basics',
  domain: 2,
  tasks: ['2.2', '3.1'],
  text: NOTE_TEXT,
};

/** Stems that are all far apart (no two are near-duplicates). */
const STEMS = [
  'A startup wants to try foundation models from several providers without managing servers. Which AWS service fits best?',
  'A support team wants chatbot answers grounded in its own manuals without retraining a model. Which approach should it use?',
  'Which technique changes the weights of a model by training it on labelled examples?',
  'A bank must stop its assistant from revealing personal data in responses. Which Bedrock feature helps?',
  'A developer wants more predictable answers from a text model. Which inference parameter should be lowered?',
  'What does retrieval add to a prompt in a retrieval augmented generation application?',
  'Which statement describes how Amazon Bedrock exposes models from different companies?',
  'An insurer needs a model to learn its claim-form vocabulary from labelled examples. What should it do?',
  'How can a retailer block harmful content in both user prompts and model responses on Bedrock?',
  'Which setting makes the word choices of a language model more random when it is raised?',
  'A media company wants one API to compare text models from two vendors. What should it choose?',
  'Which managed capability filters personally identifiable information out of chatbot replies?',
];
const stem = (i: number): string => STEMS[i] ?? `missing stem ${i}`;

type Draft = Record<string, unknown>;

function single(s: string, over: Draft = {}): Draft {
  return {
    type: 'single',
    sourceNoteId: 'bedrock-basics',
    task: '2.2',
    difficulty: 'medium',
    stem: s,
    options: [
      { id: 'a', text: 'Amazon Bedrock' },
      { id: 'b', text: 'Amazon Polly' },
      { id: 'c', text: 'AWS Glue' },
      { id: 'd', text: 'Amazon Macie' },
    ],
    correct: ['a'],
    whyWrong: [
      { id: 'b', reason: 'Polly turns text into speech.' },
      { id: 'c', reason: 'Glue prepares data for analytics.' },
      { id: 'd', reason: 'Macie finds sensitive data in Amazon S3.' },
    ],
    explanation: 'Amazon Bedrock offers foundation models from several providers through one API.',
    sourcePassage: PASSAGE.bedrock,
    ...over,
  };
}

function multiple(s: string, over: Draft = {}): Draft {
  return {
    type: 'multiple',
    sourceNoteId: 'bedrock-basics',
    task: '3.1',
    difficulty: 'hard',
    stem: `${s} (Select TWO.)`,
    options: [
      { id: 'a', text: 'Amazon Bedrock Guardrails' },
      { id: 'b', text: 'Retrieval Augmented Generation' },
      { id: 'c', text: 'Amazon Polly' },
      { id: 'd', text: 'A higher temperature' },
      { id: 'e', text: 'AWS Glue' },
    ],
    correct: ['a', 'b'],
    whyWrong: [
      { id: 'c', reason: 'Polly only produces speech.' },
      { id: 'd', reason: 'A higher temperature makes output less predictable.' },
      { id: 'e', reason: 'Glue is an ETL service.' },
    ],
    explanation: 'Guardrails filter content, and RAG grounds answers in your own data.',
    sourcePassage: PASSAGE.guardrails,
    ...over,
  };
}

function ordering(s: string): Draft {
  return {
    type: 'ordering',
    sourceNoteId: 'bedrock-basics',
    task: '3.1',
    difficulty: 'easy',
    stem: s,
    options: [
      { id: 'a', text: 'Add the passages to the prompt' },
      { id: 'b', text: 'Retrieve passages from the knowledge base' },
      { id: 'c', text: 'Send the prompt to the model' },
    ],
    correct: ['b', 'a', 'c'],
    explanation: 'RAG retrieves passages first, adds them to the prompt, then calls the model.',
    sourcePassage: PASSAGE.rag,
  };
}

function matching(s: string): Draft {
  return {
    type: 'matching',
    sourceNoteId: 'bedrock-basics',
    task: '3.1',
    difficulty: 'medium',
    stem: s,
    prompts: [
      { id: 'a', text: 'Ground answers in your own data' },
      { id: 'b', text: 'Change the weights of a model' },
      { id: 'c', text: 'Make output more predictable' },
    ],
    choices: [
      { id: 'a', text: 'Retrieval Augmented Generation' },
      { id: 'b', text: 'Fine-tuning' },
      { id: 'c', text: 'Lower temperature' },
    ],
    pairs: [
      { prompt: 'a', choice: 'a' },
      { prompt: 'b', choice: 'b' },
      { prompt: 'c', choice: 'c' },
    ],
    explanation: 'Each technique matches what the note says it does.',
    sourcePassage: PASSAGE.temperature,
  };
}

const NOVA_MICRO = 'amazon.nova-micro-v1:0';
const LLAMA_PROFILE = 'us.meta.llama3-3-70b-instruct-v1:0';
/** Nova Micro's on-demand prices in shared/catalog.ts, USD per 1,000 tokens. */
const NOVA_MICRO_IN_PER_1K = 0.000035;
const NOVA_MICRO_OUT_PER_1K = 0.00014;

const base: GenerateQuestionsInput = {
  modelId: NOVA_MICRO,
  sources: [SOURCE],
  count: 2,
  types: ['single', 'multiple', 'ordering', 'matching'],
  difficulty: 'mixed',
  existingStems: [],
  blindCheck: false,
};

let aws: FakeAws;
let fake: FakeBedrock;
let clients: BedrockClients;
const target: AwsTarget = { profile: null, region: 'us-east-1', endpoint: null };

beforeAll(async () => {
  aws = await startFakeAws();
  fake = aws.fake;
});
afterAll(() => aws.close());
beforeEach(() => {
  fake.reset();
  clients = new BedrockClients();
});
afterEach(() => clients.reset());

interface RunResult {
  events: GenerationEvent[];
  calls: CallReport[];
  error: AppError | null;
}

async function run(
  overrides: Partial<GenerateQuestionsInput>,
  options: { controller?: AbortController; onEvent?: (e: GenerationEvent) => void } = {},
): Promise<RunResult> {
  const events: GenerationEvent[] = [];
  const calls: CallReport[] = [];
  const controller = options.controller ?? new AbortController();
  let error: AppError | null = null;
  try {
    await generateQuestions(
      clients.callerFor(target, (c) => calls.push(c)),
      { ...base, ...overrides },
      (e) => {
        events.push(e);
        options.onEvent?.(e);
      },
      controller.signal,
    );
  } catch (e) {
    error = (e as { appError?: AppError }).appError ?? { code: 'internal', message: String(e) };
  }
  return { events, calls, error };
}

const itemsOf = (events: GenerationEvent[]) =>
  events.flatMap((e) => (e.type === 'item' ? [e] : []));
const rejectionsOf = (events: GenerationEvent[]) =>
  events.flatMap((e) => (e.type === 'rejected' ? [e] : []));
const lastOf = <T extends GenerationEvent['type']>(events: GenerationEvent[], type: T) =>
  events.filter((e): e is Extract<GenerationEvent, { type: T }> => e.type === type).at(-1);

type Body = {
  system?: { text: string }[];
  messages: { role: string; content: Record<string, unknown>[] }[];
  toolConfig?: {
    tools: { toolSpec: { name: string; inputSchema: { json: Record<string, unknown> } } }[];
    toolChoice?: unknown;
  };
};
const bodyOf = (i: number): Body => fake.modelCalls()[i]?.body as Body;

/** Every key used anywhere in a JSON Schema (property names excluded). */
function schemaKeywords(schema: unknown, out = new Set<string>()): Set<string> {
  if (Array.isArray(schema)) schema.forEach((s) => schemaKeywords(s, out));
  else if (typeof schema === 'object' && schema !== null) {
    for (const [key, value] of Object.entries(schema)) {
      out.add(key);
      if (key === 'properties') {
        for (const sub of Object.values(value as object)) schemaKeywords(sub, out);
      } else if (key === 'items') schemaKeywords(value, out);
    }
  }
  return out;
}

describe('forced tool use', () => {
  it('asks with a forced tool whose schema holds the note ids and tasks, and stores valid items', async () => {
    const input = { questions: [single(stem(0)), multiple(stem(1)), ordering(stem(2))] };
    fake.setBehavior({ kind: 'toolUse', input });
    const r = await run({ count: 3 });
    expect(r.error).toBeNull();

    const body = bodyOf(0);
    expect(fake.modelCalls()).toHaveLength(1);
    expect(body.toolConfig?.toolChoice).toEqual({ tool: { name: 'record_questions' } });
    const schema = body.toolConfig?.tools[0]?.toolSpec.inputSchema.json;
    expect(schema?.['type']).toBe('object');
    const item = (schema as { properties: { questions: { items: { properties: never } } } })
      .properties.questions.items.properties as Record<string, { enum?: string[] }>;
    expect(item['task']?.enum).toEqual(['2.2', '3.1']);
    expect(item['sourceNoteId']?.enum).toEqual(['bedrock-basics']);
    expect(item['type']?.enum).toEqual(['single', 'multiple', 'ordering', 'matching']);
    expect([...schemaKeywords(schema)].sort()).toEqual([...TOOL_SCHEMA_KEYWORDS].sort());
    expect(body.system?.[0]?.text).toMatch(/Select TWO/);
    expect(body.system?.[0]?.text).toMatch(/all of the above/);
    expect(String(body.messages[0]?.content[0]?.['text'])).toContain(NOTE_TEXT);
    expect(String(body.messages[0]?.content[0]?.['text'])).toMatch(/Write exactly 3 new questions/);

    const items = itemsOf(r.events);
    expect(items.map((i) => i.question.stem)).toEqual([
      stem(0),
      `${stem(1)} (Select TWO.)`,
      stem(2),
    ]);
    expect(rejectionsOf(r.events)).toEqual([]);
    const [first, second, third] = items.map((i) => i.question);
    expect(first).toMatchObject({
      type: 'single',
      domain: 2,
      task: '2.2',
      sourceNoteId: 'bedrock-basics',
      answer: 'a',
      whyWrong: {
        b: 'Polly turns text into speech.',
        c: 'Glue prepares data for analytics.',
        d: 'Macie finds sensitive data in Amazon S3.',
      },
      origin: { kind: 'generated', modelId: NOVA_MICRO, promptVersion: GENERATION_PROMPT_VERSION },
      tags: [],
    });
    expect(first?.id).toMatch(/^gen-[0-9a-f]{12}$/);
    expect(new Set(items.map((i) => i.question.id)).size).toBe(3);
    expect(second).toMatchObject({ type: 'multiple', domain: 3, answers: ['a', 'b'] });
    expect(third).toMatchObject({ type: 'ordering', answer: ['b', 'a', 'c'] });
    expect(items.every((i) => i.blindCheck === null && i.blindCheckProblem === undefined)).toBe(
      true,
    );

    expect(r.events[0]).toEqual({
      type: 'progress',
      accepted: 0,
      rejected: 0,
      target: 3,
      calls: 0,
      phase: 'generating',
    });
    expect(lastOf(r.events, 'progress')).toMatchObject({ accepted: 3, rejected: 0, calls: 1 });
    expect(r.calls).toHaveLength(1);
    expect(r.calls[0]).toMatchObject({
      feature: 'quiz',
      operation: 'Converse',
      modelId: NOVA_MICRO,
      region: 'us-east-1',
      status: 'ok',
      errorCode: null,
      stopReason: 'tool_use',
      firstTokenMs: null,
      images: null,
    });
  });

  it('sums tokens over calls and prices them with the catalog rate', async () => {
    const replies = [
      { questions: [single(stem(0)), single(stem(1), { correct: ['z'] })] },
      { questions: [matching(stem(2))] },
    ];
    fake.enqueue({ kind: 'toolUse', input: replies[0] }, { kind: 'toolUse', input: replies[1] });
    const r = await run({ count: 2 });
    expect(r.error).toBeNull();
    expect(itemsOf(r.events)).toHaveLength(2);
    // The fake counts ceil(characters / 4) of the tool input JSON as output tokens.
    const out = replies.reduce((n, q) => n + Math.ceil(JSON.stringify(q).length / 4), 0);
    const inTokens = r.calls.reduce((n, c) => n + (c.inputTokens ?? 0), 0);
    expect(r.calls.map((c) => c.outputTokens)).toEqual(
      replies.map((q) => Math.ceil(JSON.stringify(q).length / 4)),
    );
    const usage = lastOf(r.events, 'usage');
    expect(usage).toMatchObject({ outputTokens: out, inputTokens: inTokens, calls: 2 });
    expect(inTokens).toBeGreaterThan(Math.ceil(NOTE_TEXT.length / 4));
    const cost = (inTokens / 1000) * NOVA_MICRO_IN_PER_1K + (out / 1000) * NOVA_MICRO_OUT_PER_1K;
    expect(usage?.costUsd).toBeCloseTo(cost, 12);
  });

  it('repairs unreadable tool input: replays it as an object and answers with an error result', async () => {
    fake.enqueue({ kind: 'malformed' });
    fake.setBehavior({
      kind: 'toolUse',
      input: { questions: [single(stem(0)), matching(stem(1))] },
    });
    const r = await run({ count: 2 });
    expect(r.error).toBeNull();
    expect(rejectionsOf(r.events)).toEqual([
      {
        type: 'rejected',
        reasons: ["The model's reply could not be read: the tool input was not valid JSON."],
        stem: null,
      },
    ]);
    expect(itemsOf(r.events)).toHaveLength(2);
    expect(r.events.some((e) => e.type === 'progress' && e.phase === 'repairing')).toBe(true);

    const repair = bodyOf(1);
    expect(repair.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    const toolUse = repair.messages[1]?.content[0]?.['toolUse'] as Record<string, unknown>;
    expect(toolUse['input']).toEqual({ unreadableInput: MALFORMED_TOOL_INPUT });
    const result = repair.messages[2]?.content[0]?.['toolResult'] as {
      toolUseId: string;
      status: string;
      content: { text: string }[];
    };
    expect(result.toolUseId).toBe(toolUse['toolUseId']);
    expect(result.status).toBe('error');
    expect(result.content[0]?.text).toMatch(/could not be used: the tool input was not valid JSON/);
    expect(result.content[0]?.text).toMatch(/exactly 2 corrected or new questions/);
  });

  it('rejects items that break a rule with every reason, keeps the valid ones, and repairs', async () => {
    fake.enqueue(
      {
        kind: 'toolUse',
        input: {
          questions: [
            single(stem(0)),
            single(stem(1), { correct: ['e'] }),
            multiple(stem(2), {
              correct: ['a', 'b', 'c'],
              whyWrong: [
                { id: 'd', reason: 'Wrong.' },
                { id: 'e', reason: 'Wrong.' },
              ],
            }),
            single(stem(3), {
              options: [
                { id: 'a', text: 'Amazon Bedrock' },
                { id: 'b', text: 'Amazon Polly' },
                { id: 'c', text: 'AWS Glue' },
                { id: 'd', text: 'All of the above' },
              ],
            }),
          ],
        },
      },
      {
        kind: 'toolUse',
        input: { questions: [single(stem(4)), ordering(stem(5)), matching(stem(6))] },
      },
    );
    const r = await run({ count: 4 });
    expect(r.error).toBeNull();
    const rejected = rejectionsOf(r.events);
    expect(rejected.map((e) => e.stem)).toEqual([stem(1), `${stem(2)} (Select TWO.)`, stem(3)]);
    expect(rejected[0]?.reasons).toEqual([
      'answer "e" is not an option',
      'option "a" is wrong but has no explanation',
    ]);
    expect(rejected[1]?.reasons).toEqual(['a multiple-response stem must say "Select THREE."']);
    expect(rejected[2]?.reasons).toEqual(['avoid "all/none of the above"']);
    expect(itemsOf(r.events).map((i) => i.question.stem)).toEqual([
      stem(0),
      stem(4),
      stem(5),
      stem(6),
    ]);
    const text = (
      bodyOf(1).messages[2]?.content[0]?.['toolResult'] as { content: { text: string }[] }
    ).content[0]?.text;
    expect(text).toContain('Question 2');
    expect(text).toContain('answer "e" is not an option');
    expect(text).toContain('Question 4');
    expect(text).toMatch(/exactly 3 corrected or new questions/);
    expect(lastOf(r.events, 'progress')).toMatchObject({ accepted: 4, rejected: 3, calls: 2 });
  });

  it('rejects a passage that is not in the note, and wrong task, type or note ids', async () => {
    fake.enqueue({
      kind: 'toolUse',
      input: {
        questions: [
          single(stem(0), {
            sourcePassage: 'Amazon Bedrock trains a new model from scratch for every customer.',
          }),
          single(stem(1), { task: '1.1' }),
          single(stem(2), { sourceNoteId: 'other-note' }),
        ],
      },
    });
    fake.setBehavior({ kind: 'toolUse', input: { questions: [single(stem(3))] } });
    const r = await run({ count: 1, types: ['single'], difficulty: 'medium' });
    expect(r.error).toBeNull();
    expect(rejectionsOf(r.events).map((e) => e.reasons)).toEqual([
      [
        'sourcePassage: the quoted passage does not occur word for word in the note "bedrock-basics"',
      ],
      ['task: 1.1 is not a task statement the note "bedrock-basics" teaches (2.2, 3.1)'],
      ['sourceNoteId: "other-note" is not one of the selected notes (bedrock-basics)'],
    ]);
    expect(itemsOf(r.events).map((i) => i.question.stem)).toEqual([stem(3)]);
  });

  it('rejects types and difficulties that were not asked for, and drafts of the wrong shape', async () => {
    fake.enqueue({
      kind: 'toolUse',
      input: {
        questions: [
          ordering(stem(0)),
          single(stem(1), { difficulty: 'easy' }),
          { stem: 'Only a stem, nothing else at all here.' },
        ],
      },
    });
    fake.setBehavior({ kind: 'toolUse', input: { questions: [single(stem(3))] } });
    const r = await run({ count: 1, types: ['single', 'multiple'], difficulty: 'medium' });
    const [typeWrong, levelWrong, shapeWrong] = rejectionsOf(r.events);
    expect(typeWrong?.reasons).toEqual([
      'type: ordering questions were not requested (single, multiple)',
      'difficulty: easy was not requested (medium)',
    ]);
    expect(levelWrong?.reasons).toEqual(['difficulty: easy was not requested (medium)']);
    expect(shapeWrong?.stem).toBe('Only a stem, nothing else at all here.');
    expect(shapeWrong?.reasons).toContain(
      'type: Invalid option: expected one of "single"|"multiple"|"ordering"|"matching"',
    );
    expect(itemsOf(r.events)).toHaveLength(1);
  });

  it('catches near-duplicates of the bank and of items accepted earlier in the run', async () => {
    const inBank =
      'A startup wants to try foundation models from several providers without managing any servers. Which AWS service fits best?';
    fake.enqueue(
      {
        kind: 'toolUse',
        input: {
          questions: [
            single(stem(0)),
            single(stem(1)),
            // stem(1) with one word changed.
            single(stem(1).replace('manuals', 'handbooks')),
          ],
        },
      },
      { kind: 'toolUse', input: { questions: [single(stem(2))] } },
    );
    const r = await run({ count: 2, existingStems: [stem(9), inBank] });
    expect(r.error).toBeNull();
    const rejected = rejectionsOf(r.events);
    expect(rejected).toHaveLength(2);
    expect(rejected[0]?.reasons[0]).toMatch(
      /^near-duplicate of a question already in your bank \(\d+% similar\): "A startup wants/,
    );
    expect(rejected[1]?.reasons[0]).toMatch(
      /^near-duplicate of a question accepted earlier in this run \(\d+% similar\)/,
    );
    expect(itemsOf(r.events).map((i) => i.question.stem)).toEqual([stem(1), stem(2)]);
    // The prompt lists related stems of the bank so the model avoids them.
    expect(String(bodyOf(0).messages[0]?.content[0]?.['text'])).toContain(inBank);
  });

  it('keeps markup in a stem as inert text; nothing in the main process evaluates it', async () => {
    const alert = vi.fn();
    vi.stubGlobal('alert', alert);
    const injected =
      'A user pastes <img src=x onerror=alert(1)> into a chatbot prompt. Which Bedrock feature can filter harmful content?';
    const bad = '<script>alert(2)</script> What is Amazon Bedrock used for in a chatbot?';
    fake.enqueue({
      kind: 'toolUse',
      input: { questions: [single(injected), single(bad, { correct: ['q'] })] },
    });
    fake.setBehavior({ kind: 'toolUse', input: { questions: [single(stem(0))] } });
    const r = await run({ count: 2 });
    vi.unstubAllGlobals();
    expect(r.error).toBeNull();
    expect(itemsOf(r.events)[0]?.question.stem).toBe(injected);
    expect(rejectionsOf(r.events)[0]?.stem).toBe(bad);
    expect(alert).not.toHaveBeenCalled();
  });

  it('ends with a throttling error after the SDK retries, keeping items already sent', async () => {
    fake.enqueue({
      kind: 'toolUse',
      input: { questions: [0, 1, 2, 3, 4].map((i) => single(stem(i))) },
    });
    fake.setBehavior({ kind: 'throttle' });
    const r = await run({ count: 7 });
    expect(r.error?.code).toBe('throttled');
    expect(itemsOf(r.events)).toHaveLength(5);
    // One successful call, then the SDK's three attempts (maxAttempts 3) of the next one.
    expect(fake.modelCalls().map((c) => c.status)).toEqual([200, 429, 429, 429]);
    expect(r.calls.map((c) => [c.status, c.errorCode])).toEqual([
      ['ok', null],
      ['error', 'throttled'],
    ]);
  }, 20_000);

  it('stops quietly when cancelled midway, aborting the call in flight', async () => {
    fake.enqueue({
      kind: 'toolUse',
      input: { questions: [0, 1, 2, 3, 4].map((i) => single(stem(i))) },
    });
    fake.setBehavior({
      kind: 'delay',
      ms: 5000,
      then: { kind: 'toolUse', input: { questions: [single(stem(5))] } },
    });
    const controller = new AbortController();
    const pending = run({ count: 8 }, { controller });
    await fake.waitFor((requests) => requests.length >= 2, 5000);
    const before = fake.modelCalls().length;
    controller.abort();
    const r = await pending;
    expect(r.error).toBeNull();
    expect(before).toBe(2);
    expect(itemsOf(r.events)).toHaveLength(5);
    expect(r.events.at(-1)?.type).not.toBe('item');
    expect(r.calls.map((c) => c.status)).toEqual(['ok', 'cancelled']);
    await fake.waitFor((requests) => requests[1]?.aborted === true, 3000);
    expect(fake.modelCalls()).toHaveLength(2);
  });

  it("refuses notes too long for the model's context window before making a call", async () => {
    // 8 notes of 80,000 characters are about 160,000 tokens; Nova Micro reads 128,000.
    const long = {
      ...SOURCE,
      text: `${NOTE_TEXT}\n${'Padding sentence for length. '.repeat(2700)}`,
    };
    const sources = Array.from({ length: 8 }, (_, i) => ({ ...long, noteId: `long-note-${i}` }));
    expect(GenerateQuestionsInput.safeParse({ ...base, sources }).success).toBe(true);
    const r = await run({ sources });
    expect(r.error?.code).toBe('validation');
    expect(r.error?.message).toMatch(/too long for Amazon Nova Micro/);
    expect(fake.modelCalls()).toHaveLength(0);
    expect(r.events).toEqual([]);
  });

  it('sizes the call budget at two calls per batch of five plus two', async () => {
    expect([1, 5, 6, 50].map(callBudget)).toEqual([4, 4, 6, 22]);
    fake.setBehavior({ kind: 'toolUse', input: { questions: [single(stem(0), { correct: [] })] } });
    const r = await run({ count: 1 });
    expect(r.error).toBeNull();
    // The first batch uses 1 + 2 repairs, the next batch the last call of the budget of 4.
    expect(fake.modelCalls()).toHaveLength(4);
    expect(itemsOf(r.events)).toHaveLength(0);
    expect(rejectionsOf(r.events)).toHaveLength(4);
    expect(lastOf(r.events, 'progress')).toMatchObject({ accepted: 0, rejected: 4, target: 1 });
  });
});

describe('JSON text mode', () => {
  it('uses JSON text for models Bedrock cannot force to call a tool', async () => {
    expect(outputModeFor(NOVA_MICRO)).toBe('tool');
    expect(outputModeFor('global.anthropic.claude-haiku-4-5-20251001-v1:0')).toBe('tool');
    expect(outputModeFor(LLAMA_PROFILE)).toBe('json');
    expect(outputModeFor('mistral.mistral-7b-instruct-v0:2')).toBe('json');
    expect(outputModeFor('example.unknown-model-v1:0')).toBe('json');
    // The fake refuses a forced tool for Llama, as Bedrock does.
    const forced = clients.runtimeFor(target).send(
      new ConverseCommand({
        modelId: LLAMA_PROFILE,
        messages: [{ role: 'user', content: [{ text: 'hi' }] }],
        toolConfig: {
          tools: [{ toolSpec: { name: 't', inputSchema: { json: { type: 'object' } } } }],
          toolChoice: { tool: { name: 't' } },
        },
      }),
    );
    await expect(forced).rejects.toThrow(/doesn't support the toolConfig.toolChoice.tool field/);
  });

  it('extracts a fenced or bare JSON object, and repairs a reply without one', async () => {
    const questions = [single(stem(0)), multiple(stem(1))];
    fake.enqueue(
      { kind: 'reply', text: 'I would be glad to help with your exam questions!' },
      {
        kind: 'reply',
        text: `Here they are:\n\`\`\`json\n${JSON.stringify({ questions: [questions[0]] })}\n\`\`\`\nGood luck.`,
      },
      { kind: 'reply', text: `Sure: ${JSON.stringify({ questions: [questions[1]] })} Done.` },
    );
    const r = await run({ modelId: LLAMA_PROFILE, count: 2 });
    expect(r.error).toBeNull();
    const first = bodyOf(0);
    expect(first.toolConfig).toBeUndefined();
    expect(first.system?.[0]?.text).toMatch(/Reply with exactly one JSON object/);
    expect(first.system?.[0]?.text).toContain('"sourcePassage"');
    expect(rejectionsOf(r.events)[0]?.reasons).toEqual([
      'The model\'s reply could not be read: it contained no JSON object with a "questions" list.',
    ]);
    const repair = bodyOf(1);
    expect(repair.messages.map((m) => m.role)).toEqual(['user', 'assistant', 'user']);
    expect(repair.messages[1]?.content).toEqual([
      { text: 'I would be glad to help with your exam questions!' },
    ]);
    expect(String(repair.messages[2]?.content[0]?.['text'])).toMatch(/Reply again with one JSON/);
    expect(itemsOf(r.events).map((i) => i.question.stem)).toEqual([
      stem(0),
      `${stem(1)} (Select TWO.)`,
    ]);
    expect(lastOf(r.events, 'usage')?.costUsd).not.toBeNull();
  });
});

describe('blind check', () => {
  /** Answers a blind check by option text, reading the letters from the prompt. */
  function answerByText(req: ConverseRequestInfo, texts: string[]): { answers: string[] } {
    const letters = new Map<string, string>();
    for (const m of req.lastUserText.matchAll(/^([A-G])\. (.+)$/gm))
      letters.set(m[2] ?? '', m[1] ?? '');
    return { answers: texts.map((t) => letters.get(t) ?? '?') };
  }

  it('relabels shuffled options, maps the answer back, and flags a disagreement', async () => {
    const blindPrompts: string[] = [];
    fake.setBehavior({
      kind: 'toolUse',
      input: (req) => {
        if (req.tools[0]?.name !== 'submit_answer') {
          return { questions: [single(stem(0)), multiple(stem(1)), ordering(stem(2))] };
        }
        blindPrompts.push(req.lastUserText);
        return req.lastUserText.includes(stem(0))
          ? { ...answerByText(req, ['Amazon Bedrock']), reason: 'One API for many models.' }
          : answerByText(req, ['Amazon Bedrock Guardrails', 'Amazon Polly']);
      },
    });
    const r = await run({ count: 3, blindCheck: true });
    expect(r.error).toBeNull();
    const [a, b, c] = itemsOf(r.events);
    expect(a?.blindCheck).toEqual({
      agrees: true,
      chosen: ['a'],
      note: 'One API for many models.',
    });
    expect(b?.blindCheck).toEqual({ agrees: false, chosen: ['a', 'c'], note: null });
    expect(c?.blindCheck).toBeNull();
    expect(blindPrompts).toHaveLength(2);
    // The blind call sees the stem and options only: no ids, answers or explanations.
    expect(blindPrompts[0]).not.toContain('Polly turns text into speech');
    expect(blindPrompts[0]).toMatch(/Choose exactly 1 option,/);
    expect(blindPrompts[1]).toMatch(/Choose exactly 2 options/);
    const blindBody = bodyOf(1);
    expect(blindBody.toolConfig?.toolChoice).toEqual({ tool: { name: 'submit_answer' } });
    expect(r.events.some((e) => e.type === 'progress' && e.phase === 'checking')).toBe(true);
    expect(lastOf(r.events, 'usage')?.calls).toBe(3);
  });

  it('shuffles deterministically per item into a permutation', () => {
    const ids = ['a', 'b', 'c', 'd', 'e'];
    const once = shuffled(ids, 'gen-0123456789ab');
    expect([...once].sort()).toEqual(ids);
    expect(shuffled(ids, 'gen-0123456789ab')).toEqual(once);
    const orders = new Set(
      Array.from({ length: 20 }, (_, i) => shuffled(ids, `gen-${i}`).join('')),
    );
    expect(orders.size).toBeGreaterThan(5);
  });

  it('keeps the item when its blind check is throttled, saying why, without a rejection', async () => {
    fake.enqueue(
      { kind: 'toolUse', input: { questions: [single(stem(0))] } },
      { kind: 'throttle' },
      { kind: 'throttle' },
      { kind: 'throttle' },
    );
    const r = await run({ count: 1, blindCheck: true });
    expect(r.error).toBeNull();
    const [item] = itemsOf(r.events);
    expect(item?.blindCheck).toBeNull();
    expect(item?.blindCheckProblem).toMatch(/^The blind check could not be done: .*throttling/);
    expect(rejectionsOf(r.events)).toEqual([]);
    expect(r.calls.map((c) => c.status)).toEqual(['ok', 'error']);
  }, 20_000);
});

describe('through the stream hub and the real handlers', () => {
  it('streams events that pass the contract and ends without error', async () => {
    const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-gen-')));
    const backend = createBackend({ store, mode: 'browser', version: 'test' });
    const hub = new StreamHub(backend.streams);
    fake.setBehavior({ kind: 'toolUse', input: { questions: [single(stem(0))] } });
    const messages: StreamMessage[] = [];
    const ended = new Promise<AppError | null>((resolve) => {
      hub.start('t', 'generateQuestions', 'gen-stream-1', { ...base, count: 1 }, (m) => {
        messages.push(m);
        if (m.kind === 'end') resolve(m.error);
      });
    });
    expect(await ended).toBeNull();
    const events = messages.flatMap((m) =>
      m.kind === 'event' ? [m.event as GenerationEvent] : [],
    );
    expect(itemsOf(events).map((i) => i.question.stem)).toEqual([stem(0)]);
    backend.dispose();
  });
});

describe('a case-study set', () => {
  const SCENARIO =
    'Northwind Insurance runs a claims assistant on Amazon Bedrock. Adjusters ask it about policy wording, and the answers must come from the insurer’s own manuals, which change every month, so retraining a model each time is not an option. ' +
    'Regulators require that no customer’s personal data appears in any reply, and the team wants replies to be predictable from one day to the next.';

  /** The three questions of the set: each names a requirement only the scenario states. */
  function caseQuestions(): Draft[] {
    return [
      single(
        'Given the insurer’s monthly manual changes, which approach keeps the assistant’s answers current without retraining?',
        {
          task: '3.1',
          options: [
            { id: 'a', text: 'Retrieval Augmented Generation' },
            { id: 'b', text: 'Fine-tuning every month' },
            { id: 'c', text: 'A higher temperature' },
            { id: 'd', text: 'Amazon Polly' },
          ],
          whyWrong: [
            { id: 'b', reason: 'Fine-tuning changes weights and the manuals change monthly.' },
            { id: 'c', reason: 'Temperature only changes randomness.' },
            { id: 'd', reason: 'Polly turns text into speech.' },
          ],
          explanation: 'RAG adds passages from the current manuals to each prompt.',
          sourcePassage: PASSAGE.rag,
        },
      ),
      single('Which Bedrock feature meets the regulators’ requirement for this assistant?', {
        task: '3.1',
        options: [
          { id: 'a', text: 'Amazon Bedrock Guardrails' },
          { id: 'b', text: 'Fine-tuning' },
          { id: 'c', text: 'AWS Glue' },
          { id: 'd', text: 'A longer context window' },
        ],
        whyWrong: [
          { id: 'b', reason: 'Fine-tuning does not filter replies.' },
          { id: 'c', reason: 'Glue prepares data for analytics.' },
          { id: 'd', reason: 'A context window limits input size.' },
        ],
        explanation: 'Guardrails filter personally identifiable information in responses.',
        sourcePassage: PASSAGE.guardrails,
      }),
      ordering('Put the steps the assistant takes for each adjuster question in order.'),
    ];
  }

  it('asks the case tool, checks every question, and runs the needs-the-scenario check without the scenario', async () => {
    const blindPrompts: string[] = [];
    fake.setBehavior({
      kind: 'toolUse',
      input: (req) => {
        if (req.tools[0]?.name === 'record_case_study') {
          return {
            title: 'Northwind claims assistant',
            scenario: SCENARIO,
            questions: caseQuestions(),
          };
        }
        blindPrompts.push(req.lastUserText);
        // Without the scenario the first question is still answerable (RAG is the textbook
        // answer); the second is not (the model picks a wrong option).
        return req.lastUserText.includes('monthly manual')
          ? answerByLetters(req, ['Retrieval Augmented Generation'])
          : answerByLetters(req, ['AWS Glue']);
      },
    });
    const r = await run({
      count: 3,
      caseSet: { task: '3.1', questions: 3 },
      types: ['single', 'ordering'],
    });
    expect(r.error).toBeNull();
    const body = bodyOf(0);
    expect(body.toolConfig?.toolChoice).toEqual({ tool: { name: 'record_case_study' } });
    const schema = body.toolConfig?.tools[0]?.toolSpec.inputSchema.json as {
      properties: Record<string, { items?: { properties: Record<string, { enum?: string[] }> } }>;
    };
    expect(Object.keys(schema.properties).sort()).toEqual(['questions', 'scenario', 'title']);
    expect(schema.properties['questions']?.items?.properties['task']?.enum).toEqual(['3.1']);
    expect([...schemaKeywords(schema)].sort()).toEqual([...TOOL_SCHEMA_KEYWORDS].sort());
    expect(String(body.messages[0]?.content[0]?.['text'])).toMatch(
      /one case-study set on task statement 3\.1/,
    );

    const set = r.events.find((e) => e.type === 'case');
    expect(set).toBeDefined();
    if (set?.type !== 'case') return;
    // The event passes the contract's schema (what the renderer checks on arrival).
    expect(GenerationEvent.safeParse(set).success).toBe(true);
    expect(set.id).toMatch(/^cs-gen-[0-9a-f]{12}$/);
    expect(set.scenario).toBe(SCENARIO);
    expect(set.items.map((i) => i.question.caseId)).toEqual([set.id, set.id, set.id]);
    expect(set.items.every((i) => i.question.task === '3.1')).toBe(true);
    expect(set.items[0]?.scenarioCheck).toMatchObject({ needsScenario: false });
    expect(set.items[1]?.scenarioCheck).toMatchObject({ needsScenario: true, chosen: ['c'] });
    expect(set.items[2]?.scenarioCheck).toBeNull();
    expect(set.items[2]?.scenarioCheckProblem).toMatch(/check yourself/);
    // The check is asked WITHOUT the scenario: no sentence of it reaches the blind prompt.
    expect(blindPrompts).toHaveLength(2);
    for (const p of blindPrompts) expect(p).not.toContain('Northwind');
    expect(itemsOf(r.events)).toEqual([]);
    expect(rejectionsOf(r.events)).toEqual([]);
    expect(lastOf(r.events, 'progress')).toMatchObject({ accepted: 3, target: 3 });
  });

  it('runs the optional blind check with the scenario before the stem', async () => {
    const prompts: string[] = [];
    fake.setBehavior({
      kind: 'toolUse',
      input: (req) => {
        if (req.tools[0]?.name === 'record_case_study')
          return {
            title: 'Northwind claims assistant',
            scenario: SCENARIO,
            questions: caseQuestions().slice(0, 2),
          };
        prompts.push(req.lastUserText);
        return answerByLetters(req, ['AWS Glue']);
      },
    });
    const r = await run({ count: 2, caseSet: { task: '3.1', questions: 2 }, blindCheck: true });
    expect(r.error).toBeNull();
    expect(prompts).toHaveLength(4);
    expect(prompts.filter((p) => p.includes('Scenario:\nNorthwind'))).toHaveLength(2);
  });

  it('refuses a set with a short scenario and a foreign task, repairs it, and reports plain reasons', async () => {
    const bad = caseQuestions().slice(0, 2);
    bad[1] = { ...bad[1]!, task: '2.2' };
    fake.enqueue(
      { kind: 'toolUse', input: { title: 'Tiny', scenario: 'Too short.', questions: bad } },
      { kind: 'toolUse', input: { title: 'Tiny', scenario: 'Too short.', questions: bad } },
      { kind: 'toolUse', input: { title: 'Tiny', scenario: 'Too short.', questions: bad } },
    );
    const r = await run({ count: 2, caseSet: { task: '3.1', questions: 2 } });
    expect(r.error).toBeNull();
    expect(fake.modelCalls()).toHaveLength(3);
    const reasons = rejectionsOf(r.events).flatMap((e) => e.reasons);
    expect(reasons).toContain('case study: title: 4 characters; a title has 5 to 120');
    expect(reasons).toContain('case study: scenario: 10 characters; a scenario has 200 to 2500');
    expect(reasons).toContain('task: the case study is for task statement 3.1, not 2.2');
    expect(r.events.some((e) => e.type === 'case')).toBe(false);
    // The repair turn answers the forced tool call with what was wrong.
    const repair = bodyOf(1).messages.at(-1)?.content[0] as {
      toolResult?: { status: string; content: { text: string }[] };
    };
    expect(repair.toolResult?.status).toBe('error');
    expect(repair.toolResult?.content[0]?.text).toMatch(/The set: scenario: 10 characters/);
  });

  it('refuses a set whose question repeats one already in the bank', async () => {
    fake.setBehavior({
      kind: 'toolUse',
      input: (req) =>
        req.tools[0]?.name === 'record_case_study'
          ? {
              title: 'Northwind claims assistant',
              scenario: SCENARIO,
              questions: caseQuestions().slice(0, 2),
            }
          : answerByLetters(req, ['AWS Glue']),
    });
    const existing = String(caseQuestions()[1]?.['stem']);
    const r = await run({
      count: 2,
      caseSet: { task: '3.1', questions: 2 },
      existingStems: [existing],
    });
    expect(r.events.some((e) => e.type === 'case')).toBe(false);
    expect(
      rejectionsOf(r.events)
        .flatMap((e) => e.reasons)
        .join(' '),
    ).toMatch(/near-duplicate of a question already in your bank/);
  });
});

/** Answers a blind check by option text, reading the letters from the prompt. */
function answerByLetters(req: ConverseRequestInfo, texts: string[]): { answers: string[] } {
  const letters = new Map<string, string>();
  for (const m of req.lastUserText.matchAll(/^([A-G])\. (.+)$/gm))
    letters.set(m[2] ?? '', m[1] ?? '');
  return { answers: texts.map((t) => letters.get(t) ?? '?') };
}
