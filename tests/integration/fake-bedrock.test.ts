/**
 * Drives the fake Bedrock with the real AWS SDK clients (never mocked), over the SDK's default
 * HTTP/2 handler and over the HTTP/1.1 NodeHttpHandler, to prove the fake speaks the wire
 * protocol the SDK expects and is as strict as the service.
 */
import { inflateSync } from 'node:zlib';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import {
  BedrockClient,
  ListFoundationModelsCommand,
  ListInferenceProfilesCommand,
} from '@aws-sdk/client-bedrock';
import {
  BedrockRuntimeClient,
  ConverseCommand,
  ConverseStreamCommand,
  InvokeModelCommand,
  type BedrockRuntimeClientConfig,
  type ConverseCommandInput,
  type ConverseStreamOutput,
} from '@aws-sdk/client-bedrock-runtime';
import { NodeHttpHandler } from '@smithy/node-http-handler';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock.js';
import { chunkText, DEFAULT_REPLY_PREFIX, MALFORMED_TOOL_INPUT } from '../fakes/bedrock-reply.js';
import { encodePng, readPngSize } from '../fakes/png.js';

const ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKE0001';
const SECRET = 'fake-secret-for-the-fake-bedrock-tests';
const credentials = { accessKeyId: ACCESS_KEY_ID, secretAccessKey: SECRET };
const NOVA_LITE = 'amazon.nova-lite-v1:0';
const SONNET_45 = 'anthropic.claude-sonnet-4-5-20250929-v1:0';

type Transport = 'h2' | 'h1';

let fake: FakeBedrock;
const clients: { destroy(): void }[] = [];

beforeAll(async () => {
  // With credentials, the fake recomputes every SigV4 signature the SDK produces.
  fake = await startFakeBedrock({ credentials: [credentials] });
});

afterEach(() => {
  fake.reset();
  for (const c of clients.splice(0)) c.destroy();
});

afterAll(async () => {
  await fake.close();
});

function runtime(
  transport: Transport = 'h2',
  config: Partial<BedrockRuntimeClientConfig> = {},
): BedrockRuntimeClient {
  const client = new BedrockRuntimeClient({
    region: 'us-east-1',
    endpoint: fake.url,
    credentials,
    ...(transport === 'h1' ? { requestHandler: new NodeHttpHandler() } : {}),
    ...config,
  });
  clients.push(client);
  return client;
}

function ask(text: string, modelId = NOVA_LITE): ConverseCommandInput {
  return { modelId, messages: [{ role: 'user', content: [{ text }] }] };
}

async function caught(promise: Promise<unknown>): Promise<Error & Record<string, unknown>> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof Error) return error as Error & Record<string, unknown>;
    throw new Error('non-Error thrown', { cause: error });
  }
  throw new Error('expected the call to fail');
}

function httpStatus(error: Record<string, unknown>): unknown {
  const meta = error['$metadata'];
  return typeof meta === 'object' && meta !== null && 'httpStatusCode' in meta
    ? meta.httpStatusCode
    : undefined;
}

/** Reads a ConverseStream to the end, collecting text deltas even when iteration throws. */
async function readStream(
  stream: AsyncIterable<ConverseStreamOutput> | undefined,
  onEvent: (event: ConverseStreamOutput) => void = () => undefined,
): Promise<{ text: string; events: string[]; error?: Error }> {
  const events: string[] = [];
  let text = '';
  try {
    for await (const event of stream ?? []) {
      const [name] = Object.keys(event).filter((k) => k !== '$unknown');
      events.push(name ?? '?');
      text += event.contentBlockDelta?.delta?.text ?? '';
      onEvent(event);
    }
  } catch (error) {
    return { text, events, error: error instanceof Error ? error : new Error(String(error)) };
  }
  return { text, events };
}

/**
 * Sends a command through the real SDK but rewrites the serialized request before it is
 * signed, to produce bodies/headers the typed SDK input cannot express.
 */
function tamperedRuntime(
  mutate: (request: { headers: Record<string, string>; body: unknown }) => void,
): BedrockRuntimeClient {
  const client = runtime('h2', { maxAttempts: 1 });
  client.middlewareStack.add(
    (next) => async (args) => {
      const request = args.request as { headers: Record<string, string>; body: unknown };
      mutate(request);
      if (typeof request.body === 'string') {
        request.headers['content-length'] = String(Buffer.byteLength(request.body));
      }
      return next(args);
    },
    { step: 'build', name: 'tamperRequest' },
  );
  return client;
}

describe.each<Transport>(['h2', 'h1'])('over %s', (transport) => {
  it('answers Converse with the default reply and records the call', async () => {
    const res = await runtime(transport).send(new ConverseCommand(ask('What is Amazon Bedrock?')));
    const expected = `${DEFAULT_REPLY_PREFIX}What is Amazon Bedrock?`;
    expect(res.output?.message?.role).toBe('assistant');
    expect(res.output?.message?.content?.[0]?.text).toBe(expected);
    expect(res.stopReason).toBe('end_turn');
    expect(res.usage?.outputTokens).toBe(Math.ceil(expected.length / 4));
    expect(res.usage?.totalTokens).toBe(
      (res.usage?.inputTokens ?? 0) + (res.usage?.outputTokens ?? 0),
    );
    expect(res.metrics?.latencyMs).toBeGreaterThanOrEqual(0);
    expect(res.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/);
    const [recorded] = fake.modelCalls();
    expect(recorded).toMatchObject({
      operation: 'converse',
      modelId: NOVA_LITE,
      path: '/model/amazon.nova-lite-v1%3A0/converse',
      region: 'us-east-1',
      accessKeyId: ACCESS_KEY_ID,
      http: transport === 'h2' ? '2' : '1.1',
      status: 200,
      completed: true,
      aborted: false,
    });
    expect(recorded?.body).toEqual({
      messages: [{ role: 'user', content: [{ text: 'What is Amazon Bedrock?' }] }],
    });
  });

  it('streams deltas in order that concatenate to the reply', async () => {
    fake.setBehavior({ kind: 'reply', text: 'Streaming works, one delta at a time.' });
    const res = await runtime(transport).send(new ConverseStreamCommand(ask('Stream it')));
    const { text, events, error } = await readStream(res.stream);
    expect(error).toBeUndefined();
    expect(text).toBe('Streaming works, one delta at a time.');
    const deltas = chunkText(text);
    expect(events).toEqual([
      'messageStart',
      ...deltas.map(() => 'contentBlockDelta'),
      'contentBlockStop',
      'messageStop',
      'metadata',
    ]);
    expect(fake.modelCalls()[0]).toMatchObject({ deltasSent: deltas.length, completed: true });
  });

  it('cutStream: iteration throws after N deltas, keeping the partial text', async () => {
    fake.setBehavior({ kind: 'cutStream', afterDeltas: 3 });
    const client = runtime(transport, { maxAttempts: 1 });
    const res = await client.send(new ConverseStreamCommand(ask('Cut me off')));
    const { text, error } = await readStream(res.stream);
    expect(error).toBeInstanceOf(Error);
    expect(text).toBe(chunkText(`${DEFAULT_REPLY_PREFIX}Cut me off`).slice(0, 3).join(''));
    expect(fake.modelCalls()[0]).toMatchObject({ cut: true, deltasSent: 3, aborted: false });
  });

  it('streamException: the named in-stream exception surfaces after N deltas', async () => {
    fake.setBehavior({
      kind: 'streamException',
      afterDeltas: 2,
      exception: 'modelStreamErrorException',
    });
    const res = await runtime(transport).send(new ConverseStreamCommand(ask('Fail midway')));
    const { text, error } = await readStream(res.stream);
    expect(error?.name).toBe('ModelStreamErrorException');
    expect(text).toBe(chunkText(`${DEFAULT_REPLY_PREFIX}Fail midway`).slice(0, 2).join(''));
  });

  it('client abort mid-stream is noticed by the fake, which stops writing', async () => {
    fake.setBehavior({ kind: 'reply', text: 'x'.repeat(400), deltaDelayMs: 20 });
    const controller = new AbortController();
    const res = await runtime(transport).send(new ConverseStreamCommand(ask('Long answer')), {
      abortSignal: controller.signal,
    });
    let deltas = 0;
    const { error } = await readStream(res.stream, (event) => {
      if (event.contentBlockDelta && ++deltas === 2) controller.abort();
    });
    // SDK quirk: over HTTP/1.1 the iteration throws a plain Error('aborted') (the destroyed
    // socket); over its HTTP/2 handler the stream is closed cleanly and the `for await` simply
    // ends. Callers must check `signal.aborted` rather than rely on an AbortError.
    if (transport === 'h1') expect(error?.message).toBe('aborted');
    else expect(error).toBeUndefined();
    expect(deltas).toBeLessThanOrEqual(3);
    await fake.waitFor((requests) => requests.some((r) => r.aborted));
    const [recorded] = fake.modelCalls();
    expect(recorded).toMatchObject({ aborted: true, completed: false });
    const sentAtAbort = recorded?.deltasSent ?? 0;
    await new Promise((r) => setTimeout(r, 100));
    expect(recorded?.deltasSent).toBe(sentAtAbort);
    expect(sentAtAbort).toBeLessThan(chunkText('x'.repeat(400)).length);
  });
});

describe('in-stream exceptions', () => {
  it.each([
    ['internalServerException', 'InternalServerException'],
    ['modelStreamErrorException', 'ModelStreamErrorException'],
    ['validationException', 'ValidationException'],
    ['throttlingException', 'ThrottlingException'],
    ['serviceUnavailableException', 'ServiceUnavailableException'],
  ] as const)('%s surfaces as %s', async (exception, name) => {
    fake.setBehavior({ kind: 'streamException', afterDeltas: 1, exception, message: 'boom' });
    const res = await runtime().send(new ConverseStreamCommand(ask('x')));
    const { error } = await readStream(res.stream);
    expect(error?.name).toBe(name);
    expect(error?.message).toBe('boom');
    expect(fake.modelCalls()[0]).toMatchObject({ errorName: exception, deltasSent: 1 });
  });
});

describe('errors and retries', () => {
  it('throttle: the SDK makes 3 attempts by default, then throws ThrottlingException', async () => {
    fake.setBehavior({ kind: 'throttle' });
    const error = await caught(runtime().send(new ConverseCommand(ask('Busy?'))));
    expect(error.name).toBe('ThrottlingException');
    expect(error.message).toBe('Too many requests, please wait before trying again.');
    expect(httpStatus(error)).toBe(429);
    expect(error['$metadata']).toMatchObject({ attempts: 3 });
    expect(fake.modelCalls().map((r) => r.status)).toEqual([429, 429, 429]);
  }, 10_000);

  it('enqueue: first call throttled, the retry succeeds', async () => {
    fake.enqueue({ kind: 'throttle' });
    const res = await runtime().send(new ConverseCommand(ask('Retry me')));
    expect(res.$metadata.attempts).toBe(2);
    expect(fake.modelCalls().map((r) => r.behavior)).toEqual(['throttle', 'ok']);
  }, 10_000);

  it('accessDenied: AccessDeniedException with HTTP 403', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const error = await caught(runtime().send(new ConverseCommand(ask('Let me in'))));
    expect(error.name).toBe('AccessDeniedException');
    expect(error.message).toBe("You don't have access to the model with the specified model ID.");
    expect(httpStatus(error)).toBe(403);
  });

  it.each([
    ['ServiceUnavailableException', 503],
    ['ModelErrorException', 424],
    ['ModelTimeoutException', 408],
    ['InternalServerException', 500],
  ])('error: %s %i keeps its name and status', async (name, status) => {
    fake.setBehavior({ kind: 'error', name, status, message: `fake ${name}` });
    const error = await caught(
      runtime('h2', { maxAttempts: 1 }).send(new ConverseCommand(ask('x'))),
    );
    expect(error.name).toBe(name);
    expect(error.message).toBe(`fake ${name}`);
    expect(httpStatus(error)).toBe(status);
  });

  it('delay: headers wait, and metrics.latencyMs is the real elapsed time', async () => {
    fake.setBehavior({ kind: 'delay', ms: 120 });
    const res = await runtime().send(new ConverseCommand(ask('Slow')));
    expect(res.metrics?.latencyMs).toBeGreaterThanOrEqual(120);
  });

  it('abort during a delay is recorded as aborted', async () => {
    fake.setBehavior({ kind: 'delay', ms: 2_000 });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await caught(
      runtime('h1').send(new ConverseCommand(ask('Never mind')), {
        abortSignal: controller.signal,
      }),
    );
    expect(error.name).toBe('AbortError');
    await fake.waitFor((requests) => requests.some((r) => r.aborted));
  });
});

describe('fault modes', () => {
  it('modelNotReady: ModelNotReadyException 429, retried by the SDK like throttling', async () => {
    fake.setBehavior({ kind: 'modelNotReady' });
    const error = await caught(runtime().send(new ConverseCommand(ask('Are you there?'))));
    expect(error.name).toBe('ModelNotReadyException');
    expect(httpStatus(error)).toBe(429);
    expect(error['$metadata']).toMatchObject({ attempts: 3 });
    expect(fake.modelCalls().map((r) => r.errorName)).toEqual([
      'ModelNotReadyException',
      'ModelNotReadyException',
      'ModelNotReadyException',
    ]);
  }, 10_000);

  it('hang: accepts the request and never answers; a client deadline ends it', async () => {
    fake.setBehavior({ kind: 'hang' });
    const started = performance.now();
    const error = await caught(
      runtime('h2', { maxAttempts: 1 }).send(new ConverseCommand(ask('Hello?')), {
        requestTimeout: 200,
      }),
    );
    expect(error.name).toBe('TimeoutError');
    expect(performance.now() - started).toBeLessThan(2_000);
    await fake.waitFor((requests) => requests.at(-1)?.aborted === true);
    expect(fake.modelCalls()[0]).toMatchObject({ behavior: 'hang', status: 0, completed: false });
  });

  it('hang: the same over HTTP/1.1, and an abort is noticed', async () => {
    fake.setBehavior({ kind: 'hang' });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 100);
    const error = await caught(
      runtime('h1').send(new ConverseStreamCommand(ask('Hello?')), {
        abortSignal: controller.signal,
      }),
    );
    expect(error.name).toBe('AbortError');
    await fake.waitFor((requests) => requests.at(-1)?.aborted === true);
  });

  it('stall: a stream sends N deltas, then nothing, the connection left open', async () => {
    fake.setBehavior({ kind: 'stall', afterDeltas: 2 });
    const controller = new AbortController();
    const res = await runtime().send(new ConverseStreamCommand(ask('Tell me more')), {
      abortSignal: controller.signal,
    });
    let deltas = 0;
    const reading = readStream(res.stream, (event) => {
      if (event.contentBlockDelta) deltas += 1;
    });
    await fake.waitFor((requests) => requests.at(-1)?.deltasSent === 2);
    await new Promise((r) => setTimeout(r, 150));
    // Nothing more arrived, and the stream has not ended.
    expect(deltas).toBe(2);
    expect(fake.modelCalls()[0]).toMatchObject({ completed: false, cut: false });
    controller.abort();
    const { events } = await reading;
    expect(events).not.toContain('messageStop');
    await fake.waitFor((requests) => requests.at(-1)?.aborted === true);
  });

  it('stall on a non-stream call hangs like hang', async () => {
    fake.setBehavior({ kind: 'stall', afterDeltas: 2 });
    const error = await caught(
      runtime('h2', { maxAttempts: 1 }).send(new ConverseCommand(ask('x')), {
        requestTimeout: 150,
      }),
    );
    expect(error.name).toBe('TimeoutError');
  });
});

describe('validation', () => {
  const base = ask('Hello');
  const cases: [string, ConverseCommandInput, RegExp][] = [
    ['missing messages', { modelId: NOVA_LITE }, /Value null at 'messages'/],
    [
      'assistant first',
      { modelId: NOVA_LITE, messages: [{ role: 'assistant', content: [{ text: 'Hi' }] }] },
      /must start with a user message/,
    ],
    [
      'roles not alternating',
      {
        modelId: NOVA_LITE,
        messages: [
          { role: 'user', content: [{ text: 'a' }] },
          { role: 'user', content: [{ text: 'b' }] },
        ],
      },
      /must alternate between user and assistant/,
    ],
    [
      'blank text',
      { modelId: NOVA_LITE, messages: [{ role: 'user', content: [{ text: '  ' }] }] },
      /messages\.0\.content\.0 is blank/,
    ],
    [
      'temperature 1.5',
      { ...base, inferenceConfig: { temperature: 1.5 } },
      /'inferenceConfig\.temperature' failed to satisfy constraint: Member must have value less than or equal to 1/,
    ],
    [
      'maxTokens above the model limit',
      { ...base, inferenceConfig: { maxTokens: 20_000 } },
      /exceeds the model limit of 10000/,
    ],
    [
      'five stop sequences',
      { ...base, inferenceConfig: { stopSequences: ['a', 'b', 'c', 'd', 'e'] } },
      /stopSequences' failed to satisfy constraint/,
    ],
    [
      'toolChoice naming an unknown tool',
      {
        ...base,
        toolConfig: {
          tools: [{ toolSpec: { name: 'grade', inputSchema: { json: { type: 'object' } } } }],
          toolChoice: { tool: { name: 'nope' } },
        },
      },
      /toolChoice\.tool doesn't match any tool/,
    ],
    [
      'invalid tool name',
      {
        ...base,
        toolConfig: {
          tools: [{ toolSpec: { name: 'has space', inputSchema: { json: { type: 'object' } } } }],
        },
      },
      /toolSpec\.name' failed to satisfy constraint/,
    ],
    [
      'image bytes that are not the declared format',
      {
        modelId: NOVA_LITE,
        messages: [
          {
            role: 'user',
            content: [
              {
                image: {
                  format: 'png',
                  source: { bytes: new TextEncoder().encode('GIF89a......') },
                },
              },
            ],
          },
        ],
      },
      /doesn't match the format field/,
    ],
    [
      'unknown model id',
      ask('x', 'amazon.nova-mega-v9:0'),
      /^The provided model identifier is invalid\.$/,
    ],
    ['image model via Converse', ask('x', 'amazon.nova-canvas-v1:0'), /doesn't support the model/],
    [
      'embedding model via Converse',
      ask('x', 'amazon.titan-embed-text-v2:0'),
      /doesn't support the model/,
    ],
    ['eu. profile from us-east-1', ask('x', `eu.${SONNET_45}`), /model identifier is invalid/],
  ];

  it.each(cases)('rejects %s with 400 ValidationException', async (_name, input, message) => {
    const error = await caught(runtime('h2', { maxAttempts: 1 }).send(new ConverseCommand(input)));
    expect(error.name).toBe('ValidationException');
    expect(httpStatus(error)).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('rejects an unknown top-level key (sent through the real SDK, body edited before signing)', async () => {
    const client = tamperedRuntime((request) => {
      const body: unknown = JSON.parse(String(request.body));
      request.body = JSON.stringify({ ...(body as object), temperature: 0.5 });
    });
    const error = await caught(client.send(new ConverseCommand(ask('x'))));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toMatch(/extraneous key \[temperature\] is not permitted/);
  });

  it('rejects a non-JSON content type with 415', async () => {
    const client = tamperedRuntime((request) => {
      request.headers['content-type'] = 'text/plain';
    });
    const error = await caught(client.send(new ConverseCommand(ask('x'))));
    expect(error.name).toBe('UnsupportedMediaTypeException');
    expect(httpStatus(error)).toBe(415);
  });

  it('profile-only model: bare id is refused on-demand, its us. profile works', async () => {
    const client = runtime('h2', { maxAttempts: 1 });
    const error = await caught(client.send(new ConverseCommand(ask('x', SONNET_45))));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toBe(
      `Invocation of model ID ${SONNET_45} with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.`,
    );
    for (const id of [
      `us.${SONNET_45}`,
      `global.${SONNET_45}`,
      `arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${SONNET_45}`,
    ]) {
      const res = await client.send(new ConverseCommand(ask('Hi', id)));
      expect(res.output?.message?.content?.[0]?.text).toContain(DEFAULT_REPLY_PREFIX);
    }
    expect(fake.modelCalls().at(-1)?.path).toContain('arn%3Aaws%3Abedrock%3Aus-east-1');
    expect(fake.modelCalls().at(-1)?.modelId).toBe(
      `arn:aws:bedrock:us-east-1:111122223333:inference-profile/us.${SONNET_45}`,
    );
  });

  it('the region setting reaches the wire in the SigV4 scope', async () => {
    const client = runtime('h2', { region: 'eu-west-1', maxAttempts: 1 });
    await client.send(new ConverseCommand(ask('Hallo', `eu.${SONNET_45}`)));
    expect(fake.modelCalls()[0]?.region).toBe('eu-west-1');
  });
});

describe('content behaviours', () => {
  const tools: ConverseCommandInput['toolConfig'] = {
    tools: [
      {
        toolSpec: {
          name: 'record_answer',
          description: 'Records a quiz answer',
          inputSchema: {
            json: {
              type: 'object',
              properties: {
                choice: { type: 'string', enum: ['A', 'B'] },
                confidence: { type: 'number' },
              },
              required: ['choice', 'confidence'],
            },
          },
        },
      },
    ],
    toolChoice: { tool: { name: 'record_answer' } },
  };

  it('toolUse: converse returns the scripted input for the forced tool', async () => {
    fake.setBehavior({
      kind: 'toolUse',
      input: (req) => ({ choice: 'B', echo: req.lastUserText }),
    });
    const res = await runtime().send(
      new ConverseCommand({ ...ask('Pick one'), toolConfig: tools }),
    );
    expect(res.stopReason).toBe('tool_use');
    const toolUse = res.output?.message?.content?.[0]?.toolUse;
    expect(toolUse?.name).toBe('record_answer');
    expect(toolUse?.toolUseId).toMatch(/^tooluse_[A-Za-z0-9_-]{22}$/);
    expect(toolUse?.input).toEqual({ choice: 'B', echo: 'Pick one' });
  });

  it('ok with a forced tool: input is sampled from the schema; streams as partial JSON', async () => {
    const res = await runtime().send(
      new ConverseStreamCommand({ ...ask('Pick'), toolConfig: tools }),
    );
    let json = '';
    let started: string | undefined;
    let stopReason: string | undefined;
    for await (const event of res.stream ?? []) {
      started ??= event.contentBlockStart?.start?.toolUse?.name;
      json += event.contentBlockDelta?.delta?.toolUse?.input ?? '';
      stopReason ??= event.messageStop?.stopReason;
    }
    expect(started).toBe('record_answer');
    expect(JSON.parse(json)).toEqual({ choice: 'A', confidence: 1 });
    expect(stopReason).toBe('tool_use');
  });

  it('malformed: the tool input is a string of broken JSON; text replies are not JSON', async () => {
    fake.setBehavior({ kind: 'malformed' });
    const client = runtime();
    const withTool = await client.send(new ConverseCommand({ ...ask('Pick'), toolConfig: tools }));
    expect(withTool.output?.message?.content?.[0]?.toolUse?.input).toBe(MALFORMED_TOOL_INPUT);
    const text = await client.send(new ConverseCommand(ask('Give me JSON')));
    const reply = text.output?.message?.content?.[0]?.text ?? '';
    expect(() => JSON.parse(reply) as unknown).toThrow();
  });

  it('tool turns must pair up: a toolUse needs its toolResult next', async () => {
    const error = await caught(
      runtime('h2', { maxAttempts: 1 }).send(
        new ConverseCommand({
          modelId: NOVA_LITE,
          toolConfig: tools,
          messages: [
            { role: 'user', content: [{ text: 'Pick' }] },
            {
              role: 'assistant',
              content: [{ toolUse: { toolUseId: 'tooluse_1', name: 'record_answer', input: {} } }],
            },
            { role: 'user', content: [{ text: 'and?' }] },
          ],
        }),
      ),
    );
    expect(error.message).toBe(
      'Expected toolResult blocks at messages.2.content for the following Ids: tooluse_1',
    );
  });

  it('a replayed toolUse input must be a JSON object, as the service requires', async () => {
    const error = await caught(
      runtime('h2', { maxAttempts: 1 }).send(
        new ConverseCommand({
          modelId: NOVA_LITE,
          toolConfig: tools,
          messages: [
            { role: 'user', content: [{ text: 'Pick' }] },
            {
              role: 'assistant',
              content: [
                {
                  toolUse: {
                    toolUseId: 'tooluse_1',
                    name: 'record_answer',
                    input: MALFORMED_TOOL_INPUT,
                  },
                },
              ],
            },
            {
              role: 'user',
              content: [{ toolResult: { toolUseId: 'tooluse_1', content: [{ text: 'bad' }] } }],
            },
          ],
        }),
      ),
    );
    expect(error.message).toMatch(
      /^The format of the value at messages\.1\.content\.0\.toolUse\.input is invalid/,
    );
  });

  it('reply honours maxTokens and stop sequences like a model would', async () => {
    fake.setBehavior({ kind: 'reply', text: 'First part. STOP Second part.' });
    const client = runtime();
    const stopped = await client.send(
      new ConverseCommand({ ...ask('x'), inferenceConfig: { stopSequences: ['STOP'] } }),
    );
    expect(stopped.output?.message?.content?.[0]?.text).toBe('First part. ');
    expect(stopped.stopReason).toBe('stop_sequence');
    const truncated = await client.send(
      new ConverseCommand({ ...ask('x'), inferenceConfig: { maxTokens: 2 } }),
    );
    expect(truncated.output?.message?.content?.[0]?.text).toBe('First pa');
    expect(truncated.stopReason).toBe('max_tokens');
  });
});

describe('InvokeModel', () => {
  const embed = async (body: Record<string, unknown>): Promise<Record<string, unknown>> => {
    const res = await runtime('h1').send(
      new InvokeModelCommand({
        modelId: 'amazon.titan-embed-text-v2:0',
        contentType: 'application/json',
        accept: 'application/json',
        body: JSON.stringify(body),
      }),
    );
    return JSON.parse(new TextDecoder().decode(res.body)) as Record<string, unknown>;
  };
  const vector = (out: Record<string, unknown>): number[] => out['embedding'] as number[];
  const norm = (v: number[]): number => Math.sqrt(v.reduce((s, x) => s + x * x, 0));
  const dot = (a: number[], b: number[]): number => a.reduce((s, x, i) => s + x * (b[i] ?? 0), 0);

  it('Titan embeddings: default 1024 unit vectors, deterministic, word overlap raises similarity', async () => {
    const a = await embed({ inputText: 'Amazon Bedrock hosts foundation models' });
    expect(vector(a)).toHaveLength(1024);
    expect(norm(vector(a))).toBeCloseTo(1, 5);
    expect(a['inputTextTokenCount']).toBe(
      Math.ceil('Amazon Bedrock hosts foundation models'.length / 4),
    );
    const again = await embed({ inputText: 'Amazon Bedrock hosts foundation models' });
    expect(vector(again)).toEqual(vector(a));
    const near = await embed({ inputText: 'Bedrock hosts many foundation models' });
    const far = await embed({ inputText: 'Paris is the capital of France' });
    expect(dot(vector(a), vector(near))).toBeGreaterThan(dot(vector(a), vector(far)) + 0.3);
  });

  it('Titan embeddings: dimensions and normalize=false are honoured', async () => {
    const small = await embed({ inputText: 'hello world', dimensions: 256, normalize: false });
    expect(vector(small)).toHaveLength(256);
    expect(norm(vector(small))).toBeGreaterThan(1.5);
  });

  it.each([
    [{ inputText: 'x', dimensions: 100 }, '#/dimensions: 100 is not a valid enum value'],
    [{ inputText: '' }, '#/inputText: expected minLength: 1, actual: 0'],
    [{ text: 'x' }, '#: extraneous key [text] is not permitted'],
  ])('Titan embeddings reject %j', async (body, message) => {
    const error = await caught(embed(body));
    expect(error.name).toBe('ValidationException');
    expect(error.message).toContain(message);
  });

  const canvas = (body: Record<string, unknown>) =>
    runtime().send(
      new InvokeModelCommand({
        modelId: 'amazon.nova-canvas-v1:0',
        contentType: 'application/json',
        body: JSON.stringify(body),
      }),
    );
  const images = (res: { body: Uint8Array }): Buffer[] => {
    const out = JSON.parse(new TextDecoder().decode(res.body)) as { images: string[]; error: null };
    expect(out.error).toBeNull();
    return out.images.map((b64) => Buffer.from(b64, 'base64'));
  };

  it('Nova Canvas TEXT_IMAGE returns real PNGs of the requested size; seeds differ', async () => {
    const request = (seed: number) => ({
      taskType: 'TEXT_IMAGE',
      textToImageParams: { text: 'A lighthouse at dawn' },
      imageGenerationConfig: { width: 512, height: 384, numberOfImages: 2, seed, cfgScale: 6.5 },
    });
    const [first, second] = images(await canvas(request(7)));
    for (const png of [first, second]) {
      expect(png?.subarray(0, 8)).toEqual(
        Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
      );
      expect(readPngSize(png ?? Buffer.alloc(0))).toEqual({ width: 512, height: 384 });
      // IDAT inflates to exactly height rows of (1 filter byte + 3 bytes per pixel).
      const idatLength = png?.readUInt32BE(33) ?? 0;
      const pixels = inflateSync(png?.subarray(41, 41 + idatLength) ?? Buffer.alloc(0));
      expect(pixels.length).toBe(384 * (1 + 512 * 3));
    }
    expect(first?.equals(second ?? Buffer.alloc(0))).toBe(false);
    const [again] = images(await canvas(request(7)));
    expect(again?.equals(first ?? Buffer.alloc(0))).toBe(true);
    const [otherSeed] = images(await canvas(request(8)));
    expect(otherSeed?.equals(first ?? Buffer.alloc(0))).toBe(false);
  });

  it.each([
    [{ width: 1000, height: 1024 }, /width must be divisible by 16/],
    [{ width: 256, height: 1024 }, /width must be between 320 and 4096/],
    [
      { seed: 900_000_000 },
      /#\/imageGenerationConfig\/seed: 900000000 is not less or equal to 858993459/,
    ],
  ])('Nova Canvas rejects imageGenerationConfig %j', async (config, message) => {
    const error = await caught(
      canvas({
        taskType: 'TEXT_IMAGE',
        textToImageParams: { text: 'x' },
        imageGenerationConfig: config,
      }),
    );
    expect(error.name).toBe('ValidationException');
    expect(httpStatus(error)).toBe(400);
    expect(error.message).toMatch(message);
  });

  it('Nova Canvas rejects unknown task types and fields', async () => {
    const unknownTask = await caught(
      canvas({ taskType: 'DREAM', textToImageParams: { text: 'x' } }),
    );
    expect(unknownTask.message).toContain('#/taskType: DREAM is not a valid enum value');
    const unknownField = await caught(
      canvas({ taskType: 'TEXT_IMAGE', textToImageParams: { text: 'x', mood: 'calm' } }),
    );
    expect(unknownField.message).toContain('extraneous key [mood] is not permitted');
  });

  it('Nova Canvas IMAGE_VARIATION accepts a PNG input and defaults to 1024x1024', async () => {
    const input = encodePng(320, 320, () => [10, 20, 30]).toString('base64');
    const [png] = images(
      await canvas({
        taskType: 'IMAGE_VARIATION',
        imageVariationParams: { images: [input], similarityStrength: 0.7, text: 'like this' },
      }),
    );
    expect(readPngSize(png ?? Buffer.alloc(0))).toEqual({ width: 1024, height: 1024 });
  });

  it('Titan Image Generator v2 only accepts its documented sizes', async () => {
    const error = await caught(
      runtime().send(
        new InvokeModelCommand({
          modelId: 'amazon.titan-image-generator-v2:0',
          contentType: 'application/json',
          body: JSON.stringify({
            taskType: 'TEXT_IMAGE',
            textToImageParams: { text: 'x' },
            imageGenerationConfig: { width: 1024, height: 768 },
          }),
        }),
      ),
    );
    expect(error.message).toContain('1024x768 is not a supported image size');
  });

  it('malformed: image models return undecodable images', async () => {
    fake.setBehavior({ kind: 'malformed' });
    const res = await canvas({ taskType: 'TEXT_IMAGE', textToImageParams: { text: 'x' } });
    expect(JSON.parse(new TextDecoder().decode(res.body))).toEqual({
      images: ['not base64!!'],
      error: null,
    });
  });
});

describe('control plane', () => {
  const control = (): BedrockClient => {
    const client = new BedrockClient({ region: 'us-east-1', endpoint: fake.url, credentials });
    clients.push(client);
    return client;
  };

  it('ListFoundationModels parses, with filters', async () => {
    const all = await control().send(new ListFoundationModelsCommand({}));
    const sonnet = all.modelSummaries?.find((m) => m.modelId === SONNET_45);
    expect(sonnet).toMatchObject({
      modelArn: `arn:aws:bedrock:us-east-1::foundation-model/${SONNET_45}`,
      providerName: 'Anthropic',
      outputModalities: ['TEXT'],
      responseStreamingSupported: true,
      inferenceTypesSupported: ['INFERENCE_PROFILE'],
      modelLifecycle: { status: 'ACTIVE' },
    });
    const imageModels = await control().send(
      new ListFoundationModelsCommand({ byOutputModality: 'IMAGE' }),
    );
    expect(imageModels.modelSummaries?.map((m) => m.modelId).sort()).toEqual([
      'amazon.nova-canvas-v1:0',
      'amazon.titan-image-generator-v2:0',
      'stability.sd3-5-large-v1:0',
      'stability.stable-image-core-v1:1',
      'stability.stable-image-ultra-v1:1',
    ]);
    expect(fake.requests.at(-1)).toMatchObject({
      operation: 'list-foundation-models',
      http: '1.1',
    });
  });

  it('ListInferenceProfiles parses and paginates', async () => {
    const first = await control().send(new ListInferenceProfilesCommand({ maxResults: 5 }));
    expect(first.inferenceProfileSummaries).toHaveLength(5);
    expect(first.nextToken).toBeTruthy();
    const profile = first.inferenceProfileSummaries?.[0];
    expect(profile).toMatchObject({
      inferenceProfileId: 'us.amazon.nova-micro-v1:0',
      status: 'ACTIVE',
      type: 'SYSTEM_DEFINED',
    });
    expect(profile?.createdAt).toBeInstanceOf(Date);
    expect(profile?.models?.[0]?.modelArn).toBe(
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
    );
    const rest = await control().send(
      new ListInferenceProfilesCommand({ nextToken: first.nextToken }),
    );
    const ids = [
      ...(first.inferenceProfileSummaries ?? []),
      ...(rest.inferenceProfileSummaries ?? []),
    ].map((p) => p.inferenceProfileId);
    expect(ids).toContain(`us.${SONNET_45}`);
    expect(ids).toContain(`global.${SONNET_45}`);
    expect(ids.some((id) => id?.startsWith('eu.'))).toBe(false);
  });
});

describe('endpoint and auth', () => {
  it('the SDK reaches the fake through AWS_ENDPOINT_URL_BEDROCK(_RUNTIME) with no endpoint option', async () => {
    const saved = {
      runtime: process.env['AWS_ENDPOINT_URL_BEDROCK_RUNTIME'],
      control: process.env['AWS_ENDPOINT_URL_BEDROCK'],
    };
    process.env['AWS_ENDPOINT_URL_BEDROCK_RUNTIME'] = fake.url;
    process.env['AWS_ENDPOINT_URL_BEDROCK'] = fake.url;
    try {
      const client = new BedrockRuntimeClient({ region: 'us-west-2', credentials });
      clients.push(client);
      const res = await client.send(new ConverseCommand(ask('Via env')));
      expect(res.output?.message?.content?.[0]?.text).toBe(`${DEFAULT_REPLY_PREFIX}Via env`);
      const control = new BedrockClient({ region: 'us-west-2', credentials });
      clients.push(control);
      const models = await control.send(new ListFoundationModelsCommand({}));
      expect(models.modelSummaries?.length).toBeGreaterThan(10);
      expect(fake.requests.map((r) => r.region)).toEqual(['us-west-2', 'us-west-2']);
    } finally {
      for (const [name, value] of [
        ['AWS_ENDPOINT_URL_BEDROCK_RUNTIME', saved.runtime],
        ['AWS_ENDPOINT_URL_BEDROCK', saved.control],
      ] as const) {
        if (value === undefined) delete process.env[name];
        else process.env[name] = value;
      }
    }
  });

  it('an unsigned request gets 403 MissingAuthenticationTokenException', async () => {
    const res = await fetch(`${fake.url}/model/${encodeURIComponent(NOVA_LITE)}/converse`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ messages: [{ role: 'user', content: [{ text: 'hi' }] }] }),
    });
    expect(res.status).toBe(403);
    expect(res.headers.get('x-amzn-errortype')).toMatch(/^MissingAuthenticationTokenException:/);
    expect(await res.json()).toEqual({ message: 'Missing Authentication Token' });
    expect(fake.requests[0]).toMatchObject({
      status: 403,
      errorName: 'MissingAuthenticationTokenException',
    });
    expect(fake.requests[0]?.accessKeyId).toBeUndefined();
  });

  it('a wrong secret fails signature verification', async () => {
    const client = runtime('h2', {
      maxAttempts: 1,
      credentials: { accessKeyId: ACCESS_KEY_ID, secretAccessKey: 'not-the-secret' },
    });
    const error = await caught(client.send(new ConverseCommand(ask('x'))));
    expect(error.name).toBe('InvalidSignatureException');
    expect(httpStatus(error)).toBe(403);
  });

  it('an unknown access key is refused', async () => {
    const client = runtime('h1', {
      maxAttempts: 1,
      credentials: { accessKeyId: 'AKIAOTHEROTHEROTHER1', secretAccessKey: SECRET },
    });
    const error = await caught(client.send(new ConverseCommand(ask('x'))));
    expect(error.name).toBe('UnrecognizedClientException');
  });
});

describe('lifecycle', () => {
  it('close() ends in-flight HTTP/2 streams promptly', async () => {
    const own = await startFakeBedrock({ deltaDelayMs: 200 });
    const client = new BedrockRuntimeClient({
      region: 'us-east-1',
      endpoint: own.url,
      credentials,
    });
    clients.push(client);
    const res = await client.send(new ConverseStreamCommand(ask('Take your time')));
    const reading = readStream(res.stream);
    const started = Date.now();
    await own.close();
    expect(Date.now() - started).toBeLessThan(500);
    const { error } = await reading;
    expect(error).toBeInstanceOf(Error);
  });
});
