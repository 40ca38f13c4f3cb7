/**
 * The agents lab's main-process half against the fake Bedrock, over the wire with the real SDK
 * clients: the Converse tool-use loop driven by scripted model turns (the fake's `turn`
 * behaviour): two tools then an answer, parallel calls, a tool error and a malformed input
 * returned to the model as error results, the step and cost limits, Stop mid-tool, confirm
 * mode (approve and decline); and InvokeAgent's answer and trace, an unknown agent, the log.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest, StreamHub } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import type { AgentEvent, InvokeAgentEvent, RunAgentInput } from '../../shared/agent-contract';
import type { StreamMessage } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { QuestionFile, type Question } from '../../shared/questions';
import bankFile from '../../content/questions/d1.json';
import type { FakeBedrock, RecordedRequest } from '../fakes/bedrock';
import { startFakeAws, type FakeAws } from '../support/app';

let fake: FakeBedrock;
let aws: FakeAws;
let backend: AppBackend;

beforeAll(async () => {
  aws = await startFakeAws();
  fake = aws.fake;
});
afterAll(() => aws.close());

beforeEach(async () => {
  fake.reset();
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-agent-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

/** A real bank question (the tools read the bank as the renderer sends it). */
const QUESTION = QuestionFile.parse(bankFile).find((q) => q.type === 'single') as Question;

const DATA: RunAgentInput['data'] = {
  notes: [
    {
      id: 'agents',
      title: 'Agents for Amazon Bedrock',
      body: 'An agent orchestrates a foundation model, action groups and knowledge bases.\n\nThe trace shows each step.',
    },
    { id: 'rag', title: 'RAG', body: 'Retrieval augmented generation adds retrieved text.' },
  ],
  glossary: [{ term: 'Agent', definition: 'Software that plans and calls tools.', note: 'agents' }],
  questions: [QUESTION],
};

let streamCount = 0;

function run<E>(name: 'runAgent' | 'invokeAgent', input: unknown) {
  const hub = new StreamHub(backend.streams);
  const id = `stream-agent-${String(++streamCount).padStart(4, '0')}`;
  const events: E[] = [];
  const listeners: ((e: E) => void)[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start('test', name, id, input, (m: StreamMessage) => {
    if (m.kind === 'event') {
      events.push(m.event as E);
      for (const l of listeners) l(m.event as E);
    } else resolveEnd(m.error);
  });
  const next = (predicate: (e: E) => boolean) =>
    new Promise<E>((resolve) => {
      const found = events.find(predicate);
      if (found) resolve(found);
      else listeners.push((e) => predicate(e) && resolve(e));
    });
  return { started, events, ended, next, cancel: () => hub.cancel('test', id) };
}

let runCount = 0;
function agent(input: Partial<RunAgentInput> = {}) {
  return run<AgentEvent>('runAgent', {
    runId: `run-agent-${++runCount}`,
    modelId: 'amazon.nova-lite-v1:0',
    question: 'What is an agent, and what is 6 * 7?',
    maxSteps: 6,
    maxCostUsd: 0.05,
    confirmEachCall: false,
    timeZone: 'Europe/Paris',
    data: DATA,
    ...input,
  });
}

const of = <T extends AgentEvent['type']>(events: AgentEvent[], type: T) =>
  events.filter((e): e is Extract<AgentEvent, { type: T }> => e.type === type);

/** The toolResult blocks the n-th Converse request (1-based) sent back to the model. */
function toolResultsSent(n: number) {
  const call = fake.modelCalls().filter((r: RecordedRequest) => r.operation === 'converse')[n - 1];
  const body = call?.body as { messages: { content: Record<string, unknown>[] }[] };
  return body.messages.at(-1)?.content.map((b) => b.toolResult) as {
    toolUseId: string;
    status: string;
    content: { text?: string; json?: unknown }[];
  }[];
}

describe('runAgent: the Converse tool-use loop', () => {
  it('calls two tools in sequence, then answers; every step is an event with tokens and cost', async () => {
    fake.enqueue(
      {
        kind: 'turn',
        text: 'Let me look it up.',
        toolUses: [{ name: 'lookup_glossary', input: { term: 'agent' } }],
      },
      { kind: 'turn', toolUses: [{ name: 'calculator', input: { expression: '6 * 7' } }] },
      { kind: 'turn', text: 'An agent plans and calls tools; 6 * 7 = 42.' },
    );
    const r = agent();
    expect(r.started.ok).toBe(true);
    expect(await r.ended).toBeNull();
    const start = of(r.events, 'start')[0];
    expect(start?.tools.map((t) => t.name)).toEqual([
      'search_notes',
      'lookup_glossary',
      'draw_practice_question',
      'calculator',
      'current_date',
    ]);
    const turns = of(r.events, 'model-turn');
    expect(turns).toHaveLength(3);
    expect(turns[0]).toMatchObject({ turn: 1, text: 'Let me look it up.', stopReason: 'tool_use' });
    expect(turns[0]?.inputTokens).toBeGreaterThan(0);
    expect(turns[0]?.costUsd).toBeGreaterThan(0);
    const results = of(r.events, 'tool-result');
    expect(results.map((e) => [e.run.name, e.run.status, e.parallel])).toEqual([
      ['lookup_glossary', 'success', false],
      ['calculator', 'success', false],
    ]);
    expect(results[0]?.run.output).toMatchObject({ found: true, term: 'Agent' });
    expect(results[1]?.run.output).toEqual({ expression: '6 * 7', value: 42 });
    const end = of(r.events, 'end')[0];
    expect(end).toMatchObject({
      status: 'done',
      finalText: 'An agent plans and calls tools; 6 * 7 = 42.',
      steps: 3,
    });
    expect(end?.costUsd).toBeCloseTo(
      turns.reduce((s, t) => s + (t.costUsd ?? 0), 0),
      10,
    );
    // The model read each result as a success toolResult with the JSON output.
    expect(toolResultsSent(2)[0]).toMatchObject({
      status: 'success',
      content: [{ json: { found: true } }],
    });
    // Each turn was a recorded Converse call of the agents feature.
    const records = (await backend.log.list({})).records.filter((x) => x.feature === 'agents');
    expect(records).toHaveLength(3);
    expect(records.every((x) => x.operation === 'Converse' && x.status === 'ok')).toBe(true);
  });

  it('runs parallel calls together and returns their results in one message, in order', async () => {
    fake.enqueue(
      {
        kind: 'turn',
        toolUses: [
          { name: 'search_notes', input: { query: 'agent trace' } },
          { name: 'current_date', input: {} },
        ],
      },
      { kind: 'turn', text: 'Done.' },
    );
    const r = agent();
    expect(await r.ended).toBeNull();
    const results = of(r.events, 'tool-result');
    expect(results.map((e) => [e.run.name, e.parallel, e.turn])).toEqual([
      ['search_notes', true, 1],
      ['current_date', true, 1],
    ]);
    const sent = toolResultsSent(2);
    expect(sent.map((b) => b.toolUseId)).toEqual(results.map((e) => e.run.toolUseId));
    expect(results[0]?.run.output).toMatchObject({ results: [{ noteId: 'agents' }] });
  });

  it('refuses a malformed input and returns a tool error, telling the model why', async () => {
    fake.enqueue(
      {
        kind: 'turn',
        toolUses: [
          { name: 'calculator', input: { expr: 5 } },
          { name: 'calculator', input: { expression: '1 / 0' } },
        ],
      },
      { kind: 'turn', text: 'I could not compute it.' },
    );
    const r = agent();
    expect(await r.ended).toBeNull();
    const [malformed, failed] = of(r.events, 'tool-result').map((e) => e.run);
    expect(malformed?.status).toBe('error');
    expect(malformed?.error).toMatch(/does not match its schema/);
    expect(failed?.status).toBe('error');
    expect(failed?.error).toMatch(/Division by zero/);
    const sent = toolResultsSent(2);
    expect(sent.map((b) => b.status)).toEqual(['error', 'error']);
    expect(sent[0]?.content[0]?.text).toMatch(/expression/);
    expect(of(r.events, 'end')[0]?.status).toBe('done');
  });

  it('replays broken tool JSON as an object and tells the model its input was refused', async () => {
    fake.enqueue({ kind: 'malformed' }, { kind: 'turn', text: 'Sorry.' });
    const r = agent();
    expect(await r.ended).toBeNull();
    expect(of(r.events, 'tool-result')[0]?.run.status).toBe('error');
    expect(of(r.events, 'end')[0]?.finalText).toBe('Sorry.');
  });

  it('ends a model that never stops calling tools at the step limit, with a message', async () => {
    fake.setBehavior({ kind: 'turn', toolUses: [{ name: 'current_date', input: {} }] });
    const r = agent({ maxSteps: 3 });
    expect(await r.ended).toBeNull();
    expect(of(r.events, 'model-turn')).toHaveLength(3);
    expect(of(r.events, 'tool-result')).toHaveLength(2);
    const end = of(r.events, 'end')[0];
    expect(end).toMatchObject({ status: 'step-limit', finalText: null, steps: 3 });
    expect(end?.notice).toMatch(/limit of 3 steps/);
    expect(fake.modelCalls()).toHaveLength(3);
  });

  it('ends at the cost limit before another call', async () => {
    fake.setBehavior({ kind: 'turn', toolUses: [{ name: 'current_date', input: {} }] });
    const r = agent({ maxCostUsd: 0.001, modelId: 'us.anthropic.claude-sonnet-4-5-20250929-v1:0' });
    expect(await r.ended).toBeNull();
    const end = of(r.events, 'end')[0];
    expect(end?.status).toBe('cost-limit');
    expect(end?.notice).toMatch(/cost limit/);
    expect(fake.modelCalls().length).toBeLessThan(6);
  });

  it('confirm mode: the calls wait; an approved call runs, a declined one is an error result', async () => {
    fake.enqueue(
      {
        kind: 'turn',
        toolUses: [
          { name: 'calculator', input: { expression: '2 + 2' } },
          { name: 'current_date', input: {} },
        ],
      },
      { kind: 'turn', text: 'Four.' },
    );
    const r = agent({ confirmEachCall: true, runId: 'run-confirm-1' });
    const pending = (await r.next((e) => e.type === 'tools-pending')) as Extract<
      AgentEvent,
      { type: 'tools-pending' }
    >;
    expect(pending.calls).toHaveLength(2);
    expect(of(r.events, 'tool-result')).toHaveLength(0);
    const [calc, date] = pending.calls;
    const confirm = (toolUseId: string, approve: boolean) =>
      dispatchRequest(backend.requests, 'confirmAgentToolCall', {
        runId: 'run-confirm-1',
        toolUseId,
        approve,
      });
    expect(await confirm(calc?.toolUseId ?? '', true)).toEqual({
      ok: true,
      value: { accepted: true },
    });
    expect(await confirm('tooluse_nope', true)).toEqual({ ok: true, value: { accepted: false } });
    expect(await confirm(date?.toolUseId ?? '', false)).toEqual({
      ok: true,
      value: { accepted: true },
    });
    expect(await r.ended).toBeNull();
    expect(of(r.events, 'tool-result').map((e) => e.run.status)).toEqual(['success', 'declined']);
    expect(toolResultsSent(2).map((b) => b.status)).toEqual(['success', 'error']);
    expect(toolResultsSent(2)[1]?.content[0]?.text).toMatch(/declined/);
  });

  it('Stop mid-tool (waiting for confirmation) ends the run: no more model calls', async () => {
    fake.setBehavior({ kind: 'turn', toolUses: [{ name: 'current_date', input: {} }] });
    const r = agent({ confirmEachCall: true });
    await r.next((e) => e.type === 'tools-pending');
    r.cancel();
    expect((await r.ended)?.code).toBe('cancelled');
    expect(of(r.events, 'tool-result')).toHaveLength(0);
    expect(fake.modelCalls()).toHaveLength(1);
  });

  it('Stop during a model call aborts it', async () => {
    fake.setBehavior({ kind: 'hang' });
    const r = agent();
    await fake.waitFor((reqs) => reqs.some((q) => q.operation === 'converse'));
    r.cancel();
    expect((await r.ended)?.code).toBe('cancelled');
    await fake.waitFor((reqs) => reqs.some((q) => q.aborted));
  });

  it('refuses a run without a question or with a step limit out of range', () => {
    expect(agent({ question: '  ' }).started.ok).toBe(false);
    expect(agent({ maxSteps: 21 }).started.ok).toBe(false);
  });

  it('a model error ends the run with its error and remedy', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const r = agent();
    const error = await r.ended;
    expect(error?.code).toBe('access_denied');
    expect(error?.remedy).toBeTruthy();
  });
});

describe('invokeAgent: a Bedrock agent with its trace', () => {
  const input = {
    agentId: 'FAKEAGENT1',
    agentAliasId: 'TSTALIASID',
    sessionId: 'session-0001',
    inputText: 'How does chunking work?',
  };

  it('streams the trace (rationale, invocation input, observation) and the answer', async () => {
    const r = run<InvokeAgentEvent>('invokeAgent', input);
    expect(r.started.ok).toBe(true);
    expect(await r.ended).toBeNull();
    const kinds = r.events.flatMap((e) => (e.type === 'trace' ? [e.step.kind] : []));
    expect(kinds).toEqual([
      'model-input',
      'model-output',
      'rationale',
      'invocation-input',
      'observation',
      'rationale',
      'invocation-input',
      'observation',
      'observation',
    ]);
    const traces = r.events.flatMap((e) => (e.type === 'trace' ? [e.step] : []));
    expect(traces[3]?.text).toMatch(/Knowledge base FAKEKB0001/);
    expect(traces[4]?.details.some((d) => /chunking\.md/.test(d.name))).toBe(true);
    expect(traces[6]?.text).toBe('Action group study-tools: days_until_exam');
    expect(traces[1]?.inputTokens).toBeGreaterThan(0);
    const answer = r.events.flatMap((e) => (e.type === 'chunk' ? [e.text] : [])).join('');
    expect(answer).toMatch(/^Chunking splits documents/);
    expect(traces[8]?.text).toBe(answer);
    const end = r.events.at(-1);
    expect(end).toMatchObject({ type: 'end', outputTokens: 12 });
    const body = fake.requests.find((q) => q.operation === 'invoke-agent')?.body;
    expect(body).toMatchObject({ inputText: input.inputText, enableTrace: true });
    const records = (await backend.log.list({})).records;
    expect(records[0]).toMatchObject({
      feature: 'agents',
      operation: 'InvokeAgent',
      modelId: 'agent/FAKEAGENT1/TSTALIASID',
      status: 'ok',
    });
  });

  it('an unknown agent is not found, with where to look', async () => {
    const r = run<InvokeAgentEvent>('invokeAgent', { ...input, agentId: 'NOSUCHAGNT' });
    const error = await r.ended;
    expect(error?.code).toBe('model_not_found');
    expect(error?.message).toMatch(/No agent NOSUCHAGNT with alias TSTALIASID/);
    expect(error?.remedy).toMatch(/alias ID/);
  });

  it('refuses ids the service model refuses, before sending', () => {
    expect(run('invokeAgent', { ...input, agentId: 'TOO-LONG-ID' }).started.ok).toBe(false);
    expect(run('invokeAgent', { ...input, agentAliasId: 'ABCDEFGHIJK' }).started.ok).toBe(false);
    expect(fake.requests).toHaveLength(0);
  });

  it('Stop ends the agent stream', async () => {
    fake.setBehavior({ kind: 'stall', afterDeltas: 2 });
    const r = run<InvokeAgentEvent>('invokeAgent', input);
    await r.next((e) => e.type === 'trace');
    r.cancel();
    expect((await r.ended)?.code).toBe('cancelled');
  });
});
