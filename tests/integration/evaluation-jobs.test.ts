/**
 * Bedrock model evaluation jobs against the fake Bedrock, over the wire with the real
 * `@aws-sdk/client-bedrock`: create (202 with a job ARN), list, poll InProgress -> Completed, stop
 * (Stopping -> Stopped), the service model's validation (the contract's and the fake's, the
 * latter reached with the contract's check out of the way), conflicts and access denied with the
 * IAM actions named.
 */
import { mkdtemp } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { dispatchRequest } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore } from '../../electron/main/settings-store';
import { startEvaluationJob } from '../../electron/main/bedrock/evaluation-jobs';
import { BedrockClients } from '../../electron/main/bedrock/client';
import {
  buildJobRequest,
  type EvaluationJobDetail,
  type EvaluationJobRequest,
  type EvaluationJobSummary,
  type JobPlan,
} from '../../shared/eval-jobs';
import { ignoreCalls, type InvocationRecord } from '../../shared/invocations';
import type { AppError } from '../../shared/result';
import type { FakeBedrock } from '../fakes/bedrock';
import { checkCreateEvaluationJob } from '../fakes/bedrock-evaluation';
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
  const store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-jobs-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

let n = 0;
function plan(overrides: Partial<JobPlan> = {}): JobPlan {
  return {
    kind: 'automatic',
    jobName: `stratum-qa-${++n}`,
    taskType: 'QuestionAndAnswer',
    datasetName: 'stratum-qa',
    datasetS3Uri: 's3://stratum-eval/datasets/qa.jsonl',
    outputS3Uri: 's3://stratum-eval/output/',
    roleArn: 'arn:aws:iam::123456789012:role/BedrockEval',
    models: ['amazon.nova-lite-v1:0'],
    automaticMetrics: ['Builtin.Accuracy', 'Builtin.Robustness', 'Builtin.Toxicity'],
    judgeMetrics: ['correctness', 'helpfulness'],
    evaluatorModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
    maxTokens: 512,
    temperature: 0,
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

describe('evaluation jobs', () => {
  it('creates a job, lists it, polls it to Completed', async () => {
    const { jobArn } = await ok<{ jobArn: string }>('startEvaluationJob', {
      request: buildJobRequest(plan()),
    });
    expect(jobArn).toMatch(/^arn:aws:bedrock:us-east-1:\d{12}:evaluation-job\/[a-z0-9]{12}$/);
    const create = fake.requests.find((r) => r.operation === 'create-evaluation-job')!;
    expect(create.status).toBe(202);
    expect(create.body).toMatchObject({
      applicationType: 'ModelEvaluation',
      evaluationConfig: {
        automated: {
          datasetMetricConfigs: [
            {
              taskType: 'QuestionAndAnswer',
              metricNames: ['Builtin.Accuracy', 'Builtin.Robustness', 'Builtin.Toxicity'],
            },
          ],
        },
      },
    });
    const { jobs } = await ok<{ jobs: EvaluationJobSummary[] }>('listEvaluationJobs', undefined);
    expect(jobs[0]).toMatchObject({
      jobArn,
      status: 'InProgress',
      taskTypes: ['QuestionAndAnswer'],
    });
    const first = await ok<EvaluationJobDetail>('getEvaluationJob', { jobIdentifier: jobArn });
    expect(first.status).toBe('InProgress');
    const second = await ok<EvaluationJobDetail>('getEvaluationJob', { jobIdentifier: jobArn });
    expect(second).toMatchObject({ status: 'Completed', outputS3Uri: 's3://stratum-eval/output/' });

    // Each call is in the invocation log (oldest first here), with no cost: it invokes no model.
    const log = await ok<{ records: InvocationRecord[] }>('listInvocations', undefined);
    const calls = log.records.filter((r) => r.feature === 'evaluation').reverse();
    const jobId = `evaluation-job/${jobArn.split('/').pop()}`;
    expect(calls.map((r) => [r.operation, r.modelId, r.status, r.costUsd])).toEqual([
      ['CreateEvaluationJob', `evaluation-job/stratum-qa-${n}`, 'ok', null],
      ['ListEvaluationJobs', 'evaluation-jobs', 'ok', null],
      ['GetEvaluationJob', jobId, 'ok', null],
      ['GetEvaluationJob', jobId, 'ok', null],
    ]);
  });

  it('a judge job sends the evaluator model and the Builtin judge metrics', async () => {
    await ok('startEvaluationJob', { request: buildJobRequest(plan({ kind: 'judge' })) });
    const body = fake.requests.find((r) => r.operation === 'create-evaluation-job')!.body;
    expect(body).toMatchObject({
      evaluationConfig: {
        automated: {
          datasetMetricConfigs: [
            { taskType: 'General', metricNames: ['Builtin.Correctness', 'Builtin.Helpfulness'] },
          ],
          evaluatorModelConfig: {
            bedrockEvaluatorModels: [
              { modelIdentifier: 'anthropic.claude-3-5-sonnet-20240620-v1:0' },
            ],
          },
        },
      },
    });
  });

  it('stops a job: Stopping, then Stopped; stopping it again is a conflict', async () => {
    const { jobArn } = await ok<{ jobArn: string }>('startEvaluationJob', {
      request: buildJobRequest(plan()),
    });
    expect(await ok('stopEvaluationJob', { jobIdentifier: jobArn })).toEqual({ stopped: true });
    const after = await ok<EvaluationJobDetail>('getEvaluationJob', { jobIdentifier: jobArn });
    expect(after.status).toBe('Stopped');
    const again = await fails('stopEvaluationJob', { jobIdentifier: jobArn });
    expect(again.message).toMatch(/cannot be stopped/);
    const log = await ok<{ records: InvocationRecord[] }>('listInvocations', undefined);
    const stops = log.records.filter((r) => r.operation === 'StopEvaluationJob');
    // Newest first: the refused second stop, then the first.
    expect(stops.map((r) => [r.status, r.errorCode])).toEqual([
      ['error', again.code],
      ['ok', null],
    ]);
  });

  it('the contract refuses what the service model refuses', async () => {
    const bad = buildJobRequest(plan({ jobName: 'Has_Upper' }));
    expect((await fails('startEvaluationJob', { request: bad })).code).toBe('invalid_input');
    const badRole = buildJobRequest(plan({ roleArn: 'BedrockEval' }));
    expect((await fails('startEvaluationJob', { request: badRole })).code).toBe('invalid_input');
    expect(fake.requests.filter((r) => r.operation === 'create-evaluation-job')).toHaveLength(0);
  });

  it('the fake validates as the service model does (reached past the contract)', async () => {
    const clients = new BedrockClients();
    const caller = {
      client: clients.controlFor({ profile: null, region: 'us-east-1', endpoint: null }),
      target: { profile: null, region: 'us-east-1', endpoint: null },
      record: ignoreCalls,
      timeouts: clients.timeouts,
    };
    const send = (request: unknown) => startEvaluationJob(caller, request as EvaluationJobRequest);
    const base = buildJobRequest(plan());
    const s3 = { ...base, outputDataConfig: { s3Uri: 'https://bucket/out' } };
    await expect(send(s3)).rejects.toThrow(/outputDataConfig.s3Uri/);
    const metric = buildJobRequest(plan({ automaticMetrics: ['Builtin.Correctness'] }));
    await expect(send(metric)).rejects.toThrow(/not a built-in metric for an automatic/);
    const tooMany = buildJobRequest(
      plan({ models: ['amazon.nova-lite-v1:0', 'amazon.nova-micro-v1:0', 'amazon.nova-pro-v1:0'] }),
    );
    await expect(send(tooMany)).rejects.toThrow(/inferenceConfig.models/);
    expect(() => checkCreateEvaluationJob({ ...base, jobName: undefined })).toThrow(/jobName/);
    clients.reset();
  });

  it('a second job with the same name is a conflict', async () => {
    const request = buildJobRequest(plan({ jobName: 'same-name' }));
    await ok('startEvaluationJob', { request });
    const error = await fails('startEvaluationJob', { request });
    expect(error.message).toMatch(/already exists/);
  });

  it('access denied names the IAM actions the tab needs', async () => {
    fake.setBehavior({ kind: 'accessDenied' });
    const error = await fails('startEvaluationJob', { request: buildJobRequest(plan()) });
    expect(error.code).toBe('access_denied');
    expect(error.message).toMatch(/bedrock:CreateEvaluationJob/);
    expect(error.remedy).toMatch(/bedrock:GetEvaluationJob/);
    expect(error.remedy).toMatch(/iam:PassRole/);
  });

  it('an unknown job is not found', async () => {
    const error = await fails('getEvaluationJob', {
      jobIdentifier: 'arn:aws:bedrock:us-east-1:123456789012:evaluation-job/aaaaaaaaaaaa',
    });
    expect(error.message).toMatch(/not found/);
  });
});
