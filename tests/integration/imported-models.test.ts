/**
 * The token lab's imported models against the fake Bedrock, over the wire with the real SDK
 * clients: ListImportedModels (control plane), InvokeModel on the imported model's ARN with the
 * chat-format body and log probabilities, the call in the invocation log, a malformed answer,
 * access denied with the IAM action named, and the fake refusing a body the service would not take.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { BedrockRuntimeClient, InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import type {
  ImportedLogprobsOutput,
  ListImportedModelsOutput,
} from '../../shared/imported-models-contract';
import type { InvocationRecord } from '../../shared/invocations';
import type { AppError } from '../../shared/result';
import { importedModelArn } from '../fakes/bedrock-imported-models';
import type { FakeBedrock } from '../fakes/bedrock';
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
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-imported-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

async function ok<T>(name: string, input: unknown): Promise<T> {
  const r = await dispatchRequest(backend.requests, name, input);
  if (!r.ok) throw new Error(`${name} failed: ${r.error.code} ${r.error.message}`);
  return r.value as T;
}
async function fails(name: string, input: unknown): Promise<AppError> {
  const r = await dispatchRequest(backend.requests, name, input);
  if (r.ok) throw new Error(`${name} should have failed`);
  return r.error;
}

const ARN = importedModelArn('us-east-1', 'k3v9x2m8q4tz');
const run = (patch: object = {}) => ({
  modelArn: ARN,
  prompt: 'How is the rainbow formed?',
  maxTokens: 40,
  temperature: 0.5,
  topLogprobs: 3,
  ...patch,
});

describe('listing imported models', () => {
  it('lists the account’s imported models in the Settings region', async () => {
    const list = await ok<ListImportedModelsOutput>('listImportedModels', undefined);
    expect(list.region).toBe('us-east-1');
    expect(list.models).toEqual([
      {
        arn: ARN,
        name: 'stratum-llama-3-2-1b-tutor',
        createdAt: '2025-12-01T09:30:00.000Z',
        instructSupported: true,
        architecture: 'llama',
      },
    ]);
    const sent = fake.requests.find((r) => r.operation === 'list-imported-models');
    expect(sent?.path).toMatch(/maxResults=100/);
    expect(sent?.path).toMatch(/sortBy=CreationTime/);
    // In the invocation log as a control-plane call: no model, so no price.
    const log = await ok<{ records: InvocationRecord[] }>('listInvocations', undefined);
    const row = log.records.find((r) => r.operation === 'ListImportedModels');
    expect(row?.feature).toBe('token-lab');
    expect(row?.costUsd).toBeNull();
  });

  it('is empty when the account has none', async () => {
    fake.importedModelStore.set([]);
    expect((await ok<ListImportedModelsOutput>('listImportedModels', undefined)).models).toEqual(
      [],
    );
  });

  it('names the IAM action when access is denied', async () => {
    fake.importedModelStore.denyAccess(true);
    const error = await fails('listImportedModels', undefined);
    expect(error.code).toBe('access_denied');
    expect(error.remedy).toMatch(/bedrock:ListImportedModels/);
    expect(error.remedy).toMatch(/bedrock:InvokeModel/);
  });
});

describe('invoking an imported model with log probabilities', () => {
  it('sends the chat body and reads every token with its probability', async () => {
    const out = await ok<ImportedLogprobsOutput>('invokeImportedLogprobs', run());
    const sent = fake.modelCalls().at(-1);
    expect(sent?.modelId).toBe(ARN);
    expect(sent?.body).toEqual({
      messages: [{ role: 'user', content: 'How is the rainbow formed?' }],
      max_tokens: 40,
      temperature: 0.5,
      logprobs: true,
      top_logprobs: 3,
    });
    expect(out.tokens.length).toBeGreaterThan(5);
    expect(out.text).toBe(out.tokens.map((t) => t.token).join(''));
    for (const t of out.tokens) {
      expect(t.probability).toBeCloseTo(Math.exp(t.logprob), 12);
      expect(t.alternatives.length).toBeGreaterThan(0);
      expect(t.alternatives.length).toBeLessThanOrEqual(3);
    }
    expect(out.hasAlternatives).toBe(true);
    expect(out.outputTokens).toBe(out.tokens.length);
    const again = await ok<ImportedLogprobsOutput>('invokeImportedLogprobs', run());
    expect(again.tokens).toEqual(out.tokens);
  });

  it('stops at max tokens and says so', async () => {
    const out = await ok<ImportedLogprobsOutput>('invokeImportedLogprobs', run({ maxTokens: 3 }));
    expect(out.tokens).toHaveLength(3);
    expect(out.finishReason).toBe('length');
  });

  it('asks for no alternatives when top alternatives is 0', async () => {
    const out = await ok<ImportedLogprobsOutput>('invokeImportedLogprobs', run({ topLogprobs: 0 }));
    expect(fake.modelCalls().at(-1)?.body).not.toHaveProperty('top_logprobs');
    expect(out.hasAlternatives).toBe(false);
  });

  it('records the call in the invocation log with unknown cost', async () => {
    await ok('invokeImportedLogprobs', run());
    const log = await ok<{ records: InvocationRecord[] }>('listInvocations', undefined);
    const row = log.records.find((r) => r.modelId === ARN);
    expect(row).toMatchObject({
      feature: 'token-lab',
      operation: 'InvokeModel',
      status: 'ok',
      costUsd: null,
    });
    expect(row?.outputTokens).toBeGreaterThan(0);
  });

  it('reports a malformed answer as a model error that names the field', async () => {
    fake.setBehavior({ kind: 'malformed' });
    const error = await fails('invokeImportedLogprobs', run());
    expect(error.code).toBe('model_error');
    expect(error.message).toMatch(/not in the expected shape/);
    expect(error.message).toMatch(/logprob/);
    expect(error.remedy).toMatch(/imported after 2025-11-11/);
    const log = await ok<{ records: InvocationRecord[] }>('listInvocations', undefined);
    expect(log.records.find((r) => r.modelId === ARN)?.errorCode).toBe('model_error');
  });

  it('maps throttling and access denied with the actions named', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const denied = await fails('invokeImportedLogprobs', run());
    expect(denied.code).toBe('access_denied');
    fake.setBehavior({ kind: 'throttle' });
    expect((await fails('invokeImportedLogprobs', run())).code).toBe('throttled');
  });

  it('refuses an unknown imported model', async () => {
    const error = await fails(
      'invokeImportedLogprobs',
      run({ modelArn: importedModelArn('us-east-1', 'nosuchmodel1') }),
    );
    expect(error.code).toBe('model_not_found');
  });
});

describe('the fake is as strict as the documented body', () => {
  const send = (body: object) =>
    new BedrockRuntimeClient({ region: 'us-east-1', maxAttempts: 1 }).send(
      new InvokeModelCommand({ modelId: ARN, body: JSON.stringify(body) }),
    );
  const messages = [{ role: 'user', content: 'Hi' }];

  it('refuses top_logprobs without logprobs, unknown keys and the native body', async () => {
    await expect(send({ messages, top_logprobs: 2 })).rejects.toThrow(/logprobs. must be set/);
    await expect(send({ messages, logprobs: true, return_logprobs: true })).rejects.toThrow(
      /BedrockCompletion/,
    );
    await expect(send({ messages, logprobs: true, seed_words: 1 })).rejects.toThrow(
      /extraneous key \[seed_words\]/,
    );
    await expect(send({ messages: [], logprobs: true })).rejects.toThrow(/#\/messages/);
  });
});
