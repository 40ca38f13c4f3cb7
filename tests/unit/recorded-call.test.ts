/**
 * The recorded-call wrapper on its own: timing, deadlines (whole call and idle), error mapping,
 * cancel, and the invocation-log row it writes. The calls here are plain async functions; the
 * wrapper with the real SDK is covered over the wire in tests/integration.
 */
import { describe, expect, it } from 'vitest';
import type { CallReport } from '../../shared/invocations';
import { AppFailure } from '../../electron/main/errors';
import { recordedCall, type CallSpec } from '../../electron/main/bedrock/recorded-call';

const target = { profile: 'work', region: 'eu-west-1', endpoint: null };

function spec(overrides: Partial<CallSpec> = {}): { spec: CallSpec; rows: CallReport[] } {
  const rows: CallReport[] = [];
  return {
    rows,
    spec: {
      feature: 'chat',
      operation: 'Converse',
      modelId: 'amazon.nova-micro-v1:0',
      target,
      record: (row) => rows.push(row),
      timeoutMs: 1_000,
      ...overrides,
    },
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const never = (signal: AbortSignal) =>
  new Promise<never>((_, reject) => {
    signal.addEventListener('abort', () =>
      reject(Object.assign(new Error('aborted'), { name: 'AbortError' })),
    );
  });

describe('recordedCall', () => {
  it('returns the value and writes one ok row with what the call reported', async () => {
    let clock = 100;
    const { spec: s, rows } = spec({ now: () => clock });
    const value = await recordedCall(s, async (meter) => {
      clock = 350;
      meter.usage(12, 34);
      meter.stopReason('end_turn');
      return 'reply';
    });
    expect(value).toBe('reply');
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({
      feature: 'chat',
      operation: 'Converse',
      modelId: 'amazon.nova-micro-v1:0',
      region: 'eu-west-1',
      latencyMs: 250,
      firstTokenMs: null,
      inputTokens: 12,
      outputTokens: 34,
      images: null,
      status: 'ok',
      errorCode: null,
      stopReason: 'end_turn',
    });
  });

  it('records images with their pricing, and a guardrail when given', async () => {
    const { spec: s, rows } = spec({
      operation: 'InvokeModel',
      guardrail: { id: 'g1', version: 'DRAFT' },
    });
    await recordedCall(s, async (meter) => {
      meter.images(2, { width: 512, height: 512, quality: 'standard' });
    });
    expect(rows[0]).toMatchObject({
      images: 2,
      imagePricing: { width: 512, height: 512, quality: 'standard' },
      guardrail: { id: 'g1', version: 'DRAFT' },
    });
  });

  it('maps what the call throws, with the model and region, and logs its code', async () => {
    const { spec: s, rows } = spec();
    const denied = Object.assign(new Error('no access'), {
      name: 'AccessDeniedException',
      $metadata: { httpStatusCode: 403 },
    });
    const failure = await recordedCall(s, () => Promise.reject(denied)).catch((e: unknown) => e);
    expect(failure).toBeInstanceOf(AppFailure);
    expect((failure as AppFailure).appError).toMatchObject({ code: 'access_denied' });
    expect((failure as AppFailure).appError.message).toMatch(
      /amazon\.nova-micro-v1:0 in eu-west-1/,
    );
    expect(rows[0]).toMatchObject({ status: 'error', errorCode: 'access_denied' });
  });

  it('passes our own AppFailure through and lets describeFailure reword it', async () => {
    const { spec: s, rows } = spec({
      describeFailure: (f) =>
        f.appError.code === 'offline'
          ? new AppFailure({ code: 'stream_interrupted', message: 'cut off' })
          : f,
    });
    const offline = Object.assign(new Error('reset'), { code: 'ECONNRESET' });
    await expect(recordedCall(s, () => Promise.reject(offline))).rejects.toMatchObject({
      appError: { code: 'stream_interrupted' },
    });
    expect(rows[0]?.errorCode).toBe('stream_interrupted');
  });

  it('ends a call that does not answer by its deadline, aborting it', async () => {
    const { spec: s, rows } = spec({ timeoutMs: 50 });
    let aborted = false;
    const failure = await recordedCall(s, (meter) => {
      meter.signal.addEventListener('abort', () => (aborted = true));
      return new Promise<never>(() => undefined);
    }).catch((e: unknown) => e as AppFailure);
    expect(failure.appError).toMatchObject({ code: 'timeout' });
    expect(failure.appError.message).toMatch(/did not answer within 0\.05 seconds \(eu-west-1\)/);
    expect(failure.appError.remedy).toMatch(/proxy or VPN/);
    expect(aborted).toBe(true);
    expect(rows[0]).toMatchObject({ status: 'error', errorCode: 'timeout' });
  });

  it("names S3, not Bedrock, when an upload to the learner's bucket does not answer", async () => {
    const { spec: s } = spec({ timeoutMs: 20, operation: 'PutObject' });
    const failure = await recordedCall(s, () => new Promise<never>(() => undefined)).catch(
      (e: unknown) => e as AppFailure,
    );
    expect(failure.appError.message).toMatch(/^Amazon S3 did not answer within/);
  });

  it('restarts an idle deadline on every sign of life, and says a stream stopped', async () => {
    const { spec: s } = spec({ timeoutMs: 60, idle: true });
    // Alive every 20 ms for 200 ms: longer than the deadline, never silent for that long.
    await recordedCall(s, async (meter) => {
      for (let i = 0; i < 10; i++) {
        await sleep(20);
        meter.alive();
      }
    });
    const { spec: stalls, rows } = spec({ timeoutMs: 60, idle: true });
    const failure = await recordedCall(stalls, async (meter) => {
      meter.alive();
      meter.firstToken();
      return never(meter.signal);
    }).catch((e: unknown) => e as AppFailure);
    expect(failure.appError.message).toMatch(/stopped arriving: nothing came for 0\.06 seconds/);
    expect(failure.appError.remedy).toMatch(/text so far is kept/);
    expect(rows[0]).toMatchObject({ errorCode: 'timeout', firstTokenMs: expect.any(Number) });
  });

  it('reports a cancelled call as cancelled, with no error code', async () => {
    const controller = new AbortController();
    const { spec: s, rows } = spec({ signal: controller.signal });
    const running = recordedCall(s, (meter) => never(meter.signal));
    controller.abort();
    await expect(running).rejects.toMatchObject({ appError: { code: 'cancelled' } });
    expect(rows[0]).toMatchObject({ status: 'cancelled', errorCode: null });
  });

  it('logs a call that returns after its caller stopped it as cancelled', async () => {
    const controller = new AbortController();
    const { spec: s, rows } = spec({ signal: controller.signal });
    await recordedCall(s, async () => {
      controller.abort();
    });
    expect(rows[0]).toMatchObject({ status: 'cancelled', errorCode: null });
  });
});
