/**
 * The fake S3 against the real `@aws-sdk/client-s3`: a Buffer body (CRC32 in a header) and a
 * streamed body (aws-chunked with the checksum in a trailer) both arrive intact and verified,
 * GetObject and HeadObject read them back, and errors come back as the SDK's named exceptions.
 */
import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { S3Store, dechunk, startFakeS3, type FakeS3 } from '../fakes/s3';

let s3: FakeS3;
let client: S3Client;
const nameOf = (p: Promise<unknown>) =>
  p.then(
    () => 'ok',
    (e: unknown) => (e as Error).name,
  );

beforeAll(async () => {
  const store = new S3Store();
  store.createBucket('stratum-test', 'us-east-1');
  store.createBucket('stratum-west', 'us-west-2');
  s3 = await startFakeS3({ store, accessKeyIds: ['AKIAFAKE'] });
  client = new S3Client({
    region: 'us-east-1',
    endpoint: s3.url,
    credentials: { accessKeyId: 'AKIAFAKE', secretAccessKey: 'secret' },
  });
});
afterAll(async () => {
  client.destroy();
  await s3.close();
});

describe('the fake S3, path-style', () => {
  it('stores a Buffer body and a streamed aws-chunked body, checksums verified', async () => {
    const put = await client.send(
      new PutObjectCommand({ Bucket: 'stratum-test', Key: 'a/b.jsonl', Body: Buffer.from('{}\n') }),
    );
    expect(put.ETag).toMatch(/^"[0-9a-f]{32}"$/);
    await client.send(
      new PutObjectCommand({
        Bucket: 'stratum-test',
        Key: 'a/streamed.jsonl',
        Body: Readable.from([Buffer.from('streamed '), Buffer.from('body\n')]),
        ContentLength: 14,
      }),
    );
    expect(s3.requests.map((r) => [r.key, r.status, r.chunked])).toEqual([
      ['a/b.jsonl', 200, false],
      ['a/streamed.jsonl', 200, true],
    ]);
    const got = await client.send(
      new GetObjectCommand({ Bucket: 'stratum-test', Key: 'a/streamed.jsonl' }),
    );
    expect(await got.Body!.transformToString()).toBe('streamed body\n');
    const head = await client.send(
      new HeadObjectCommand({ Bucket: 'stratum-test', Key: 'a/b.jsonl' }),
    );
    expect(head.ContentLength).toBe(3);
  });

  it('answers errors as S3 XML the SDK names', async () => {
    expect(
      await nameOf(client.send(new GetObjectCommand({ Bucket: 'stratum-test', Key: 'x' }))),
    ).toBe('NoSuchKey');
    expect(
      await nameOf(client.send(new HeadObjectCommand({ Bucket: 'stratum-test', Key: 'x' }))),
    ).toBe('NotFound');
    expect(await nameOf(client.send(new GetObjectCommand({ Bucket: 'no-bucket', Key: 'x' })))).toBe(
      'NoSuchBucket',
    );
    expect(
      await nameOf(client.send(new GetObjectCommand({ Bucket: 'stratum-west', Key: 'x' }))),
    ).toBe('PermanentRedirect');
    s3.store.denyAccess('stratum-test');
    const denied = client.send(
      new PutObjectCommand({ Bucket: 'stratum-test', Key: 'y', Body: 'z' }),
    );
    expect(await nameOf(denied)).toBe('AccessDenied');
    s3.store.denyAccess('stratum-test', false);
    const stranger = new S3Client({
      region: 'us-east-1',
      endpoint: s3.url,
      credentials: { accessKeyId: 'AKIAOTHER', secretAccessKey: 'secret' },
    });
    expect(
      await nameOf(
        stranger.send(new GetObjectCommand({ Bucket: 'stratum-test', Key: 'a/b.jsonl' })),
      ),
    ).toBe('InvalidAccessKeyId');
    stranger.destroy();
  });

  it('de-chunks aws-chunked bodies with chunk extensions and trailers', () => {
    const raw = Buffer.from(
      '5;chunk-signature=abc\r\nhello\r\n0\r\nx-amz-checksum-crc32:NhCmhg==\r\n\r\n',
    );
    expect(dechunk(raw)).toEqual({
      body: Buffer.from('hello'),
      trailers: { 'x-amz-checksum-crc32': 'NhCmhg==' },
    });
  });
});
