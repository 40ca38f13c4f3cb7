/**
 * Bedrock's own model evaluation jobs (`@aws-sdk/client-bedrock`): the CreateEvaluationJob request
 * Stratum builds from a run, and the contract's requests to start, list, poll and stop jobs.
 *
 * Limits and patterns are the service model's (botocore `bedrock/2023-04-20/service-2.json`):
 * jobName `[a-z0-9](-*[a-z0-9]){0,62}`, roleArn `arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+`,
 * S3 URIs `s3://bucket(/key)?`, 1..5 dataset configs, 1..25 metric names `[0-9a-zA-Z-_.]+`,
 * dataset name 1..63, 1..2 models, exactly one evaluator model (judge jobs only), inferenceParams
 * a JSON string of 1..1,023 characters. Metric names: `Builtin.Accuracy|Robustness|Toxicity` for
 * automatic jobs (AWS "model-evaluation-tasks"), `Builtin.Correctness` ... for judge jobs
 * (AWS "model-evaluation-metrics").
 */
import { z } from 'zod';
import { BEDROCK_JUDGE_METRIC, type JudgeMetric } from './eval-judge-contract';

export const JOB_NAME_PATTERN = /^[a-z0-9](-*[a-z0-9]){0,62}$/;
export const ROLE_ARN_PATTERN = /^arn:aws(-[^:]+)?:iam::([0-9]{12})?:role\/.+$/;
export const S3_URI_PATTERN =
  /^s3:\/\/[a-z0-9][-.a-z0-9]{1,61}[a-z0-9](?:\/[-!_*'().a-z0-9A-Z]+(?:\/[-!_*'().a-z0-9A-Z]+)*)?\/?$/;
export const DATASET_NAME_PATTERN = /^[0-9a-zA-Z-_.]{1,63}$/;
export const JOB_ARN_PATTERN =
  /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:evaluation-job\/[a-z0-9]{12}$/;

export const EVALUATION_TASK_TYPES = [
  'Summarization',
  'Classification',
  'QuestionAndAnswer',
  'Generation',
] as const;
export type EvaluationTaskType = (typeof EVALUATION_TASK_TYPES)[number];

/** The automatic metrics each task type offers (Toxicity is not offered for classification). */
export const AUTOMATIC_METRICS: Record<EvaluationTaskType, readonly string[]> = {
  Summarization: ['Builtin.Accuracy', 'Builtin.Robustness', 'Builtin.Toxicity'],
  Classification: ['Builtin.Accuracy', 'Builtin.Robustness'],
  QuestionAndAnswer: ['Builtin.Accuracy', 'Builtin.Robustness', 'Builtin.Toxicity'],
  Generation: ['Builtin.Accuracy', 'Builtin.Robustness', 'Builtin.Toxicity'],
};

export const EvaluationJobStatus = z.enum([
  'InProgress',
  'Completed',
  'Failed',
  'Stopping',
  'Stopped',
  'Deleting',
]);
export type EvaluationJobStatus = z.infer<typeof EvaluationJobStatus>;

const S3Uri = z
  .string()
  .trim()
  .max(1024)
  .regex(
    S3_URI_PATTERN,
    'An S3 URI looks like s3://my-bucket/folder/file.jsonl (lower-case bucket).',
  );

/** The subset of CreateEvaluationJobRequest Stratum sends (automated jobs, Bedrock models). */
export const EvaluationJobRequest = z
  .object({
    jobName: z
      .string()
      .regex(
        JOB_NAME_PATTERN,
        'Job names are lower-case letters, digits and hyphens (at most 63).',
      ),
    jobDescription: z.string().min(1).max(200).optional(),
    roleArn: z
      .string()
      .trim()
      .max(2048)
      .regex(ROLE_ARN_PATTERN, 'A role ARN looks like arn:aws:iam::123456789012:role/BedrockEval.'),
    applicationType: z.literal('ModelEvaluation'),
    evaluationConfig: z.object({
      automated: z.object({
        datasetMetricConfigs: z
          .array(
            z.object({
              taskType: z.string().regex(/^[A-Za-z0-9]{1,63}$/),
              dataset: z.object({
                name: z.string().regex(DATASET_NAME_PATTERN),
                datasetLocation: z.object({ s3Uri: S3Uri }),
              }),
              metricNames: z
                .array(z.string().regex(/^[0-9a-zA-Z-_.]{1,63}$/))
                .min(1)
                .max(25),
            }),
          )
          .min(1)
          .max(5),
        evaluatorModelConfig: z
          .object({
            bedrockEvaluatorModels: z
              .array(z.object({ modelIdentifier: z.string().min(1).max(2048) }))
              .length(1),
          })
          .optional(),
      }),
    }),
    inferenceConfig: z.object({
      models: z
        .array(
          z.object({
            bedrockModel: z.object({
              modelIdentifier: z.string().min(1).max(2048),
              inferenceParams: z.string().min(1).max(1023),
            }),
          }),
        )
        .min(1)
        .max(2),
    }),
    outputDataConfig: z.object({ s3Uri: S3Uri }),
  })
  .strict();
export type EvaluationJobRequest = z.infer<typeof EvaluationJobRequest>;

/** What the learner fills in for a job; the request is built from it (`buildJobRequest`). */
export interface JobPlan {
  kind: 'automatic' | 'judge';
  jobName: string;
  taskType: EvaluationTaskType;
  datasetName: string;
  datasetS3Uri: string;
  outputS3Uri: string;
  roleArn: string;
  /** 1..2 generator models. */
  models: readonly string[];
  /** Automatic jobs: Builtin.Accuracy etc. Judge jobs: built from `judgeMetrics`. */
  automaticMetrics: readonly string[];
  judgeMetrics: readonly JudgeMetric[];
  evaluatorModel: string;
  maxTokens: number;
  temperature: number;
}

/**
 * The CreateEvaluationJob request for `plan`. Judge jobs send the task type "General" (what AWS's
 * judge examples send; the service model's pattern accepts it) and one evaluator model.
 */
export function buildJobRequest(plan: JobPlan): EvaluationJobRequest {
  const judge = plan.kind === 'judge';
  return {
    jobName: plan.jobName,
    jobDescription: `Stratum evaluation lab: ${plan.datasetName}`.slice(0, 200),
    roleArn: plan.roleArn,
    applicationType: 'ModelEvaluation',
    evaluationConfig: {
      automated: {
        datasetMetricConfigs: [
          {
            taskType: judge ? 'General' : plan.taskType,
            dataset: { name: plan.datasetName, datasetLocation: { s3Uri: plan.datasetS3Uri } },
            metricNames: judge
              ? plan.judgeMetrics.map((m) => BEDROCK_JUDGE_METRIC[m])
              : [...plan.automaticMetrics],
          },
        ],
        ...(judge
          ? {
              evaluatorModelConfig: {
                bedrockEvaluatorModels: [{ modelIdentifier: plan.evaluatorModel }],
              },
            }
          : {}),
      },
    },
    inferenceConfig: {
      models: plan.models.map((modelIdentifier) => ({
        bedrockModel: {
          modelIdentifier,
          inferenceParams: JSON.stringify({
            inferenceConfig: { maxTokens: plan.maxTokens, temperature: plan.temperature },
          }),
        },
      })),
    },
    outputDataConfig: { s3Uri: plan.outputS3Uri },
  };
}

/** A lower-case job name from free text (the service pattern), stamped so it is unique. */
export function suggestJobName(base: string, stamp: string): string {
  const slug = `${base}-${stamp}`
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
  return slug.slice(0, 63).replace(/-+$/, '') || 'stratum-eval';
}

export const JobIdentifier = z.string().regex(JOB_ARN_PATTERN, 'Not an evaluation job ARN.');

export const StartEvaluationJobInput = z.object({ request: EvaluationJobRequest }).strict();
export const StartEvaluationJobOutput = z.object({ jobArn: z.string() });

export const EvaluationJobSummary = z.object({
  jobArn: z.string(),
  jobName: z.string(),
  status: EvaluationJobStatus,
  creationTime: z.string(),
  jobType: z.string(),
  taskTypes: z.array(z.string()),
  modelIdentifiers: z.array(z.string()),
});
export type EvaluationJobSummary = z.infer<typeof EvaluationJobSummary>;
export const ListEvaluationJobsOutput = z.object({ jobs: z.array(EvaluationJobSummary) });

export const GetEvaluationJobInput = z.object({ jobIdentifier: JobIdentifier }).strict();
export const EvaluationJobDetail = z.object({
  jobArn: z.string(),
  jobName: z.string(),
  status: EvaluationJobStatus,
  creationTime: z.string(),
  lastModifiedTime: z.string().nullable(),
  failureMessages: z.array(z.string()),
  outputS3Uri: z.string().nullable(),
});
export type EvaluationJobDetail = z.infer<typeof EvaluationJobDetail>;
export const StopEvaluationJobOutput = z.object({ stopped: z.boolean() });

/** IAM actions the jobs tab needs (for the access-denied remedy and the README). */
export const EVALUATION_JOB_IAM_ACTIONS = [
  'bedrock:CreateEvaluationJob',
  'bedrock:GetEvaluationJob',
  'bedrock:ListEvaluationJobs',
  'bedrock:StopEvaluationJob',
  'iam:PassRole',
] as const;
