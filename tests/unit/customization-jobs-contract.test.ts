import { describe, expect, it } from 'vitest';
import {
  UploadDatasetFileInput,
  buildCustomizationJobRequest,
  metricKeys,
  parseMetricsCsv,
  requestProblems,
  type CustomizationJobRequest,
  type JobPlan,
} from '../../shared/customization-jobs-contract';

const PLAN: JobPlan = {
  bucket: 'my-bucket',
  prefix: 'stratum/ft',
  roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomization',
  jobName: 'stratum-ft-1',
  customModelName: 'stratum-nova-1',
  baseModelIdentifier: 'amazon.nova-micro-v1:0:128k',
  customizationType: 'FINE_TUNING',
  hyperParameters: { epochCount: '2', learningRate: '0.00001', learningRateWarmupSteps: '10' },
  hasValidation: true,
};
const GOOD = buildCustomizationJobRequest(PLAN);

describe('the CreateModelCustomizationJob request', () => {
  it('builds the documented shape from a plan', () => {
    expect(GOOD).toEqual({
      jobName: 'stratum-ft-1',
      customModelName: 'stratum-nova-1',
      roleArn: 'arn:aws:iam::123456789012:role/BedrockCustomization',
      baseModelIdentifier: 'amazon.nova-micro-v1:0:128k',
      customizationType: 'FINE_TUNING',
      trainingDataConfig: { s3Uri: 's3://my-bucket/stratum/ft/train.jsonl' },
      validationDataConfig: {
        validators: [{ s3Uri: 's3://my-bucket/stratum/ft/validation.jsonl' }],
      },
      outputDataConfig: { s3Uri: 's3://my-bucket/stratum/ft/output/' },
      hyperParameters: { epochCount: '2', learningRate: '0.00001', learningRateWarmupSteps: '10' },
    });
    expect(requestProblems(GOOD)).toEqual([]);
    const noValidation = buildCustomizationJobRequest({
      ...PLAN,
      prefix: '',
      hasValidation: false,
    });
    expect(noValidation.trainingDataConfig.s3Uri).toBe('s3://my-bucket/train.jsonl');
    expect('validationDataConfig' in noValidation).toBe(false);
  });

  const bad: [string, Partial<CustomizationJobRequest> | Record<string, unknown>, RegExp][] = [
    ['empty job name', { jobName: '' }, /^jobName: A job name is needed\./],
    [
      'job name with a space',
      { jobName: 'my job' },
      /^jobName: A job name starts with a letter or digit/,
    ],
    ['job name starting with a hyphen', { jobName: '-job' }, /^jobName: A job name starts/],
    ['job name over 63', { jobName: 'a'.repeat(64) }, /^jobName: A job name is at most 63/],
    [
      'model name with a dot',
      { customModelName: 'my.model' },
      /^customModelName: A custom model name uses letters and digits/,
    ],
    ['model name with a double hyphen', { customModelName: 'a--b' }, /^customModelName: /],
    [
      'role that is a user',
      { roleArn: 'arn:aws:iam::123456789012:user/me' },
      /^roleArn: A service role ARN looks like/,
    ],
    ['role with a short account', { roleArn: 'arn:aws:iam::1234:role/R' }, /^roleArn: /],
    [
      'unknown base model',
      { baseModelIdentifier: 'amazon.nova-micro-v1:0' },
      /^baseModelIdentifier: "amazon\.nova-micro-v1:0" is not a customizable model/,
    ],
    [
      'continued pre-training on Nova',
      { customizationType: 'CONTINUED_PRE_TRAINING' },
      /^customizationType: Amazon Nova Micro does not offer continued pre-training\./,
    ],
    [
      'distillation (not sent by the lab)',
      { customizationType: 'DISTILLATION' },
      /^customizationType: /,
    ],
    [
      'upper-case bucket in the training URI',
      { trainingDataConfig: { s3Uri: 's3://My-Bucket/train.jsonl' } },
      /^trainingDataConfig\.s3Uri: An S3 URI looks like/,
    ],
    [
      'https URL for the output',
      { outputDataConfig: { s3Uri: 'https://my-bucket.s3.amazonaws.com/out/' } },
      /^outputDataConfig\.s3Uri: /,
    ],
    [
      'eleven validators',
      {
        validationDataConfig: {
          validators: Array.from({ length: 11 }, () => ({ s3Uri: 's3://my-bucket/v.jsonl' })),
        },
      },
      /^validationDataConfig\.validators: /,
    ],
    [
      'unknown hyperparameter',
      { hyperParameters: { epochCount: '2', batchSize: '8' } },
      /^hyperParameters\.batchSize: "batchSize" is not a hyperparameter of this model\./,
    ],
    [
      'epochs out of range',
      { hyperParameters: { epochCount: '6' } },
      /^hyperParameters\.epochCount: Epochs must be from 1 to 5; it is 6\./,
    ],
    [
      'fractional epochs',
      { hyperParameters: { epochCount: '1.5' } },
      /^hyperParameters\.epochCount: Epochs must be a whole number\./,
    ],
    [
      'learning rate too high',
      { hyperParameters: { learningRate: '0.001' } },
      /^hyperParameters\.learningRate: Learning rate must be from 0\.000001 to 0\.0001; it is 0\.001\./,
    ],
    [
      'learning rate in exponent notation',
      { hyperParameters: { learningRate: '1e-5' } },
      /^hyperParameters\.learningRate: learningRate must be a plain decimal number as text; it is "1e-5"\./,
    ],
    ['an extra member', { jobTags: [] }, /Unrecognized key/],
  ];
  it.each(bad)('refuses %s', (_name, patch, message) => {
    const problems = requestProblems({ ...GOOD, ...patch });
    expect(problems.length).toBeGreaterThan(0);
    expect(problems.some((p) => message.test(p))).toBe(true);
  });

  it('accepts and refuses job names as the service pattern does, without stalling on hyphens', () => {
    // The service's pattern, run on short names only (it backtracks exponentially on long ones).
    const service = /^[a-zA-Z0-9](-*[a-zA-Z0-9+\-.])*$/;
    for (const name of ['a', 'a-b', 'a--b', 'a-', 'A.b+c-9', '-a', '.a', 'a b', 'a_b', 'a--!']) {
      expect(requestProblems({ ...GOOD, jobName: name }).length === 0, name).toBe(
        service.test(name),
      );
    }
    // A run of hyphens then a refused character: the nested pattern took seconds here.
    const started = performance.now();
    const problems = requestProblems({ ...GOOD, jobName: `a${'-'.repeat(30)}!` });
    expect(performance.now() - started).toBeLessThan(200);
    expect(problems).toEqual([
      'jobName: A job name starts with a letter or digit and uses letters, digits, +, - and . only.',
    ]);
  });

  it('checks the Claude 3 Haiku ranges for Claude', () => {
    const haiku = buildCustomizationJobRequest({
      ...PLAN,
      baseModelIdentifier: 'anthropic.claude-3-haiku-20240307-v1:0:200k',
      hyperParameters: { epochCount: '2', batchSize: '2' },
    });
    expect(requestProblems(haiku)).toEqual([
      'hyperParameters.batchSize: Batch size must be from 4 to 256; it is 2.',
    ]);
  });
});

describe('the upload input', () => {
  it.each([
    ['an upper-case bucket', { bucket: 'MyBucket' }, /A bucket name is 3 to 63 lower-case/],
    ['a two-letter bucket', { bucket: 'ab' }, /A bucket name/],
    ['a prefix with a leading slash', { prefix: '/data' }, /A prefix is folder names/],
    ['a prefix with a space', { prefix: 'my data' }, /A prefix is folder names/],
    ['an empty file', { jsonl: '' }, /The file is empty\./],
  ])('refuses %s', (_name, patch, message) => {
    const check = UploadDatasetFileInput.safeParse({
      bucket: 'my-bucket',
      prefix: 'stratum',
      file: 'train',
      jsonl: '{}',
      ...patch,
    });
    expect(check.success).toBe(false);
    expect(check.error?.issues.map((i) => i.message).join(' ')).toMatch(message);
  });
});

describe('the metric files', () => {
  it('are under model-customization-job-<job id> in the output location', () => {
    const keys = metricKeys(
      's3://my-bucket/stratum/ft/output/',
      'arn:aws:bedrock:us-east-1:123456789012:model-customization-job/amazon.nova-micro-v1:0:128k/abcdef123456',
    );
    expect(keys).toEqual({
      bucket: 'my-bucket',
      training:
        'stratum/ft/output/model-customization-job-abcdef123456/training_artifacts/step_wise_training_metrics.csv',
      validation:
        'stratum/ft/output/model-customization-job-abcdef123456/validation_artifacts/post_fine_tuning_validation/validation_metrics.csv',
    });
  });

  it('parse by column name, skipping rows that do not parse', () => {
    const csv =
      'step_number,epoch_number,training_loss,perplexity\n0,0,2.5,12.1\n1,0,x,1\n2,1,1.25,3.4\n';
    expect(parseMetricsCsv(csv, 'training_loss')).toEqual([
      { step: 0, epoch: 0, loss: 2.5 },
      { step: 2, epoch: 1, loss: 1.25 },
    ]);
    expect(() => parseMetricsCsv(csv, 'validation_loss')).toThrow(/no "validation_loss" column/);
  });
});
