/**
 * The evaluation lab's `runEvaluation` stream against the fake Bedrock, over the wire with the
 * real AWS SDK client: one Converse call per item per candidate with bounded concurrency, cancel,
 * throttling midway then a resume of only the missing pairs, a response cut by maxTokens marked,
 * an empty response kept and marked, and every call in the invocation log as 'evaluation'.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { StreamHub } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import type { StreamMessage } from '../../shared/contract';
import type {
  EvalCandidate,
  EvalResponseEvent,
  RunEvaluationInput,
} from '../../shared/eval-contract';
import type { AppError } from '../../shared/result';
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
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-eval-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

let streamCount = 0;

const candidate = (id: string, patch: Partial<EvalCandidate> = {}): EvalCandidate => ({
  id,
  label: id,
  modelId: 'amazon.nova-micro-v1:0',
  temperature: 0,
  maxTokens: 200,
  template: '{{prompt}}',
  ...patch,
});

const items = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ id: `q${i + 1}`, prompt: `Question number ${i + 1}?` }));

function run(input: Partial<RunEvaluationInput>) {
  const hub = new StreamHub(backend.streams);
  const id = `stream-eval-${String(++streamCount).padStart(4, '0')}`;
  const events: EvalResponseEvent[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start(
    'test',
    'runEvaluation',
    id,
    { candidates: [candidate('a')], items: items(2), concurrency: 2, ...input },
    (m: StreamMessage) => {
      if (m.kind === 'event') events.push(m.event as EvalResponseEvent);
      else resolveEnd(m.error);
    },
  );
  return { started, events, ended, cancel: () => hub.cancel('test', id) };
}

const converseCalls = () => fake.requests.filter((r) => r.operation === 'converse');

function maxInFlight(requests: readonly RecordedRequest[]): number {
  const edges = requests.flatMap((r) => [
    { t: r.at, d: 1 },
    { t: r.at + (r.durationMs ?? 0), d: -1 },
  ]);
  edges.sort((a, b) => a.t - b.t || a.d - b.d);
  let now = 0;
  let most = 0;
  for (const e of edges) {
    now += e.d;
    most = Math.max(most, now);
  }
  return most;
}

describe('runEvaluation', () => {
  it('answers every item for every candidate, with tokens, latency and cost, and logs each call', async () => {
    const r = run({
      candidates: [candidate('a'), candidate('b', { modelId: 'amazon.nova-lite-v1:0' })],
      items: items(3),
    });
    expect(await r.ended).toBeNull();
    expect(r.events).toHaveLength(6);
    const first = r.events.find((e) => e.itemId === 'q1' && e.candidateId === 'b');
    expect(first?.text).toContain('This is the fake Bedrock reply to: Question number 1?');
    expect(first?.stopReason).toBe('end_turn');
    expect(first?.truncated).toBe(false);
    expect(first?.inputTokens).toBeGreaterThan(0);
    expect(first?.costUsd).toBeGreaterThan(0);
    expect(
      converseCalls()
        .map((c) => c.modelId)
        .sort(),
    ).toEqual([
      ...Array(3).fill('amazon.nova-lite-v1:0'),
      ...Array(3).fill('amazon.nova-micro-v1:0'),
    ]);
    await backend.log.flush();
    const records = (await backend.log.list({})).records;
    expect(records).toHaveLength(6);
    expect(records.every((x) => x.feature === 'evaluation' && x.operation === 'Converse')).toBe(
      true,
    );
  });

  it('applies the template and the temperature per candidate', async () => {
    const r = run({
      candidates: [
        candidate('cold', { temperature: 0 }),
        candidate('warm', { temperature: 0.9, template: 'Answer briefly: {{prompt}}' }),
      ],
      items: items(1),
    });
    expect(await r.ended).toBeNull();
    const bodies = converseCalls().map((c) => JSON.stringify(c.body));
    expect(bodies.some((b) => b.includes('Answer briefly: Question number 1?'))).toBe(true);
    expect(bodies.some((b) => b.includes('"temperature":0.9'))).toBe(true);
  });

  it('keeps at most `concurrency` calls in flight', async () => {
    fake.setBehavior({ kind: 'delay', ms: 60 });
    const r = run({ items: items(8), concurrency: 3 });
    expect(await r.ended).toBeNull();
    expect(r.events).toHaveLength(8);
    expect(maxInFlight(converseCalls())).toBe(3);
  });

  it('stops on cancel: no new call starts and the stream ends cancelled', async () => {
    fake.setBehavior({ kind: 'delay', ms: 150 });
    const r = run({ items: items(10), concurrency: 1 });
    await new Promise((resolve) => setTimeout(resolve, 200));
    r.cancel();
    expect((await r.ended)?.code).toBe('cancelled');
    expect(converseCalls().length).toBeLessThan(10);
    expect(r.events.length).toBeLessThan(10);
  });

  it('keeps what arrived when throttled midway, and a resume asks only for the missing pairs', async () => {
    fake.enqueue({ kind: 'ok' }, { kind: 'ok' });
    fake.setBehavior({ kind: 'throttle' });
    const all = items(5);
    const first = run({ items: all, concurrency: 1 });
    expect((await first.ended)?.code).toBe('throttled');
    expect(first.events.map((e) => e.itemId)).toEqual(['q1', 'q2']);

    fake.setBehavior({ kind: 'ok' });
    fake.reset();
    const have = new Set(first.events.map((e) => e.itemId));
    const only = all
      .filter((i) => !have.has(i.id))
      .map((i) => ({ itemId: i.id, candidateId: 'a' }));
    const resumed = run({ items: all, only, concurrency: 1 });
    expect(await resumed.ended).toBeNull();
    expect(resumed.events.map((e) => e.itemId)).toEqual(['q3', 'q4', 'q5']);
    expect(converseCalls()).toHaveLength(3);
  });

  it('marks a response cut by maxTokens, and keeps and marks an empty one', async () => {
    fake.enqueue({ kind: 'reply', text: 'word '.repeat(50) }, { kind: 'reply', text: '' });
    const r = run({ candidates: [candidate('a', { maxTokens: 5 })], concurrency: 1 });
    expect(await r.ended).toBeNull();
    const [cut, empty] = r.events;
    expect(cut?.stopReason).toBe('max_tokens');
    expect(cut?.truncated).toBe(true);
    expect(cut?.text.length).toBeLessThanOrEqual(20);
    expect(empty?.empty).toBe(true);
    expect(empty?.text).toBe('');
  });

  it('refuses pairs that name an unknown item', async () => {
    const r = run({ only: [{ itemId: 'nope', candidateId: 'a' }] });
    expect((await r.ended)?.code).toBe('validation');
    expect(converseCalls()).toHaveLength(0);
  });
});
