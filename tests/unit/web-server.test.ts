/**
 * Browser mode's server and its client, in Node: the token and Origin/Host checks, the page that
 * carries the token, requests, and streams over SSE through the same client the renderer uses.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RequestHandlers, StreamHandlers } from '../../electron/main/dispatch';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { createWebBridge } from '../../renderer/src/bridge/web-bridge';
import { CONTENT_SECURITY_POLICY } from '../../electron/main/csp';
import { DEFAULT_SETTINGS } from '../../shared/settings';
import type { StreamMessage } from '../../shared/contract';

let server: WebServer;
let streamAborted = false;

const requests = {
  getAppInfo: async () => ({
    name: 'Stratum',
    version: '1.2.3',
    mode: 'browser',
    platform: 'linux',
    endpointFromEnvironment: false,
  }),
  getSettings: async () => ({ settings: DEFAULT_SETTINGS, path: '/x/settings.json', notice: null }),
  updateSettings: async () => ({
    settings: DEFAULT_SETTINGS,
    path: '/x/settings.json',
    notice: null,
  }),
  listProfiles: async () => ({
    profiles: [],
    configFile: 'c',
    credentialsFile: 'k',
    environmentProfile: null,
  }),
  testConnection: () => Promise.reject(new Error('unused')),
  cancelConnectionTest: () => Promise.reject(new Error('unused')),
  getAvailability: () => Promise.reject(new Error('unused')),
  generateImages: () => Promise.reject(new Error('unused')),
  describeImage: () => Promise.reject(new Error('unused')),
  listInvocations: () => Promise.reject(new Error('unused')),
  clearInvocations: () => Promise.reject(new Error('unused')),
  restoreInvocations: () => Promise.reject(new Error('unused')),
  rerank: () => Promise.reject(new Error('unused')),
  kbRetrieve: () => Promise.reject(new Error('unused')),
  kbRetrieveAndGenerate: () => Promise.reject(new Error('unused')),
  confirmAgentToolCall: () => Promise.reject(new Error('unused')),
  startEvaluationJob: () => Promise.reject(new Error('unused')),
  listEvaluationJobs: () => Promise.reject(new Error('unused')),
  getEvaluationJob: () => Promise.reject(new Error('unused')),
  stopEvaluationJob: () => Promise.reject(new Error('unused')),
  listGuardrails: () => Promise.reject(new Error('unused')),
  getGuardrail: () => Promise.reject(new Error('unused')),
  createGuardrail: () => Promise.reject(new Error('unused')),
  updateGuardrail: () => Promise.reject(new Error('unused')),
  createGuardrailVersion: () => Promise.reject(new Error('unused')),
  deleteGuardrail: () => Promise.reject(new Error('unused')),
  applyGuardrail: () => Promise.reject(new Error('unused')),
  uploadCustomizationFile: () => Promise.reject(new Error('unused')),
  startCustomizationJob: () => Promise.reject(new Error('unused')),
  listCustomizationJobs: () => Promise.reject(new Error('unused')),
  getCustomizationJob: () => Promise.reject(new Error('unused')),
  stopCustomizationJob: () => Promise.reject(new Error('unused')),
  readCustomizationMetrics: () => Promise.reject(new Error('unused')),
  listImportedModels: () => Promise.reject(new Error('unused')),
  invokeImportedLogprobs: () => Promise.reject(new Error('unused')),
} satisfies RequestHandlers;

const streams: StreamHandlers = {
  converseStream: async (input, emit, signal) => {
    emit({ type: 'start', modelId: input.modelId, region: 'us-east-1' });
    const first = input.messages[0]!.content[0]!;
    const words = ('text' in first ? first.text : '').split(' ');
    for (const word of words) {
      if (signal.aborted) break;
      emit({ type: 'delta', text: `${word} ` });
      await new Promise((r) => setTimeout(r, word === 'slow' ? 1000 : 5));
    }
    if (signal.aborted) {
      streamAborted = true;
      return;
    }
    emit({ type: 'stop', stopReason: 'end_turn' });
  },
  sampleNextWord: () => Promise.resolve(),
  generateQuestions: () => Promise.resolve(),
  embedTexts: () => Promise.resolve(),
  runAgent: () => Promise.resolve(),
  invokeAgent: () => Promise.resolve(),
  runEvaluation: () => Promise.resolve(),
  judgeResponses: () => Promise.resolve(),
};

beforeAll(async () => {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-web-'));
  await mkdir(join(dir, 'assets'));
  await writeFile(
    join(dir, 'index.html'),
    '<!doctype html><html><head><title>t</title></head><body></body></html>',
  );
  await writeFile(join(dir, 'assets', 'app.js'), 'console.log(1)');
  server = await startWebServer({
    backend: { requests, streams, dispose: () => undefined },
    rendererDir: dir,
  });
});
afterAll(() => server.close());

function raw(
  path: string,
  init: { method?: string; headers?: Record<string, string>; body?: string } = {},
) {
  return new Promise<{
    status: number;
    body: string;
    headers: Record<string, string | string[] | undefined>;
  }>((resolve, reject) => {
    const url = new URL(path, server.url);
    const req = httpRequest(
      {
        host: url.hostname,
        port: url.port,
        path: url.pathname,
        method: init.method ?? 'GET',
        headers: init.headers,
      },
      (res) => {
        let body = '';
        res.on('data', (c: Buffer) => (body += c.toString()));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body, headers: res.headers }));
      },
    );
    req.on('error', reject);
    req.end(init.body);
  });
}

const json = { 'content-type': 'application/json' };

describe('browser-mode server', () => {
  it('listens on 127.0.0.1 only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
  });

  it('serves the page with its token and the CSP', async () => {
    const page = await raw('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain(`<meta name="stratum-token" content="${server.token}" />`);
    expect(page.headers['content-security-policy']).toBe(CONTENT_SECURITY_POLICY);
    expect((await raw('/assets/app.js')).status).toBe(200);
    expect((await raw('/../../etc/passwd')).status).toBe(404);
  });

  it('uses a fresh random token per run', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-web2-'));
    const other = await startWebServer({
      backend: { requests, streams, dispose: () => undefined },
      rendererDir: dir,
    });
    expect(other.token).not.toBe(server.token);
    expect(other.token.length).toBeGreaterThanOrEqual(32);
    await other.close();
  });

  it('refuses API calls without the token or with a wrong one', async () => {
    const none = await raw('/api/request/getSettings', {
      method: 'POST',
      headers: json,
      body: '{}',
    });
    expect(none.status).toBe(403);
    const wrong = await raw('/api/request/getSettings', {
      method: 'POST',
      headers: { ...json, authorization: 'Bearer nope' },
      body: '{}',
    });
    expect(wrong.status).toBe(403);
  });

  it('refuses a foreign Origin even with the token', async () => {
    const res = await raw('/api/request/getSettings', {
      method: 'POST',
      headers: { ...json, authorization: `Bearer ${server.token}`, origin: 'https://evil.example' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('refuses a foreign Host (DNS rebinding), even for the page', async () => {
    const res = await raw('/', { headers: { host: 'evil.example:80' } });
    expect(res.status).toBe(421);
    expect(res.body).not.toContain(server.token);
  });

  it('answers a request with a Result, and rejects unknown names and bad JSON', async () => {
    const auth = { ...json, authorization: `Bearer ${server.token}` };
    const ok = await raw('/api/request/getAppInfo', { method: 'POST', headers: auth, body: '{}' });
    expect(JSON.parse(ok.body)).toMatchObject({ ok: true, value: { version: '1.2.3' } });
    const unknown = await raw('/api/request/deleteEverything', {
      method: 'POST',
      headers: auth,
      body: '{}',
    });
    expect(JSON.parse(unknown.body)).toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    });
    const bad = await raw('/api/request/getAppInfo', {
      method: 'POST',
      headers: auth,
      body: '{not json',
    });
    expect(bad.status).toBe(400);
  });
});

describe('the web bridge (the renderer’s client)', () => {
  const input = (text: string) => ({
    modelId: 'amazon.nova-micro-v1:0',
    messages: [{ role: 'user', content: [{ text }] }],
  });

  function listen(bridge: ReturnType<typeof createWebBridge>, streamId: string) {
    const messages: StreamMessage[] = [];
    let resolveEnd: (m: StreamMessage) => void = () => undefined;
    const ended = new Promise<StreamMessage>((r) => (resolveEnd = r));
    bridge.onStreamMessage((raw) => {
      const m = raw as StreamMessage;
      if (m.streamId !== streamId) return;
      messages.push(m);
      if (m.kind === 'end') resolveEnd(m);
    });
    return { messages, ended };
  }

  it('makes requests', async () => {
    const bridge = createWebBridge(server.url, server.token);
    expect(await bridge.request.getAppInfo(undefined)).toMatchObject({
      ok: true,
      value: { mode: 'browser' },
    });
  });

  it('streams events in order over SSE and ends cleanly', async () => {
    const bridge = createWebBridge(server.url, server.token);
    const l = listen(bridge, 'web-stream-0001');
    expect(
      await bridge.startStream('converseStream', 'web-stream-0001', input('one two three')),
    ).toEqual({ ok: true, value: null });
    const end = await l.ended;
    expect(end).toEqual({ kind: 'end', streamId: 'web-stream-0001', error: null });
    const deltas = l.messages.flatMap((m) =>
      m.kind === 'event' && (m.event as { type: string }).type === 'delta'
        ? [(m.event as { text: string }).text]
        : [],
    );
    expect(deltas.join('')).toBe('one two three ');
  });

  it('cancels a stream on the server', async () => {
    const bridge = createWebBridge(server.url, server.token);
    const l = listen(bridge, 'web-stream-0002');
    await bridge.startStream('converseStream', 'web-stream-0002', input('first slow never'));
    await new Promise((r) => setTimeout(r, 50));
    bridge.cancelStream('web-stream-0002');
    const end = await l.ended;
    expect(end).toMatchObject({ kind: 'end', error: { code: 'cancelled' } });
    const texts = l.messages
      .map((m) => (m.kind === 'event' ? (m.event as { text?: string }).text : ''))
      .join('');
    expect(texts).not.toContain('never');
  });

  it('returns a validation error for a bad stream input without opening it', async () => {
    const bridge = createWebBridge(server.url, server.token);
    const result = await bridge.startStream('converseStream', 'web-stream-0003', { modelId: 'm' });
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
  });

  it('ends open streams with an error when the server goes away', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-web3-'));
    const temporary = await startWebServer({
      backend: { requests, streams, dispose: () => undefined },
      rendererDir: dir,
    });
    const bridge = createWebBridge(temporary.url, temporary.token);
    const l = listen(bridge, 'web-stream-0004');
    await bridge.startStream('converseStream', 'web-stream-0004', input('a slow stream'));
    await temporary.close();
    expect(await l.ended).toMatchObject({ kind: 'end', error: { code: 'offline' } });
    await new Promise((r) => setTimeout(r, 1100));
    expect(streamAborted).toBe(true);
  });
});
