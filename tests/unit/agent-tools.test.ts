import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import {
  AGENT_TOOLS,
  converseTools,
  currentDate,
  drawPracticeQuestion,
  evaluateExpression,
  lookupGlossary,
  reduceModelTurn,
  reduceToolResults,
  runPendingCalls,
  runToolCall,
  searchNotes,
  startAgentLoop,
  stopAgentLoop,
  toolInputJsonSchema,
  type AgentTool,
  type AgentToolData,
  type ModelTurn,
} from '../../shared/agent-tools';
import type { Question } from '../../shared/questions';
import { createRng } from '../../shared/random';

const NOTES = [
  {
    id: 'guardrails',
    title: 'Guardrails for Amazon Bedrock',
    body: '## Policies\n\nContent filters, denied topics and word filters.\n\n## Prompt attacks\n\nThe **prompt attack** filter catches jailbreaks and prompt injection in prompts.',
  },
  {
    id: 'prompting',
    title: 'Prompt engineering',
    body: 'Zero-shot and few-shot prompts.\n\nRisks include prompt injection, jailbreaking and poisoning.',
  },
  { id: 'rag', title: 'Retrieval augmented generation', body: 'Knowledge bases ground answers.' },
];

const GLOSSARY = [
  {
    term: 'Temperature',
    definition: 'A sampling setting that controls randomness.',
    note: 'inference',
  },
  {
    term: 'Retrieval Augmented Generation',
    definition: 'Grounding answers in retrieved documents.',
    note: 'rag',
    aliases: ['RAG'],
  },
  { term: 'Prompt injection', definition: 'Instructions hidden in input.', note: 'prompting' },
  { term: 'Prompt template', definition: 'A reusable prompt with slots.', note: 'prompting' },
];

function question(
  id: string,
  task: string,
  stem: string,
  tags: string[],
  multiple = false,
): Question {
  const common = {
    id,
    stem,
    domain: Number(task[0]),
    task,
    sourceNoteId: 'guardrails',
    sourcePassage: 'A passage quoted from the note for this question.',
    difficulty: 'easy' as const,
    explanation: 'Why the right answer is right, at some length.',
    origin: { kind: 'bank' as const },
    tags,
  };
  const options = ['a', 'b', 'c', 'd', 'e'].map((o) => ({ id: o, text: `Option ${o}` }));
  return multiple
    ? {
        ...common,
        type: 'multiple',
        options,
        answers: ['a', 'b'],
        whyWrong: { c: 'x', d: 'x', e: 'x' },
      }
    : {
        ...common,
        type: 'single',
        options: options.slice(0, 4),
        answer: 'a',
        whyWrong: { b: 'x', c: 'x', d: 'x' },
      };
}

const QUESTIONS: Question[] = [
  question('q1', '3.2', 'Which risk does a prompt injection attack pose to an application?', [
    'prompting',
  ]),
  question(
    'q2',
    '5.1',
    'Which Bedrock feature blocks prompt attacks? Select TWO.',
    ['guardrails'],
    true,
  ),
  question('q3', '3.2', 'Which technique gives the model worked examples in the prompt?', [
    'few-shot',
  ]),
];

function data(over: Partial<AgentToolData> = {}): AgentToolData {
  return {
    notes: NOTES,
    glossary: GLOSSARY,
    questions: QUESTIONS,
    now: new Date('2026-12-04T23:30:00Z'),
    timeZone: 'UTC',
    rng: createRng(7),
    ...over,
  };
}

describe('the tools’ JSON schemas for Converse', () => {
  it('are objects at the top level, with valid names, derived from the zod schemas', () => {
    const tools = converseTools();
    expect(tools.map((t) => t.toolSpec.name)).toStrictEqual([
      'search_notes',
      'lookup_glossary',
      'draw_practice_question',
      'calculator',
      'current_date',
    ]);
    for (const { toolSpec } of tools) {
      expect(toolSpec.name).toMatch(/^[a-zA-Z0-9_-]{1,64}$/);
      expect(toolSpec.description.length).toBeGreaterThan(20);
      expect(toolSpec.inputSchema.json.type).toBe('object');
      expect(toolSpec.inputSchema.json).not.toHaveProperty('$schema');
      expect(toolSpec.inputSchema.json.additionalProperties).toBe(false);
      expect(typeof toolSpec.inputSchema.json.properties).toBe('object');
    }
  });

  it('match a hand-written schema for search_notes and the empty one for current_date', () => {
    const tool = AGENT_TOOLS.find((t) => t.name === 'search_notes')!;
    expect(toolInputJsonSchema(tool)).toStrictEqual({
      type: 'object',
      properties: {
        query: {
          type: 'string',
          minLength: 1,
          maxLength: 200,
          description:
            'Words to look for in the study notes, such as "prompt injection guardrails".',
        },
        limit: {
          type: 'integer',
          minimum: 1,
          maximum: 8,
          description: 'How many notes to return, 1 to 8 (default 3).',
        },
      },
      required: ['query'],
      additionalProperties: false,
    });
    const date = AGENT_TOOLS.find((t) => t.name === 'current_date')!;
    expect(toolInputJsonSchema(date)).toStrictEqual({
      type: 'object',
      properties: {},
      additionalProperties: false,
    });
  });
});

describe('calculator', () => {
  const value = (e: string) => {
    const r = evaluateExpression(e);
    if (!r.ok) throw new Error(r.error);
    return r.value;
  };
  const error = (e: string) => {
    const r = evaluateExpression(e);
    return r.ok ? `value ${r.value}` : r.error;
  };

  it('follows precedence, parentheses, signs and right-associative powers', () => {
    expect(value('2 + 3 * 4')).toBe(14);
    expect(value('(2 + 3) * 4')).toBe(20);
    expect(value('10 - 4 - 3')).toBe(3);
    expect(value('12 / 4 / 3')).toBe(1);
    expect(value('2 ^ 3 ^ 2')).toBe(512);
    expect(value('-2 ^ 2')).toBe(-4);
    expect(value('(-2) ^ 2')).toBe(4);
    expect(value('2 ^ -1')).toBe(0.5);
    expect(value('--3 + +2')).toBe(5);
    expect(value('0.1 + 0.2')).toBe(0.3);
    expect(value('.5 * 1e3')).toBe(500);
    expect(value('(1200 + 300) / 1000 * 0.003')).toBe(0.0045);
    expect(value('-(3 - 3)')).toBe(0);
    expect(Object.is(value('-(3 - 3)'), -0)).toBe(false);
  });

  it('refuses division by zero with the position of the operator', () => {
    expect(error('1 / 0')).toBe('Division by zero at position 3.');
    expect(error('5 / (2 - 2)')).toBe('Division by zero at position 3.');
  });

  it('refuses names and any character outside the grammar (no eval)', () => {
    expect(error('Math.PI * 2')).toBe(
      'Names such as "Math" (position 1) are not allowed: only numbers, + - * / ^ and parentheses are allowed.',
    );
    expect(error('process.exit(1)')).toMatch(/^Names such as "process"/);
    expect(error('constructor')).toMatch(/not allowed/);
    expect(error('1; 2')).toBe(
      '";" at position 2 is not allowed: only numbers, + - * / ^ and parentheses are allowed.',
    );
    expect(error('10 % 3')).toMatch(/"%" at position 4 is not allowed/);
    expect(error('2 😀')).toMatch(/^"😀" at position 3 is not allowed/);
  });

  it('reports malformed expressions plainly', () => {
    expect(error('(1 + 2')).toBe('The "(" at position 1 is never closed.');
    expect(error('1 +')).toBe('The expression ends too early: a number or "(" is missing.');
    expect(error('2 ** 3')).toBe('"*" at position 4 is not expected here.');
    expect(error('3 4')).toBe('"4" at position 3 is not expected here.');
    expect(error('1 + 2)')).toBe('")" at position 6 is not expected here.');
    expect(error('   ')).toBe('The expression is empty.');
    expect(error('(-8) ^ (1/3)')).toMatch(/not a real number/);
    expect(error('10 ^ 400')).toBe('The result is too large to represent.');
    expect(error(`${'('.repeat(51)}1${')'.repeat(51)}`)).toMatch(/nested too deeply/);
  });
});

describe('the note, glossary, question and date tools', () => {
  it('searches the notes it is given, best match first, with an excerpt', () => {
    const results = searchNotes(NOTES, 'prompt injection', 3);
    expect(results.map((r) => r.noteId)).toStrictEqual(['prompting', 'guardrails']);
    expect(results[1]?.excerpt).toBe(
      'The prompt attack filter catches jailbreaks and prompt injection in prompts.',
    );
    expect(searchNotes(NOTES, 'prompt injection', 1)).toHaveLength(1);
    expect(searchNotes(NOTES, 'the of and', 3)).toStrictEqual([]);
    expect(searchNotes([], 'anything', 3)).toStrictEqual([]);
  });

  it('looks up a glossary term by name or alias, else suggests close terms', () => {
    expect(lookupGlossary(GLOSSARY, ' temperature ')).toMatchObject({
      found: true,
      term: 'Temperature',
    });
    expect(lookupGlossary(GLOSSARY, 'rag')).toMatchObject({
      found: true,
      term: 'Retrieval Augmented Generation',
      noteId: 'rag',
    });
    expect(lookupGlossary(GLOSSARY, 'prompt')).toStrictEqual({
      found: false,
      term: null,
      definition: null,
      noteId: null,
      suggestions: ['Prompt injection', 'Prompt template'],
    });
  });

  it('draws a question on a task or on words, without its answer', () => {
    const drawn = drawPracticeQuestion(QUESTIONS, '3.2', createRng(1));
    expect(drawn.matching).toBe(2);
    expect(['q1', 'q3']).toContain(drawn.question?.id);
    expect(drawn.question).not.toHaveProperty('answer');
    const multi = drawPracticeQuestion(QUESTIONS, 'prompt attacks guardrails', createRng(1));
    expect(multi).toMatchObject({
      matching: 1,
      question: { id: 'q2', type: 'multiple', select: 2 },
    });
    expect(drawPracticeQuestion(QUESTIONS, '4.2', createRng(1))).toStrictEqual({
      matching: 0,
      question: null,
    });
    const again = drawPracticeQuestion(QUESTIONS, '3.2', createRng(1));
    expect(again.question?.id).toBe(drawn.question?.id);
  });

  it('gives today’s date in the learner’s time zone', () => {
    const now = new Date('2026-12-04T23:30:00Z');
    expect(currentDate(now, 'UTC')).toStrictEqual({
      ok: true,
      value: {
        date: '2026-12-04',
        weekday: 'Friday',
        time: '23:30',
        timeZone: 'UTC',
        iso: '2026-12-04T23:30:00.000Z',
      },
    });
    const tokyo = currentDate(now, 'Asia/Tokyo');
    expect(tokyo.ok && tokyo.value.date).toBe('2026-12-05');
    expect(currentDate(now, 'Mars/Olympus').ok).toBe(false);
  });
});

describe('runToolCall', () => {
  const call = (name: string, input: unknown) => ({ toolUseId: 'tu-1', name, input });

  it('validates the input and returns JSON on success', () => {
    const run = runToolCall(call('calculator', { expression: '6 * 7' }), data());
    expect(run).toStrictEqual({
      toolUseId: 'tu-1',
      name: 'calculator',
      input: { expression: '6 * 7' },
      status: 'success',
      output: { expression: '6 * 7', value: 42 },
      error: null,
    });
  });

  it('refuses a malformed input and tells the model why', () => {
    const run = runToolCall(call('calculator', { expr: '1+1' }), data());
    expect(run.status).toBe('error');
    expect(run.error).toMatch(/^The input for calculator does not match its schema \(/);
    expect(run.error).toMatch(/expression/);
    expect(run.error).toMatch(/Correct the input and call the tool again\.$/);
    const wrongType = runToolCall(call('search_notes', { query: 'x', limit: 50 }), data());
    expect(wrongType.error).toMatch(/limit/);
  });

  it('returns tool failures and unknown tools as error results', () => {
    expect(runToolCall(call('calculator', { expression: '1/0' }), data()).error).toBe(
      'Division by zero at position 2.',
    );
    expect(runToolCall(call('web_search', {}), data()).error).toBe(
      'There is no tool named "web_search". The tools are: search_notes, lookup_glossary, draw_practice_question, calculator, current_date.',
    );
    expect(runToolCall(call('current_date', {}), data({ timeZone: 'Nowhere/Here' })).status).toBe(
      'error',
    );
  });

  it('validates the output on the way out', () => {
    const broken: AgentTool = {
      name: 'broken',
      description: 'Returns the wrong shape.',
      input: z.object({}).strict(),
      output: z.object({ value: z.number() }).strict(),
      run: () => ({ ok: true, value: { value: 'not a number' } }),
    };
    const run = runToolCall(call('broken', {}), data(), [broken]);
    expect(run.status).toBe('error');
    expect(run.error).toMatch(/breaks its own schema .*fault in Stratum/);
  });
});

const turn = (content: ModelTurn['content'], stopReason = 'end_turn'): ModelTurn => ({
  content,
  stopReason,
  inputTokens: 100,
  outputTokens: 20,
  latencyMs: 450,
  costUsd: null,
});

describe('the tool-use loop', () => {
  it('turns parallel tool calls into one user message of results, then ends with the answer', () => {
    let state = startAgentLoop('  What is RAG, and what is 6 * 7?  ', 5);
    state = reduceModelTurn(
      state,
      turn(
        [
          { text: 'Let me check.' },
          { toolUse: { toolUseId: 'a', name: 'lookup_glossary', input: { term: 'RAG' } } },
          { toolUse: { toolUseId: 'b', name: 'calculator', input: { expression: '6 * 7' } } },
        ],
        'tool_use',
      ),
    );
    expect(state.status).toBe('awaiting-tools');
    const runs = runPendingCalls(state, data());
    state = reduceToolResults(state, [...runs].reverse());
    expect(state.messages[2]).toStrictEqual({
      role: 'user',
      content: [
        {
          toolResult: {
            toolUseId: 'a',
            content: [
              {
                json: {
                  found: true,
                  term: 'Retrieval Augmented Generation',
                  definition: 'Grounding answers in retrieved documents.',
                  noteId: 'rag',
                  suggestions: [],
                },
              },
            ],
            status: 'success',
          },
        },
        {
          toolResult: {
            toolUseId: 'b',
            content: [{ json: { expression: '6 * 7', value: 42 } }],
            status: 'success',
          },
        },
      ],
    });
    state = reduceModelTurn(state, turn([{ text: 'RAG grounds answers; 6 * 7 = 42.' }]));
    expect(state.status).toBe('done');
    expect(state.finalText).toBe('RAG grounds answers; 6 * 7 = 42.');
    expect(state.notice).toBeNull();
    expect(state.messages[0]).toStrictEqual({
      role: 'user',
      content: [{ text: 'What is RAG, and what is 6 * 7?' }],
    });
    expect(
      state.steps.map((s) =>
        s.kind === 'tool' ? `tool ${s.run.name} ${s.parallel}` : `model ${s.turn}`,
      ),
    ).toStrictEqual(['model 1', 'tool lookup_glossary true', 'tool calculator true', 'model 2']);
  });

  it('sends a malformed input and a declined call back as error results', () => {
    let state = startAgentLoop('Compute.', 3);
    state = reduceModelTurn(
      state,
      turn(
        [
          { toolUse: { toolUseId: 'x', name: 'calculator', input: { expression: 42 } } },
          { toolUse: { toolUseId: 'y', name: 'current_date', input: {} } },
        ],
        'tool_use',
      ),
    );
    state = reduceToolResults(state, runPendingCalls(state, data(), new Set(['y'])));
    const [first, second] = state.messages[2]?.content ?? [];
    expect(first).toMatchObject({ toolResult: { toolUseId: 'x', status: 'error' } });
    expect(second).toMatchObject({
      toolResult: {
        toolUseId: 'y',
        status: 'error',
        content: [{ text: expect.stringMatching(/^The learner declined this tool call/) }],
      },
    });
    expect(
      state.steps.filter((s) => s.kind === 'tool').map((s) => s.kind === 'tool' && s.run.status),
    ).toStrictEqual(['error', 'declined']);
  });

  it('ends at the step limit when the model keeps calling tools', () => {
    const callAgain = turn(
      [{ toolUse: { toolUseId: 't', name: 'current_date', input: {} } }],
      'tool_use',
    );
    let state = startAgentLoop('Loop forever.', 2);
    state = reduceModelTurn(state, callAgain);
    state = reduceToolResults(state, runPendingCalls(state, data()));
    state = reduceModelTurn(state, { ...callAgain });
    expect(state.status).toBe('step-limit');
    expect(state.pending).toStrictEqual([]);
    expect(state.notice).toBe(
      'The agent reached its limit of 2 steps while still calling tools, so it stopped without a final answer. Raise the limit or ask a narrower question.',
    );
    expect(reduceModelTurn(state, turn([{ text: 'late' }]))).toBe(state);
  });

  it('waits for every pending result and ignores turns out of order', () => {
    let state = startAgentLoop('Q', 3);
    state = reduceModelTurn(
      state,
      turn(
        [
          { toolUse: { toolUseId: 'a', name: 'current_date', input: {} } },
          { toolUse: { toolUseId: 'b', name: 'current_date', input: {} } },
        ],
        'tool_use',
      ),
    );
    const [onlyA] = runPendingCalls(state, data());
    expect(reduceToolResults(state, [onlyA!])).toBe(state);
    expect(reduceModelTurn(state, turn([{ text: 'x' }]))).toBe(state);
  });

  it('notes odd stop reasons and stops on request', () => {
    const cut = reduceModelTurn(startAgentLoop('Q', 3), turn([{ text: 'Half' }], 'max_tokens'));
    expect(cut).toMatchObject({ status: 'done', finalText: 'Half' });
    expect(cut.notice).toMatch(/maximum number of output tokens/);
    const empty = reduceModelTurn(startAgentLoop('Q', 3), turn([], 'tool_use'));
    expect(empty.notice).toBe('The model said it would call a tool but sent no tool call.');
    const stopped = stopAgentLoop(startAgentLoop('Q', 3));
    expect(stopped).toMatchObject({ status: 'stopped', notice: 'Stopped after 0 steps.' });
  });

  it('refuses an empty question and a step limit out of range', () => {
    expect(() => startAgentLoop('  ', 3)).toThrow('Ask a question first.');
    expect(() => startAgentLoop('Q', 0)).toThrow(/1 to 20/);
    expect(() => startAgentLoop('Q', 21)).toThrow(/1 to 20/);
    expect(() => startAgentLoop('Q', 2.5)).toThrow(/1 to 20/);
  });
});
