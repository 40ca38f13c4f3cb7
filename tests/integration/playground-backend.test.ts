/**
 * The playground's main-process side against the fake Bedrock through the real AWS SDK (never
 * mocked): streaming order, Stop, errors midway, image attachments, guardrails, and the
 * invocation log that every kind of call lands in.
 */
import { mkdtemp, readFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockRuntimeClient, ConverseStreamCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest, StreamHub } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { INVOCATION_LOG_FILE } from '../../electron/main/invocation-log';
import { openSettingsStore } from '../../electron/main/settings-store';
import type {
  ConverseStreamEvent,
  StreamInput,
  StreamMessage,
  StreamName,
} from '../../shared/contract';
import type { InvocationRecord } from '../../shared/invocations';
import type { AppError } from '../../shared/result';
import type { FakeBedrock } from '../fakes/bedrock';
import { encodePng } from '../fakes/png';
import {
  FAKE_ACCESS_KEY_ID,
  FAKE_SECRET_ACCESS_KEY,
  startFakeAws,
  type FakeAws,
} from '../support/app';

let aws: FakeAws;
let fake: FakeBedrock;
let backend: AppBackend;
let dataDir: string;

beforeAll(async () => {
  aws = await startFakeAws({ deltaDelayMs: 2 });
  fake = aws.fake;
});
afterAll(() => aws.close());

beforeEach(async () => {
  fake.reset();
  dataDir = await mkdtemp(join(tmpdir(), 'stratum-playground-'));
  backend = createBackend({
    store: await openSettingsStore(dataDir),
    mode: 'browser',
    version: 't',
  });
});
afterEach(() => backend.dispose());

const PROMPT = 'Explain what a foundation model is, in one sentence, for my AIF-C01 notes.';
const VISION_MODEL = 'amazon.nova-lite-v1:0';
const TEXT_ONLY_MODEL = 'amazon.nova-micro-v1:0';

function chat(
  overrides: Partial<StreamInput<'converseStream'>> = {},
): StreamInput<'converseStream'> {
  return {
    modelId: TEXT_ONLY_MODEL,
    messages: [{ role: 'user', content: [{ text: PROMPT }] }],
    inferenceConfig: { maxTokens: 200 },
    ...overrides,
  };
}

interface Run<E> {
  started: unknown;
  events: E[];
  ended: Promise<AppError | null>;
}

let streamNumber = 0;
function run<K extends StreamName>(
  hub: StreamHub,
  name: K,
  input: StreamInput<K>,
): Run<unknown> & { id: string } {
  const id = `playground-${String(++streamNumber).padStart(4, '0')}`;
  const events: unknown[] = [];
  let resolveEnd: (e: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const started = hub.start('test', name, id, input, (m: StreamMessage) => {
    if (m.kind === 'event') events.push(m.event);
    else resolveEnd(m.error);
  });
  return { id, started, events, ended };
}

function converse(input: StreamInput<'converseStream'>, hub = new StreamHub(backend.streams)) {
  const r = run(hub, 'converseStream', input);
  const events = r.events as ConverseStreamEvent[];
  return {
    ...r,
    hub,
    events,
    text: () => events.map((e) => (e.type === 'delta' ? e.text : '')).join(''),
    meta: () => events.find((e) => e.type === 'metadata'),
  };
}

async function logged(): Promise<InvocationRecord[]> {
  await backend.log.flush();
  const result = await dispatchRequest(backend.requests, 'listInvocations', undefined);
  if (!result.ok) throw new Error(JSON.stringify(result.error));
  return (result.value as { records: InvocationRecord[] }).records;
}

function png(width: number, height: number): string {
  return Buffer.from(encodePng(width, height, (x, y) => [x * 40, y * 40, 128])).toString('base64');
}

describe('streaming chat', () => {
  it('delivers deltas in order, then stop and metadata with cost, and logs the call', async () => {
    const reply =
      'A foundation model is a large model pre-trained on broad data and adapted to many tasks.';
    fake.setBehavior({ kind: 'reply', text: reply });
    const c = converse(chat());
    expect(await c.ended).toBeNull();
    expect(c.text()).toBe(reply);
    const types = c.events.map((e) => e.type);
    expect(types[0]).toBe('start');
    expect(types.slice(-2)).toEqual(['stop', 'metadata']);
    const meta = c.meta();
    if (meta?.type !== 'metadata') throw new Error('no metadata');
    // Fake tokens are ceil(chars / 4); Nova Micro costs $0.000035 / $0.00014 per 1,000.
    const inputTokens = Math.ceil(PROMPT.length / 4);
    const outputTokens = Math.ceil(reply.length / 4);
    expect(meta.usage).toMatchObject({ inputTokens, outputTokens });
    expect(meta.costUsd).toBeCloseTo((inputTokens * 0.000035 + outputTokens * 0.00014) / 1000, 12);
    expect(meta.guardrailTrace).toBeNull();

    const [record] = await logged();
    expect(record).toMatchObject({
      feature: 'chat',
      operation: 'ConverseStream',
      modelId: TEXT_ONLY_MODEL,
      region: 'us-east-1',
      inputTokens,
      outputTokens,
      images: null,
      status: 'ok',
      errorCode: null,
      stopReason: 'end_turn',
    });
    expect(record!.firstTokenMs).toEqual(expect.any(Number));
    expect(record!.costUsd).toBeCloseTo(meta.costUsd!, 15);
    expect(record!.guardrail).toBeUndefined();
  });

  it('logs compare runs under their own feature', async () => {
    const c = converse(chat({ feature: 'compare' }));
    expect(await c.ended).toBeNull();
    expect((await logged())[0]).toMatchObject({ feature: 'compare', status: 'ok' });
  });

  it('Stop ends the server-side stream, keeps the text so far and logs a cancelled call', async () => {
    fake.setBehavior({ kind: 'reply', text: 'word '.repeat(300), deltaDelayMs: 15 });
    const c = converse(chat());
    await fake.waitFor((r) => r.some((x) => x.deltasSent >= 3));
    c.hub.cancel('test', c.id);
    expect(await c.ended).toMatchObject({ code: 'cancelled' });
    // The fake saw the client close the request before the response was complete.
    await fake.waitFor((r) => r.some((x) => x.aborted));
    expect(fake.modelCalls()[0]).toMatchObject({ completed: false, aborted: true });
    expect(c.text().length).toBeGreaterThan(0);
    await new Promise((r) => setTimeout(r, 50));
    expect((await logged())[0]).toMatchObject({
      feature: 'chat',
      status: 'cancelled',
      errorCode: null,
      inputTokens: null,
    });
  });

  it('an exception midway keeps the partial text, reports the error and logs it', async () => {
    fake.setBehavior({ kind: 'streamException', afterDeltas: 3, exception: 'throttlingException' });
    const c = converse(chat());
    expect(await c.ended).toMatchObject({ code: 'throttled' });
    expect(c.events.filter((e) => e.type === 'delta')).toHaveLength(3);
    expect(c.text().length).toBeGreaterThan(0);
    expect((await logged())[0]).toMatchObject({ status: 'error', errorCode: 'throttled' });
  });

  it('logs access denied with its error code', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const c = converse(chat());
    expect(await c.ended).toMatchObject({ code: 'access_denied' });
    expect((await logged())[0]).toMatchObject({
      feature: 'chat',
      status: 'error',
      errorCode: 'access_denied',
      costUsd: null,
    });
  });
});

describe('image attachments', () => {
  it('sends images as Converse image blocks to a vision model', async () => {
    const image = png(12, 8);
    const c = converse(
      chat({
        modelId: VISION_MODEL,
        messages: [
          {
            role: 'user',
            content: [{ image: { format: 'png', base64: image } }, { text: 'What colours?' }],
          },
        ],
      }),
    );
    expect(await c.ended).toBeNull();
    const body = fake.modelCalls()[0]?.body as {
      messages: { content: { image?: { format: string; source: { bytes: string } } }[] }[];
    };
    const block = body.messages[0]!.content[0]!.image!;
    expect(block.format).toBe('png');
    // The SDK sends the bytes base64-encoded on the wire: the very image we attached.
    expect(block.source.bytes).toBe(image);
  });

  it('refuses images for a model without vision before any call', async () => {
    const c = converse(
      chat({
        modelId: TEXT_ONLY_MODEL,
        messages: [
          {
            role: 'user',
            content: [{ image: { format: 'png', base64: png(4, 4) } }, { text: 'Describe it.' }],
          },
        ],
      }),
    );
    expect(c.started).toMatchObject({
      ok: false,
      error: {
        code: 'invalid_input',
        message: expect.stringMatching(/Nova Micro does not accept images/),
      },
    });
    expect(fake.modelCalls()).toHaveLength(0);
    expect(await logged()).toHaveLength(0);
  });

  it('refuses an image whose bytes do not match its format, before any call', async () => {
    const c = converse(
      chat({
        modelId: VISION_MODEL,
        messages: [{ role: 'user', content: [{ image: { format: 'jpeg', base64: png(4, 4) } }] }],
      }),
    );
    expect(c.started).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    expect(fake.modelCalls()).toHaveLength(0);
  });
});

describe('guardrails', () => {
  const guardrail = { id: 'fakeguardrail01', version: '1', trace: true };

  it('sends the guardrail config and surfaces a trace that took no action', async () => {
    const c = converse(chat({ guardrail: { ...guardrail, streamProcessingMode: 'async' } }));
    expect(await c.ended).toBeNull();
    expect(fake.modelCalls()[0]?.body).toMatchObject({
      guardrailConfig: {
        guardrailIdentifier: 'fakeguardrail01',
        guardrailVersion: '1',
        trace: 'enabled',
        streamProcessingMode: 'async',
      },
    });
    const meta = c.meta();
    expect(meta).toMatchObject({
      type: 'metadata',
      guardrailTrace: { acted: false, findings: [] },
    });
  });

  it('passes guardrail_intervened through, with the blocked message and the trace', async () => {
    fake.setBehavior({ kind: 'guardrailIntervene', on: 'output', policy: 'contentFilter' });
    const c = converse(chat({ guardrail }));
    expect(await c.ended).toBeNull();
    expect(c.text()).toBe('Sorry, the model cannot answer this question.');
    expect(c.events.find((e) => e.type === 'stop')).toEqual({
      type: 'stop',
      stopReason: 'guardrail_intervened',
    });
    const meta = c.meta();
    if (meta?.type !== 'metadata') throw new Error('no metadata');
    expect(meta.guardrailTrace).toMatchObject({
      acted: true,
      actionReason: 'Guardrail blocked.',
      findings: [
        {
          source: 'output',
          policy: 'contentFilter',
          name: 'VIOLENCE',
          action: 'BLOCKED',
          confidence: 'HIGH',
          filterStrength: 'HIGH',
          detected: true,
        },
      ],
    });
    expect(meta.guardrailTrace?.modelOutput[0]).toContain('This is the fake Bedrock reply to');
    expect((await logged())[0]).toMatchObject({
      status: 'ok',
      stopReason: 'guardrail_intervened',
      guardrail: { id: 'fakeguardrail01', version: '1' },
    });
  });

  it('reports a blocked prompt with the input assessment and no output tokens', async () => {
    fake.setBehavior({ kind: 'guardrailIntervene', on: 'input', policy: 'deniedTopic' });
    const c = converse(chat({ guardrail }));
    expect(await c.ended).toBeNull();
    const meta = c.meta();
    if (meta?.type !== 'metadata') throw new Error('no metadata');
    expect(meta.usage?.outputTokens).toBe(0);
    expect(meta.guardrailTrace?.findings).toEqual([
      expect.objectContaining({
        source: 'input',
        policy: 'deniedTopic',
        name: 'Investment advice',
        action: 'BLOCKED',
      }),
    ]);
  });

  it('without trace, intervenes but sends no trace', async () => {
    fake.setBehavior({ kind: 'guardrailIntervene' });
    const c = converse(chat({ guardrail: { ...guardrail, trace: false } }));
    expect(await c.ended).toBeNull();
    expect(fake.modelCalls()[0]?.body).toMatchObject({ guardrailConfig: { trace: 'disabled' } });
    expect(c.meta()).toMatchObject({ guardrailTrace: null });
    expect(c.events.find((e) => e.type === 'stop')).toMatchObject({
      stopReason: 'guardrail_intervened',
    });
  });

  it('refuses malformed ids and versions before any call', () => {
    for (const bad of [
      { ...guardrail, id: 'Has-Capitals' },
      { ...guardrail, version: '0' },
      { ...guardrail, version: 'draft' },
    ]) {
      const c = converse(chat({ guardrail: bad }));
      expect(c.started).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    }
    expect(fake.modelCalls()).toHaveLength(0);
  });

  it('reports a guardrail that does not exist as a validation error', async () => {
    const c = converse(chat({ guardrail: { ...guardrail, id: 'nosuchguardrail' } }));
    expect(await c.ended).toMatchObject({
      code: 'validation',
      message: expect.stringMatching(/guardrail identifier or version/),
    });
    expect((await logged())[0]).toMatchObject({ status: 'error', errorCode: 'validation' });
  });
});

describe('the fake validates guardrailConfig as the service does', () => {
  const client = () =>
    new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: fake.url,
      credentials: { accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY },
      maxAttempts: 1,
    });

  async function send(guardrailConfig: Record<string, unknown>): Promise<string> {
    const c = client();
    try {
      await c.send(
        new ConverseStreamCommand({
          modelId: TEXT_ONLY_MODEL,
          messages: [{ role: 'user', content: [{ text: 'hi' }] }],
          // Deliberately malformed configs: the SDK passes them through unchecked.
          guardrailConfig: guardrailConfig,
        }),
      );
      return 'accepted';
    } catch (error) {
      return `${(error as Error).name}: ${(error as Error).message}`;
    } finally {
      c.destroy();
    }
  }

  it('rejects malformed identifiers, versions and trace values with a ValidationException', async () => {
    expect(await send({ guardrailIdentifier: 'UPPER', guardrailVersion: '1' })).toMatch(
      /^ValidationException: .*guardrailIdentifier.*regular expression/,
    );
    expect(await send({ guardrailIdentifier: 'fakeguardrail01', guardrailVersion: '01' })).toMatch(
      /^ValidationException: .*guardrailVersion.*regular expression/,
    );
    expect(await send({ guardrailIdentifier: 'fakeguardrail01' })).toMatch(
      /^ValidationException: .*guardrailVersion.*must not be null/,
    );
    expect(
      await send({ guardrailIdentifier: 'fakeguardrail01', guardrailVersion: '1', trace: 'on' }),
    ).toMatch(/^ValidationException: .*trace.*enum/);
    expect(await send({ guardrailIdentifier: 'fakeguardrail01', guardrailVersion: '9' })).toMatch(
      /^ValidationException: The guardrail identifier or version provided in the request does not exist/,
    );
    expect(
      await send({
        guardrailIdentifier: 'arn:aws:bedrock:us-east-1:123456789012:guardrail/fakeguardrail01',
        guardrailVersion: 'DRAFT',
      }),
    ).toBe('accepted');
  });
});

describe('every kind of call lands in the log', () => {
  it('records the connection test, token lab samples and images with their features', async () => {
    expect(await dispatchRequest(backend.requests, 'testConnection', {})).toMatchObject({
      ok: true,
      value: { ok: true },
    });

    const hub = new StreamHub(backend.streams);
    const samples = run(hub, 'sampleNextWord', {
      modelId: TEXT_ONLY_MODEL,
      prompt: 'The sky is',
      n: 3,
      temperature: 0.7,
      topP: 0.9,
      concurrency: 1,
      maxTokens: 3,
    });
    expect(await samples.ended).toBeNull();

    const images = await dispatchRequest(backend.requests, 'generateImages', {
      modelId: 'amazon.nova-canvas-v1:0',
      task: 'TEXT_IMAGE',
      prompt: 'A lighthouse at dawn',
      width: 1024,
      height: 1024,
      quality: 'standard',
      cfgScale: 6.5,
      seed: 42,
      count: 2,
    });
    expect(images.ok).toBe(true);

    const described = await dispatchRequest(backend.requests, 'describeImage', {
      modelId: VISION_MODEL,
      imageBase64: png(8, 8),
      format: 'png',
      question: 'How many squares?',
      maxTokens: 50,
    });
    expect(described.ok).toBe(true);

    const records = await logged();
    const byFeature = (f: string) => records.filter((r) => r.feature === f);
    expect(byFeature('connection')).toEqual([
      expect.objectContaining({ operation: 'Converse', status: 'ok', modelId: TEXT_ONLY_MODEL }),
    ]);
    expect(byFeature('token-lab')).toHaveLength(3);
    expect(byFeature('token-lab').every((r) => r.status === 'ok' && r.inputTokens !== null)).toBe(
      true,
    );
    const [describeRecord, generateRecord] = byFeature('images');
    // Nova Canvas, two standard 1024×1024 images at $0.04 each.
    expect(generateRecord).toMatchObject({ operation: 'InvokeModel', images: 2, status: 'ok' });
    expect(generateRecord!.costUsd).toBeCloseTo(0.08, 12);
    expect(describeRecord).toMatchObject({ operation: 'Converse', images: null, status: 'ok' });
    expect(describeRecord!.inputTokens).toEqual(expect.any(Number));
  });

  it('records a throttled token-lab call and the sibling its failure cancelled', async () => {
    // Two calls in flight share five throttles: one of them gets the SDK's three attempts'
    // worth and fails; the other is then waiting (a retry back-off or a slow answer) and is
    // aborted by the run.
    fake.setBehavior({ kind: 'delay', ms: 5000 });
    fake.enqueue(...Array.from({ length: 5 }, () => ({ kind: 'throttle' as const })));
    const samples = run(new StreamHub(backend.streams), 'sampleNextWord', {
      modelId: TEXT_ONLY_MODEL,
      prompt: 'The sky is',
      n: 4,
      temperature: 0.7,
      topP: 0.9,
      concurrency: 2,
      maxTokens: 3,
    });
    expect(await samples.ended).toMatchObject({ code: 'throttled' });
    await new Promise((r) => setTimeout(r, 50));
    const records = await logged();
    expect(records.map((r) => `${r.feature} ${r.status} ${r.errorCode}`).sort()).toEqual([
      'token-lab cancelled null',
      'token-lab error throttled',
    ]);
  });

  it('records a failed image generation with its error code and no cost', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const result = await dispatchRequest(backend.requests, 'generateImages', {
      modelId: 'amazon.nova-canvas-v1:0',
      task: 'TEXT_IMAGE',
      prompt: 'A lighthouse',
      width: 1024,
      height: 1024,
      quality: 'standard',
      cfgScale: 6.5,
      seed: 1,
      count: 1,
    });
    expect(result).toMatchObject({ ok: false, error: { code: 'access_denied' } });
    expect((await logged())[0]).toMatchObject({
      feature: 'images',
      status: 'error',
      errorCode: 'access_denied',
      images: null,
      costUsd: null,
    });
  });

  it('records quiz generation calls', async () => {
    fake.setBehavior({ kind: 'throttle' });
    const generation = run(new StreamHub(backend.streams), 'generateQuestions', {
      modelId: TEXT_ONLY_MODEL,
      sources: [
        {
          noteId: 'foundation-models',
          title: 'Foundation models',
          domain: 2,
          tasks: ['2.1'],
          text: 'A foundation model is a large model trained on broad data that can be adapted to many downstream tasks.',
        },
      ],
      count: 1,
      types: ['single'],
      difficulty: 'easy',
      existingStems: [],
      blindCheck: false,
    });
    expect(await generation.ended).toMatchObject({ code: 'throttled' });
    expect((await logged())[0]).toMatchObject({
      feature: 'quiz',
      status: 'error',
      errorCode: 'throttled',
    });
  });

  it('never writes the secret key or the prompt to the log file', async () => {
    converse(chat());
    const c = converse(chat({ feature: 'compare' }));
    await c.ended;
    await dispatchRequest(backend.requests, 'testConnection', {});
    await logged();
    const text = await readFile(join(dataDir, INVOCATION_LOG_FILE), 'utf8');
    expect(text.length).toBeGreaterThan(0);
    expect(text).not.toContain(FAKE_SECRET_ACCESS_KEY);
    expect(text).not.toContain(FAKE_ACCESS_KEY_ID);
    expect(text).not.toContain('foundation model');
    expect(text).not.toContain('fake Bedrock reply');
  });

  it('clears through the contract and undoes the clear', async () => {
    const c = converse(chat());
    await c.ended;
    await logged();
    const cleared = await dispatchRequest(backend.requests, 'clearInvocations', undefined);
    if (!cleared.ok) throw new Error('clear failed');
    const { removed, undoToken } = cleared.value as { removed: number; undoToken: string };
    expect(removed).toBe(1);
    expect(await logged()).toHaveLength(0);
    expect(await dispatchRequest(backend.requests, 'restoreInvocations', { undoToken })).toEqual({
      ok: true,
      value: { restored: 1 },
    });
    expect(await logged()).toHaveLength(1);
    expect(
      await dispatchRequest(backend.requests, 'restoreInvocations', { undoToken }),
    ).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });
});
