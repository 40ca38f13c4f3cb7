/**
 * Bedrock model evaluation jobs (control plane, `@aws-sdk/client-bedrock`): CreateEvaluationJob,
 * ListEvaluationJobs, GetEvaluationJob and StopEvaluationJob. The request was checked against the
 * service model's limits by the contract (shared/eval-jobs.ts); the service checks it again (S3
 * access, the role, the models). Each is a recorded call (feature 'evaluation'), so it is in the
 * invocation log with its latency and outcome and a deadline; it calls no model itself, so its
 * cost there is "not applicable" (the job's own model calls are billed by Bedrock as it runs
 * them).
 */
import {
  CreateEvaluationJobCommand,
  GetEvaluationJobCommand,
  ListEvaluationJobsCommand,
  StopEvaluationJobCommand,
  type BedrockClient,
  type CreateEvaluationJobCommandInput,
} from '@aws-sdk/client-bedrock';
import {
  EVALUATION_JOB_IAM_ACTIONS,
  EvaluationJobStatus,
  type EvaluationJobDetail,
  type EvaluationJobRequest,
  type EvaluationJobSummary,
} from '../../../shared/eval-jobs';
import type { CallRecorder, InvocationRecord } from '../../../shared/invocations';
import { AppFailure, toAppError } from '../errors';
import type { AwsTarget, BedrockTimeouts } from './client';
import { controlPlaneCall } from './control-call';

export interface JobsCaller {
  client: BedrockClient;
  target: AwsTarget;
  /** Where every call is logged. */
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

type JobOperation = Extract<
  InvocationRecord['operation'],
  'CreateEvaluationJob' | 'GetEvaluationJob' | 'ListEvaluationJobs' | 'StopEvaluationJob'
>;

/** How a job call names its job in the invocation log: the id at the end of the ARN. */
function evaluationJobLogId(jobIdentifier: string): string {
  return `evaluation-job/${jobIdentifier.split('/').pop() || jobIdentifier}`;
}

/** What a failed job call says: access denied names every IAM action the tab needs. */
function failure(error: unknown, caller: JobsCaller, operation: string): AppFailure {
  const name = (error as { name?: unknown } | null)?.name;
  if (name === 'AccessDeniedException') {
    const message = error instanceof Error ? error.message : String(error);
    return new AppFailure({
      code: 'access_denied',
      message: `${operation} was denied in ${caller.target.region}: ${message}`,
      remedy: `Your IAM identity needs ${EVALUATION_JOB_IAM_ACTIONS.join(', ')} (iam:PassRole on the service role), and the service role must trust bedrock.amazonaws.com and may read the dataset and write the output in S3.`,
    });
  }
  return new AppFailure(
    toAppError(error, {
      region: caller.target.region,
      profile: caller.target.profile,
      iamActions: EVALUATION_JOB_IAM_ACTIONS,
    }),
  );
}

/** One control-plane call, recorded in the invocation log under `resource`, with a deadline. */
function send<T>(
  caller: JobsCaller,
  operation: JobOperation,
  resource: string,
  run: (options: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
): Promise<T> {
  return controlPlaneCall(
    caller,
    {
      feature: 'evaluation',
      operation,
      resource,
      iamActions: EVALUATION_JOB_IAM_ACTIONS,
      describe: (error) => failure(error, caller, operation),
    },
    run,
  );
}

const iso = (d: Date | undefined): string | null => (d ? d.toISOString() : null);
const status = (s: string | undefined) => EvaluationJobStatus.catch('Failed').parse(s);

export async function startEvaluationJob(
  caller: JobsCaller,
  request: EvaluationJobRequest,
): Promise<{ jobArn: string }> {
  const resource = evaluationJobLogId(request.jobName);
  const out = await send(caller, 'CreateEvaluationJob', resource, (options) =>
    // The zod-checked request is the SDK's shape minus its union markers ($unknown), which
    // TypeScript cannot see through with exactOptionalPropertyTypes.
    caller.client.send(
      new CreateEvaluationJobCommand(request as unknown as CreateEvaluationJobCommandInput),
      options,
    ),
  );
  if (!out.jobArn) {
    throw new AppFailure({
      code: 'model_error',
      message: 'Bedrock accepted the job but returned no job ARN.',
      remedy: 'Open the Bedrock console (Evaluations) to see whether the job exists.',
    });
  }
  return { jobArn: out.jobArn };
}

export async function listEvaluationJobs(
  caller: JobsCaller,
): Promise<{ jobs: EvaluationJobSummary[] }> {
  const out = await send(caller, 'ListEvaluationJobs', 'evaluation-jobs', (options) =>
    caller.client.send(
      new ListEvaluationJobsCommand({
        sortBy: 'CreationTime',
        sortOrder: 'Descending',
        maxResults: 50,
      }),
      options,
    ),
  );
  return {
    jobs: (out.jobSummaries ?? []).map((j) => ({
      jobArn: j.jobArn ?? '',
      jobName: j.jobName ?? '',
      status: status(j.status),
      creationTime: iso(j.creationTime) ?? '',
      jobType: j.jobType ?? '',
      taskTypes: j.evaluationTaskTypes ?? [],
      modelIdentifiers: j.modelIdentifiers ?? [],
    })),
  };
}

export async function getEvaluationJob(
  caller: JobsCaller,
  jobIdentifier: string,
): Promise<EvaluationJobDetail> {
  const resource = evaluationJobLogId(jobIdentifier);
  const j = await send(caller, 'GetEvaluationJob', resource, (options) =>
    caller.client.send(new GetEvaluationJobCommand({ jobIdentifier }), options),
  );
  return {
    jobArn: j.jobArn ?? jobIdentifier,
    jobName: j.jobName ?? '',
    status: status(j.status),
    creationTime: iso(j.creationTime) ?? '',
    lastModifiedTime: iso(j.lastModifiedTime),
    failureMessages: j.failureMessages ?? [],
    outputS3Uri: j.outputDataConfig?.s3Uri ?? null,
  };
}

export async function stopEvaluationJob(
  caller: JobsCaller,
  jobIdentifier: string,
): Promise<{ stopped: boolean }> {
  const resource = evaluationJobLogId(jobIdentifier);
  await send(caller, 'StopEvaluationJob', resource, (options) =>
    caller.client.send(new StopEvaluationJobCommand({ jobIdentifier }), options),
  );
  return { stopped: true };
}
