/**
 * The customization lab's real job over the wire, with the real `@aws-sdk/client-s3` and
 * `@aws-sdk/client-bedrock` against the fake S3 (path-style, AWS_ENDPOINT_URL_S3) and the fake
 * Bedrock: upload the dataset files, create a job (201), list it, poll it through its stages to
 * Completed, read the loss metrics it wrote to S3, stop a job, S3 access denied, a job that fails
 * in Bedrock, the service's own refusals, and the invocation log.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import {
  buildCustomizationJobRequest,
  type CustomizationJobDetail,
  type CustomizationJobSummary,
  type JobMetrics,
  type JobPlan,
} from '../../shared/customization-jobs-contract';
import type { AppError } from '../../shared/result';
import { BedrockClient, CreateModelCustomizationJobCommand } from '@aws-sdk/client-bedrock';
import { FAKE_BUCKET, startFakeAws, type FakeAws } from '../support/app';

let aws: FakeAws;
let backend: AppBackend;

beforeAll(async () => {
  aws = await startFakeAws();
});
afterAll(() => aws.close());
beforeEach(async () => {
  aws.fake.reset();
  aws.s3.store.reset();
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-cj-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

const RECORD = JSON.stringify({
  schemaVersion: 'bedrock-conversation-2024',
  messages: [
    { role: 'user', content: [{ text: 'What is RAG?' }] },
    { role: 'assistant', content: [{ text: 'Retrieval-augmented generation.' }] },
  ],
});

let n = 0;
function plan(overrides: Partial<JobPlan> = {}): JobPlan {
  return {
    bucket: FAKE_BUCKET,
    prefix: 'stratum/run-1',
    roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomization',
    jobName: `stratum-ft-${++n}`,
    customModelName: `stratum-nova-${n}`,
    baseModelIdentifier: 'amazon.nova-micro-v1:0:128k',
    customizationType: 'FINE_TUNING',
    hyperParameters: { epochCount: '2', learningRate: '0.00001', learningRateWarmupSteps: '10' },
    hasValidation: true,
    ...overrides,
  };
}

async function ok<T>(name: string, input: unknown): Promise<T> {
  const result = await dispatchRequest(backend.requests, name, input);
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
  return result.value as T;
}
async function fails(name: string, input: unknown): Promise<AppError> {
  const result = await dispatchRequest(backend.requests, name, input);
  if (result.ok) throw new Error(`${name} succeeded`);
  return result.error;
}

async function upload(prefix = 'stratum/run-1', train = `${RECORD}\n${RECORD}`) {
  await ok('uploadCustomizationFile', { bucket: FAKE_BUCKET, prefix, file: 'train', jsonl: train });
  await ok('uploadCustomizationFile', {
    bucket: FAKE_BUCKET,
    prefix,
    file: 'validation',
    jsonl: RECORD,
  });
}

const get = (jobArn: string) =>
  ok<CustomizationJobDetail>('getCustomizationJob', { jobIdentifier: jobArn });

describe('the customization job, over the wire', () => {
  it('uploads, creates, polls to Completed and reads the loss metrics; every call is logged', async () => {
    const up = await ok<{ s3Uri: string; bytes: number; etag: string }>('uploadCustomizationFile', {
      bucket: FAKE_BUCKET,
      prefix: 'stratum/run-1',
      file: 'train',
      jsonl: RECORD,
    });
    expect(up.s3Uri).toBe(`s3://${FAKE_BUCKET}/stratum/run-1/train.jsonl`);
    expect(up.etag).toMatch(/^"[0-9a-f]{32}"$/);
    const stored = aws.s3.store.get(FAKE_BUCKET, 'stratum/run-1/train.jsonl')!;
    expect(stored.body.toString()).toBe(`${RECORD}\n`);
    expect(up.bytes).toBe(stored.body.length);
    expect(aws.s3.requests.at(-1)).toMatchObject({ method: 'PUT', status: 200 });
    await ok('uploadCustomizationFile', {
      bucket: FAKE_BUCKET,
      prefix: 'stratum/run-1',
      file: 'validation',
      jsonl: RECORD,
    });

    const { jobArn } = await ok<{ jobArn: string }>('startCustomizationJob', {
      request: buildCustomizationJobRequest(plan()),
    });
    expect(jobArn).toMatch(
      /^arn:aws:bedrock:us-east-1:123456789012:model-customization-job\/amazon\.nova-micro-v1:0:128k\/[a-z0-9]{12}$/,
    );
    const create = aws.fake.requests.find((r) => r.operation === 'create-customization-job')!;
    expect(create.status).toBe(201);
    expect(create.body).toMatchObject({
      trainingDataConfig: { s3Uri: `s3://${FAKE_BUCKET}/stratum/run-1/train.jsonl` },
      validationDataConfig: {
        validators: [{ s3Uri: `s3://${FAKE_BUCKET}/stratum/run-1/validation.jsonl` }],
      },
      outputDataConfig: { s3Uri: `s3://${FAKE_BUCKET}/stratum/run-1/output/` },
      hyperParameters: { epochCount: '2', learningRate: '0.00001' },
    });

    const { jobs } = await ok<{ jobs: CustomizationJobSummary[] }>('listCustomizationJobs', {});
    expect(jobs[0]).toMatchObject({
      jobArn,
      status: 'InProgress',
      customModelName: `stratum-nova-${n}`,
    });
    const filtered = await ok<{ jobs: CustomizationJobSummary[] }>('listCustomizationJobs', {
      statusEquals: 'Completed',
    });
    expect(filtered.jobs).toEqual([]);

    const seen: string[] = [];
    let detail = await get(jobArn);
    while (detail.status === 'InProgress') {
      seen.push(
        `${detail.stages.validation}/${detail.stages.dataProcessing}/${detail.stages.training}`,
      );
      detail = await get(jobArn);
    }
    expect(seen).toEqual([
      'InProgress/NotStarted/NotStarted',
      'Completed/InProgress/NotStarted',
      'Completed/Completed/InProgress',
    ]);
    expect(detail).toMatchObject({ status: 'Completed', failureMessage: null });
    expect(detail.trainingLoss).toBeGreaterThan(0);
    expect(detail.validationLoss).toBeGreaterThan(0);
    expect(detail.outputModelArn).toMatch(/:custom-model\//);

    const metrics = await ok<JobMetrics>('readCustomizationMetrics', {
      jobIdentifier: jobArn,
      outputS3Uri: detail.outputS3Uri,
    });
    expect(metrics.notes).toEqual([]);
    expect(metrics.training.length).toBeGreaterThan(3);
    expect(metrics.training[0]!.step).toBe(0);
    expect(metrics.training.at(-1)!.loss).toBeLessThan(metrics.training[0]!.loss);
    expect(metrics.validation).toHaveLength(2);
    expect(metrics.trainingKey).toContain(`model-customization-job-${jobArn.split('/').pop()}/`);

    const records = (await backend.log.list({})).records.filter(
      (r) => r.feature === 'customization',
    );
    const ops = records.map((r) => r.operation);
    for (const op of [
      'PutObject',
      'CreateModelCustomizationJob',
      'ListModelCustomizationJobs',
      'GetModelCustomizationJob',
      'GetObject',
    ]) {
      expect(ops).toContain(op);
    }
    expect(records.every((r) => r.status === 'ok')).toBe(true);
  });

  it('a metrics file not written yet is a note, not an error', async () => {
    await upload();
    const { jobArn } = await ok<{ jobArn: string }>('startCustomizationJob', {
      request: buildCustomizationJobRequest(plan()),
    });
    const metrics = await ok<JobMetrics>('readCustomizationMetrics', {
      jobIdentifier: jobArn,
      outputS3Uri: `s3://${FAKE_BUCKET}/stratum/run-1/output/`,
    });
    expect(metrics.training).toEqual([]);
    expect(metrics.notes[0]).toMatch(/^No training metrics file at s3:\/\//);
  });

  it('stops a job: Stopping, then Stopped; stopping it again is refused', async () => {
    await upload();
    const { jobArn } = await ok<{ jobArn: string }>('startCustomizationJob', {
      request: buildCustomizationJobRequest(plan()),
    });
    await get(jobArn);
    expect(await ok('stopCustomizationJob', { jobIdentifier: jobArn })).toEqual({ stopped: true });
    const stopped = await get(jobArn);
    expect(stopped.status).toBe('Stopped');
    expect(stopped.stages.validation).toBe('Stopped');
    const again = await fails('stopCustomizationJob', { jobIdentifier: jobArn });
    expect(again.message).toMatch(/Stopped and cannot be stopped/);
    expect(again.remedy).toMatch(/no longer running/);
  });

  it('S3 access denied names the bucket policy and s3:PutObject', async () => {
    aws.s3.store.denyAccess(FAKE_BUCKET);
    const error = await fails('uploadCustomizationFile', {
      bucket: FAKE_BUCKET,
      prefix: 'x',
      file: 'train',
      jsonl: RECORD,
    });
    expect(error.code).toBe('access_denied');
    expect(error.message).toContain(`s3://${FAKE_BUCKET}/x/train.jsonl`);
    expect(error.remedy).toMatch(/s3:PutObject/);
    expect(error.remedy).toMatch(/bucket policy/);
    const logged = (await backend.log.list({})).records.find((r) => r.operation === 'PutObject');
    expect(logged).toMatchObject({ status: 'error', errorCode: 'access_denied' });
  });

  it('a bucket that does not exist says so', async () => {
    const error = await fails('uploadCustomizationFile', {
      bucket: 'no-such-bucket-here',
      prefix: '',
      file: 'train',
      jsonl: RECORD,
    });
    expect(error.message).toMatch(/"no-such-bucket-here" does not exist/);
  });

  it('a job that fails in Bedrock shows its failure message', async () => {
    await upload();
    aws.fake.customizationJobs.failNext('Training failed: the fake ran out of GPUs.');
    const { jobArn } = await ok<{ jobArn: string }>('startCustomizationJob', {
      request: buildCustomizationJobRequest(plan()),
    });
    let detail = await get(jobArn);
    while (detail.status === 'InProgress') detail = await get(jobArn);
    expect(detail).toMatchObject({
      status: 'Failed',
      failureMessage: 'Training failed: the fake ran out of GPUs.',
    });
    expect(detail.stages.training).toBe('Failed');
  });

  it('a training file with a line that is not JSON fails at validation, naming the line', async () => {
    await upload('bad', `${RECORD}\nnot json\n`);
    const { jobArn } = await ok<{ jobArn: string }>('startCustomizationJob', {
      request: buildCustomizationJobRequest(plan({ prefix: 'bad' })),
    });
    let detail = await get(jobArn);
    while (detail.status === 'InProgress') detail = await get(jobArn);
    expect(detail.stages.validation).toBe('Failed');
    expect(detail.failureMessage).toMatch(/line 2 of s3:\/\/.*bad\/train\.jsonl/);
  });

  it('a role the learner cannot pass names iam:PassRole', async () => {
    await upload();
    const error = await fails('startCustomizationJob', {
      request: buildCustomizationJobRequest(
        plan({ roleArn: 'arn:aws:iam::999999999999:role/SomeoneElses' }),
      ),
    });
    expect(error.code).toBe('access_denied');
    expect(error.remedy).toMatch(/iam:PassRole/);
  });

  it('the service refuses training data that is not in S3', async () => {
    const error = await fails('startCustomizationJob', {
      request: buildCustomizationJobRequest(plan({ prefix: 'never-uploaded' })),
    });
    expect(error.code).toBe('validation');
    expect(error.message).toMatch(/never-uploaded\/train\.jsonl does not exist/);
  });

  it('control-plane access denied names the IAM actions', async () => {
    aws.fake.customizationJobs.denyAccess();
    const error = await fails('listCustomizationJobs', {});
    expect(error.code).toBe('access_denied');
    expect(error.remedy).toMatch(/bedrock:ListModelCustomizationJobs/);
  });

  it('the contract refuses an out-of-range hyperparameter before anything is sent', async () => {
    const request = buildCustomizationJobRequest(
      plan({ hyperParameters: { epochCount: '9', learningRate: '0.00001' } }),
    );
    const error = await fails('startCustomizationJob', { request });
    expect(error.code).toBe('invalid_input');
    expect(aws.fake.requests.some((r) => r.operation === 'create-customization-job')).toBe(false);
  });

  describe('the fake refuses what the service would, with the contract out of the way', () => {
    const direct = (patch: Record<string, unknown>) => {
      const client = new BedrockClient({ region: 'us-east-1', endpoint: aws.fake.url });
      const input = { ...buildCustomizationJobRequest(plan()), ...patch };
      return client
        .send(new CreateModelCustomizationJobCommand(input as never))
        .then(
          () => 'accepted',
          (e: Error) => `${e.name}: ${e.message}`,
        )
        .finally(() => client.destroy());
    };
    it.each([
      [
        'a job name with a space',
        { jobName: 'bad name' },
        /^ValidationException: .*'jobName' failed to satisfy constraint: Member must satisfy regular expression pattern/,
      ],
      [
        'an unknown hyperparameter',
        { hyperParameters: { batchSize: '8' } },
        /^ValidationException: The hyperparameter batchSize is not supported for the base model amazon\.nova-micro-v1:0:128k\./,
      ],
      [
        'an out-of-range value',
        { hyperParameters: { epochCount: '9' } },
        /^ValidationException: The value 9 of hyperparameter epochCount is out of range: it must be between 1 and 5\./,
      ],
      [
        'training data not in S3',
        { trainingDataConfig: { s3Uri: `s3://${FAKE_BUCKET}/missing/train.jsonl` } },
        /^ValidationException: The training data file s3:\/\/.*missing\/train\.jsonl does not exist/,
      ],
      [
        'an output bucket that does not exist',
        { outputDataConfig: { s3Uri: 's3://no-such-bucket-x/out/' } },
        /^ValidationException: The output S3 bucket no-such-bucket-x does not exist/,
      ],
      [
        'a base model that is not customizable',
        { baseModelIdentifier: 'amazon.nova-micro-v1:0' },
        /^ValidationException: The base model amazon\.nova-micro-v1:0 does not support customization type FINE_TUNING/,
      ],
      [
        'an unknown customization type',
        { customizationType: 'MAGIC' },
        /^ValidationException: .*'customizationType' failed to satisfy constraint: Member must satisfy enum value set/,
      ],
    ])('refuses %s', async (_name, patch, message) => {
      await upload();
      expect(await direct(patch)).toMatch(message);
    });
  });
});
