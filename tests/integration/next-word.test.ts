/**
 * The token lab's live experiment (`sampleNextWord`) through the stream hub, the real handlers
 * and the real AWS SDK against the fake Bedrock (never mocked): the calls it makes, the pool's
 * concurrency limit, and how an error midway, Stop and throttling end the run.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StreamHub } from '../../electron/main/dispatch';
import { createBackend, type Backend } from '../../electron/main/handlers';
import { NEXT_WORD_SYSTEM_PROMPT } from '../../electron/main/bedrock/next-word';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settings-store';
import type {
  SampleNextWordEvent,
  SampleNextWordInput,
  StreamMessage,
} from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { type Behavior, type FakeBedrock } from '../fakes/bedrock';
import type { RecordedRequest } from '../fakes/bedrock';
import { startFakeAws, type FakeAws } from '../support/app';

let fake: FakeBedrock;
let aws: FakeAws;
let store: SettingsStore;
let backend: Backend;
let hub: StreamHub;

beforeAll(async () => {
  aws = await startFakeAws();
  fake = aws.fake;
});

afterAll(() => aws.close());

beforeEach(async () => {
  fake.reset();
  store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-store-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
  hub = new StreamHub(backend.streams);
});
afterEach(() => backend.dispose());

const base: SampleNextWordInput = {
  modelId: 'amazon.nova-micro-v1:0',
  prompt: 'After the storm, the streets were',
  n: 20,
  temperature: 0.9,
  topP: 0.95,
  concurrency: 4,
  maxTokens: 5,
};

type Sample = Extract<SampleNextWordEvent, { type: 'sample' }>;

/** Starts a run and records every message in arrival order, events and the end alike. */
function startRun(id: string, overrides: Partial<SampleNextWordInput> = {}) {
  const messages: StreamMessage[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start('test', 'sampleNextWord', id, { ...base, ...overrides }, (m) => {
    messages.push(m);
    if (m.kind === 'end') resolveEnd(m.error);
  });
  const samples = (): Sample[] =>
    messages.flatMap((m) => (m.kind === 'event' ? [m.event as Sample] : []));
  return { messages, samples, ended, started };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function until(check: () => boolean, timeoutMs = 3000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!check()) {
    if (Date.now() > deadline) throw new Error(`condition not met in ${timeoutMs} ms`);
    await sleep(5);
  }
}

/** The largest number of recorded requests whose [at, at + durationMs) intervals overlap. */
function maxInFlight(requests: RecordedRequest[]): number {
  const edges = requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.at + (r.durationMs ?? 0), d: -1 },
  ]);
  // At equal times, ends first: a call that starts as another finishes is not an overlap.
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let current = 0;
  let max = 0;
  for (const e of edges) {
    current += e.d;
    max = Math.max(max, current);
  }
  return max;
}

const slow = (ms: number): Behavior => ({
  kind: 'delay',
  ms,
  then: { kind: 'reply', text: 'wet' },
});

describe('sampleNextWord', () => {
  it('makes n constrained Converse calls and emits one sample per call', async () => {
    const words = ['wet', 'flooded', 'Wet.', ' soaked'];
    let calls = 0;
    fake.setBehavior({ kind: 'reply', text: () => words[calls++ % words.length] ?? '' });
    const run = startRun('next-word-ok-01');
    expect(run.started).toEqual({ ok: true, value: null });
    expect(await run.ended).toBeNull();

    const samples = run.samples();
    expect(samples).toHaveLength(20);
    expect(samples.map((s) => s.index).sort((a, b) => a - b)).toEqual(
      Array.from({ length: 20 }, (_, i) => i),
    );
    // Replies are passed on untrimmed: the leading space and the full stop are data.
    expect(new Set(samples.map((s) => s.reply))).toEqual(new Set(words));
    for (const s of samples) {
      expect(s).toMatchObject({
        stopReason: 'end_turn',
        inputTokens: expect.any(Number),
        outputTokens: expect.any(Number),
      });
      expect(s.latencyMs).toBeGreaterThanOrEqual(0);
    }

    const recorded = fake.modelCalls();
    expect(recorded).toHaveLength(20);
    for (const r of recorded) {
      expect(r).toMatchObject({
        operation: 'converse',
        modelId: 'amazon.nova-micro-v1:0',
        completed: true,
        body: {
          system: [{ text: NEXT_WORD_SYSTEM_PROMPT }],
          messages: [{ role: 'user', content: [{ text: base.prompt }] }],
          inferenceConfig: { maxTokens: 5, temperature: 0.9, topP: 0.95, stopSequences: ['\n'] },
        },
      });
    }
    expect(run.messages.at(-1)?.kind).toBe('end');
  });

  it('reports a reply cut at the line-break stop sequence', async () => {
    fake.setBehavior({ kind: 'reply', text: 'wet\nBecause it rained.' });
    const run = startRun('next-word-stop-1', { n: 2, concurrency: 2 });
    expect(await run.ended).toBeNull();
    expect(run.samples().map((s) => [s.reply, s.stopReason])).toEqual([
      ['wet', 'stop_sequence'],
      ['wet', 'stop_sequence'],
    ]);
  });

  it('never has more calls in flight than the concurrency', async () => {
    fake.setBehavior(slow(50));
    const run = startRun('next-word-pool-1', { n: 12, concurrency: 3 });
    expect(await run.ended).toBeNull();
    expect(run.samples()).toHaveLength(12);
    const recorded = fake.modelCalls();
    expect(recorded).toHaveLength(12);
    // The pool is used fully, and never exceeded.
    expect(maxInFlight(recorded)).toBe(3);
  });

  it('an error midway ends the run with it and keeps the samples already emitted', async () => {
    const ok: Behavior = { kind: 'reply', text: 'wet' };
    // Arrival order decides: calls 1-2 answer, 3-4 hang, 5 is refused while 3-4 are in flight.
    fake.enqueue(ok, ok, slow(2000), slow(2000), { kind: 'accessDenied' });
    fake.setBehavior(ok);
    const run = startRun('next-word-err-01', { n: 20, concurrency: 3 });
    const error = await run.ended;
    expect(error).toMatchObject({ code: 'access_denied', remedy: expect.any(String) });
    expect(error?.message).toContain('amazon.nova-micro-v1:0');
    expect(run.samples()).toHaveLength(2);
    // Two of the first three calls (which two depends on arrival order at the fake).
    const indexes = run.samples().map((s) => s.index);
    expect(new Set(indexes).size).toBe(2);
    expect(indexes.every((i) => i < 3)).toBe(true);

    // The calls in flight were aborted at the fake, and nothing more is started or emitted.
    await fake.waitFor(() => fake.modelCalls().every((r) => r.completed || r.aborted));
    const hanging = fake.modelCalls().filter((r) => r.behavior === 'delay');
    expect(hanging).toHaveLength(2);
    expect(hanging.every((r) => r.aborted && !r.completed)).toBe(true);
    await sleep(200);
    expect(fake.modelCalls()).toHaveLength(5);
    expect(run.samples()).toHaveLength(2);
    expect(run.messages.at(-1)).toMatchObject({ kind: 'end' });
  });

  it('Stop aborts the calls in flight, starts no more and ends cancelled', async () => {
    const ok: Behavior = { kind: 'reply', text: 'wet' };
    fake.enqueue(ok, ok);
    fake.setBehavior(slow(2000));
    const run = startRun('next-word-stop-01', { n: 20, concurrency: 3 });
    await until(() => run.samples().length === 2);
    // Both freed slots have started their next (slow) call: five calls, three in flight.
    await fake.waitFor(() => fake.modelCalls().length === 5);
    hub.cancel('test', 'next-word-stop-01');
    expect(await run.ended).toMatchObject({ code: 'cancelled' });

    await fake.waitFor(() => fake.modelCalls().every((r) => r.completed || r.aborted));
    const inFlight = fake.modelCalls().filter((r) => !r.completed);
    expect(inFlight).toHaveLength(3);
    expect(inFlight.every((r) => r.aborted)).toBe(true);
    await sleep(200);
    expect(fake.modelCalls()).toHaveLength(5);
    expect(run.samples()).toHaveLength(2);
    expect(run.messages.at(-1)).toMatchObject({ kind: 'end' });
  });

  it('ends throttled when every call is throttled, after the SDK retries', async () => {
    fake.setBehavior({ kind: 'throttle' });
    const run = startRun('next-word-429-01', { n: 4, concurrency: 2 });
    expect(await run.ended).toMatchObject({ code: 'throttled' });
    expect(run.samples()).toHaveLength(0);
    // The SDK retried (three attempts) before the run gave up.
    expect(fake.modelCalls().length).toBeGreaterThanOrEqual(3);
    expect(fake.modelCalls().every((r) => r.errorName === 'ThrottlingException')).toBe(true);
  });

  it.each([
    ['n = 0', { n: 0 }],
    ['temperature above 1', { temperature: 1.5 }],
    ['concurrency above 8', { concurrency: 9 }],
    ['an empty prompt', { prompt: '   ' }],
    ['maxTokens above 20', { maxTokens: 21 }],
  ])('rejects %s before any call', async (_label, overrides) => {
    const run = startRun('next-word-bad-01', overrides);
    expect(run.started).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    await sleep(20);
    expect(run.messages).toHaveLength(0);
    expect(fake.modelCalls()).toHaveLength(0);
  });
});
