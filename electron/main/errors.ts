/**
 * The main process's failures: `AppFailure` (thrown by our own code when the failure is already
 * understood) and `toAppError`, which maps whatever the AWS SDK, Node's network stack or the file
 * system throws to an `AppError` with a remedy the learner can act on. Messages never include
 * credentials: only the error's name, the service's message (which AWS never fills with secrets)
 * and the context we pass in.
 */
import type { AppError } from '../../shared/result';
import { inferenceProfileSuggestion } from '../../shared/models';

export interface ErrorContext {
  modelId?: string;
  region?: string;
  profile?: string | null;
  /**
   * The error arrived inside a stream that had already started (an exception event): Bedrock
   * does not retry those, so the message must not claim it did.
   */
  inStream?: boolean;
  /** The knowledge base a Retrieve / RetrieveAndGenerate call named (its not-found message). */
  knowledgeBaseId?: string;
  /** The IAM actions the call needs, for the access-denied remedy (default: the model calls). */
  iamActions?: readonly string[];
}

/** What to check when Bedrock cannot be reached or stops answering. */
export const NETWORK_REMEDY =
  'Check your internet connection, proxy or VPN, and the endpoint in Settings (or AWS_ENDPOINT_URL_* in the environment) if you set one.';

/** Thrown by our own code when the failure is already understood. */
export class AppFailure extends Error {
  constructor(readonly appError: AppError) {
    super(appError.message);
    this.name = 'AppFailure';
  }
}

interface ErrorLike {
  name?: unknown;
  message?: unknown;
  code?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
}

function asErrorLike(value: unknown): ErrorLike {
  return typeof value === 'object' && value !== null ? value : {};
}

const NETWORK_CODES = new Set([
  'ECONNREFUSED',
  'ENOTFOUND',
  'EAI_AGAIN',
  'ETIMEDOUT',
  'ECONNRESET',
  'ENETUNREACH',
  'EHOSTUNREACH',
  'ERR_HTTP2_SESSION_ERROR',
]);

/**
 * The connect timeout's error (bedrock/connect-timeout.ts), which the HTTP/2 session hands on as
 * the cause of its cancelled stream; null when the failure is something else.
 */
function connectTimeout(e: ErrorLike, depth = 0): ErrorLike | null {
  if (e.name === 'ConnectTimeoutError') return e;
  if (depth < 3 && e.cause) return connectTimeout(asErrorLike(e.cause), depth + 1);
  return null;
}

function networkCode(e: ErrorLike, depth = 0): string | null {
  if (typeof e.code === 'string' && NETWORK_CODES.has(e.code)) return e.code;
  if (depth < 3 && e.cause) return networkCode(asErrorLike(e.cause), depth + 1);
  return null;
}

/** "a", "a and b", "a, b and c". */
function listActions(actions: readonly string[]): string {
  if (actions.length <= 1) return actions.join('');
  return `${actions.slice(0, -1).join(', ')} and ${actions[actions.length - 1] ?? ''}`;
}

function profileArg(ctx: ErrorContext): string {
  return ctx.profile ? ` --profile ${ctx.profile}` : '';
}

/**
 * What went wrong, as a code, a message and what to do. Long on purpose: one ordered list of
 * cases read top to bottom, and the order matters (an expired SSO session before missing
 * credentials, on-demand throughput before other validation errors, Bedrock's named errors before
 * HTTP status ranges); splitting it would hide that order.
 */
export function toAppError(error: unknown, ctx: ErrorContext = {}): AppError {
  if (error instanceof AppFailure) return error.appError;
  const e = asErrorLike(error);
  const name = typeof e.name === 'string' ? e.name : '';
  const message = typeof e.message === 'string' ? e.message : String(error);
  const status =
    typeof e.$metadata?.httpStatusCode === 'number' ? e.$metadata.httpStatusCode : null;
  const model = ctx.modelId ?? 'the model';
  const region = ctx.region ?? 'the selected region';

  if (name === 'AbortError' || name === 'RequestAbortedError') {
    return { code: 'cancelled', message: 'Stopped.' };
  }
  const unreachable = connectTimeout(e);
  if (unreachable) {
    return {
      code: 'offline',
      message: String(unreachable.message),
      remedy: `${NETWORK_REMEDY} Notes, search and the offline labs keep working.`,
    };
  }

  // Credential providers fail before any request is sent (no HTTP status); a service error that
  // merely mentions an SSO role name must not be mistaken for an expired session.
  const clientSide = status === null;
  if (clientSide && /sso/i.test(message) && /(expired|refresh|token)/i.test(message)) {
    return {
      code: 'sso_expired',
      message: 'Your AWS IAM Identity Center (SSO) session has expired or has not been started.',
      remedy: `Run \`aws sso login${profileArg(ctx)}\` in a terminal, then test the connection again.`,
    };
  }
  if (name === 'CredentialsProviderError' || /could not load credentials/i.test(message)) {
    return {
      code: 'no_credentials',
      message: ctx.profile
        ? `No usable credentials were found for the AWS profile "${ctx.profile}".`
        : 'No AWS credentials were found in the environment or the default credential chain.',
      remedy:
        'Pick a profile in Settings (run `aws configure` or `aws configure sso` to create one), or set AWS credentials in the environment that launches Stratum.',
    };
  }
  if (
    name === 'UnrecognizedClientException' ||
    name === 'InvalidSignatureException' ||
    name === 'ExpiredTokenException' ||
    name === 'InvalidClientTokenId'
  ) {
    return {
      code: 'invalid_credentials',
      message: `AWS rejected the credentials (${name}).`,
      remedy:
        name === 'ExpiredTokenException'
          ? `The temporary credentials have expired: refresh them (for SSO, \`aws sso login${profileArg(ctx)}\`).`
          : 'Check the access key in your profile, or pick another profile in Settings.',
    };
  }
  if (name === 'AccessDeniedException' || status === 403) {
    const actions = ctx.iamActions ?? [
      'bedrock:InvokeModel',
      'bedrock:InvokeModelWithResponseStream',
    ];
    return {
      code: 'access_denied',
      message: `Access to ${model} in ${region} was denied: ${message}`,
      remedy: `Make sure the model is enabled for your account in this region (Amazon Bedrock console, Model access), that your IAM identity may call ${listActions(actions)}, and, for AWS Marketplace models, that the subscription is in place.`,
    };
  }
  if (name === 'ValidationException' && /on-demand throughput/i.test(message)) {
    const suggestion = ctx.modelId ? inferenceProfileSuggestion(ctx.modelId, ctx.region) : null;
    return {
      code: 'on_demand_not_supported',
      message: `${model} cannot be called on demand with its bare model id.`,
      remedy: suggestion
        ? `Use the cross-region inference profile ${suggestion} instead (Settings, default text model).`
        : 'Use an inference profile id for this model (for example one that starts with us., eu., apac. or global.).',
    };
  }
  if (name === 'ResourceNotFoundException' && ctx.knowledgeBaseId) {
    return {
      code: 'model_not_found',
      message: `The knowledge base ${ctx.knowledgeBaseId} was not found in ${region}: ${message}`,
      remedy:
        "Check the id in the Bedrock console and that Settings' region is the knowledge base's region.",
    };
  }
  if (name === 'ResourceNotFoundException' || /model identifier is invalid/i.test(message)) {
    return {
      code: 'model_not_found',
      message: `${model} is not available in ${region}: ${message}`,
      remedy: 'Pick a model listed for this region in Models, or switch region in Settings.',
    };
  }
  if (name === 'ModelNotReadyException') {
    return {
      code: 'model_not_ready',
      message: `${model} is not ready to answer yet: Amazon Bedrock is still preparing (loading) it, and it was not ready after the SDK's automatic retries.`,
      remedy:
        'Try again in a minute or two; a model that has not been used for a while can take that long to load.',
    };
  }
  if (
    name === 'ThrottlingException' ||
    name === 'ServiceQuotaExceededException' ||
    name === 'TooManyRequestsException' ||
    status === 429
  ) {
    if (ctx.inStream) {
      return {
        code: 'throttled',
        message: `Amazon Bedrock cut the answer from ${model} short by throttling it (${name || 'HTTP 429'}) while it was streaming. A stream that has started is not retried.`,
        remedy:
          'The text so far is kept. Wait a moment and try again; if it keeps happening, check your Bedrock quotas in Service Quotas or use a cross-region inference profile.',
      };
    }
    return {
      code: 'throttled',
      message: `Amazon Bedrock is throttling requests to ${model} (${name || 'HTTP 429'}), even after the SDK's automatic retries.`,
      remedy:
        'Wait a minute and try again. If it keeps happening, check your Bedrock quotas in Service Quotas or use a cross-region inference profile.',
    };
  }
  if (name === 'ValidationException' || status === 400) {
    return {
      code: 'validation',
      message: `Amazon Bedrock rejected the request: ${message}`,
      remedy: 'Check the model id and the parameters; some models do not accept every setting.',
    };
  }
  if (name === 'ModelTimeoutException') {
    return {
      code: 'timeout',
      message: `${model} took too long to answer.`,
      remedy: 'Try again, or ask for a shorter answer.',
    };
  }
  if (name === 'TimeoutError') {
    // The SDK's HTTP handler gave up waiting (connection or no activity): a network problem.
    return {
      code: 'timeout',
      message: `Amazon Bedrock did not answer in time (${message}).`,
      remedy: NETWORK_REMEDY,
    };
  }
  if (name === 'ModelErrorException' || name === 'ModelStreamErrorException') {
    return {
      code: 'model_error',
      message: `${model} failed while answering: ${message}`,
      remedy: 'Try again; if it persists, try another model.',
    };
  }
  if (name === 'DependencyFailedException') {
    return {
      code: 'service_unavailable',
      message: ctx.knowledgeBaseId
        ? `The knowledge base ${ctx.knowledgeBaseId} could not answer: a service it depends on failed (${message}).`
        : `A service Amazon Bedrock depends on failed: ${message}`,
      remedy:
        "Check the knowledge base's vector store and data source in the Bedrock console, and that its embedding model is enabled; then try again.",
    };
  }
  if (
    name === 'ServiceUnavailableException' ||
    name === 'InternalServerException' ||
    (status !== null && status >= 500)
  ) {
    return {
      code: 'service_unavailable',
      message: `Amazon Bedrock is unavailable right now (${name || `HTTP ${status}`}).`,
      remedy: 'Wait a little and try again, or try another region.',
    };
  }
  const net = networkCode(e);
  if (net) {
    return {
      code: 'offline',
      message: `Stratum could not reach Amazon Bedrock (${net}).`,
      remedy: `${NETWORK_REMEDY} Notes, search and the offline labs keep working.`,
    };
  }
  return {
    code: 'internal',
    message: `Something went wrong: ${name ? `${name}: ` : ''}${message}`,
  };
}
