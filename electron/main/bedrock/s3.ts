/**
 * The learner's S3 bucket, for the customization lab's job (`@aws-sdk/client-s3`, the same
 * credentials as Bedrock): PutObject for the dataset files and GetObject for the job's metric
 * files. Each call goes through `recordedCall`, so it lands in the invocation log.
 *
 * The endpoint is the SDK's own: without an explicit one it honours AWS_ENDPOINT_URL_S3 (or
 * AWS_ENDPOINT_URL); the Bedrock endpoint setting is not used for S3 (it names Bedrock's host).
 * S3's own errors (rest-xml: AccessDenied, NoSuchBucket, NoSuchKey, PermanentRedirect) are turned
 * into what the learner should do here; the rest fall to the app's mapping.
 */
import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { CallRecorder, InvocationRecord } from '../../../shared/invocations';
import { AppFailure } from '../errors';
import type { AwsTarget, BedrockTimeouts } from './client';
import { recordedCall } from './recorded-call';

export interface S3Caller {
  client: S3Client;
  target: AwsTarget;
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

/**
 * S3 clients per (profile, region), one cache per backend (the SDK reads AWS_ENDPOINT_URL_S3 when
 * a client is built), with the same credential choice as client.ts. Call `reset` when settings
 * change.
 */
export class S3Clients {
  private readonly clients = new Map<string, S3Client>();

  constructor(private readonly timeouts: BedrockTimeouts) {}

  for(target: AwsTarget): S3Client {
    const key = JSON.stringify([target.profile, target.region]);
    let client = this.clients.get(key);
    if (!client) {
      client = new S3Client({
        region: target.region,
        credentials: target.profile
          ? fromIni({ profile: target.profile, ignoreCache: true })
          : fromNodeProviderChain({ ignoreCache: true }),
        maxAttempts: 3,
        requestHandler: {
          connectionTimeout: this.timeouts.connectMs,
          requestTimeout: this.timeouts.callMs,
          throwOnRequestTimeout: true,
        },
      });
      this.clients.set(key, client);
    }
    return client;
  }

  callerFor(target: AwsTarget, record: CallRecorder): S3Caller {
    return { client: this.for(target), target, record, timeouts: this.timeouts };
  }

  reset(): void {
    for (const c of this.clients.values()) c.destroy();
    this.clients.clear();
  }
}

const nameOf = (e: unknown) =>
  typeof e === 'object' && e !== null && 'name' in e ? String(e.name) : '';
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));

/** What an S3 failure means for the learner; null when the app's own mapping says it better. */
export function s3Failure(
  error: unknown,
  op: 'PutObject' | 'GetObject',
  bucket: string,
  key: string,
  region: string,
): AppFailure | null {
  const name = nameOf(error);
  const where = `s3://${bucket}/${key}`;
  if (name === 'AccessDenied' || name === 'AccessDeniedException' || name === 'Forbidden') {
    const action = op === 'PutObject' ? 's3:PutObject' : 's3:GetObject';
    return new AppFailure({
      code: 'access_denied',
      message: `S3 refused ${op} on ${where}: access denied (${messageOf(error)}).`,
      remedy: `Your IAM identity needs ${action} on arn:aws:s3:::${bucket}/* and the bucket policy of "${bucket}" must not deny it (check both, and any KMS key policy if the bucket uses SSE-KMS).`,
    });
  }
  if (name === 'NoSuchBucket') {
    return new AppFailure({
      code: 'validation',
      message: `The bucket "${bucket}" does not exist (${region}).`,
      remedy: `Create it in ${region} (the Region in Settings), or correct the bucket name.`,
    });
  }
  if (name === 'PermanentRedirect' || name === 'AuthorizationHeaderMalformed') {
    return new AppFailure({
      code: 'validation',
      message: `The bucket "${bucket}" is not in ${region}.`,
      remedy: `Use a bucket in ${region}, where the customization job runs, or switch the Region in Settings.`,
    });
  }
  return null;
}

async function s3Call<T>(
  caller: S3Caller,
  op: 'PutObject' | 'GetObject',
  bucket: string,
  key: string,
  run: (options: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
): Promise<T> {
  return recordedCall(
    {
      feature: 'customization',
      operation: op satisfies InvocationRecord['operation'],
      modelId: `s3://${bucket}`,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.callMs,
      errorContext: { iamActions: [op === 'PutObject' ? 's3:PutObject' : 's3:GetObject'] },
    },
    async (meter) => {
      try {
        return await run(meter.sendOptions);
      } catch (error) {
        // Anything else recordedCall maps with the same context (bucket, Region, profile, action).
        throw s3Failure(error, op, bucket, key, caller.target.region) ?? error;
      }
    },
  );
}

/** Writes `body` (UTF-8 text) to s3://bucket/key; returns its size and ETag. */
export async function putText(
  caller: S3Caller,
  bucket: string,
  key: string,
  body: string,
  contentType: string,
): Promise<{ bytes: number; etag: string | null }> {
  const bytes = Buffer.from(body, 'utf8');
  const out = await s3Call(caller, 'PutObject', bucket, key, (options) =>
    caller.client.send(
      new PutObjectCommand({ Bucket: bucket, Key: key, Body: bytes, ContentType: contentType }),
      options,
    ),
  );
  return { bytes: bytes.length, etag: out.ETag ?? null };
}

/** Reads s3://bucket/key as text; null when there is no such key (not an error: not written yet). */
export async function getTextOrNull(
  caller: S3Caller,
  bucket: string,
  key: string,
): Promise<string | null> {
  return s3Call(caller, 'GetObject', bucket, key, async (options) => {
    try {
      const out = await caller.client.send(
        new GetObjectCommand({ Bucket: bucket, Key: key }),
        options,
      );
      return (await out.Body?.transformToString('utf-8')) ?? '';
    } catch (error) {
      if (nameOf(error) === 'NoSuchKey') return null;
      throw error;
    }
  });
}
