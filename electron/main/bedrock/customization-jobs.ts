/**
 * The customization lab's real job (`@aws-sdk/client-bedrock` and the learner's S3 bucket):
 * upload a dataset file, CreateModelCustomizationJob, ListModelCustomizationJobs,
 * GetModelCustomizationJob, StopModelCustomizationJob, and the loss metrics the job writes to S3.
 * The request was checked by the contract (shared/customization-jobs-contract.ts); the service
 * checks it again (the role, S3 access, quotas). Every call goes through `recordedCall`, so it is
 * in the invocation log: the four job calls are control-plane calls (no model is called, so their
 * cost shows as not applicable; the job bills its training as it runs), and the S3 calls' cost is
 * unknown there.
 */
import {
  CreateModelCustomizationJobCommand,
  GetModelCustomizationJobCommand,
  ListModelCustomizationJobsCommand,
  StopModelCustomizationJobCommand,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import {
  CUSTOMIZATION_JOB_IAM_ACTIONS,
  JobStatus,
  StageStatus,
  TRAINING_FILE,
  VALIDATION_FILE,
  jobIdOf,
  metricKeys,
  parseMetricsCsv,
  s3UriFor,
  type CustomizationJobDetail,
  type CustomizationJobRequest,
  type CustomizationJobSummary,
  type JobMetrics,
  type ListCustomizationJobsInput,
  type UploadDatasetFileInput,
} from '../../../shared/customization-jobs-contract';
import type { CallRecorder, InvocationRecord } from '../../../shared/invocations';
import { AppFailure } from '../errors';
import type { AwsTarget, BedrockTimeouts } from './client';
import { controlPlaneCall } from './control-call';
import { getTextOrNull, putText, type S3Caller } from './s3';

export interface CustomizationCaller {
  control: BedrockClient;
  s3: S3Caller;
  target: AwsTarget;
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

type ControlOp = Extract<
  InvocationRecord['operation'],
  | 'CreateModelCustomizationJob'
  | 'GetModelCustomizationJob'
  | 'ListModelCustomizationJobs'
  | 'StopModelCustomizationJob'
>;

const nameOf = (e: unknown) =>
  typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

const PASS_ROLE_REMEDY =
  'Your IAM identity needs iam:PassRole on the service role, and the role must exist, trust bedrock.amazonaws.com (sts:AssumeRole) and may read the training data and write the output location in S3.';

/** What a failed control-plane call means; null lets the app's own mapping speak. */
export function jobFailure(error: unknown, op: ControlOp, region: string): AppFailure | null {
  const name = nameOf(error);
  const message = messageOf(error);
  if (/iam:PassRole|(could not|cannot|unable to) assume|role .*does not exist/i.test(message)) {
    return new AppFailure({
      code: name === 'AccessDeniedException' ? 'access_denied' : 'validation',
      message: `${op} was refused in ${region}: ${message}`,
      remedy: PASS_ROLE_REMEDY,
    });
  }
  if (name === 'AccessDeniedException') {
    return new AppFailure({
      code: 'access_denied',
      message: `${op} was denied in ${region}: ${message}`,
      remedy: `Your IAM identity needs ${CUSTOMIZATION_JOB_IAM_ACTIONS.join(', ')} (iam:PassRole on the service role).`,
    });
  }
  if (name === 'ValidationException') {
    return new AppFailure({
      code: 'validation',
      message: `Amazon Bedrock refused the job: ${message}`,
      remedy:
        'Fix what the message names (an S3 location that does not exist, a hyperparameter, the model), then send it again.',
    });
  }
  if (name === 'ConflictException') {
    return new AppFailure({
      code: 'validation',
      message: `Amazon Bedrock refused ${op}: ${message}`,
      remedy:
        op === 'StopModelCustomizationJob'
          ? 'The job is no longer running: refresh the list.'
          : 'Job names are unique in a Region and account: choose another name.',
    });
  }
  if (name === 'ServiceQuotaExceededException') {
    return new AppFailure({
      code: 'validation',
      message: `A customization quota was reached: ${message}`,
      remedy:
        'Wait for a running job to finish, or ask for a higher quota in Service Quotas (Amazon Bedrock).',
    });
  }
  return null;
}

function controlCall<T>(
  caller: CustomizationCaller,
  op: ControlOp,
  modelId: string,
  run: (options: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
): Promise<T> {
  return controlPlaneCall(
    caller,
    {
      feature: 'customization',
      operation: op,
      resource: modelId,
      iamActions: CUSTOMIZATION_JOB_IAM_ACTIONS,
      describe: (error) => jobFailure(error, op, caller.target.region),
    },
    run,
  );
}

/** Uploads one dataset file to s3://bucket/prefix/train.jsonl or validation.jsonl. */
export async function uploadDatasetFile(
  caller: CustomizationCaller,
  input: UploadDatasetFileInput,
) {
  const name = input.file === 'train' ? TRAINING_FILE : VALIDATION_FILE;
  const key = input.prefix ? `${input.prefix}/${name}` : name;
  const jsonl = input.jsonl.endsWith('\n') ? input.jsonl : `${input.jsonl}\n`;
  const out = await putText(caller.s3, input.bucket, key, jsonl, 'application/jsonl');
  return { s3Uri: s3UriFor(input.bucket, input.prefix, name), ...out };
}

export async function startCustomizationJob(
  caller: CustomizationCaller,
  request: CustomizationJobRequest,
): Promise<{ jobArn: string }> {
  const out = await controlCall(
    caller,
    'CreateModelCustomizationJob',
    request.baseModelIdentifier,
    (options) => caller.control.send(new CreateModelCustomizationJobCommand(request), options),
  );
  if (!out.jobArn) {
    throw new AppFailure({
      code: 'model_error',
      message: 'Bedrock accepted the job but returned no job ARN.',
      remedy: 'Open the Bedrock console (Custom models, Jobs) to see whether the job exists.',
    });
  }
  return { jobArn: out.jobArn };
}

/** The log's name for a job: its id (the ARN's last part). */
const jobResource = (arn: string) => `model-customization-job/${jobIdOf(arn)}`;

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);
const jobStatus = (s: string | undefined) => JobStatus.catch('Failed').parse(s);
const stage = (s: string | undefined) => (s ? StageStatus.catch('NotStarted').parse(s) : null);

export async function listCustomizationJobs(
  caller: CustomizationCaller,
  filters: ListCustomizationJobsInput,
): Promise<{ jobs: CustomizationJobSummary[] }> {
  const out = await controlCall(
    caller,
    'ListModelCustomizationJobs',
    'model-customization-jobs',
    (options) =>
      caller.control.send(
        new ListModelCustomizationJobsCommand({
          ...filters,
          sortBy: 'CreationTime',
          sortOrder: 'Descending',
          maxResults: 50,
        }),
        options,
      ),
  );
  return {
    jobs: (out.modelCustomizationJobSummaries ?? []).map((j) => ({
      jobArn: j.jobArn ?? '',
      jobName: j.jobName ?? '',
      status: jobStatus(j.status),
      baseModelArn: j.baseModelArn ?? '',
      customModelName: j.customModelName ?? null,
      customizationType: j.customizationType ?? null,
      creationTime: iso(j.creationTime) ?? '',
      endTime: iso(j.endTime),
    })),
  };
}

export async function getCustomizationJob(
  caller: CustomizationCaller,
  jobIdentifier: string,
): Promise<CustomizationJobDetail> {
  const j = await controlCall(
    caller,
    'GetModelCustomizationJob',
    jobResource(jobIdentifier),
    (options) =>
      caller.control.send(new GetModelCustomizationJobCommand({ jobIdentifier }), options),
  );
  const d = j.statusDetails;
  return {
    jobArn: j.jobArn ?? '',
    jobName: j.jobName ?? '',
    status: jobStatus(j.status),
    baseModelArn: j.baseModelArn ?? '',
    customModelName: j.outputModelName ?? null,
    customizationType: j.customizationType ?? null,
    creationTime: iso(j.creationTime) ?? '',
    endTime: iso(j.endTime),
    stages: {
      validation: stage(d?.validationDetails?.status),
      dataProcessing: stage(d?.dataProcessingDetails?.status),
      training: stage(d?.trainingDetails?.status),
    },
    failureMessage: j.failureMessage ?? null,
    lastModifiedTime: iso(j.lastModifiedTime),
    outputModelName: j.outputModelName ?? '',
    outputModelArn: j.outputModelArn ?? null,
    outputS3Uri: j.outputDataConfig?.s3Uri ?? null,
    hyperParameters: j.hyperParameters ?? {},
    trainingLoss: j.trainingMetrics?.trainingLoss ?? null,
    validationLoss: j.validationMetrics?.[0]?.validationLoss ?? null,
  };
}

export async function stopCustomizationJob(
  caller: CustomizationCaller,
  jobIdentifier: string,
): Promise<{ stopped: boolean }> {
  await controlCall(caller, 'StopModelCustomizationJob', jobResource(jobIdentifier), (options) =>
    caller.control.send(new StopModelCustomizationJobCommand({ jobIdentifier }), options),
  );
  return { stopped: true };
}

/** The loss by step from the job's metric files in S3 (a file not there yet is a note, not an error). */
export async function readCustomizationMetrics(
  caller: CustomizationCaller,
  jobArn: string,
  outputS3Uri: string,
): Promise<JobMetrics> {
  const keys = metricKeys(outputS3Uri, jobArn);
  const notes: string[] = [];
  const read = async (key: string, column: 'training_loss' | 'validation_loss', what: string) => {
    const text = await getTextOrNull(caller.s3, keys.bucket, key);
    if (text === null) {
      notes.push(`No ${what} file at s3://${keys.bucket}/${key} (yet).`);
      return [];
    }
    try {
      return parseMetricsCsv(text, column);
    } catch (error) {
      notes.push(`The ${what} file could not be read: ${messageOf(error)}`);
      return [];
    }
  };
  const training = await read(keys.training, 'training_loss', 'training metrics');
  const validation = await read(keys.validation, 'validation_loss', 'validation metrics');
  return {
    training,
    validation,
    trainingKey: `s3://${keys.bucket}/${keys.training}`,
    validationKey: `s3://${keys.bucket}/${keys.validation}`,
    notes,
  };
}
