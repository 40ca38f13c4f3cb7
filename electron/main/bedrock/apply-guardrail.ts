/**
 * The test bench's ApplyGuardrail call (Bedrock Runtime): a text checked by a guardrail as a
 * prompt (INPUT) or a model answer (OUTPUT), with no model called. It is a recorded call in the
 * invocation log (feature 'guardrails'), named `guardrail/<id>:<version>`, priced from the text
 * units the service reports at the prices in shared/guardrail-suite.ts (null, shown as unknown,
 * while no price is confirmed). The response is validated and summarised by the suite's
 * `summariseApplyGuardrail`; outputScope FULL, so content filters and grounding checks that did
 * not act are reported too.
 */
import { ApplyGuardrailCommand } from '@aws-sdk/client-bedrock-runtime';
import { applyGuardrailRequest, summariseApplyGuardrail } from '../../../shared/guardrail-suite';
import {
  APPLY_GUARDRAIL_ACTIONS,
  type ApplyGuardrailInput,
  type ApplyGuardrailOutput,
} from '../../../shared/guardrails-contract';
import { AppFailure } from '../errors';
import type { BedrockCaller } from './client';
import { guardrailFailure } from './guardrails-control';
import { recordedCall } from './recorded-call';

/** How an ApplyGuardrail call is named in the invocation log (it calls no model). */
export function guardrailLogId(id: string, version: string): string {
  return `guardrail/${id}:${version}`;
}

export async function applyGuardrail(
  caller: BedrockCaller,
  input: ApplyGuardrailInput,
): Promise<ApplyGuardrailOutput> {
  const request = applyGuardrailRequest(
    input,
    input.guardrailIdentifier,
    input.guardrailVersion,
    'FULL',
  );
  return recordedCall(
    {
      feature: 'guardrails',
      operation: 'ApplyGuardrail',
      modelId: guardrailLogId(input.guardrailIdentifier, input.guardrailVersion),
      target: caller.target,
      record: caller.record,
      timeoutMs: caller.timeouts.shortMs,
      guardrail: { id: input.guardrailIdentifier, version: input.guardrailVersion },
      errorContext: { iamActions: APPLY_GUARDRAIL_ACTIONS },
      describeFailure: (failure) => failure,
    },
    async (meter) => {
      let raw: unknown;
      try {
        const response = await caller.client.send(
          new ApplyGuardrailCommand(request),
          meter.sendOptions,
        );
        raw = { ...response, $metadata: undefined };
      } catch (error) {
        if (meter.signal.aborted) throw error;
        throw new AppFailure(guardrailFailure(error, caller.target, 'apply the guardrail'));
      }
      const summary = summariseApplyGuardrail(raw, input.source);
      if (!summary.ok) {
        throw new AppFailure({ code: 'model_error', message: summary.message });
      }
      meter.cost(summary.value.usage.costUsd);
      return { summary: summary.value, latencyMs: meter.elapsed() };
    },
  );
}
