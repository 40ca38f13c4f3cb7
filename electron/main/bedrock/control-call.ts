/**
 * One control-plane call (guardrails, evaluation and customization jobs, model and profile
 * lists): a `recordedCall` in the invocation log under `resource`, with the quick deadline the
 * connection test uses, and the SDK's failure put in the learner's words by `describe` when it
 * knows the case (otherwise recordedCall's own mapping, with the IAM actions named).
 */
import type {
  CallRecorder,
  InvocationFeature,
  InvocationRecord,
} from '../../../shared/invocations';
import type { AppFailure } from '../errors';
import type { AwsTarget, BedrockTimeouts } from './client';
import { recordedCall } from './recorded-call';

/** What every control-plane caller carries (ControlCaller, JobsCaller, CustomizationCaller). */
export interface ControlCallContext {
  target: AwsTarget;
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

export interface ControlCallSpec {
  feature: InvocationFeature;
  operation: InvocationRecord['operation'];
  /** What the log row names: a guardrail, a job, 'foundation-models'. */
  resource: string;
  iamActions: readonly string[];
  /** The failure in the learner's words, or null to leave it to recordedCall. */
  describe?: (error: unknown) => AppFailure | null;
}

export function controlPlaneCall<T>(
  caller: ControlCallContext,
  spec: ControlCallSpec,
  run: (options: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
): Promise<T> {
  return recordedCall(
    {
      feature: spec.feature,
      operation: spec.operation,
      modelId: spec.resource,
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.testMs,
      errorContext: { iamActions: spec.iamActions },
    },
    async (meter) => {
      try {
        return await run(meter.sendOptions);
      } catch (error) {
        // Past the deadline or cancelled: recordedCall says which.
        if (meter.signal.aborted || !spec.describe) throw error;
        throw spec.describe(error) ?? error;
      }
    },
  );
}
