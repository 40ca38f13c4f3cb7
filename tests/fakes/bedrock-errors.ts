/**
 * Errors of the fake Bedrock service, shaped like the real wire format: a JSON body
 * `{ "message": ... }` plus the `x-amzn-errortype` header the SDK's restJson1 protocol reads
 * first to pick the exception class (see `loadRestJsonErrorCode` in @smithy/core).
 */

import { show } from './json.js';

/** Status codes the real service uses, taken from the SDK's error schemas (`httpError` traits). */
export const ERROR_STATUS = {
  AccessDeniedException: 403,
  ConflictException: 400,
  InternalServerException: 500,
  ModelErrorException: 424,
  ModelNotReadyException: 429,
  ModelStreamErrorException: 424,
  ModelTimeoutException: 408,
  ResourceNotFoundException: 404,
  ServiceQuotaExceededException: 400,
  ServiceUnavailableException: 503,
  ThrottlingException: 429,
  ValidationException: 400,
  // Not modelled by the SDK; it still surfaces them with `.name` set from the header.
  SerializationException: 400,
  UnsupportedMediaTypeException: 415,
  UnknownOperationException: 404,
  MissingAuthenticationTokenException: 403,
  IncompleteSignatureException: 403,
  InvalidSignatureException: 403,
  UnrecognizedClientException: 403,
} as const;

export type KnownErrorName = keyof typeof ERROR_STATUS;

/** Auth errors come from the Coral service framework rather than from Bedrock itself. */
const CORAL_FRAMEWORK_ERRORS: ReadonlySet<string> = new Set([
  'MissingAuthenticationTokenException',
  'IncompleteSignatureException',
  'InvalidSignatureException',
  'UnrecognizedClientException',
  'SerializationException',
  'UnsupportedMediaTypeException',
  'UnknownOperationException',
]);

/** An error the fake answers with; thrown anywhere in request handling and rendered once. */
export class BedrockError extends Error {
  readonly status: number;
  /** Extra members of the error body, e.g. `originalStatusCode` on ModelErrorException. */
  readonly extra: Record<string, string | number>;

  constructor(
    name: string,
    message: string,
    status?: number,
    extra: Record<string, string | number> = {},
  ) {
    super(message);
    this.name = name;
    this.status = status ?? statusFor(name);
    this.extra = extra;
  }

  /** The `x-amzn-errortype` value, in the `Name:namespace-uri` form the real service sends. */
  get errorType(): string {
    const ns = CORAL_FRAMEWORK_ERRORS.has(this.name)
      ? 'http://internal.amazon.com/coral/com.amazon.coral.service/'
      : 'http://internal.amazon.com/coral/com.amazon.bedrock/';
    return `${this.name}:${ns}`;
  }

  toBody(): string {
    return JSON.stringify({ message: this.message, ...this.extra });
  }
}

function statusFor(name: string): number {
  return name in ERROR_STATUS ? ERROR_STATUS[name as KnownErrorName] : 500;
}

export function validationError(message: string): BedrockError {
  return new BedrockError('ValidationException', message);
}

/**
 * The message format of the service's JSON-schema validation of native InvokeModel bodies,
 * e.g. `Malformed input request: #/dimensions: 100 is not a valid enum value, ...`.
 */
export function malformedInput(pointer: string, problem: string): BedrockError {
  return validationError(
    `Malformed input request: ${pointer}: ${problem}, please reformat your input and try again.`,
  );
}

/** The Coral framework's constraint message, as Converse returns it for shape violations. */
export function constraintError(path: string, value: unknown, constraint: string): BedrockError {
  const shown = value === undefined || value === null ? 'null' : `'${show(value)}'`;
  return validationError(
    `1 validation error detected: Value ${shown} at '${path}' failed to satisfy constraint: ${constraint}`,
  );
}
