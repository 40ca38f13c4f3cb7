import { describe, expect, it } from 'vitest';
import { AppFailure, toAppError } from '../../electron/main/errors';

/** Builds an error shaped like the SDK's service exceptions. */
function sdkError(name: string, message: string, status?: number): Error {
  return Object.assign(new Error(message), {
    name,
    ...(status ? { $metadata: { httpStatusCode: status } } : {}),
  });
}

const ctx = {
  modelId: 'anthropic.claude-sonnet-4-5-20250929-v1:0',
  region: 'eu-west-1',
  profile: 'work',
};

describe('toAppError', () => {
  it.each([
    [
      'AccessDeniedException',
      "You don't have access to the model with the specified model ID.",
      403,
      'access_denied',
      /Model access/,
    ],
    [
      'ThrottlingException',
      'Too many requests, please wait before trying again.',
      429,
      'throttled',
      /Wait a minute/,
    ],
    ['ModelNotReadyException', 'Model is not ready', 429, 'model_not_ready', /in a minute/],
    ['ServiceQuotaExceededException', 'quota', 400, 'throttled', /Service Quotas/],
    ['ResourceNotFoundException', 'Model not found', 404, 'model_not_found', /switch region/],
    ['ModelTimeoutException', 'timed out', 408, 'timeout', /shorter/],
    ['ModelErrorException', 'boom', 424, 'model_error', /another model/],
    ['ServiceUnavailableException', 'down', 503, 'service_unavailable', /another region/],
    ['InternalServerException', 'oops', 500, 'service_unavailable', /try again/],
    [
      'UnrecognizedClientException',
      'The security token included in the request is invalid.',
      403,
      'invalid_credentials',
      /access key/,
    ],
    [
      'ExpiredTokenException',
      'The security token included in the request is expired',
      400,
      'invalid_credentials',
      /aws sso login --profile work/,
    ],
  ])('%s -> %s', (name, message, status, code, remedy) => {
    const e = toAppError(sdkError(name, message, status), ctx);
    expect(e.code).toBe(code);
    expect(e.remedy).toMatch(remedy);
  });

  it('says a model that is not ready is being prepared, not that requests are throttled', () => {
    const e = toAppError(sdkError('ModelNotReadyException', 'Model is not ready', 429), ctx);
    expect(e.code).toBe('model_not_ready');
    expect(e.message).toMatch(/not ready/);
    expect(e.message).toMatch(/preparing \(loading\)/);
    expect(e.message).not.toMatch(/throttl/i);
  });

  it('does not claim retries for throttling inside a stream, and keeps the text so far', () => {
    const thrown = sdkError('ThrottlingException', 'Too many requests');
    const before = toAppError(thrown, ctx);
    expect(before.message).toMatch(/even after the SDK's automatic retries/);
    const inStream = toAppError(thrown, { ...ctx, inStream: true });
    expect(inStream.code).toBe('throttled');
    expect(inStream.message).not.toMatch(/after .*automatic retries/);
    expect(inStream.message).toMatch(/while it was streaming/);
    expect(inStream.remedy).toMatch(/text so far is kept/);
  });

  it('maps the SDK handler timeout to a network remedy', () => {
    const e = toAppError(
      sdkError('TimeoutError', 'Stream timed out because of no activity for 50 ms'),
    );
    expect(e.code).toBe('timeout');
    expect(e.remedy).toMatch(/proxy or VPN/);
    expect(e.remedy).toMatch(/endpoint in Settings/);
  });

  it('maps the on-demand throughput error to the matching inference profile for the region', () => {
    const message =
      'Invocation of model ID anthropic.claude-sonnet-4-5-20250929-v1:0 with on-demand throughput isn’t supported. Retry your request with the ID or ARN of an inference profile that contains this model.';
    const e = toAppError(sdkError('ValidationException', message, 400), ctx);
    expect(e.code).toBe('on_demand_not_supported');
    expect(e.remedy).toContain('eu.anthropic.claude-sonnet-4-5-20250929-v1:0');
    const us = toAppError(sdkError('ValidationException', message, 400), {
      ...ctx,
      region: 'us-west-2',
    });
    expect(us.remedy).toContain('us.anthropic.claude-sonnet-4-5-20250929-v1:0');
  });

  it('keeps other validation errors as validation, quoting the service', () => {
    const e = toAppError(sdkError('ValidationException', 'temperature must be <= 1', 400), ctx);
    expect(e).toMatchObject({ code: 'validation' });
    expect(e.message).toContain('temperature must be <= 1');
  });

  it('recognises missing credentials and expired SSO sessions', () => {
    const none = toAppError(
      sdkError('CredentialsProviderError', 'Could not load credentials from any providers'),
      { ...ctx, profile: null },
    );
    expect(none.code).toBe('no_credentials');
    expect(none.remedy).toMatch(/aws configure/);
    const sso = toAppError(
      sdkError(
        'CredentialsProviderError',
        'The SSO session associated with this profile has expired or is otherwise invalid. To refresh this SSO session run aws sso login with the corresponding profile.',
      ),
      ctx,
    );
    expect(sso.code).toBe('sso_expired');
    expect(sso.remedy).toBe(
      'Run `aws sso login --profile work` in a terminal, then test the connection again.',
    );
  });

  it('recognises a network failure, also when it is wrapped as a cause', () => {
    const refused = Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), {
      code: 'ECONNREFUSED',
    });
    expect(toAppError(refused, ctx).code).toBe('offline');
    const wrapped = Object.assign(new Error('fetch failed'), {
      cause: Object.assign(
        new Error('getaddrinfo ENOTFOUND bedrock-runtime.eu-west-1.amazonaws.com'),
        { code: 'ENOTFOUND' },
      ),
    });
    expect(toAppError(wrapped, ctx)).toMatchObject({
      code: 'offline',
      remedy: expect.stringMatching(/offline/),
    });
  });

  it('treats an abort as a cancellation', () => {
    expect(toAppError(sdkError('AbortError', 'Request aborted'), ctx).code).toBe('cancelled');
  });

  it('passes an already understood AppFailure through unchanged', () => {
    const failure = new AppFailure({ code: 'stream_interrupted', message: 'Cut off.' });
    expect(toAppError(failure)).toEqual({ code: 'stream_interrupted', message: 'Cut off.' });
  });

  it('falls back to a generic internal error for anything else', () => {
    expect(toAppError('weird')).toMatchObject({
      code: 'internal',
      message: expect.stringContaining('weird'),
    });
  });
});

describe('toAppError with SSO role names in service errors', () => {
  it('does not mistake an AccessDenied for an SSO role for an expired session', () => {
    const e = toAppError(
      sdkError(
        'AccessDeniedException',
        'User: arn:aws:sts::111122223333:assumed-role/AWSReservedSSO_Learner_0123/me is not authorized to perform: bedrock:InvokeModel; token ok',
        403,
      ),
      ctx,
    );
    expect(e.code).toBe('access_denied');
  });
});
