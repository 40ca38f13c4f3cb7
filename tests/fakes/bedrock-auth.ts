/**
 * SigV4 checks of the fake. Every request must be signed like the SDK signs it; when the fake
 * is given credentials it also recomputes the signature, so a wrong secret or a mangled request
 * fails as it would against AWS. Only the access key id and scope are ever kept, never secrets.
 */
import { createHash, createHmac } from 'node:crypto';
import { BedrockError } from './bedrock-errors.js';

export interface FakeCredentials {
  accessKeyId: string;
  secretAccessKey: string;
}

export interface AuthOptions {
  /** When set, only these keys are accepted and signatures are verified against the secret. */
  credentials?: readonly FakeCredentials[];
  /** Allowed clock skew for `x-amz-date`; AWS allows 5 minutes. */
  maxClockSkewMs?: number;
}

export interface SignedRequest {
  method: string;
  /** The request target exactly as received: percent-encoded path plus optional query. */
  rawUrl: string;
  /** Lower-cased header names; repeated headers joined with ','. */
  headers: Readonly<Record<string, string>>;
  body: Buffer;
}

export interface Identity {
  accessKeyId: string;
  region: string;
}

/** The scope the SDK derives from the Bedrock endpoints (signingName `bedrock`). */
const SIGNING_SERVICE = 'bedrock';
const REGION_PATTERN = /^[a-z]{2}(-gov|-iso[a-z]?)?-[a-z]+-\d+$/;
const AMZ_DATE = /^(\d{8})T\d{6}Z$/;

export function authenticate(req: SignedRequest, options: AuthOptions, now: number): Identity {
  const authorization = req.headers['authorization'];
  if (!authorization) {
    throw new BedrockError('MissingAuthenticationTokenException', 'Missing Authentication Token');
  }
  if (/^Bearer\s/i.test(authorization)) {
    throw new BedrockError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const parsed = parseAuthorization(authorization);
  const amzDate = req.headers['x-amz-date'];
  if (!amzDate) {
    throw incomplete(
      "Authorization header requires existence of either a 'X-Amz-Date' or a 'Date' header.",
    );
  }
  const dateMatch = AMZ_DATE.exec(amzDate);
  if (!dateMatch) throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  checkScope(parsed, dateMatch[1] ?? '', amzDate);
  checkClockSkew(amzDate, now, options.maxClockSkewMs ?? 5 * 60_000);
  if (!parsed.signedHeaders.includes('host') && !parsed.signedHeaders.includes(':authority')) {
    throw invalidSignature(
      "'Host' or ':authority' must be a 'SignedHeader' in the AWS Authorization.",
    );
  }
  if (options.credentials) verifySignature(req, parsed, amzDate, options.credentials);
  return { accessKeyId: parsed.accessKeyId, region: parsed.region };
}

interface ParsedAuthorization {
  accessKeyId: string;
  date: string;
  region: string;
  service: string;
  terminator: string;
  signedHeaders: string[];
  signature: string;
}

function parseAuthorization(header: string): ParsedAuthorization {
  const [algorithm, ...rest] = header.trim().split(/\s+/);
  if (algorithm !== 'AWS4-HMAC-SHA256') {
    throw incomplete(`Unsupported AWS 'algorithm': '${algorithm ?? ''}'.`);
  }
  const params = new Map<string, string>();
  for (const part of rest.join(' ').split(',')) {
    const eq = part.indexOf('=');
    if (eq > 0) params.set(part.slice(0, eq).trim(), part.slice(eq + 1).trim());
  }
  const missing = ['Credential', 'SignedHeaders', 'Signature'].filter((k) => !params.get(k));
  if (missing.length > 0) {
    throw incomplete(
      missing.map((k) => `Authorization header requires '${k}' parameter.`).join(' ') +
        ` Authorization=${algorithm}`,
    );
  }
  const credential = (params.get('Credential') ?? '').split('/');
  if (credential.length !== 5 || credential.some((p) => p.length === 0)) {
    throw incomplete(
      "Credential must have exactly 5 slash-delimited elements, e.g. keyid/date/region/service/term, got '" +
        `${params.get('Credential') ?? ''}'`,
    );
  }
  const [accessKeyId = '', date = '', region = '', service = '', terminator = ''] = credential;
  const signature = params.get('Signature') ?? '';
  if (!/^[0-9a-f]{64}$/.test(signature)) {
    throw invalidSignature(
      'The request signature we calculated does not match the signature you provided.',
    );
  }
  return {
    accessKeyId,
    date,
    region,
    service,
    terminator,
    signedHeaders: (params.get('SignedHeaders') ?? '').split(';'),
    signature,
  };
}

function checkScope(p: ParsedAuthorization, amzDay: string, amzDate: string): void {
  if (!/^[A-Z0-9]{16,128}$/.test(p.accessKeyId)) {
    throw new BedrockError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  if (p.date !== amzDay) {
    throw invalidSignature(
      `Date in Credential scope does not match YYYYMMDD from ISO-8601 version of date from HTTP: '${p.date}' != '${amzDay}', from '${amzDate}'.`,
    );
  }
  if (!REGION_PATTERN.test(p.region)) {
    throw invalidSignature('Credential should be scoped to a valid region.');
  }
  if (p.service !== SIGNING_SERVICE) {
    throw invalidSignature(`Credential should be scoped to correct service: '${SIGNING_SERVICE}'.`);
  }
  if (p.terminator !== 'aws4_request') {
    throw invalidSignature("Credential should be scoped with a valid terminator: 'aws4_request'.");
  }
}

function checkClockSkew(amzDate: string, now: number, maxSkewMs: number): void {
  const iso = `${amzDate.slice(0, 4)}-${amzDate.slice(4, 6)}-${amzDate.slice(6, 8)}T${amzDate.slice(9, 11)}:${amzDate.slice(11, 13)}:${amzDate.slice(13, 15)}Z`;
  const signedAt = Date.parse(iso);
  if (Number.isNaN(signedAt))
    throw incomplete(`Date must be in ISO-8601 'basic format'. Got '${amzDate}'.`);
  if (now - signedAt > maxSkewMs) {
    throw invalidSignature(
      `Signature expired: ${amzDate} is now earlier than the allowed clock skew.`,
    );
  }
  if (signedAt - now > maxSkewMs) {
    throw invalidSignature(
      `Signature not yet current: ${amzDate} is still later than the allowed clock skew.`,
    );
  }
}

function verifySignature(
  req: SignedRequest,
  p: ParsedAuthorization,
  amzDate: string,
  credentials: readonly FakeCredentials[],
): void {
  const known = credentials.find((c) => c.accessKeyId === p.accessKeyId);
  if (!known) {
    throw new BedrockError(
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
    );
  }
  const scope = `${p.date}/${p.region}/${p.service}/${p.terminator}`;
  const key = signingKey(known.secretAccessKey, p.date, p.region, p.service);
  const declaredHash = req.headers['x-amz-content-sha256'];
  // The SDK signs streamed bodies as UNSIGNED-PAYLOAD without saying so in a header.
  const candidates = declaredHash ? [declaredHash] : [sha256Hex(req.body), 'UNSIGNED-PAYLOAD'];
  for (const payloadHash of candidates) {
    const canonical = canonicalRequest(req, p.signedHeaders, payloadHash);
    const stringToSign = ['AWS4-HMAC-SHA256', amzDate, scope, sha256Hex(canonical)].join('\n');
    if (hmac(key, stringToSign).toString('hex') === p.signature) return;
  }
  throw invalidSignature(
    'The request signature we calculated does not match the signature you provided. Check your AWS Secret Access Key and signing method. Consult the service documentation for details.',
  );
}

function canonicalRequest(
  req: SignedRequest,
  signedHeaders: string[],
  payloadHash: string,
): string {
  const q = req.rawUrl.indexOf('?');
  const rawPath = q >= 0 ? req.rawUrl.slice(0, q) : req.rawUrl;
  const rawQuery = q >= 0 ? req.rawUrl.slice(q + 1) : '';
  const headerLines = [...signedHeaders].sort().map((name) => {
    // HTTP/2 carries the host as the :authority pseudo-header (and the SDK then signs that).
    const value =
      name === 'host'
        ? (req.headers['host'] ?? req.headers[':authority'])
        : name === ':authority'
          ? (req.headers[':authority'] ?? req.headers['host'])
          : req.headers[name];
    return `${name}:${(value ?? '')
      .replace(/[\r\n]/g, ' ')
      .replace(/[ \t]+/g, ' ')
      .trim()}`;
  });
  return [
    req.method,
    canonicalPath(rawPath),
    canonicalQuery(rawQuery),
    headerLines.join('\n'),
    '',
    [...signedHeaders].sort().join(';'),
    payloadHash,
  ].join('\n');
}

/** Non-S3 SigV4 normalises the path and then URI-encodes the already-encoded segments again. */
function canonicalPath(rawPath: string): string {
  const segments: string[] = [];
  for (const segment of rawPath.split('/')) {
    if (segment === '' || segment === '.') continue;
    if (segment === '..') segments.pop();
    else segments.push(segment);
  }
  const trailing = segments.length > 0 && rawPath.endsWith('/') ? '/' : '';
  return `/${segments.map(escapeUri).join('/')}${trailing}`;
}

function canonicalQuery(rawQuery: string): string {
  if (!rawQuery) return '';
  const pairs = rawQuery
    .split('&')
    .filter((p) => p.length > 0)
    .map((pair) => {
      const eq = pair.indexOf('=');
      const k = decodeQueryPart(eq >= 0 ? pair.slice(0, eq) : pair);
      const v = decodeQueryPart(eq >= 0 ? pair.slice(eq + 1) : '');
      return [escapeUri(k), escapeUri(v)] as const;
    })
    .filter(([k]) => k.toLowerCase() !== 'x-amz-signature');
  pairs.sort(([ak, av], [bk, bv]) => (ak === bk ? (av < bv ? -1 : 1) : ak < bk ? -1 : 1));
  return pairs.map(([k, v]) => `${k}=${v}`).join('&');
}

function decodeQueryPart(part: string): string {
  try {
    return decodeURIComponent(part.replace(/\+/g, '%20'));
  } catch {
    return part;
  }
}

/** RFC 3986 escaping, as the SDK's `escapeUri`. */
function escapeUri(value: string): string {
  return encodeURIComponent(value).replace(
    /[!'()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}

function signingKey(secret: string, date: string, region: string, service: string): Buffer {
  const kDate = hmac(`AWS4${secret}`, date);
  const kRegion = hmac(kDate, region);
  const kService = hmac(kRegion, service);
  return hmac(kService, 'aws4_request');
}

function hmac(key: string | Buffer, data: string): Buffer {
  return createHmac('sha256', key).update(data, 'utf8').digest();
}

function sha256Hex(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}

function incomplete(message: string): BedrockError {
  return new BedrockError('IncompleteSignatureException', message);
}

function invalidSignature(message: string): BedrockError {
  return new BedrockError('InvalidSignatureException', message);
}
