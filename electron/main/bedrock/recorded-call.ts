/**
 * The one way a Bedrock call is made: `recordedCall` times it, gives it a deadline, maps what it
 * throws to an `AppError` (an `AppFailure`) and writes its invocation-log row once it settles:
 * ok, error (with the app's error code) or cancelled, with tokens, images and stop reason when
 * the call reported them.
 *
 * Deadlines: a plain call must answer within `timeoutMs`; a stream (`idle: true`) must send
 * something at least every `timeoutMs` (each `meter.alive()` restarts the clock). A call past its
 * deadline is aborted and ends with code 'timeout' and a remedy that says what to check; text a
 * stream already delivered stays with the caller. Aborting the caller's `signal` cancels the
 * call: it ends with code 'cancelled' and is logged as cancelled.
 */
import type { ErrorCode } from '../../../shared/result';
import type {
  CallRecorder,
  CallReport,
  ImagePricing,
  InvocationFeature,
  InvocationRecord,
} from '../../../shared/invocations';
import { AppFailure, NETWORK_REMEDY, toAppError, type ErrorContext } from '../errors';
import type { AwsTarget } from './client';

export type Clock = () => number;
const monotonic: Clock = performance.now.bind(performance);

export interface CallSpec {
  feature: InvocationFeature;
  operation: InvocationRecord['operation'];
  modelId: string;
  target: AwsTarget;
  record: CallRecorder;
  /** The caller's cancel (Stop, a closed window). */
  signal?: AbortSignal;
  /** The deadline in ms: for the whole call, or with `idle`, between two signs of life. */
  timeoutMs: number;
  /** A stream: the deadline restarts on every `meter.alive()`. */
  idle?: boolean;
  guardrail?: { id: string; version: string };
  /** More for the error mapping (a knowledge base id, the IAM actions the call needs). */
  errorContext?: Pick<ErrorContext, 'knowledgeBaseId' | 'iamActions'>;
  /** Turns a mapped failure into what the learner should read (e.g. "cut off mid-answer"). */
  describeFailure?: (error: AppFailure, meter: CallMeter) => AppFailure;
  now?: Clock;
}

/** What a call tells the wrapper while it runs; everything is optional. */
export interface CallMeter {
  /** Abort on cancel or deadline: pass it to `client.send` as `abortSignal`. */
  readonly signal: AbortSignal;
  /** `client.send` options: the abort signal plus the SDK handler's own deadline as a backstop. */
  readonly sendOptions: { abortSignal: AbortSignal; requestTimeout: number };
  /** A sign of life (a stream event): restarts an idle deadline. */
  alive(): void;
  /** The first text arrived (streams): stamps firstTokenMs once. */
  firstToken(): number;
  /** Token usage as the service reported it. */
  usage(inputTokens: number | null, outputTokens: number | null): void;
  stopReason(reason: string | null): void;
  images(count: number, pricing?: ImagePricing): void;
  /**
   * The call's cost when the caller works it out itself (a rerank query, Cohere embeddings with
   * estimated tokens); otherwise the log prices it from the catalog.
   */
  cost(usd: number | null): void;
  /** Milliseconds since the call was sent. */
  elapsed(): number;
  /** Whether the call has received any text (for "cut off" messages). */
  readonly receivedText: boolean;
}

class Meter implements CallMeter {
  readonly controller = new AbortController();
  readonly started: number;
  firstTokenMs: number | null = null;
  inputTokens: number | null = null;
  outputTokens: number | null = null;
  reason: string | null = null;
  imageCount: number | null = null;
  pricing: ImagePricing | undefined;
  costUsd: number | null | undefined;
  timedOut = false;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private onTimeout: () => void = () => undefined;

  constructor(
    private readonly spec: CallSpec,
    private readonly now: Clock,
  ) {
    this.started = now();
  }

  get signal(): AbortSignal {
    return this.controller.signal;
  }

  get sendOptions() {
    // A little after our own deadline, so ours fires first and says what happened.
    return { abortSignal: this.controller.signal, requestTimeout: this.spec.timeoutMs + 5_000 };
  }

  get receivedText(): boolean {
    return this.firstTokenMs !== null;
  }

  /** Starts the deadline; `fire` runs once if it passes. */
  arm(fire: () => void): void {
    this.onTimeout = fire;
    this.restart();
  }

  private restart(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = setTimeout(() => {
      this.timedOut = true;
      this.controller.abort();
      this.onTimeout();
    }, this.spec.timeoutMs);
  }

  disarm(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
  }

  alive(): void {
    if (this.spec.idle && this.timer && !this.timedOut) this.restart();
  }

  firstToken(): number {
    this.firstTokenMs ??= this.elapsed();
    return this.firstTokenMs;
  }

  usage(inputTokens: number | null, outputTokens: number | null): void {
    this.inputTokens = inputTokens;
    this.outputTokens = outputTokens;
  }

  stopReason(reason: string | null): void {
    this.reason = reason;
  }

  images(count: number, pricing?: ImagePricing): void {
    this.imageCount = count;
    this.pricing = pricing;
  }

  cost(usd: number | null): void {
    this.costUsd = usd;
  }

  elapsed(): number {
    return Math.round(this.now() - this.started);
  }
}

function seconds(ms: number): string {
  const s = Number((ms / 1000).toFixed(2));
  return `${s} second${s === 1 ? '' : 's'}`;
}

/** The failure of a call that passed its deadline. */
export function timeoutFailure(spec: CallSpec, meter: CallMeter): AppFailure {
  const who = spec.modelId;
  if (spec.idle && meter.receivedText) {
    return new AppFailure({
      code: 'timeout',
      message: `The answer from ${who} stopped arriving: nothing came for ${seconds(spec.timeoutMs)}.`,
      remedy: `The text so far is kept. ${NETWORK_REMEDY} Then try again.`,
    });
  }
  return new AppFailure({
    code: 'timeout',
    message: `${serviceOf(spec.operation)} did not answer within ${seconds(spec.timeoutMs)} (${spec.target.region}).`,
    remedy: `${NETWORK_REMEDY} A proxy or captive portal that accepts the connection but never answers looks like this.`,
  });
}

/** The service an operation goes to, as a learner knows it (the customization job's upload is S3). */
function serviceOf(operation: InvocationRecord['operation']): string {
  return operation === 'PutObject' || operation === 'GetObject' ? 'Amazon S3' : 'Amazon Bedrock';
}

const CANCELLED = { code: 'cancelled', message: 'Stopped.' } as const;

/**
 * Runs `run` as one recorded Bedrock call (see the file comment). Resolves with its value, or
 * rejects with an `AppFailure`: 'cancelled' when the caller's signal was aborted, 'timeout' past
 * the deadline, else the mapped error (passed through `describeFailure`).
 */
export async function recordedCall<T>(
  spec: CallSpec,
  run: (meter: CallMeter) => Promise<T>,
): Promise<T> {
  const now = spec.now ?? monotonic;
  const at = new Date().toISOString();
  const meter = new Meter(spec, now);
  const ctx: ErrorContext = {
    modelId: spec.modelId,
    region: spec.target.region,
    profile: spec.target.profile,
    ...spec.errorContext,
  };
  const report = (status: CallReport['status'], errorCode: ErrorCode | null): void => {
    spec.record({
      at,
      feature: spec.feature,
      operation: spec.operation,
      modelId: spec.modelId,
      region: spec.target.region,
      latencyMs: meter.elapsed(),
      firstTokenMs: meter.firstTokenMs,
      inputTokens: meter.inputTokens,
      outputTokens: meter.outputTokens,
      images: meter.imageCount,
      status,
      errorCode,
      stopReason: meter.reason,
      ...(meter.pricing ? { imagePricing: meter.pricing } : {}),
      ...(meter.costUsd !== undefined ? { costUsd: meter.costUsd } : {}),
      ...(spec.guardrail ? { guardrail: spec.guardrail } : {}),
    });
  };

  const cancel = (): void => meter.controller.abort();
  if (spec.signal?.aborted) meter.controller.abort();
  spec.signal?.addEventListener('abort', cancel, { once: true });
  // The deadline settles the call at once, even if the SDK is slow to unwind after the abort.
  let expire: (failure: AppFailure) => void = () => undefined;
  const expired = new Promise<never>((_, reject) => {
    expire = reject;
  });
  meter.arm(() => expire(timeoutFailure(spec, meter)));
  const running = run(meter);
  try {
    const value = await Promise.race([running, expired]);
    if (spec.signal?.aborted) {
      report('cancelled', null);
    } else {
      report('ok', null);
    }
    return value;
  } catch (error) {
    // The call lost the race or failed: its own outcome no longer matters.
    running.catch(() => undefined);
    if (spec.signal?.aborted) {
      report('cancelled', null);
      throw new AppFailure(CANCELLED);
    }
    let failure: AppFailure = meter.timedOut
      ? timeoutFailure(spec, meter)
      : error instanceof AppFailure
        ? error
        : new AppFailure(toAppError(error, ctx));
    if (spec.describeFailure && !meter.timedOut) failure = spec.describeFailure(failure, meter);
    report(failure.appError.code === 'cancelled' ? 'cancelled' : 'error', errorCodeOf(failure));
    throw failure;
  } finally {
    meter.disarm();
    spec.signal?.removeEventListener('abort', cancel);
  }
}

function errorCodeOf(failure: AppFailure): ErrorCode | null {
  return failure.appError.code === 'cancelled' ? null : failure.appError.code;
}
