/**
 * A strict, small fake of Amazon S3 for the customization lab's job: PutObject, GetObject and
 * HeadObject, path-style (`/{Bucket}/{Key+}`), over HTTP/1.1, speaking the real REST-XML protocol
 * so the real `@aws-sdk/client-s3` talks to it (point AWS_ENDPOINT_URL_S3 at `url`; the SDK picks
 * path-style by itself for an IP host).
 *
 * - Auth: every request needs a SigV4 Authorization header scoped to the `s3` service (the
 *   signature itself is not recomputed); with `accessKeyIds`, other keys get 403 InvalidAccessKeyId.
 * - PutObject: the body as sent, or de-chunked when `Content-Encoding: aws-chunked` (checksum in
 *   the trailer). `x-amz-checksum-crc32` (header or trailer) and `Content-MD5` are verified: a
 *   mismatch is 400 BadDigest. Answers 200 with a quoted MD5 ETag.
 * - GetObject / HeadObject: 200 with Content-Type, Content-Length, ETag, Last-Modified; no
 *   checksum headers (if sent they must be right, and the SDK validates them).
 * - Errors as S3 XML (`<Error><Code>…</Code><Message>…</Message>…</Error>`): NoSuchBucket,
 *   NoSuchKey (HEAD: 404 with no body), AccessDenied (fault switch `denyAccess`), PermanentRedirect
 *   for a bucket in another Region, MethodNotAllowed for anything else.
 */
import { createHash, randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { crc32 } from 'node:zlib';

export interface S3Object {
  body: Buffer;
  contentType: string;
  etag: string;
  lastModified: Date;
}

interface Bucket {
  region: string;
  objects: Map<string, S3Object>;
}

export interface S3RecordedRequest {
  method: string;
  bucket: string;
  key: string;
  status: number;
  errorCode?: string;
  /** The body as stored (after de-chunking), for PUT. */
  bytes?: number;
  chunked: boolean;
}

/** The fake's buckets and objects; the fake Bedrock reads it to check a job's S3 locations. */
export class S3Store {
  private readonly buckets = new Map<string, Bucket>();
  /** Buckets whose every request is denied ('*' for all). */
  private readonly denied = new Set<string>();

  createBucket(name: string, region = 'us-east-1'): void {
    if (!this.buckets.has(name)) this.buckets.set(name, { region, objects: new Map() });
  }

  bucket(name: string): Bucket | undefined {
    return this.buckets.get(name);
  }

  /** Fault switch: AccessDenied for every request to `bucket` (or every bucket with '*'). */
  denyAccess(bucket: string, deny = true): void {
    if (deny) this.denied.add(bucket);
    else this.denied.delete(bucket);
  }

  isDenied(bucket: string): boolean {
    return this.denied.has('*') || this.denied.has(bucket);
  }

  put(bucket: string, key: string, body: Buffer, contentType = 'binary/octet-stream'): S3Object {
    const b = this.buckets.get(bucket);
    if (!b) throw new Error(`No bucket ${bucket}`);
    const object: S3Object = {
      body,
      contentType,
      etag: `"${createHash('md5').update(body).digest('hex')}"`,
      lastModified: new Date(),
    };
    b.objects.set(key, object);
    return object;
  }

  get(bucket: string, key: string): S3Object | undefined {
    return this.buckets.get(bucket)?.objects.get(key);
  }

  /** Whether an `s3://bucket/key` URI names an object (or, ending in /, a folder with objects). */
  exists(uri: string): boolean {
    const m = /^s3:\/\/([^/]+)\/?(.*)$/.exec(uri);
    if (!m) return false;
    const b = this.buckets.get(m[1] ?? '');
    if (!b) return false;
    const key = m[2] ?? '';
    if (key === '' || key.endsWith('/')) return true;
    return b.objects.has(key);
  }

  keys(bucket: string): string[] {
    return [...(this.buckets.get(bucket)?.objects.keys() ?? [])];
  }

  reset(): void {
    this.denied.clear();
    for (const b of this.buckets.values()) b.objects.clear();
  }
}

class S3Error extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly extra: Record<string, string> = {},
  ) {
    super(message);
  }
}

const escapeXml = (s: string) =>
  s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

function errorXml(e: S3Error, requestId: string): string {
  const extra = Object.entries(e.extra)
    .map(([k, v]) => `<${k}>${escapeXml(v)}</${k}>`)
    .join('');
  return `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${e.code}</Code><Message>${escapeXml(e.message)}</Message>${extra}<RequestId>${requestId}</RequestId><HostId>fake</HostId></Error>`;
}

/** Checks the SigV4 Authorization header's shape and scope; returns the access key and region. */
function authenticate(
  req: IncomingMessage,
  accessKeyIds: readonly string[] | undefined,
): { accessKeyId: string; region: string } {
  const auth = req.headers.authorization ?? '';
  const m =
    /^AWS4-HMAC-SHA256 Credential=([^/]+)\/(\d{8})\/([^/]+)\/([^/]+)\/aws4_request,\s*SignedHeaders=[^,]+,\s*Signature=[0-9a-f]{64}$/.exec(
      auth,
    );
  if (!m) throw new S3Error(403, 'AccessDenied', 'Anonymous users cannot access this resource.');
  const [, accessKeyId = '', , region = '', service = ''] = m;
  if (service !== 's3') {
    throw new S3Error(
      400,
      'AuthorizationHeaderMalformed',
      `The authorization header is malformed; incorrect service "${service}". This endpoint belongs to "s3".`,
    );
  }
  if (accessKeyIds && !accessKeyIds.includes(accessKeyId)) {
    throw new S3Error(
      403,
      'InvalidAccessKeyId',
      'The AWS Access Key Id you provided does not exist in our records.',
    );
  }
  return { accessKeyId, region };
}

/** Decodes an `aws-chunked` body: `<hex size>[;ext]\r\n<data>\r\n` … `0\r\n<trailers>\r\n\r\n`. */
export function dechunk(raw: Buffer): { body: Buffer; trailers: Record<string, string> } {
  const parts: Buffer[] = [];
  const trailers: Record<string, string> = {};
  let at = 0;
  for (;;) {
    const eol = raw.indexOf('\r\n', at);
    if (eol < 0) throw new S3Error(400, 'IncompleteBody', 'The aws-chunked body ended early.');
    const size = parseInt(
      (raw.subarray(at, eol).toString('latin1').split(';')[0] ?? '').trim(),
      16,
    );
    if (!Number.isFinite(size)) {
      throw new S3Error(400, 'InvalidRequest', 'A chunk size of the aws-chunked body is not hex.');
    }
    at = eol + 2;
    if (size === 0) break;
    parts.push(raw.subarray(at, at + size));
    at += size + 2;
  }
  for (const line of raw.subarray(at).toString('latin1').split('\r\n')) {
    const colon = line.indexOf(':');
    if (colon > 0)
      trailers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { body: Buffer.concat(parts), trailers };
}

function crc32Base64(body: Buffer): string {
  const out = Buffer.alloc(4);
  out.writeUInt32BE(crc32(body) >>> 0);
  return out.toString('base64');
}

async function readBody(req: IncomingMessage, max: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req) {
    size += (chunk as Buffer).length;
    if (size > max)
      throw new S3Error(
        400,
        'EntityTooLarge',
        "Your proposed upload exceeds the fake's size limit.",
      );
    chunks.push(chunk as Buffer);
  }
  return Buffer.concat(chunks);
}

/** The body of a PutObject as stored, checked against its declared checksums. */
function putBody(req: IncomingMessage, raw: Buffer): { body: Buffer; chunked: boolean } {
  const encoding = String(req.headers['content-encoding'] ?? '');
  const chunked = encoding.split(',').some((e) => e.trim() === 'aws-chunked');
  let body = raw;
  let trailers: Record<string, string> = {};
  if (chunked) {
    ({ body, trailers } = dechunk(raw));
    const declared = Number(req.headers['x-amz-decoded-content-length']);
    if (Number.isFinite(declared) && declared !== body.length) {
      throw new S3Error(
        400,
        'IncompleteBody',
        'The decoded length does not match x-amz-decoded-content-length.',
      );
    }
  }
  const crc = String(req.headers['x-amz-checksum-crc32'] ?? trailers['x-amz-checksum-crc32'] ?? '');
  if (crc && crc !== crc32Base64(body)) {
    throw new S3Error(
      400,
      'BadDigest',
      'The CRC32 you specified did not match the calculated checksum.',
    );
  }
  const md5 = String(req.headers['content-md5'] ?? '');
  if (md5 && md5 !== createHash('md5').update(body).digest('base64')) {
    throw new S3Error(
      400,
      'BadDigest',
      'The Content-MD5 you specified did not match what we received.',
    );
  }
  return { body, chunked };
}

export interface FakeS3 {
  readonly url: string;
  readonly store: S3Store;
  readonly requests: S3RecordedRequest[];
  close(): Promise<void>;
}

export async function startFakeS3(
  options: { store?: S3Store; accessKeyIds?: string[]; maxBodyBytes?: number } = {},
): Promise<FakeS3> {
  const store = options.store ?? new S3Store();
  const requests: S3RecordedRequest[] = [];
  const max = options.maxBodyBytes ?? 128 * 1024 * 1024;
  const server = createServer((req, res) => {
    void handle(req, res);
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const requestId = randomBytes(8).toString('hex').toUpperCase();
    const path = (req.url ?? '/').split('?')[0] ?? '/';
    const slash = path.indexOf('/', 1);
    const bucket = decodeURIComponent(slash < 0 ? path.slice(1) : path.slice(1, slash));
    const key = slash < 0 ? '' : decodeURIComponent(path.slice(slash + 1));
    const method = req.method ?? 'GET';
    const record: S3RecordedRequest = { method, bucket, key, status: 0, chunked: false };
    requests.push(record);
    try {
      const raw = await readBody(req, max);
      const identity = authenticate(req, options.accessKeyIds);
      const b = store.bucket(bucket);
      if (!b) {
        throw new S3Error(404, 'NoSuchBucket', 'The specified bucket does not exist', {
          BucketName: bucket,
        });
      }
      if (store.isDenied(bucket)) throw new S3Error(403, 'AccessDenied', 'Access Denied');
      if (b.region !== identity.region) {
        throw new S3Error(
          301,
          'PermanentRedirect',
          'The bucket you are attempting to access must be addressed using the specified endpoint. Please send all future requests to this endpoint.',
          { Bucket: bucket, Endpoint: `s3.${b.region}.amazonaws.com` },
        );
      }
      if (!key) throw new S3Error(405, 'MethodNotAllowed', 'The fake S3 serves objects only.');
      if (method === 'PUT') {
        const { body, chunked } = putBody(req, raw);
        record.chunked = chunked;
        record.bytes = body.length;
        const type = String(req.headers['content-type'] ?? 'binary/octet-stream');
        const object = store.put(bucket, key, body, type);
        res.writeHead(200, { ETag: object.etag, 'x-amz-request-id': requestId });
        res.end();
        record.status = 200;
        return;
      }
      if (method === 'GET' || method === 'HEAD') {
        const object = store.get(bucket, key);
        if (!object) {
          throw new S3Error(404, 'NoSuchKey', 'The specified key does not exist.', { Key: key });
        }
        res.writeHead(200, {
          'Content-Type': object.contentType,
          'Content-Length': String(object.body.length),
          ETag: object.etag,
          'Last-Modified': object.lastModified.toUTCString(),
          'x-amz-request-id': requestId,
        });
        res.end(method === 'HEAD' ? undefined : object.body);
        record.status = 200;
        return;
      }
      throw new S3Error(
        405,
        'MethodNotAllowed',
        'The specified method is not allowed against this resource.',
      );
    } catch (error) {
      const e =
        error instanceof S3Error
          ? error
          : new S3Error(
              500,
              'InternalError',
              error instanceof Error ? error.message : String(error),
            );
      record.status = e.status;
      record.errorCode = e.code;
      const body = method === 'HEAD' ? '' : errorXml(e, requestId);
      res.writeHead(e.status, {
        'Content-Type': 'application/xml',
        'Content-Length': String(Buffer.byteLength(body)),
        'x-amz-request-id': requestId,
      });
      res.end(body);
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    store,
    requests,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
