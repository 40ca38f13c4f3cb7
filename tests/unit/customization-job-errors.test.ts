import { describe, expect, it } from 'vitest';
import { jobFailure } from '../../electron/main/bedrock/customization-jobs';
import { s3Failure } from '../../electron/main/bedrock/s3';

const named = (name: string, message: string) => Object.assign(new Error(message), { name });

describe('what a failed customization call tells the learner', () => {
  it.each([
    [
      'a role the learner may not pass',
      named(
        'AccessDeniedException',
        'User: arn:aws:iam::1:user/me is not authorized to perform: iam:PassRole on resource: arn:aws:iam::1:role/R',
      ),
      'access_denied',
      /iam:PassRole on the service role/,
    ],
    [
      'a role Bedrock cannot assume',
      named(
        'ValidationException',
        'Could not assume the provided IAM role. Check its trust policy.',
      ),
      'validation',
      /trust bedrock\.amazonaws\.com/,
    ],
    [
      'an assumed-role identity without the job actions',
      named(
        'AccessDeniedException',
        'User: arn:aws:sts::1:assumed-role/Admin/me is not authorized to perform: bedrock:CreateModelCustomizationJob',
      ),
      'access_denied',
      /bedrock:CreateModelCustomizationJob, bedrock:GetModelCustomizationJob/,
    ],
    [
      'a duplicate job name',
      named('ConflictException', 'A job with this name already exists.'),
      'validation',
      /choose another name/,
    ],
  ])('%s', (_what, error, code, remedy) => {
    const failure = jobFailure(error, 'CreateModelCustomizationJob', 'us-east-1');
    expect(failure?.appError.code).toBe(code);
    expect(failure?.appError.remedy).toMatch(remedy);
  });

  it('S3 access denied names the action, the bucket policy and the object', () => {
    const f = s3Failure(
      named('AccessDenied', 'Access Denied'),
      'GetObject',
      'b1',
      'k/m.csv',
      'us-east-1',
    );
    expect(f?.appError.message).toContain('s3://b1/k/m.csv');
    expect(f?.appError.remedy).toMatch(
      /s3:GetObject on arn:aws:s3:::b1\/\*.*bucket policy of "b1"/,
    );
  });

  it('a bucket in another Region says which Region to use', () => {
    const f = s3Failure(named('PermanentRedirect', 'moved'), 'PutObject', 'b1', 'k', 'eu-west-1');
    expect(f?.appError.remedy).toMatch(/Use a bucket in eu-west-1/);
  });

  it('leaves other errors to the app-wide mapping', () => {
    expect(
      s3Failure(named('ThrottlingException', 'slow down'), 'PutObject', 'b', 'k', 'r'),
    ).toBeNull();
    expect(
      jobFailure(named('ThrottlingException', 'slow down'), 'GetModelCustomizationJob', 'r'),
    ).toBeNull();
  });
});
