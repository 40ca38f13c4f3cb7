/**
 * The main-process handlers against the fake Bedrock through the real AWS SDK (never mocked):
 * Test connection, error mapping on the wire, the streaming primitive and availability.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest, StreamHub } from '../../electron/main/dispatch';
import { createBackend, type Backend } from '../../electron/main/handlers';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settings-store';
import type { ConverseStreamEvent, StreamMessage } from '../../shared/contract';
import type { InvocationRecord } from '../../shared/invocations';
import type { AppError } from '../../shared/result';
import { type FakeBedrock } from '../fakes/bedrock';
import {
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET_ACCESS_KEY,
  startFakeAws,
  type FakeAws,
} from '../support/app';

let fake: FakeBedrock;
let aws: FakeAws;
let store: SettingsStore;
let backend: Backend;

beforeAll(async () => {
  aws = await startFakeAws({ deltaDelayMs: 2 });
  fake = aws.fake;
});

afterAll(() => aws.close());

beforeEach(async () => {
  fake.reset();
  store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-store-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

const test = (modelId?: string) =>
  dispatchRequest(backend.requests, 'testConnection', modelId ? { modelId } : {});

describe('testConnection', () => {
  it('makes one minimal signed Converse call and reports latency', async () => {
    const result = await test();
    expect(result).toMatchObject({
      ok: true,
      value: { ok: true, modelId: 'amazon.nova-micro-v1:0', region: 'us-east-1', profile: null },
    });
    const calls = fake.modelCalls();
    expect(calls).toHaveLength(1);
    expect(calls[0]).toMatchObject({
      operation: 'converse',
      region: 'us-east-1',
      accessKeyId: FAKE_ACCESS_KEY_ID,
      body: { inferenceConfig: { maxTokens: 1 } },
    });
    if (result.ok) {
      const value = result.value as { latencyMs: number };
      expect(value.latencyMs).toBeGreaterThanOrEqual(0);
    }
    // The outcome is remembered for Home.
    expect(store.get().lastConnection).toMatchObject({ ok: true });
  });

  it('uses the region and the custom endpoint from settings', async () => {
    await store.update({ aws: { region: 'eu-central-1', endpoint: fake.url } });
    await test();
    expect(fake.modelCalls()[0]?.region).toBe('eu-central-1');
  });

  it('retries throttling three times, then reports it', async () => {
    fake.setBehavior({ kind: 'throttle' });
    const result = await test();
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'throttled' } });
    expect(fake.modelCalls()).toHaveLength(3);
  });

  it('recovers when throttling stops before the retries run out', async () => {
    fake.enqueue({ kind: 'throttle' }, { kind: 'throttle' });
    const result = await test();
    expect(result).toMatchObject({ ok: true, value: { ok: true } });
    expect(fake.modelCalls()).toHaveLength(3);
  });

  it('maps 403 to access_denied with the model-access remedy', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const result = await test();
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'access_denied' } });
    expect(JSON.stringify(result)).toMatch(/Model access/);
  });

  it('suggests the inference profile for a profile-only model, which then works', async () => {
    const bare = await test('anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(bare).toMatchObject({ ok: true, value: { ok: false, code: 'on_demand_not_supported' } });
    expect(JSON.stringify(bare)).toContain('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    const viaProfile = await test('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
    expect(viaProfile).toMatchObject({ ok: true, value: { ok: true } });
  });

  it('reports an unknown model as not found', async () => {
    const result = await test('amazon.no-such-model-v9:0');
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'model_not_found' } });
  });

  it('reports a refused connection as offline', async () => {
    await store.update({ aws: { endpoint: 'http://127.0.0.1:9' } });
    const result = await test();
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'offline' } });
  });

  it('reports wrong keys as rejected credentials', async () => {
    process.env.AWS_SECRET_ACCESS_KEY = 'not-the-right-secret';
    try {
      const result = await test();
      expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'invalid_credentials' } });
    } finally {
      process.env.AWS_SECRET_ACCESS_KEY = FAKE_SECRET_ACCESS_KEY;
    }
  });

  it('can be cancelled while the endpoint never answers, keeping the last result', async () => {
    await test();
    const before = store.get().lastConnection;
    expect(before).toMatchObject({ ok: true });
    fake.setBehavior({ kind: 'hang' });
    const running = test();
    await fake.waitFor(
      (requests) => requests.filter((r) => r.operation === 'converse').length === 2,
    );
    expect(await dispatchRequest(backend.requests, 'cancelConnectionTest', undefined)).toEqual({
      ok: true,
      value: { cancelled: true },
    });
    expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    expect(store.get().lastConnection).toEqual(before);
    await fake.waitFor((requests) => requests.at(-1)?.aborted === true);
    // Nothing left to cancel.
    expect(await dispatchRequest(backend.requests, 'cancelConnectionTest', undefined)).toEqual({
      ok: true,
      value: { cancelled: false },
    });
  });

  it('reports missing credentials for an unknown profile', async () => {
    await store.update({ aws: { profile: 'does-not-exist' } });
    const result = await test();
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'no_credentials' } });
    expect(fake.modelCalls()).toHaveLength(0);
  });
});

const conversation = {
  modelId: 'amazon.nova-lite-v1:0',
  system: 'Answer briefly.',
  messages: [{ role: 'user' as const, content: [{ text: 'What is a foundation model?' }] }],
  inferenceConfig: { maxTokens: 200, temperature: 0.5, topP: 0.9 },
};

function runStream(hub: StreamHub, id: string, input: unknown = conversation) {
  const events: ConverseStreamEvent[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start('test', 'converseStream', id, input, (m: StreamMessage) => {
    if (m.kind === 'event') events.push(m.event as ConverseStreamEvent);
    else resolveEnd(m.error);
  });
  return {
    events,
    ended,
    started,
    text: () => events.map((e) => (e.type === 'delta' ? e.text : '')).join(''),
  };
}

describe('the streaming primitive', () => {
  it('streams start, deltas in order, stop and metadata', async () => {
    fake.setBehavior({
      kind: 'reply',
      text: 'A foundation model is a large model trained on broad data.',
    });
    const run = runStream(new StreamHub(backend.streams), 'stream-ok-0001');
    expect(run.started).toEqual({ ok: true, value: null });
    expect(await run.ended).toBeNull();
    expect(run.text()).toBe('A foundation model is a large model trained on broad data.');
    const types = run.events.map((e) => e.type);
    expect(types[0]).toBe('start');
    expect(types.filter((t) => t === 'delta').length).toBeGreaterThan(3);
    expect(types.slice(-2)).toEqual(['stop', 'metadata']);
    const meta = run.events.at(-1);
    expect(meta).toMatchObject({ type: 'metadata', usage: { outputTokens: expect.any(Number) } });
    expect(fake.modelCalls()[0]).toMatchObject({
      operation: 'converse-stream',
      body: {
        system: [{ text: 'Answer briefly.' }],
        inferenceConfig: { temperature: 0.5, topP: 0.9 },
      },
    });
  });

  it('keeps the partial text and reports an interruption when the stream is cut', async () => {
    fake.setBehavior({ kind: 'cutStream', afterDeltas: 3 });
    const run = runStream(new StreamHub(backend.streams), 'stream-cut-0001');
    const error = await run.ended;
    expect(error?.code).toBe('stream_interrupted');
    expect(run.events.filter((e) => e.type === 'delta')).toHaveLength(3);
    expect(run.text().length).toBeGreaterThan(0);
  });

  it('reports an in-stream model exception after the text so far', async () => {
    fake.setBehavior({
      kind: 'streamException',
      afterDeltas: 2,
      exception: 'modelStreamErrorException',
    });
    const run = runStream(new StreamHub(backend.streams), 'stream-exc-0001');
    expect((await run.ended)?.code).toBe('model_error');
    expect(run.events.filter((e) => e.type === 'delta')).toHaveLength(2);
  });

  it('cancel aborts the request to Bedrock', async () => {
    fake.setBehavior({ kind: 'reply', text: 'x'.repeat(400), deltaDelayMs: 20 });
    const hub = new StreamHub(backend.streams);
    const run = runStream(hub, 'stream-cancel-01');
    await fake.waitFor((requests) => requests.some((r) => r.deltasSent >= 2));
    hub.cancel('test', 'stream-cancel-01');
    expect((await run.ended)?.code).toBe('cancelled');
    await fake.waitFor((requests) => requests.some((r) => r.aborted));
    const call = fake.modelCalls()[0]!;
    expect(call.completed).toBe(false);
  });

  it('rejects a request Bedrock would reject, before sending it', async () => {
    const run = runStream(new StreamHub(backend.streams), 'stream-bad-0001', {
      ...conversation,
      inferenceConfig: { temperature: 3 },
    });
    expect(run.started).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fake.modelCalls()).toHaveLength(0);
  });
});

describe('availability', () => {
  it('lists the models and inference profiles offered in the region', async () => {
    const result = await dispatchRequest(backend.requests, 'getAvailability', undefined);
    if (!result.ok) throw new Error(JSON.stringify(result.error));
    const value = result.value as {
      region: string;
      models: { modelId: string }[];
      inferenceProfiles: { id: string; modelIds: string[] }[];
    };
    expect(value.region).toBe('us-east-1');
    expect(value.models.map((m) => m.modelId)).toContain('amazon.nova-micro-v1:0');
    const sonnet = value.inferenceProfiles.find(
      (p) => p.id === 'us.anthropic.claude-sonnet-4-5-20250929-v1:0',
    );
    expect(sonnet?.modelIds).toContain('anthropic.claude-sonnet-4-5-20250929-v1:0');
    // Both control-plane lists are in the invocation log, with no cost (no model is invoked).
    const log = await dispatchRequest(backend.requests, 'listInvocations', undefined);
    if (!log.ok) throw new Error(JSON.stringify(log.error));
    const records = (log.value as { records: InvocationRecord[] }).records;
    expect(records.map((r) => [r.feature, r.operation, r.status, r.costUsd]).reverse()).toEqual([
      ['models', 'ListFoundationModels', 'ok', null],
      ['models', 'ListInferenceProfiles', 'ok', null],
    ]);
  });

  it('maps a failed control-plane call to an error with a remedy', async () => {
    process.env.AWS_SECRET_ACCESS_KEY = 'not-the-right-secret';
    try {
      const result = await dispatchRequest(backend.requests, 'getAvailability', undefined);
      expect(result).toMatchObject({ ok: false, error: { code: 'invalid_credentials' } });
    } finally {
      process.env.AWS_SECRET_ACCESS_KEY = FAKE_SECRET_ACCESS_KEY;
    }
  });
});
