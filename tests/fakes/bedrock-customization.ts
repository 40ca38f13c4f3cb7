/**
 * Bedrock model customization jobs for the fake (control plane, rest-json):
 * CreateModelCustomizationJob (`POST /model-customization-jobs`, 201 `{jobArn}`),
 * GetModelCustomizationJob (`GET /model-customization-jobs/{jobIdentifier}`),
 * ListModelCustomizationJobs (`GET /model-customization-jobs?…`) and StopModelCustomizationJob
 * (`POST /model-customization-jobs/{jobIdentifier}/stop`, 200 `{}`).
 *
 * Requests are checked as the service model does (botocore bedrock 2023-04-20: required members,
 * lengths, patterns, enums, 0..10 validators, maxResults 1..1000) and as the service itself would
 * (approximated, messages are the fake's own): the base model must be one the fake offers for the
 * customization type, hyperparameters must be the model's and within its documented ranges (the
 * fake's own copy of the AWS "Custom model hyperparameters" tables, not the app's), the training,
 * validation and output buckets must exist in the fake S3 and the data files must be there, and
 * a role outside the fake account cannot be passed (AccessDeniedException naming iam:PassRole).
 *
 * A job moves one stage per GetModelCustomizationJob: validation, data processing, training, then
 * Completed, when it writes `step_wise_training_metrics.csv` and `validation_metrics.csv` under
 * `<output>/model-customization-job-<job id>/` in the fake S3 and reports trainingMetrics and
 * validationMetrics. A training file with a line that is not JSON fails at validation with a
 * failureMessage naming the line. Fault switches: `failNext(message)` (the next job fails during
 * training), `denyAccess()` (every operation 403). Stop: InProgress → Stopping → (next Get) Stopped.
 */
import { randomBytes } from 'node:crypto';
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import { decodePathPart, isRecord, type JsonObject } from './json.js';
import type { S3Store } from './s3.js';

const ACCOUNT_ID = '123456789012';
// The service model's pattern [a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])* accepts exactly these names; written
// this way it cannot backtrack for seconds on a run of hyphens.
const JOB_NAME = /^[a-zA-Z0-9][a-zA-Z0-9+\-.]*$/;
const MODEL_NAME = /^([0-9a-zA-Z][_-]?){1,63}$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const S3_URI =
  /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
const JOB_ARN =
  /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-customization-job\/[a-z0-9-]{1,63}[.][a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}\/[a-z0-9]{12}$/;
const TYPES = [
  'FINE_TUNING',
  'CONTINUED_PRE_TRAINING',
  'DISTILLATION',
  'REINFORCEMENT_FINE_TUNING',
  'IMPORTED',
];
const STATUSES = ['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped'];

type Range = [min: number, max: number, integer: boolean];
const NOVA: Record<string, Range> = {
  epochCount: [1, 5, true],
  learningRate: [1e-6, 1e-4, false],
  learningRateWarmupSteps: [0, 100, true],
};
const LLAMA: Record<string, Range> = {
  epochCount: [1, 10, true],
  batchSize: [1, 1, true],
  learningRate: [5e-6, 0.1, false],
};
/** Customizable base models (fine-tuning) and their hyperparameter ranges. */
const MODELS: Record<string, Record<string, Range>> = {
  'amazon.nova-micro-v1:0:128k': NOVA,
  'amazon.nova-lite-v1:0:300k': NOVA,
  'amazon.nova-pro-v1:0:300k': NOVA,
  'anthropic.claude-3-haiku-20240307-v1:0:200k': {
    epochCount: [1, 10, true],
    batchSize: [4, 256, true],
    learningRateMultiplier: [0.1, 2, false],
    earlyStoppingThreshold: [0, 0.1, false],
    earlyStoppingPatience: [1, 10, true],
  },
  'meta.llama3-1-8b-instruct-v1:0:128k': LLAMA,
  'meta.llama3-1-70b-instruct-v1:0:128k': LLAMA,
  'meta.llama3-2-1b-instruct-v1:0:128k': LLAMA,
  'meta.llama3-2-3b-instruct-v1:0:128k': LLAMA,
};

type Stage = 'InProgress' | 'Completed' | 'Stopping' | 'Stopped' | 'Failed' | 'NotStarted';
interface StageState {
  status: Stage;
  creationTime?: string;
  lastModifiedTime?: string;
}
interface Job {
  arn: string;
  name: string;
  region: string;
  status: 'InProgress' | 'Completed' | 'Failed' | 'Stopping' | 'Stopped';
  stages: [StageState, StageState, StageState];
  created: string;
  modified: string;
  ended?: string;
  failureMessage?: string;
  /** A failure planted by `failNext`, reported during training. */
  plantedFailure?: string;
  request: JsonObject;
  trainingLoss?: number;
  validationLoss?: number;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

function str(value: unknown, path: string, min: number, max: number, pattern?: RegExp): string {
  if (typeof value !== 'string') throw constraintError(path, value, 'Member must not be null');
  if (value.length < min || value.length > max) {
    throw constraintError(path, value, `Member must have length between ${min} and ${max}`);
  }
  if (pattern && !pattern.test(value)) {
    throw constraintError(
      path,
      value,
      `Member must satisfy regular expression pattern: ${pattern.source}`,
    );
  }
  return value;
}

function obj(value: unknown, path: string): JsonObject {
  if (!isRecord(value)) throw constraintError(path, value, 'Member must not be null');
  return value;
}

function checkHyperParameters(model: string, raw: unknown): void {
  if (raw === undefined) return;
  const params = obj(raw, 'hyperParameters');
  const ranges = MODELS[model] ?? {};
  for (const [key, value] of Object.entries(params)) {
    const range = ranges[key];
    if (!range) {
      throw validationError(
        `The hyperparameter ${key} is not supported for the base model ${model}.`,
      );
    }
    if (typeof value !== 'string')
      throw constraintError(`hyperParameters.${key}`, value, 'Member must be a string');
    const n = /^-?\d+(\.\d+)?([eE]-?\d+)?$/.test(value.trim()) ? Number(value) : Number.NaN;
    const [min, max, integer] = range;
    if (Number.isNaN(n) || (integer && !Number.isInteger(n))) {
      throw validationError(
        `The value ${value} of hyperparameter ${key} must be ${integer ? 'an integer' : 'a number'}.`,
      );
    }
    if (n < min || n > max) {
      throw validationError(
        `The value ${value} of hyperparameter ${key} is out of range: it must be between ${min} and ${max}.`,
      );
    }
  }
}

export class CustomizationJobs {
  private readonly jobs = new Map<string, Job>();
  private planted: string | null = null;
  private denied = false;

  constructor(private readonly s3: S3Store | null) {}

  /** Fault switch: the next job created fails during training with `message`. */
  failNext(message: string): void {
    this.planted = message;
  }

  /** Fault switch: every customization operation answers 403 AccessDeniedException. */
  denyAccess(deny = true): void {
    this.denied = deny;
  }

  reset(): void {
    this.planted = null;
    this.denied = false;
  }

  private guard(action: string): void {
    if (this.denied) {
      throw new BedrockError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/learner is not authorized to perform: bedrock:${action} because no identity-based policy allows the bedrock:${action} action`,
      );
    }
  }

  /** The service's own checks on S3 locations (the fake S3 is the only S3 there is). */
  private checkS3(uri: string, what: string, mustExist: boolean): void {
    if (!this.s3) return;
    const bucket = /^s3:\/\/([^/]+)/.exec(uri)?.[1] ?? '';
    if (!this.s3.bucket(bucket)) {
      throw validationError(
        `The ${what} S3 bucket ${bucket} does not exist or Bedrock cannot access it.`,
      );
    }
    if (mustExist && !this.s3.exists(uri)) {
      throw validationError(
        `The ${what} file ${uri} does not exist or Bedrock cannot access it. Check the S3 URI and the service role's s3:GetObject permission.`,
      );
    }
  }

  /** CreateModelCustomizationJob's request, checked (see the file comment). */
  check(body: unknown): JsonObject {
    const req = obj(body, 'createModelCustomizationJobRequest');
    str(req['jobName'], 'jobName', 1, 63, JOB_NAME);
    str(req['customModelName'], 'customModelName', 1, 63, MODEL_NAME);
    const role = str(req['roleArn'], 'roleArn', 0, 2048, ROLE_ARN);
    const model = str(req['baseModelIdentifier'], 'baseModelIdentifier', 1, 2048);
    const type = req['customizationType'] ?? 'FINE_TUNING';
    if (typeof type !== 'string' || !TYPES.includes(type)) {
      throw constraintError(
        'customizationType',
        type,
        `Member must satisfy enum value set: [${TYPES.join(', ')}]`,
      );
    }
    const training = obj(req['trainingDataConfig'], 'trainingDataConfig');
    const trainingUri = str(training['s3Uri'], 'trainingDataConfig.s3Uri', 1, 1024, S3_URI);
    const validators: string[] = [];
    if (req['validationDataConfig'] !== undefined) {
      const v = obj(req['validationDataConfig'], 'validationDataConfig')['validators'];
      if (!Array.isArray(v))
        throw constraintError('validationDataConfig.validators', v, 'Member must not be null');
      if (v.length > 10)
        throw constraintError(
          'validationDataConfig.validators',
          `[${v.length} items]`,
          'Member must have length less than or equal to 10',
        );
      v.forEach((item, i) =>
        validators.push(
          str(
            obj(item, `validationDataConfig.validators.${i + 1}`)['s3Uri'],
            `validationDataConfig.validators.${i + 1}.s3Uri`,
            1,
            1024,
            S3_URI,
          ),
        ),
      );
    }
    const output = str(
      obj(req['outputDataConfig'], 'outputDataConfig')['s3Uri'],
      'outputDataConfig.s3Uri',
      1,
      1024,
      S3_URI,
    );
    if (type !== 'FINE_TUNING' || !MODELS[model]) {
      throw validationError(
        `The base model ${model} does not support customization type ${type} in this Region, or is not a customizable model identifier.`,
      );
    }
    checkHyperParameters(model, req['hyperParameters']);
    if (!role.includes(`::${ACCOUNT_ID}:`)) {
      throw new BedrockError(
        'AccessDeniedException',
        `User: arn:aws:iam::${ACCOUNT_ID}:user/learner is not authorized to perform: iam:PassRole on resource: ${role}`,
      );
    }
    this.checkS3(trainingUri, 'training data', true);
    for (const v of validators) this.checkS3(v, 'validation data', true);
    this.checkS3(output, 'output', false);
    return req;
  }

  create(body: unknown, region: string): { jobArn: string } {
    this.guard('CreateModelCustomizationJob');
    const req = this.check(body);
    const name = req['jobName'] as string;
    for (const j of this.jobs.values()) {
      if (j.name === name && j.region === region) {
        throw new BedrockError(
          'ConflictException',
          `A model customization job named ${name} already exists.`,
        );
      }
    }
    const arn = `arn:aws:bedrock:${region}:${ACCOUNT_ID}:model-customization-job/${String(req['baseModelIdentifier'])}/${randomBytes(6).toString('hex')}`;
    const at = now();
    this.jobs.set(arn, {
      arn,
      name,
      region,
      status: 'InProgress',
      stages: [{ status: 'NotStarted' }, { status: 'NotStarted' }, { status: 'NotStarted' }],
      created: at,
      modified: at,
      request: req,
      ...(this.planted ? { plantedFailure: this.planted } : {}),
    });
    this.planted = null;
    return { jobArn: arn };
  }

  private find(identifier: string, region: string): Job {
    str(identifier, 'jobIdentifier', 0, 1011);
    if (!JOB_ARN.test(identifier) && !JOB_NAME.test(identifier)) {
      throw constraintError(
        'jobIdentifier',
        identifier,
        'Member must satisfy regular expression pattern',
      );
    }
    const job =
      this.jobs.get(identifier) ??
      [...this.jobs.values()].find((j) => j.name === identifier && j.region === region);
    if (!job || job.region !== region) {
      throw new BedrockError(
        'ResourceNotFoundException',
        `Model customization job ${identifier} was not found.`,
      );
    }
    return job;
  }

  /** One poll: the job moves a stage (see the file comment). */
  private advance(job: Job): void {
    const at = now();
    const stageAt = job.stages.findIndex(
      (s) => s.status === 'InProgress' || s.status === 'NotStarted',
    );
    if (job.status === 'Stopping') {
      const running = job.stages.find((s) => s.status === 'InProgress' || s.status === 'Stopping');
      if (running) Object.assign(running, { status: 'Stopped', lastModifiedTime: at });
      Object.assign(job, { status: 'Stopped', modified: at, ended: at });
      return;
    }
    if (job.status !== 'InProgress' || stageAt < 0) return;
    const current = job.stages[stageAt] as StageState;
    if (current.status === 'NotStarted') {
      Object.assign(current, { status: 'InProgress', creationTime: at, lastModifiedTime: at });
      job.modified = at;
      return;
    }
    const problem =
      stageAt === 0 ? this.datasetProblem(job) : stageAt === 2 ? job.plantedFailure : undefined;
    if (problem) {
      Object.assign(current, { status: 'Failed', lastModifiedTime: at });
      Object.assign(job, { status: 'Failed', failureMessage: problem, modified: at, ended: at });
      return;
    }
    Object.assign(current, { status: 'Completed', lastModifiedTime: at });
    const next = job.stages[stageAt + 1];
    if (next) Object.assign(next, { status: 'InProgress', creationTime: at, lastModifiedTime: at });
    else this.complete(job, at);
    job.modified = at;
  }

  /** The real service reads every line at validation; the fake checks each is a JSON object. */
  private datasetProblem(job: Job): string | undefined {
    const uri = (job.request['trainingDataConfig'] as JsonObject)['s3Uri'] as string;
    const m = /^s3:\/\/([^/]+)\/(.+)$/.exec(uri);
    const object = m && this.s3 ? this.s3.get(m[1] ?? '', m[2] ?? '') : undefined;
    if (!object) return undefined;
    const lines = object.body.toString('utf8').split('\n');
    for (let i = 0; i < lines.length; i++) {
      const line = (lines[i] ?? '').trim();
      if (!line) continue;
      try {
        if (!isRecord(JSON.parse(line))) throw new Error('not an object');
      } catch {
        return `Data validation failed: line ${i + 1} of ${uri} is not a valid JSON object. Fix the file and start a new job.`;
      }
    }
    return undefined;
  }

  private complete(job: Job, at: string): void {
    const req = job.request;
    const epochs = Number((req['hyperParameters'] as JsonObject | undefined)?.['epochCount'] ?? 2);
    const steps = Math.max(4, epochs * 6);
    const rows = ['step_number,epoch_number,training_loss,perplexity'];
    let loss = 0;
    for (let s = 0; s < steps; s++) {
      loss = 0.35 + 2.1 * Math.exp(-s / (steps / 3)) + 0.04 * Math.sin(s * 1.7);
      rows.push(
        `${s},${Math.floor((s * epochs) / steps)},${loss.toFixed(6)},${Math.exp(loss).toFixed(6)}`,
      );
    }
    const validation = ['step_number,epoch_number,validation_loss,perplexity'];
    let vLoss = 0;
    for (let e = 0; e < epochs; e++) {
      vLoss = 0.5 + 1.6 * Math.exp(-(e + 1) / Math.max(1, epochs / 2));
      validation.push(
        `${Math.round(((e + 1) * steps) / epochs) - 1},${e},${vLoss.toFixed(6)},${Math.exp(vLoss).toFixed(6)}`,
      );
    }
    const output = (req['outputDataConfig'] as JsonObject)['s3Uri'] as string;
    const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(output);
    const bucket = m?.[1] ?? '';
    const prefix = m?.[2] ? (m[2].endsWith('/') ? m[2] : `${m[2]}/`) : '';
    const base = `${prefix}model-customization-job-${job.arn.slice(job.arn.lastIndexOf('/') + 1)}/`;
    if (this.s3?.bucket(bucket)) {
      this.s3.put(
        bucket,
        `${base}training_artifacts/step_wise_training_metrics.csv`,
        Buffer.from(`${rows.join('\n')}\n`),
        'text/csv',
      );
      if (req['validationDataConfig'] !== undefined) {
        this.s3.put(
          bucket,
          `${base}validation_artifacts/post_fine_tuning_validation/validation_metrics.csv`,
          Buffer.from(`${validation.join('\n')}\n`),
          'text/csv',
        );
      }
    }
    Object.assign(job, {
      status: 'Completed',
      ended: at,
      trainingLoss: Number(loss.toFixed(6)),
      ...(req['validationDataConfig'] !== undefined
        ? { validationLoss: Number(vLoss.toFixed(6)) }
        : {}),
    });
  }

  get(identifier: string, region: string): JsonObject {
    this.guard('GetModelCustomizationJob');
    const job = this.find(identifier, region);
    this.advance(job);
    const r = job.request;
    const model = String(r['baseModelIdentifier']);
    const id = job.arn.slice(job.arn.lastIndexOf('/') + 1);
    const stage = (s: StageState) => ({ ...s });
    return {
      jobArn: job.arn,
      jobName: job.name,
      outputModelName: r['customModelName'],
      ...(job.status === 'Completed'
        ? { outputModelArn: `arn:aws:bedrock:${region}:${ACCOUNT_ID}:custom-model/${model}/${id}` }
        : {}),
      roleArn: r['roleArn'],
      status: job.status,
      statusDetails: {
        validationDetails: stage(job.stages[0]),
        dataProcessingDetails: stage(job.stages[1]),
        trainingDetails: stage(job.stages[2]),
      },
      ...(job.failureMessage ? { failureMessage: job.failureMessage } : {}),
      creationTime: job.created,
      lastModifiedTime: job.modified,
      ...(job.ended ? { endTime: job.ended } : {}),
      baseModelArn: `arn:aws:bedrock:${region}::foundation-model/${model}`,
      hyperParameters: r['hyperParameters'] ?? {},
      trainingDataConfig: r['trainingDataConfig'],
      validationDataConfig: r['validationDataConfig'] ?? { validators: [] },
      outputDataConfig: r['outputDataConfig'],
      customizationType: r['customizationType'] ?? 'FINE_TUNING',
      ...(job.trainingLoss !== undefined
        ? { trainingMetrics: { trainingLoss: job.trainingLoss } }
        : {}),
      ...(job.validationLoss !== undefined
        ? { validationMetrics: [{ validationLoss: job.validationLoss }] }
        : {}),
    };
  }

  /** ListModelCustomizationJobs with its query filters, checked like the service model. */
  list(region: string, query: URLSearchParams): JsonObject {
    this.guard('ListModelCustomizationJobs');
    const status = query.get('statusEquals');
    if (status !== null && !STATUSES.includes(status)) {
      throw constraintError(
        'statusEquals',
        status,
        `Member must satisfy enum value set: [${STATUSES.join(', ')}]`,
      );
    }
    const name = query.get('nameContains');
    if (name !== null) str(name, 'nameContains', 1, 63, JOB_NAME);
    const max = query.get('maxResults');
    const maxResults = max === null ? 1000 : Number(max);
    if (!Number.isInteger(maxResults) || maxResults < 1 || maxResults > 1000) {
      throw constraintError('maxResults', max, 'Member must have value between 1 and 1000');
    }
    const after = query.get('creationTimeAfter');
    const before = query.get('creationTimeBefore');
    const order = query.get('sortOrder') ?? 'Descending';
    if (order !== 'Ascending' && order !== 'Descending') {
      throw constraintError(
        'sortOrder',
        order,
        'Member must satisfy enum value set: [Ascending, Descending]',
      );
    }
    const sortBy = query.get('sortBy');
    if (sortBy !== null && sortBy !== 'CreationTime') {
      throw constraintError('sortBy', sortBy, 'Member must satisfy enum value set: [CreationTime]');
    }
    let jobs = [...this.jobs.values()].filter(
      (j) =>
        j.region === region &&
        (status === null || j.status === status) &&
        (name === null || j.name.includes(name)) &&
        (after === null || j.created > after.replace(/\.\d{3}Z$/, 'Z')) &&
        (before === null || j.created < before.replace(/\.\d{3}Z$/, 'Z')),
    );
    if (order === 'Descending') jobs = jobs.reverse();
    const start = Number(query.get('nextToken') ?? 0) || 0;
    const page = jobs.slice(start, start + maxResults);
    return {
      modelCustomizationJobSummaries: page.map((j) => ({
        jobArn: j.arn,
        baseModelArn: `arn:aws:bedrock:${region}::foundation-model/${String(j.request['baseModelIdentifier'])}`,
        jobName: j.name,
        status: j.status,
        statusDetails: {
          validationDetails: { ...j.stages[0] },
          dataProcessingDetails: { ...j.stages[1] },
          trainingDetails: { ...j.stages[2] },
        },
        lastModifiedTime: j.modified,
        creationTime: j.created,
        ...(j.ended ? { endTime: j.ended } : {}),
        customModelName: j.request['customModelName'],
        customizationType: j.request['customizationType'] ?? 'FINE_TUNING',
      })),
      ...(start + maxResults < jobs.length ? { nextToken: String(start + maxResults) } : {}),
    };
  }

  stop(identifier: string, region: string): JsonObject {
    this.guard('StopModelCustomizationJob');
    const job = this.find(identifier, region);
    if (job.status !== 'InProgress') {
      throw new BedrockError(
        'ConflictException',
        `Model customization job ${job.name} is ${job.status} and cannot be stopped.`,
      );
    }
    job.status = 'Stopping';
    job.modified = now();
    const running = job.stages.find((s) => s.status === 'InProgress');
    if (running) running.status = 'Stopping';
    return {};
  }
}

export type CustomizationOperation =
  | 'create-customization-job'
  | 'list-customization-jobs'
  | 'get-customization-job'
  | 'stop-customization-job';

/** The route of a customization-job request, or null when the path is not one. */
export function customizationRoute(
  method: string,
  path: string,
): { operation: CustomizationOperation; resourceId?: string } | null {
  if (path === '/model-customization-jobs') {
    if (method === 'POST') return { operation: 'create-customization-job' };
    if (method === 'GET') return { operation: 'list-customization-jobs' };
  }
  const get = /^\/model-customization-jobs\/([^/]+)$/.exec(path);
  if (get && method === 'GET') {
    return { operation: 'get-customization-job', resourceId: decodePathPart(get[1] ?? '') };
  }
  const stop = /^\/model-customization-jobs\/([^/]+)\/stop$/.exec(path);
  if (stop && method === 'POST') {
    return { operation: 'stop-customization-job', resourceId: decodePathPart(stop[1] ?? '') };
  }
  return null;
}

/** Answers one customization-job operation: `[status, body]`. */
export function customizationAnswer(
  jobs: CustomizationJobs,
  operation: CustomizationOperation,
  id: string,
  body: () => unknown,
  region: string,
  query: URLSearchParams,
): [number, JsonObject] {
  switch (operation) {
    case 'create-customization-job':
      return [201, jobs.create(body(), region)];
    case 'list-customization-jobs':
      return [200, jobs.list(region, query)];
    case 'get-customization-job':
      return [200, jobs.get(id, region)];
    case 'stop-customization-job':
      return [200, jobs.stop(id, region)];
  }
}
