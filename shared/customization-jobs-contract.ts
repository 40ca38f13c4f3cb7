/**
 * The customization lab's real job (issue 17, part 5): the contract's requests to upload a dataset
 * to the learner's S3 bucket, create, list, poll and stop a Bedrock model customization job, and
 * read its loss metrics back from S3.
 *
 * Shapes and limits are the service model's (botocore `bedrock/2023-04-20/service-2.json`,
 * checked 2026-12-04): jobName 1..63 `[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])*`, customModelName 1..63
 * `([0-9a-zA-Z][_-]?){1,63}`, roleArn `arn:aws(-[^:]+)?:iam::([0-9]{12})?:role/.+`, S3 URIs
 * `s3://bucket(/key)?`, 0..10 validators, hyperParameters a string-to-string map. The SDK does not
 * check these; Stratum checks them here (and the models table's hyperparameter ranges) so a
 * request the service would refuse is never sent.
 *
 * Metric files (Bedrock User Guide "Analyze the results of a model customization job",
 * model-customization-analyze): under the output S3 location, `model-customization-job-<job id>/
 * training_artifacts/step_wise_training_metrics.csv` (step_number, epoch_number, training_loss,
 * perplexity) and `.../validation_artifacts/post_fine_tuning_validation/validation_metrics.csv`
 * (validation_loss in place of training_loss). Stratum reads "<job id>" as the last part of the
 * job ARN; the page does not say so in as many words.
 */
import { z } from 'zod';
import {
  CUSTOMIZATION_MODELS,
  HYPERPARAMETERS,
  checkHyperParameters,
  type CustomizationModel,
} from './customization';
import { ROLE_ARN_PATTERN, S3_URI_PATTERN } from './eval-jobs';

/**
 * The service model's jobName pattern `[a-zA-Z0-9](-*[a-zA-Z0-9\+\-\.])*` matches the same strings
 * as this one (the class already holds `-`), but as a regular expression it backtracks
 * exponentially on a run of hyphens followed by a character it refuses ("a" + 30 "-" + "!" takes
 * seconds): the nested quantifier is left out.
 */
export const CUSTOMIZATION_JOB_NAME_PATTERN = /^[a-zA-Z0-9][a-zA-Z0-9+\-.]*$/;
export const CUSTOM_MODEL_NAME_PATTERN = /^([0-9a-zA-Z][_-]?){1,63}$/;
/** S3 bucket naming (general purpose buckets): 3..63 of a-z 0-9 . -, starting and ending with a letter or digit. */
export const BUCKET_PATTERN = /^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$/;
/** A key prefix the job's S3 URIs can carry: segments of the service model's S3 URI characters. */
export const PREFIX_PATTERN = /^(?:[-!_*'().a-zA-Z0-9]+(?:\/[-!_*'().a-zA-Z0-9]+)*)?$/;
export const CUSTOMIZATION_JOB_ARN_PATTERN =
  /^arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:model-customization-job\/[a-z0-9-]{1,63}[.][a-z0-9-]{1,63}([a-z0-9-]{1,63}[.]){0,2}[a-z0-9-]{1,63}([:][a-z0-9-]{1,63}){0,2}\/[a-z0-9]{12}$/;

export const CUSTOMIZATION_JOB_IAM_ACTIONS = [
  's3:PutObject',
  's3:GetObject',
  'bedrock:CreateModelCustomizationJob',
  'bedrock:GetModelCustomizationJob',
  'bedrock:ListModelCustomizationJobs',
  'bedrock:StopModelCustomizationJob',
  'iam:PassRole',
] as const;

export const JobStatus = z.enum(['InProgress', 'Completed', 'Failed', 'Stopping', 'Stopped']);
export type JobStatus = z.infer<typeof JobStatus>;
export const StageStatus = z.enum([
  'InProgress',
  'Completed',
  'Stopping',
  'Stopped',
  'Failed',
  'NotStarted',
]);
export type StageStatus = z.infer<typeof StageStatus>;

/** The customization types the lab sends (distillation needs a teacher config it does not build). */
export const LabCustomizationType = z.enum(['FINE_TUNING', 'CONTINUED_PRE_TRAINING']);
export type LabCustomizationType = z.infer<typeof LabCustomizationType>;

const S3Uri = z
  .string()
  .min(1)
  .max(1024)
  .regex(
    S3_URI_PATTERN,
    'An S3 URI looks like s3://my-bucket/folder/file.jsonl (lower-case bucket).',
  );

export const Bucket = z
  .string()
  .regex(
    BUCKET_PATTERN,
    'A bucket name is 3 to 63 lower-case letters, digits, dots and hyphens, starting and ending with a letter or digit.',
  );
export const Prefix = z
  .string()
  .max(900)
  .regex(
    PREFIX_PATTERN,
    "A prefix is folder names separated by /, using letters, digits and - _ ! * ' ( ) . (no leading or trailing /).",
  );

/** The models the lab can send a job for: in the table, with a `baseModelIdentifier`. */
export function modelForIdentifier(identifier: string): CustomizationModel | null {
  return CUSTOMIZATION_MODELS.find((m) => m.baseModelIdentifier === identifier) ?? null;
}

function checkAgainstModel(
  req: {
    baseModelIdentifier: string;
    customizationType: LabCustomizationType;
    hyperParameters: Record<string, string>;
  },
  ctx: z.RefinementCtx,
): void {
  const model = modelForIdentifier(req.baseModelIdentifier);
  if (!model) {
    ctx.addIssue({
      code: 'custom',
      path: ['baseModelIdentifier'],
      message: `"${req.baseModelIdentifier}" is not a customizable model Stratum knows; pick one from the list.`,
    });
    return;
  }
  if (!model.methods[req.customizationType]) {
    ctx.addIssue({
      code: 'custom',
      path: ['customizationType'],
      message: `${model.label} does not offer ${req.customizationType === 'FINE_TUNING' ? 'fine-tuning' : 'continued pre-training'}.`,
    });
  }
  const values: Record<string, number> = {};
  for (const [key, text] of Object.entries(req.hyperParameters)) {
    const value = /^-?\d+(\.\d+)?$/.test(text.trim()) ? Number(text) : Number.NaN;
    if (Number.isNaN(value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['hyperParameters', key],
        message: `${key} must be a plain decimal number as text; it is "${text}".`,
      });
    } else values[key] = value;
  }
  if (!HYPERPARAMETERS[model.id]) return;
  for (const p of checkHyperParameters(model.id, values).problems) {
    ctx.addIssue({ code: 'custom', path: ['hyperParameters', p.name], message: p.message });
  }
}

/** The CreateModelCustomizationJob request Stratum sends, checked as the service would. */
export const CustomizationJobRequest = z
  .object({
    jobName: z
      .string()
      .min(1, 'A job name is needed.')
      .max(63, 'A job name is at most 63 characters.')
      .regex(
        CUSTOMIZATION_JOB_NAME_PATTERN,
        'A job name starts with a letter or digit and uses letters, digits, +, - and . only.',
      ),
    customModelName: z
      .string()
      .min(1, 'A custom model name is needed.')
      .max(63, 'A custom model name is at most 63 characters.')
      .regex(
        CUSTOM_MODEL_NAME_PATTERN,
        'A custom model name uses letters and digits, with single _ or - between them.',
      ),
    roleArn: z
      .string()
      .max(2048)
      .regex(
        ROLE_ARN_PATTERN,
        'A service role ARN looks like arn:aws:iam::123456789012:role/BedrockCustomization.',
      ),
    baseModelIdentifier: z.string().min(1).max(2048),
    customizationType: LabCustomizationType,
    trainingDataConfig: z.object({ s3Uri: S3Uri }).strict(),
    validationDataConfig: z
      .object({ validators: z.array(z.object({ s3Uri: S3Uri }).strict()).max(10) })
      .strict()
      .optional(),
    outputDataConfig: z.object({ s3Uri: S3Uri }).strict(),
    hyperParameters: z.record(z.string().min(1).max(64), z.string().max(64)),
  })
  .strict()
  .superRefine(checkAgainstModel);
export type CustomizationJobRequest = z.infer<typeof CustomizationJobRequest>;

/** What the learner fills in; the request is built from it. */
export interface JobPlan {
  bucket: string;
  prefix: string;
  roleArn: string;
  jobName: string;
  customModelName: string;
  baseModelIdentifier: string;
  customizationType: LabCustomizationType;
  hyperParameters: Record<string, string>;
  hasValidation: boolean;
}

/** `s3://bucket/prefix/name` (no double slash when the prefix is empty). */
export function s3UriFor(bucket: string, prefix: string, name: string): string {
  return `s3://${bucket}/${prefix ? `${prefix}/` : ''}${name}`;
}

export const TRAINING_FILE = 'train.jsonl';
export const VALIDATION_FILE = 'validation.jsonl';
export const OUTPUT_FOLDER = 'output/';

export function buildCustomizationJobRequest(plan: JobPlan): CustomizationJobRequest {
  return {
    jobName: plan.jobName,
    customModelName: plan.customModelName,
    roleArn: plan.roleArn,
    baseModelIdentifier: plan.baseModelIdentifier,
    customizationType: plan.customizationType,
    trainingDataConfig: { s3Uri: s3UriFor(plan.bucket, plan.prefix, TRAINING_FILE) },
    ...(plan.hasValidation
      ? {
          validationDataConfig: {
            validators: [{ s3Uri: s3UriFor(plan.bucket, plan.prefix, VALIDATION_FILE) }],
          },
        }
      : {}),
    outputDataConfig: { s3Uri: s3UriFor(plan.bucket, plan.prefix, OUTPUT_FOLDER) },
    hyperParameters: plan.hyperParameters,
  };
}

/** One problem per line, "field: message", for the preview. */
export function requestProblems(request: unknown): string[] {
  const check = CustomizationJobRequest.safeParse(request);
  if (check.success) return [];
  return check.error.issues.map((i) =>
    i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message,
  );
}

// ---- Requests ------------------------------------------------------------------------------

/**
 * Stratum's own cap on one uploaded file, not an AWS limit. Browser mode's bridge takes at most
 * 80 MiB a request body (electron/web/server.ts), JSON-escaped, so a file near the cap can fail
 * there first; Electron's IPC has no such cap.
 */
export const MAX_UPLOAD_CHARS = 64 * 1024 * 1024;

export const UploadDatasetFileInput = z
  .object({
    bucket: Bucket,
    prefix: Prefix,
    file: z.enum(['train', 'validation']),
    jsonl: z.string().min(1, 'The file is empty.').max(MAX_UPLOAD_CHARS),
  })
  .strict();
export type UploadDatasetFileInput = z.infer<typeof UploadDatasetFileInput>;
export const UploadDatasetFileOutput = z.object({
  s3Uri: z.string(),
  bytes: z.number().int().nonnegative(),
  etag: z.string().nullable(),
});

export const StartCustomizationJobInput = z.object({ request: CustomizationJobRequest }).strict();
export const StartCustomizationJobOutput = z.object({ jobArn: z.string() });

export const JobIdentifier = z
  .string()
  .regex(CUSTOMIZATION_JOB_ARN_PATTERN, 'Not a model customization job ARN.');
export const CustomizationJobInput = z.object({ jobIdentifier: JobIdentifier }).strict();

export const ListCustomizationJobsInput = z
  .object({
    statusEquals: JobStatus.optional(),
    nameContains: z.string().min(1).max(63).regex(CUSTOMIZATION_JOB_NAME_PATTERN).optional(),
  })
  .strict();
export type ListCustomizationJobsInput = z.infer<typeof ListCustomizationJobsInput>;

export const CustomizationJobSummary = z.object({
  jobArn: z.string(),
  jobName: z.string(),
  status: JobStatus,
  baseModelArn: z.string(),
  customModelName: z.string().nullable(),
  customizationType: z.string().nullable(),
  creationTime: z.string(),
  endTime: z.string().nullable(),
});
export type CustomizationJobSummary = z.infer<typeof CustomizationJobSummary>;
export const ListCustomizationJobsOutput = z.object({ jobs: z.array(CustomizationJobSummary) });

export const CustomizationJobDetail = CustomizationJobSummary.extend({
  stages: z.object({
    validation: StageStatus.nullable(),
    dataProcessing: StageStatus.nullable(),
    training: StageStatus.nullable(),
  }),
  failureMessage: z.string().nullable(),
  lastModifiedTime: z.string().nullable(),
  outputModelName: z.string(),
  outputModelArn: z.string().nullable(),
  outputS3Uri: z.string().nullable(),
  hyperParameters: z.record(z.string(), z.string()),
  /** The job's own final figures (GetModelCustomizationJob trainingMetrics / validationMetrics). */
  trainingLoss: z.number().nullable(),
  validationLoss: z.number().nullable(),
});
export type CustomizationJobDetail = z.infer<typeof CustomizationJobDetail>;
export const StopCustomizationJobOutput = z.object({ stopped: z.boolean() });

export const ReadJobMetricsInput = z
  .object({ jobIdentifier: JobIdentifier, outputS3Uri: S3Uri })
  .strict();
export const LossPoint = z.object({
  step: z.number().int().nonnegative(),
  epoch: z.number().nonnegative(),
  loss: z.number(),
});
export type LossPoint = z.infer<typeof LossPoint>;
export const JobMetrics = z.object({
  training: z.array(LossPoint),
  validation: z.array(LossPoint),
  /** The S3 objects read (or looked for). */
  trainingKey: z.string(),
  validationKey: z.string(),
  /** What was not there, in a sentence each. */
  notes: z.array(z.string()),
});
export type JobMetrics = z.infer<typeof JobMetrics>;

/** The job id at the end of a job ARN (`.../model-customization-job/<base model>/<id>`). */
export function jobIdOf(jobArn: string): string {
  return jobArn.slice(jobArn.lastIndexOf('/') + 1);
}

/** Bucket and key prefix of an s3:// URI. */
export function splitS3Uri(uri: string): { bucket: string; key: string } {
  const rest = uri.replace(/^s3:\/\//, '');
  const slash = rest.indexOf('/');
  return slash < 0
    ? { bucket: rest, key: '' }
    : { bucket: rest.slice(0, slash), key: rest.slice(slash + 1) };
}

/** Where the job writes its two metric files, under its output location. */
export function metricKeys(outputS3Uri: string, jobArn: string) {
  const { bucket, key } = splitS3Uri(outputS3Uri);
  const base = `${key && !key.endsWith('/') ? `${key}/` : key}model-customization-job-${jobIdOf(jobArn)}/`;
  return {
    bucket,
    training: `${base}training_artifacts/step_wise_training_metrics.csv`,
    validation: `${base}validation_artifacts/post_fine_tuning_validation/validation_metrics.csv`,
  };
}

/**
 * The loss column of a metrics CSV (header row naming step_number, epoch_number and `column`);
 * rows that do not parse are skipped. Throws when the header lacks a column.
 */
export function parseMetricsCsv(
  text: string,
  column: 'training_loss' | 'validation_loss',
): LossPoint[] {
  const rows = text
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean);
  const header = (rows[0] ?? '').split(',').map((h) => h.trim().toLowerCase());
  const at = (name: string) => {
    const i = header.indexOf(name);
    if (i < 0) throw new Error(`The metrics file has no "${name}" column.`);
    return i;
  };
  const [stepAt, epochAt, lossAt] = [at('step_number'), at('epoch_number'), at(column)];
  const points: LossPoint[] = [];
  for (const row of rows.slice(1)) {
    const cells = row.split(',');
    const step = Number(cells[stepAt]);
    const epoch = Number(cells[epochAt]);
    const loss = Number(cells[lossAt]);
    if (Number.isInteger(step) && step >= 0 && Number.isFinite(epoch) && Number.isFinite(loss)) {
      points.push({ step, epoch, loss });
    }
  }
  return points;
}
