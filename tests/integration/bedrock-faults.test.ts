/**
 * Faults found under test, through the real AWS SDK against the fake Bedrock (and a bare TCP
 * server): an endpoint that accepts the connection and never answers, one that cannot be reached
 * (the HTTP/2 connect timeout), a stream that goes silent,
 * a model that is not ready, throttling inside a stream. Deadlines are injected short so each
 * test takes well under a second; with no deadline at all these tests time out.
 */
import { mkdtemp } from 'node:fs/promises';
import { createServer, type Server, type Socket } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest, StreamHub } from '../../electron/main/dispatch';
import type { BedrockTimeouts } from '../../electron/main/bedrock/client';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settings-store';
import type { ConverseStreamEvent, StreamMessage } from '../../shared/contract';
import type { AppError } from '../../shared/result';
import { startFakeAws, type FakeAws } from '../support/app';

const SHORT = { testMs: 400, shortMs: 400, callMs: 400, streamIdleMs: 400 };
const FAULT_TEST_TIMEOUT = 8_000;

let aws: FakeAws;
let store: SettingsStore;
let backend: AppBackend;

beforeAll(async () => {
  aws = await startFakeAws({ deltaDelayMs: 2 });
});
afterAll(() => aws.close());

beforeEach(async () => {
  aws.fake.reset();
  store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-faults-')));
  backend = createBackend({ store, mode: 'browser', version: 'test', timeouts: SHORT });
});
afterEach(() => backend.dispose());

/** A backend with other deadlines (the SDK's retry back-off needs more than SHORT). */
function replaceBackend(timeouts: Partial<BedrockTimeouts>): void {
  backend.dispose();
  backend = createBackend({ store, mode: 'browser', version: 'test', timeouts });
}

const testConnection = () => dispatchRequest(backend.requests, 'testConnection', {});

function runStream(id: string) {
  const events: ConverseStreamEvent[] = [];
  let resolveEnd: (error: AppError | null) => void = () => undefined;
  const ended = new Promise<AppError | null>((r) => (resolveEnd = r));
  const hub = new StreamHub(backend.streams);
  hub.start(
    'test',
    'converseStream',
    id,
    {
      modelId: 'amazon.nova-lite-v1:0',
      messages: [{ role: 'user', content: [{ text: 'Explain foundation models at length.' }] }],
    },
    (m: StreamMessage) => {
      if (m.kind === 'event') events.push(m.event as ConverseStreamEvent);
      else resolveEnd(m.error);
    },
  );
  return {
    hub,
    ended,
    deltas: () => events.filter((e) => e.type === 'delta'),
  };
}

/** A TCP server that accepts every connection and never sends a byte. */
async function startSilentServer(): Promise<{ url: string; close(): Promise<void> }> {
  const sockets = new Set<Socket>();
  const server: Server = createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    close: () =>
      new Promise((resolve) => {
        for (const s of sockets) s.destroy();
        server.close(() => resolve());
      }),
  };
}

describe('an endpoint that accepts the connection and never answers', () => {
  it(
    'ends Test connection with a timeout that says what to check',
    async () => {
      aws.fake.setBehavior({ kind: 'hang' });
      const started = performance.now();
      const result = await testConnection();
      expect(performance.now() - started).toBeLessThan(4_000);
      expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'timeout' } });
      const check = (result as { value: { message: string; remedy?: string } }).value;
      expect(check.message).toMatch(/did not answer within 0\.4 seconds/);
      expect(check.remedy).toMatch(/proxy or VPN/);
      expect(check.remedy).toMatch(/endpoint in Settings/);
      // The outcome is remembered like any other, and the call is in the log as a timeout.
      expect(store.get().lastConnection).toMatchObject({ ok: false, code: 'timeout' });
      await backend.log.flush();
      const { records } = await backend.log.list();
      expect(records[0]).toMatchObject({
        feature: 'connection',
        status: 'error',
        errorCode: 'timeout',
      });
      // The request was abandoned, not left open.
      await aws.fake.waitFor((requests) => requests.at(-1)?.aborted === true);
    },
    FAULT_TEST_TIMEOUT,
  );

  it(
    'does the same for a bare TCP server that never speaks HTTP',
    async () => {
      const silent = await startSilentServer();
      try {
        await store.update({ aws: { endpoint: silent.url } });
        const result = await testConnection();
        expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'timeout' } });
      } finally {
        await silent.close();
      }
    },
    FAULT_TEST_TIMEOUT,
  );

  it(
    'ends a stream that never starts with a timeout',
    async () => {
      aws.fake.setBehavior({ kind: 'hang' });
      const run = runStream('fault-hang-0001');
      const error = await run.ended;
      expect(error).toMatchObject({ code: 'timeout' });
      expect(error?.remedy).toMatch(/proxy or VPN/);
      expect(run.deltas()).toHaveLength(0);
    },
    FAULT_TEST_TIMEOUT,
  );

  it(
    'can still be cancelled before the deadline',
    async () => {
      replaceBackend({ ...SHORT, testMs: 60_000 });
      aws.fake.setBehavior({ kind: 'hang' });
      const running = testConnection();
      await aws.fake.waitFor((requests) => requests.some((r) => r.operation === 'converse'));
      await dispatchRequest(backend.requests, 'cancelConnectionTest', undefined);
      expect(await running).toMatchObject({ ok: false, error: { code: 'cancelled' } });
    },
    FAULT_TEST_TIMEOUT,
  );
});

describe('an endpoint that cannot be reached', () => {
  it(
    'fails Test connection within the connect timeout, saying it could not connect and what to check',
    async () => {
      // The silent server accepts TCP but never answers TLS: like a machine whose traffic to
      // the endpoint goes nowhere. The call's own deadline is far longer than the connect one.
      const silent = await startSilentServer();
      try {
        replaceBackend({ ...SHORT, testMs: 6_000, connectMs: 300 });
        await store.update({ aws: { endpoint: silent.url.replace('http:', 'https:') } });
        const started = performance.now();
        const result = await testConnection();
        expect(performance.now() - started).toBeLessThan(2_500);
        expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'offline' } });
        const check = (result as { value: { message: string; remedy?: string } }).value;
        expect(check.message).toMatch(/could not connect to 127\.0\.0\.1:\d+ within 0\.3 seconds/);
        expect(check.remedy).toMatch(/proxy or VPN/);
        expect(check.remedy).toMatch(/endpoint in Settings/);
        await backend.log.flush();
        const { records } = await backend.log.list();
        expect(records[0]).toMatchObject({ status: 'error', errorCode: 'offline' });
      } finally {
        await silent.close();
      }
    },
    FAULT_TEST_TIMEOUT,
  );
});

describe('a stream that goes silent', () => {
  it(
    'ends after the idle deadline with a clear error, keeping the text so far',
    async () => {
      aws.fake.setBehavior({ kind: 'stall', afterDeltas: 3 });
      const run = runStream('fault-stall-0001');
      const error = await run.ended;
      expect(error).toMatchObject({ code: 'timeout' });
      expect(error?.message).toMatch(/stopped arriving: nothing came for 0\.4 seconds/);
      expect(error?.remedy).toMatch(/text so far is kept/);
      expect(error?.remedy).toMatch(/proxy or VPN/);
      expect(run.deltas()).toHaveLength(3);
      await backend.log.flush();
      const { records } = await backend.log.list();
      expect(records[0]).toMatchObject({
        operation: 'ConverseStream',
        status: 'error',
        errorCode: 'timeout',
        firstTokenMs: expect.any(Number),
      });
    },
    FAULT_TEST_TIMEOUT,
  );

  it(
    'does not time out a slow stream that keeps sending',
    async () => {
      // Deltas every 150 ms: each one restarts the 400 ms idle deadline; the whole answer takes
      // well over 400 ms.
      aws.fake.setBehavior({ kind: 'reply', text: 'x'.repeat(60), deltaDelayMs: 150 });
      const run = runStream('fault-slow-0001');
      expect(await run.ended).toBeNull();
      expect(run.deltas().length).toBeGreaterThan(5);
    },
    FAULT_TEST_TIMEOUT,
  );
});

describe('errors that must say what really happened', () => {
  it('reports a model that is not ready as being prepared, after the SDK retried it', async () => {
    replaceBackend({ ...SHORT, testMs: 20_000 });
    aws.fake.setBehavior({ kind: 'modelNotReady' });
    const result = await testConnection();
    expect(result).toMatchObject({ ok: true, value: { ok: false, code: 'model_not_ready' } });
    const check = (result as { value: { message: string; remedy?: string } }).value;
    expect(check.message).toMatch(/not ready/);
    expect(check.message).not.toMatch(/throttl/i);
    expect(check.remedy).toMatch(/in a minute/);
    // ModelNotReadyException is retryable: the SDK's three attempts.
    expect(aws.fake.modelCalls()).toHaveLength(3);
  });

  it('says a stream was cut by throttling, without claiming retries, keeping the text', async () => {
    aws.fake.setBehavior({
      kind: 'streamException',
      afterDeltas: 2,
      exception: 'throttlingException',
    });
    const run = runStream('fault-throttle-0001');
    const error = await run.ended;
    expect(error?.code).toBe('throttled');
    expect(error?.message).toMatch(/while it was streaming/);
    expect(error?.message).not.toMatch(/after .*automatic retries/);
    expect(error?.remedy).toMatch(/text so far is kept/);
    expect(run.deltas()).toHaveLength(2);
    // Nothing was retried.
    expect(aws.fake.modelCalls()).toHaveLength(1);
  });
});
