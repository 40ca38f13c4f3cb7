/**
 * The evaluation lab's judge (`judgeResponses`) against the fake Bedrock, over the wire with the
 * real SDK: the forced tool and its zod-derived schema as sent, scores with reasoning, a reply
 * that breaks the schema retried once then reported unscored (never a made-up score), pairwise
 * verdicts with the order swapped on the second call, cancel, and the invocation log.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StreamHub } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import type { StreamMessage } from '../../shared/contract';
import type { JudgeResponsesEvent, JudgeResponsesInput } from '../../shared/eval-judge-contract';
import type { AppError } from '../../shared/result';
import type { FakeBedrock } from '../fakes/bedrock';
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
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-judge-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

let count = 0;
function judge(input: Partial<JudgeResponsesInput>) {
  const hub = new StreamHub(backend.streams);
  const id = `stream-judge-${String(++count).padStart(4, '0')}`;
  const events: JudgeResponsesEvent[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start(
    'test',
    'judgeResponses',
    id,
    {
      judgeModelId: 'amazon.nova-lite-v1:0',
      mode: 'single',
      metrics: [
        { metric: 'correctness', rubric: '5 right, 1 wrong.' },
        { metric: 'coherence', rubric: '5 clear, 1 confused.' },
      ],
      concurrency: 1,
      items: [
        {
          id: 'q1',
          prompt: 'What does Amazon Bedrock Guardrails filter?',
          reference: 'Harmful content, denied topics, words and PII.',
          context: null,
          responses: [
            { key: 'amazon.nova-micro-v1:0', text: 'It filters harmful content and PII.' },
            { key: 'amazon.nova-lite-v1:0', text: 'It speeds up inference.' },
          ],
        },
      ],
      ...input,
    },
    (m: StreamMessage) => {
      if (m.kind === 'event') events.push(m.event as JudgeResponsesEvent);
      else resolveEnd(m.error);
    },
  );
  return { started, events, ended, cancel: () => hub.cancel('test', id) };
}

const converseCalls = () => fake.requests.filter((r) => r.operation === 'converse');
type Body = {
  messages: { content: { text: string }[] }[];
  toolConfig: {
    tools: { toolSpec: { name: string; inputSchema: { json: unknown } } }[];
    toolChoice: unknown;
  };
};

describe('judgeResponses, single mode', () => {
  it('forces a tool with the zod-derived schema and returns scores with reasoning', async () => {
    fake.setBehavior({
      kind: 'toolUse',
      input: {
        correctness: { reasoning: 'Names filters the reference names.', score: 4 },
        coherence: { reasoning: 'One clear sentence.', score: 5 },
      },
    });
    const run = judge({});
    expect(await run.ended).toBeNull();
    expect(run.events[0]).toEqual({ kind: 'started', total: 2 });
    const scores = run.events.filter((e) => e.kind === 'scores');
    expect(scores).toHaveLength(2);
    expect(scores[0]).toMatchObject({
      itemId: 'q1',
      attempts: 1,
      problem: null,
      scores: [
        { metric: 'correctness', score: 4, reasoning: 'Names filters the reference names.' },
        { metric: 'coherence', score: 5, reasoning: 'One clear sentence.' },
      ],
    });
    const body = converseCalls()[0]!.body as Body;
    expect(body.toolConfig.toolChoice).toEqual({ tool: { name: 'record_scores' } });
    expect(body.toolConfig.tools[0]!.toolSpec.inputSchema.json).toMatchObject({
      type: 'object',
      required: ['correctness', 'coherence'],
      properties: { correctness: { properties: { score: { minimum: 1, maximum: 5 } } } },
    });
    expect(body.messages[0]!.content[0]!.text).toContain('<reference_response>');
    await backend.log.flush();
    const records = (await backend.log.list({})).records;
    expect(records.filter((r) => r.feature === 'evaluation')).toHaveLength(2);
  });

  it('retries a reply that breaks the schema once, then marks it unscored', async () => {
    fake.enqueue(
      { kind: 'toolUse', input: { correctness: { reasoning: 'x', score: 9 } } },
      { kind: 'malformed' },
    );
    fake.setBehavior({
      kind: 'toolUse',
      input: {
        correctness: { reasoning: 'Right.', score: 5 },
        coherence: { reasoning: 'Clear.', score: 5 },
      },
    });
    const run = judge({});
    expect(await run.ended).toBeNull();
    const scores = run.events.filter((e) => e.kind === 'scores');
    const first = scores.find((s) => s.responseKey === 'amazon.nova-micro-v1:0')!;
    expect(first.attempts).toBe(2);
    expect(first.problem).toMatch(/JSON object|schema/);
    expect(first.scores.every((s) => s.score === null)).toBe(true);
    const second = scores.find((s) => s.responseKey === 'amazon.nova-lite-v1:0')!;
    expect(second).toMatchObject({ attempts: 1, problem: null });
    expect(converseCalls()).toHaveLength(3);
  });

  it('a retry that succeeds is scored, with both calls counted', async () => {
    fake.enqueue({ kind: 'malformed' });
    fake.setBehavior({
      kind: 'toolUse',
      input: {
        correctness: { reasoning: 'Right.', score: 3 },
        coherence: { reasoning: 'Clear.', score: 4 },
      },
    });
    const run = judge({
      items: [
        {
          id: 'q1',
          prompt: 'p',
          reference: null,
          context: null,
          responses: [{ key: 'm', text: 'r' }],
        },
      ],
    });
    expect(await run.ended).toBeNull();
    const s = run.events.find((e) => e.kind === 'scores')!;
    expect(s).toMatchObject({ attempts: 2, problem: null });
  });
});

describe('judgeResponses, pairwise mode', () => {
  it('asks twice with the order swapped and maps each verdict back to the response', async () => {
    // A judge with a position bias: it always prefers whichever response is shown first.
    fake.setBehavior({ kind: 'toolUse', input: { reasoning: 'A reads better.', preferred: 'A' } });
    const run = judge({
      mode: 'pairwise',
      metrics: [{ metric: 'helpfulness', rubric: 'Most useful wins.' }],
    });
    expect(await run.ended).toBeNull();
    const verdicts = run.events.filter((e) => e.kind === 'verdict');
    expect(verdicts).toHaveLength(2);
    const original = verdicts.find((v) => v.order === 'original')!;
    const swapped = verdicts.find((v) => v.order === 'swapped')!;
    expect(original).toMatchObject({
      shownAsA: 'amazon.nova-micro-v1:0',
      preferredKey: 'amazon.nova-micro-v1:0',
    });
    expect(swapped).toMatchObject({
      shownAsA: 'amazon.nova-lite-v1:0',
      preferredKey: 'amazon.nova-lite-v1:0',
    });
    const texts = converseCalls().map((c) => (c.body as Body).messages[0]!.content[0]!.text);
    const shownFirst = (t: string) => /<response_A>\n([^\n]*)/.exec(t)?.[1];
    expect(texts.map(shownFirst).sort()).toEqual([
      'It filters harmful content and PII.',
      'It speeds up inference.',
    ]);
    expect((converseCalls()[0]!.body as Body).toolConfig.toolChoice).toEqual({
      tool: { name: 'record_preference' },
    });
  });

  it('refuses pairwise input with other than two responses', async () => {
    const run = judge({
      mode: 'pairwise',
      items: [
        {
          id: 'q',
          prompt: 'p',
          reference: null,
          context: null,
          responses: [{ key: 'a', text: 't' }],
        },
      ],
    });
    expect(run.started.ok).toBe(false);
  });
});

describe('judgeResponses, faults', () => {
  it('access denied ends the stream with the remedy', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const run = judge({});
    const error = await run.ended;
    expect(error?.code).toBe('access_denied');
  });

  it('cancel stops the run', async () => {
    fake.setBehavior({ kind: 'delay', ms: 400 });
    const run = judge({});
    await fake.waitFor((r) => r.some((x) => x.operation === 'converse'));
    run.cancel();
    expect((await run.ended)?.code).toBe('cancelled');
  });
});
