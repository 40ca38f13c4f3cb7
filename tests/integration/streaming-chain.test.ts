/**
 * The streaming primitive end to end in Node: the renderer's `openStream` -> browser mode's
 * client -> HTTP/SSE server -> StreamHub -> ConverseStream through the real SDK -> fake Bedrock.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { call, openStream, setBridge } from '../../renderer/src/api';
import { createWebBridge } from '../../renderer/src/bridge/web-bridge';
import type { ConverseStreamEvent } from '../../shared/contract';
import { startApp, type RunningApp } from '../support/app';

let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
  setBridge(createWebBridge(app.server.url, app.server.token));
});
afterAll(async () => {
  setBridge(null);
  await app.close();
});
beforeEach(() => app.fake.reset());

const input = {
  modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
  messages: [{ role: 'user' as const, content: [{ text: 'Name one AWS AI service.' }] }],
  inferenceConfig: { maxTokens: 100, temperature: 0.7 },
};

function collect() {
  const events: ConverseStreamEvent[] = [];
  const text = () => events.map((e) => (e.type === 'delta' ? e.text : '')).join('');
  return { events, text, push: (e: ConverseStreamEvent) => events.push(e) };
}

describe('openStream over browser mode', () => {
  it('delivers the reply as ordered deltas, then usage, and ends without error', async () => {
    app.fake.setBehavior({
      kind: 'reply',
      text: 'Amazon Comprehend finds entities and sentiment in text.',
    });
    const c = collect();
    const handle = openStream('converseStream', input, c.push);
    expect(await handle.done).toBeNull();
    expect(c.text()).toBe('Amazon Comprehend finds entities and sentiment in text.');
    expect(c.events[0]).toMatchObject({
      type: 'start',
      modelId: input.modelId,
      region: 'us-east-1',
    });
    expect(c.events.at(-1)).toMatchObject({ type: 'metadata', firstTokenMs: expect.any(Number) });
  });

  it('Stop cancels the call to Bedrock and keeps what arrived', async () => {
    app.fake.setBehavior({ kind: 'reply', text: 'word '.repeat(200), deltaDelayMs: 15 });
    const c = collect();
    const handle = openStream('converseStream', input, c.push);
    await app.fake.waitFor((r) => r.some((x) => x.deltasSent >= 3));
    handle.cancel();
    expect(await handle.done).toMatchObject({ code: 'cancelled' });
    await app.fake.waitFor((r) => r.some((x) => x.aborted));
    expect(c.text().length).toBeGreaterThan(0);
    expect(c.text().length).toBeLessThan('word '.repeat(200).length);
  });

  it('an error midway keeps the partial text and reports the error', async () => {
    app.fake.setBehavior({
      kind: 'streamException',
      afterDeltas: 3,
      exception: 'throttlingException',
    });
    const c = collect();
    const error = await openStream('converseStream', input, c.push).done;
    expect(error).toMatchObject({ code: 'throttled', remedy: expect.any(String) });
    expect(c.events.filter((e) => e.type === 'delta')).toHaveLength(3);
  });

  it('a connection cut midway is reported as interrupted', async () => {
    app.fake.setBehavior({ kind: 'cutStream', afterDeltas: 2 });
    const c = collect();
    const error = await openStream('converseStream', input, c.push).done;
    expect(error).toMatchObject({ code: 'stream_interrupted' });
    expect(c.events.filter((e) => e.type === 'delta')).toHaveLength(2);
  });

  it('an invalid request is refused before anything is sent', async () => {
    const c = collect();
    const error = await openStream(
      'converseStream',
      { ...input, inferenceConfig: { maxTokens: 0 } },
      c.push,
    ).done;
    expect(error).toMatchObject({ code: 'invalid_input' });
    expect(app.fake.modelCalls()).toHaveLength(0);
  });

  it('typed requests parse their results', async () => {
    const result = await call('getAppInfo');
    expect(result).toMatchObject({
      ok: true,
      value: { mode: 'browser', endpointFromEnvironment: true },
    });
  });
});
