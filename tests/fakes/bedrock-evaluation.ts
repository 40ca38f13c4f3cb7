/**
 * Bedrock model evaluation jobs for the fake (control plane, rest-json): CreateEvaluationJob
 * (`POST /evaluation-jobs`, 202), GetEvaluationJob (`GET /evaluation-jobs/{id}`),
 * ListEvaluationJobs (`GET /evaluation-jobs`) and StopEvaluationJob
 * (`POST /evaluation-job/{id}/stop`, singular).
 *
 * Requests are checked as the service model does (botocore bedrock 2023-04-20 service-2.json:
 * required members, lengths, patterns, enums, list sizes); the service's own semantic checks are
 * approximated: `evaluatorModelConfig` only with judge metrics, judge metrics only with it. A job
 * is InProgress for `pollsToComplete` GetEvaluationJob calls (default 2), then Completed; Stop moves
 * an InProgress job to Stopping, then (next Get) Stopped. Jobs live in the caller's region.
 */
import { randomBytes } from 'node:crypto';
import { BedrockError, constraintError, validationError } from './bedrock-errors.js';
import { decodePathPart, isRecord, type JsonObject } from './json.js';

const ACCOUNT_ID = '123456789012';
const JOB_NAME = /^[a-z0-9](-*[a-z0-9]){0,62}$/;
const ROLE_ARN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
const S3_URI =
  /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
const NAME = /^[0-9a-zA-Z-_.]+$/;
const TASK_TYPE = /^[A-Za-z0-9]+$/;
const JOB_ARN = /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:evaluation-job\/[a-z0-9]{12}$/;
const MODEL_ID =
  /^(([a-z]{2,7}\.)?[a-z0-9-]{1,63}\.[a-z0-9-]{1,63}([.:]?[a-z0-9-]{1,63})*)$|^arn:aws/;
const JUDGE_METRICS = new Set([
  'Builtin.Correctness',
  'Builtin.Completeness',
  'Builtin.Faithfulness',
  'Builtin.Helpfulness',
  'Builtin.Coherence',
  'Builtin.Relevance',
  'Builtin.FollowingInstructions',
  'Builtin.ProfessionalStyleAndTone',
  'Builtin.Harmfulness',
  'Builtin.Stereotyping',
  'Builtin.Refusal',
]);
const AUTOMATIC_METRICS = new Set(['Builtin.Accuracy', 'Builtin.Robustness', 'Builtin.Toxicity']);

interface Job {
  arn: string;
  name: string;
  region: string;
  status: 'InProgress' | 'Completed' | 'Stopping' | 'Stopped';
  polls: number;
  created: string;
  modified: string;
  request: JsonObject;
}

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

function list(value: unknown, path: string, min: number, max: number): unknown[] {
  if (!Array.isArray(value)) throw constraintError(path, value, 'Member must not be null');
  if (value.length < min || value.length > max) {
    throw constraintError(
      path,
      `[${value.length} items]`,
      `Member must have length between ${min} and ${max}`,
    );
  }
  return value;
}

function obj(value: unknown, path: string): JsonObject {
  if (!isRecord(value)) throw constraintError(path, value, 'Member must not be null');
  return value;
}

/** Checks `automated`; returns whether it is a judge job. */
function checkAutomated(automated: JsonObject): boolean {
  const base = 'evaluationConfig.automated';
  const configs = list(automated['datasetMetricConfigs'], `${base}.datasetMetricConfigs`, 1, 5);
  const judge = automated['evaluatorModelConfig'] !== undefined;
  configs.forEach((raw, i) => {
    const p = `${base}.datasetMetricConfigs.${i + 1}`;
    const c = obj(raw, p);
    str(c['taskType'], `${p}.taskType`, 1, 63, TASK_TYPE);
    const dataset = obj(c['dataset'], `${p}.dataset`);
    const name = str(dataset['name'], `${p}.dataset.name`, 1, 63, NAME);
    if (!name.startsWith('Builtin.')) {
      const location = obj(dataset['datasetLocation'], `${p}.dataset.datasetLocation`);
      str(location['s3Uri'], `${p}.dataset.datasetLocation.s3Uri`, 1, 1024, S3_URI);
    }
    const metrics = list(c['metricNames'], `${p}.metricNames`, 1, 25);
    metrics.forEach((m, j) => {
      const metric = str(m, `${p}.metricNames.${j + 1}`, 1, 63, NAME);
      const known = judge ? JUDGE_METRICS.has(metric) : AUTOMATIC_METRICS.has(metric);
      if (!known) {
        throw validationError(
          judge
            ? `The metric ${metric} is not a built-in metric for a model-as-a-judge evaluation job.`
            : `The metric ${metric} is not a built-in metric for an automatic evaluation job.`,
        );
      }
    });
  });
  if (judge) {
    const config = obj(automated['evaluatorModelConfig'], `${base}.evaluatorModelConfig`);
    const models = list(
      config['bedrockEvaluatorModels'],
      `${base}.evaluatorModelConfig.bedrockEvaluatorModels`,
      1,
      1,
    );
    const m = obj(models[0], `${base}.evaluatorModelConfig.bedrockEvaluatorModels.1`);
    str(
      m['modelIdentifier'],
      `${base}.evaluatorModelConfig.bedrockEvaluatorModels.1.modelIdentifier`,
      1,
      2048,
      MODEL_ID,
    );
  }
  return judge;
}

/** CreateEvaluationJob's request, checked as the service model does (see the file comment). */
export function checkCreateEvaluationJob(body: unknown): JsonObject {
  const req = obj(body, 'createEvaluationJobRequest');
  str(req['jobName'], 'jobName', 1, 63, JOB_NAME);
  if (req['jobDescription'] !== undefined) str(req['jobDescription'], 'jobDescription', 1, 200);
  str(req['roleArn'], 'roleArn', 0, 2048, ROLE_ARN);
  const app = req['applicationType'];
  if (app !== undefined && app !== 'ModelEvaluation' && app !== 'RagEvaluation') {
    throw constraintError(
      'applicationType',
      app,
      'Member must satisfy enum value set: [ModelEvaluation, RagEvaluation]',
    );
  }
  const config = obj(req['evaluationConfig'], 'evaluationConfig');
  if (config['human'] !== undefined) {
    throw validationError('The fake Bedrock does not implement human evaluation jobs.');
  }
  checkAutomated(obj(config['automated'], 'evaluationConfig.automated'));
  const inference = obj(req['inferenceConfig'], 'inferenceConfig');
  const models = list(inference['models'], 'inferenceConfig.models', 1, 2);
  models.forEach((raw, i) => {
    const p = `inferenceConfig.models.${i + 1}`;
    const model = obj(obj(raw, p)['bedrockModel'], `${p}.bedrockModel`);
    str(model['modelIdentifier'], `${p}.bedrockModel.modelIdentifier`, 1, 2048, MODEL_ID);
    if (model['inferenceParams'] !== undefined) {
      const params = str(model['inferenceParams'], `${p}.bedrockModel.inferenceParams`, 1, 1023);
      try {
        JSON.parse(params);
      } catch {
        throw validationError(`The inferenceParams of ${p} are not valid JSON.`);
      }
    }
  });
  const output = obj(req['outputDataConfig'], 'outputDataConfig');
  str(output['s3Uri'], 'outputDataConfig.s3Uri', 1, 1024, S3_URI);
  return req;
}

const now = () => new Date().toISOString().replace(/\.\d{3}Z$/, 'Z');

export class EvaluationJobs {
  private readonly jobs = new Map<string, Job>();

  constructor(private readonly pollsToComplete = 2) {}

  create(body: unknown, region: string): { jobArn: string } {
    const req = checkCreateEvaluationJob(body);
    const name = req['jobName'] as string;
    for (const j of this.jobs.values()) {
      if (j.name === name && j.region === region) {
        throw new BedrockError(
          'ConflictException',
          `An evaluation job named ${name} already exists.`,
        );
      }
    }
    const id = randomBytes(6).toString('hex');
    const arn = `arn:aws:bedrock:${region}:${ACCOUNT_ID}:evaluation-job/${id}`;
    const at = now();
    this.jobs.set(arn, {
      arn,
      name,
      region,
      status: 'InProgress',
      polls: 0,
      created: at,
      modified: at,
      request: req,
    });
    return { jobArn: arn };
  }

  private find(identifier: string, region: string): Job {
    str(identifier, 'jobIdentifier', 0, 1011, JOB_ARN);
    const job = this.jobs.get(identifier);
    if (!job || job.region !== region) {
      throw new BedrockError(
        'ResourceNotFoundException',
        `Evaluation job ${identifier} was not found.`,
      );
    }
    return job;
  }

  get(identifier: string, region: string): JsonObject {
    const job = this.find(identifier, region);
    job.polls++;
    if (job.status === 'Stopping') this.move(job, 'Stopped');
    else if (job.status === 'InProgress' && job.polls >= this.pollsToComplete)
      this.move(job, 'Completed');
    const r = job.request;
    return {
      jobName: job.name,
      status: job.status,
      jobArn: job.arn,
      roleArn: r['roleArn'],
      jobType: 'Automated',
      applicationType: 'ModelEvaluation',
      evaluationConfig: r['evaluationConfig'],
      inferenceConfig: r['inferenceConfig'],
      outputDataConfig: r['outputDataConfig'],
      creationTime: job.created,
      lastModifiedTime: job.modified,
    };
  }

  private move(job: Job, status: Job['status']): void {
    job.status = status;
    job.modified = now();
  }

  list(region: string): JsonObject {
    const summaries = [...this.jobs.values()]
      .filter((j) => j.region === region)
      .reverse()
      .map((j) => {
        const automated = (j.request['evaluationConfig'] as JsonObject)['automated'] as JsonObject;
        const configs = automated['datasetMetricConfigs'] as JsonObject[];
        const models = (j.request['inferenceConfig'] as JsonObject)['models'] as JsonObject[];
        return {
          jobArn: j.arn,
          jobName: j.name,
          status: j.status,
          creationTime: j.created,
          jobType: 'Automated',
          evaluationTaskTypes: configs.map((c) => c['taskType']),
          modelIdentifiers: models.map((m) => (m['bedrockModel'] as JsonObject)['modelIdentifier']),
          applicationType: 'ModelEvaluation',
        };
      });
    return { jobSummaries: summaries };
  }

  stop(identifier: string, region: string): JsonObject {
    const job = this.find(identifier, region);
    if (job.status !== 'InProgress') {
      throw new BedrockError(
        'ConflictException',
        `Evaluation job ${job.name} is ${job.status} and cannot be stopped.`,
      );
    }
    this.move(job, 'Stopping');
    return {};
  }
}

/** The route of an evaluation-job request, or null when the path is not one. */
export function evaluationRoute(
  method: string,
  path: string,
): {
  operation:
    'create-evaluation-job' | 'list-evaluation-jobs' | 'get-evaluation-job' | 'stop-evaluation-job';
  resourceId?: string;
} | null {
  if (path === '/evaluation-jobs') {
    if (method === 'POST') return { operation: 'create-evaluation-job' };
    if (method === 'GET') return { operation: 'list-evaluation-jobs' };
  }
  const get = /^\/evaluation-jobs\/([^/]+)$/.exec(path);
  if (get && method === 'GET')
    return { operation: 'get-evaluation-job', resourceId: decodePathPart(get[1] ?? '') };
  const stop = /^\/evaluation-job\/([^/]+)\/stop$/.exec(path);
  if (stop && method === 'POST')
    return { operation: 'stop-evaluation-job', resourceId: decodePathPart(stop[1] ?? '') };
  return null;
}
