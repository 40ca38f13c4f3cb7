import { describe, expect, it } from 'vitest';
import { REQUEST_NAMES, STREAM_NAMES } from '../../shared/channels';
import { ConverseInput, requests, StreamMessage, streams } from '../../shared/contract';
import {
  dispatchRequest,
  StreamHub,
  type RequestHandlers,
  type StreamHandlers,
} from '../../electron/main/dispatch';
import { AppFailure } from '../../electron/main/errors';
import { DEFAULT_SETTINGS } from '../../shared/settings';

const state = { settings: DEFAULT_SETTINGS, path: '/tmp/settings.json', notice: null };

function handlers(overrides: Partial<RequestHandlers> = {}): RequestHandlers {
  const unused = () => Promise.reject(new Error('not used in this test'));
  return {
    getAppInfo: async () => ({
      name: 'Stratum',
      version: '0.1.0',
      mode: 'browser',
      platform: 'linux',
      endpointFromEnvironment: false,
    }),
    getSettings: async () => state,
    updateSettings: unused,
    listProfiles: unused,
    testConnection: unused,
    cancelConnectionTest: unused,
    getAvailability: unused,
    generateImages: unused,
    describeImage: unused,
    listInvocations: unused,
    clearInvocations: unused,
    restoreInvocations: unused,
    rerank: unused,
    kbRetrieve: unused,
    kbRetrieveAndGenerate: unused,
    confirmAgentToolCall: unused,
    startEvaluationJob: unused,
    listEvaluationJobs: unused,
    getEvaluationJob: unused,
    stopEvaluationJob: unused,
    uploadCustomizationFile: unused,
    startCustomizationJob: unused,
    listCustomizationJobs: unused,
    getCustomizationJob: unused,
    stopCustomizationJob: unused,
    readCustomizationMetrics: unused,
    listGuardrails: unused,
    getGuardrail: unused,
    createGuardrail: unused,
    updateGuardrail: unused,
    createGuardrailVersion: unused,
    deleteGuardrail: unused,
    applyGuardrail: unused,
    listImportedModels: unused,
    invokeImportedLogprobs: unused,
    ...overrides,
  };
}

describe('the contract', () => {
  it('names the same requests and streams in channels.ts and contract.ts', () => {
    expect(Object.keys(requests).sort()).toEqual([...REQUEST_NAMES].sort());
    expect(Object.keys(streams).sort()).toEqual([...STREAM_NAMES].sort());
  });

  it('requires conversations to start with the user and alternate', () => {
    const base = { modelId: 'amazon.nova-micro-v1:0' };
    const u = { role: 'user' as const, content: [{ text: 'hi' }] };
    const a = { role: 'assistant' as const, content: [{ text: 'hello' }] };
    expect(ConverseInput.safeParse({ ...base, messages: [u, a, u] }).success).toBe(true);
    expect(ConverseInput.safeParse({ ...base, messages: [a, u] }).success).toBe(false);
    expect(ConverseInput.safeParse({ ...base, messages: [u, u] }).success).toBe(false);
    expect(ConverseInput.safeParse({ ...base, messages: [] }).success).toBe(false);
    expect(ConverseInput.safeParse({ ...base, messages: [u], extra: 1 }).success).toBe(false);
    expect(
      ConverseInput.safeParse({ ...base, messages: [u], inferenceConfig: { temperature: 1.5 } })
        .success,
    ).toBe(false);
  });
});

describe('dispatchRequest', () => {
  it('returns { ok: true, value } for a valid request', async () => {
    expect(await dispatchRequest(handlers(), 'getSettings', undefined)).toEqual({
      ok: true,
      value: state,
    });
  });

  it('refuses a request name outside the contract', async () => {
    const result = await dispatchRequest(handlers(), 'readFile', { path: '/etc/passwd' });
    expect(result).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
    const proto = await dispatchRequest(handlers(), '__proto__', undefined);
    expect(proto).toMatchObject({ ok: false, error: { code: 'unknown_request' } });
  });

  it('validates input before the handler runs', async () => {
    let ran = false;
    const h = handlers({
      updateSettings: async () => {
        ran = true;
        return state;
      },
    });
    const result = await dispatchRequest(h, 'updateSettings', { aws: { region: 42 } });
    expect(ran).toBe(false);
    expect(result).toMatchObject({ ok: false, error: { code: 'invalid_input' } });
    if (!result.ok) expect(result.error.message).toMatch(/aws\.region/);
  });

  it('turns a thrown error into a Result, never an exception', async () => {
    const h = handlers({
      getAppInfo: () =>
        Promise.reject(
          new AppFailure({ code: 'offline', message: 'No network.', remedy: 'Reconnect.' }),
        ),
    });
    expect(await dispatchRequest(h, 'getAppInfo', undefined)).toEqual({
      ok: false,
      error: { code: 'offline', message: 'No network.', remedy: 'Reconnect.' },
    });
  });

  it('refuses to send an output that breaks its schema', async () => {
    const h = handlers({
      // A handler bug that would leak an extra field or a wrong shape.
      getSettings: async () =>
        ({ ...state, settings: { ...state.settings, version: 2 } }) as unknown as typeof state,
    });
    expect(await dispatchRequest(h, 'getSettings', undefined)).toMatchObject({
      ok: false,
      error: { code: 'internal' },
    });
  });

  it('strips fields the schema does not know from outputs', async () => {
    const h = handlers({
      getAppInfo: async () =>
        ({
          name: 'Stratum',
          version: '1',
          mode: 'electron',
          platform: 'linux',
          endpointFromEnvironment: false,
          secret: 'x',
        }) as never,
    });
    const result = await dispatchRequest(h, 'getAppInfo', undefined);
    expect(JSON.stringify(result)).not.toContain('secret');
  });
});

function collect() {
  const messages: StreamMessage[] = [];
  let resolveEnd: () => void = () => undefined;
  const ended = new Promise<void>((r) => (resolveEnd = r));
  const send = (m: StreamMessage) => {
    messages.push(StreamMessage.parse(m));
    if (m.kind === 'end') resolveEnd();
  };
  return { messages, send, ended };
}

const input = {
  modelId: 'amazon.nova-micro-v1:0',
  messages: [{ role: 'user', content: [{ text: 'hi' }] }],
};

describe('StreamHub', () => {
  it('delivers events in order and then one end message', async () => {
    const hub = new StreamHub({
      converseStream: async (_input, emit) => {
        emit({ type: 'start', modelId: 'm', region: 'us-east-1' });
        for (const text of ['Hel', 'lo', '!']) emit({ type: 'delta', text });
        emit({ type: 'stop', stopReason: 'end_turn' });
      },
      sampleNextWord: () => Promise.resolve(),
      generateQuestions: () => Promise.resolve(),
      embedTexts: () => Promise.resolve(),
      runAgent: () => Promise.resolve(),
      invokeAgent: () => Promise.resolve(),
      runEvaluation: () => Promise.resolve(),
      judgeResponses: () => Promise.resolve(),
    } satisfies StreamHandlers);
    const c = collect();
    expect(hub.start('owner', 'converseStream', 'stream-0001', input, c.send)).toEqual({
      ok: true,
      value: null,
    });
    await c.ended;
    expect(
      c.messages.map((m) => (m.kind === 'event' ? (m.event as { type: string }).type : 'end')),
    ).toEqual(['start', 'delta', 'delta', 'delta', 'stop', 'end']);
    expect(c.messages.at(-1)).toEqual({ kind: 'end', streamId: 'stream-0001', error: null });
    expect(hub.size).toBe(0);
  });

  it('aborts the handler on cancel and ends with "cancelled"; only the owner may cancel', async () => {
    let signalSeen: AbortSignal | null = null;
    const hub = new StreamHub({
      converseStream: (_input, emit, signal) => {
        signalSeen = signal;
        emit({ type: 'delta', text: 'partial' });
        return new Promise<void>((resolve) => signal.addEventListener('abort', () => resolve()));
      },
      sampleNextWord: () => Promise.resolve(),
      generateQuestions: () => Promise.resolve(),
      embedTexts: () => Promise.resolve(),
      runAgent: () => Promise.resolve(),
      invokeAgent: () => Promise.resolve(),
      runEvaluation: () => Promise.resolve(),
      judgeResponses: () => Promise.resolve(),
    });
    const c = collect();
    hub.start('window-1', 'converseStream', 'stream-0002', input, c.send);
    hub.cancel('window-2', 'stream-0002');
    expect(signalSeen!.aborted).toBe(false);
    hub.cancel('window-1', 'stream-0002');
    await c.ended;
    expect(signalSeen!.aborted).toBe(true);
    expect(c.messages.at(-1)).toMatchObject({ kind: 'end', error: { code: 'cancelled' } });
  });

  it('keeps partial output and reports the error when the handler fails midway', async () => {
    const hub = new StreamHub({
      converseStream: async (_input, emit) => {
        emit({ type: 'delta', text: 'The answer is' });
        throw new AppFailure({ code: 'stream_interrupted', message: 'Cut off.' });
      },
      sampleNextWord: () => Promise.resolve(),
      generateQuestions: () => Promise.resolve(),
      embedTexts: () => Promise.resolve(),
      runAgent: () => Promise.resolve(),
      invokeAgent: () => Promise.resolve(),
      runEvaluation: () => Promise.resolve(),
      judgeResponses: () => Promise.resolve(),
    });
    const c = collect();
    hub.start('o', 'converseStream', 'stream-0003', input, c.send);
    await c.ended;
    expect(c.messages[0]).toMatchObject({
      kind: 'event',
      event: { type: 'delta', text: 'The answer is' },
    });
    expect(c.messages[1]).toMatchObject({ kind: 'end', error: { code: 'stream_interrupted' } });
  });

  it('cancels everything an owner started when it goes away', async () => {
    const hub = new StreamHub({
      converseStream: (_i, _e, signal) =>
        new Promise<void>((r) => signal.addEventListener('abort', () => r())),
      sampleNextWord: () => Promise.resolve(),
      generateQuestions: () => Promise.resolve(),
      embedTexts: () => Promise.resolve(),
      runAgent: () => Promise.resolve(),
      invokeAgent: () => Promise.resolve(),
      runEvaluation: () => Promise.resolve(),
      judgeResponses: () => Promise.resolve(),
    });
    const a = collect();
    const b = collect();
    hub.start('tab', 'converseStream', 'stream-000a', input, a.send);
    hub.start('tab', 'converseStream', 'stream-000b', input, b.send);
    hub.cancelOwner('tab');
    await Promise.all([a.ended, b.ended]);
    expect(hub.size).toBe(0);
  });

  it('rejects bad stream names, ids, duplicates and inputs without starting anything', () => {
    const hub = new StreamHub({
      converseStream: () => new Promise<void>(() => undefined),
      sampleNextWord: () => Promise.resolve(),
      generateQuestions: () => Promise.resolve(),
      embedTexts: () => Promise.resolve(),
      runAgent: () => Promise.resolve(),
      invokeAgent: () => Promise.resolve(),
      runEvaluation: () => Promise.resolve(),
      judgeResponses: () => Promise.resolve(),
    });
    const send = () => undefined;
    expect(hub.start('o', 'shell', 'stream-0004', input, send)).toMatchObject({
      ok: false,
      error: { code: 'unknown_request' },
    });
    expect(hub.start('o', 'converseStream', 'bad id!', input, send)).toMatchObject({
      ok: false,
      error: { code: 'invalid_input' },
    });
    expect(hub.start('o', 'converseStream', 'stream-0005', { modelId: 'x' }, send)).toMatchObject({
      ok: false,
    });
    expect(hub.start('o', 'converseStream', 'stream-0006', input, send)).toMatchObject({
      ok: true,
    });
    expect(hub.start('o', 'converseStream', 'stream-0006', input, send)).toMatchObject({
      ok: false,
    });
    expect(hub.size).toBe(1);
  });
});

describe('the knowledge bases lab entries', () => {
  const embed = {
    modelId: 'amazon.titan-embed-text-v2:0',
    dimensions: 512,
    inputType: 'search_document',
    texts: [{ id: 'a', text: 'chunk' }],
    concurrency: 4,
  };

  it('checks embedTexts input: Cohere is 1,024 dimensions and 2,048 characters, ids unique', () => {
    const input = streams.embedTexts.input;
    expect(input.safeParse(embed).success).toBe(true);
    expect(input.safeParse({ ...embed, modelId: 'cohere.embed-english-v3' }).success).toBe(false);
    const cohere = { ...embed, modelId: 'cohere.embed-english-v3', dimensions: 1024 };
    expect(input.safeParse(cohere).success).toBe(true);
    expect(
      input.safeParse({ ...cohere, texts: [{ id: 'a', text: 'x'.repeat(2_049) }] }).success,
    ).toBe(false);
    expect(
      input.safeParse({
        ...embed,
        texts: [
          { id: 'a', text: 'one' },
          { id: 'a', text: 'two' },
        ],
      }).success,
    ).toBe(false);
    expect(input.safeParse({ ...embed, concurrency: 9 }).success).toBe(false);
    expect(input.safeParse({ ...embed, dimensions: 300 }).success).toBe(false);
  });

  it('checks rerank, Retrieve and RetrieveAndGenerate inputs', () => {
    const rerank = requests.rerank.input;
    const ok = { modelId: 'cohere.rerank-v3-5:0', query: 'q', documents: ['a', 'b'], topN: 2 };
    expect(rerank.safeParse(ok).success).toBe(true);
    expect(rerank.safeParse({ ...ok, topN: 3 }).success).toBe(false);
    expect(rerank.safeParse({ ...ok, query: '   ' }).success).toBe(false);

    const retrieve = requests.kbRetrieve.input;
    const ask = { knowledgeBaseId: 'ABCDE12345', query: 'q', numberOfResults: 5 };
    expect(retrieve.safeParse({ ...ask, searchType: 'DEFAULT' }).success).toBe(true);
    expect(retrieve.safeParse({ ...ask, searchType: 'FUZZY' }).success).toBe(false);
    expect(
      retrieve.safeParse({ ...ask, searchType: 'DEFAULT', knowledgeBaseId: 'short' }).success,
    ).toBe(false);
    expect(
      retrieve.safeParse({ ...ask, searchType: 'DEFAULT', query: 'x'.repeat(20_000) }).success,
    ).toBe(false);

    const rag = requests.kbRetrieveAndGenerate.input;
    const base = { ...ask, modelId: 'amazon.nova-lite-v1:0' };
    expect(rag.safeParse(base).success).toBe(true);
    expect(rag.safeParse({ ...base, promptTemplate: 'no placeholder' }).success).toBe(false);
    expect(rag.safeParse({ ...base, promptTemplate: 'Use $search_results$' }).success).toBe(true);
  });

  it('dispatches the new requests to their handlers and parses their output', async () => {
    const value = { results: [], guardrailAction: null, latencyMs: 12 };
    const result = await dispatchRequest(
      handlers({ kbRetrieve: async () => value }),
      'kbRetrieve',
      { knowledgeBaseId: 'ABCDE12345', query: 'q', numberOfResults: 1, searchType: 'DEFAULT' },
    );
    expect(result).toEqual({ ok: true, value });
  });
});
