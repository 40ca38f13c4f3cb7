/**
 * The token lab's imported models (shared/imported-models-contract.ts has the sources):
 * ListImportedModels on the control plane, and InvokeModel on an imported model's ARN in the
 * OpenAI chat format with `logprobs: true`, whose answer carries every generated token as text
 * with its log probability and, when asked, the most likely alternatives.
 *
 * Both calls are recorded in the invocation log (feature 'token-lab'): each listing page as a
 * control-plane call (no model, cost not applicable), and InvokeModel with its cost logged as
 * unknown, because imported models are billed by Custom Model Units (the hardware that hosts a
 * model copy; API reference, CustomModelUnits), not per token.
 */
import { ListImportedModelsCommand } from '@aws-sdk/client-bedrock';
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import {
  ADVANCED_FEATURES_SINCE,
  IMPORTED_MODEL_ACTIONS,
  InvokeImportedInput,
  logprobsRequestBody,
  parseLogprobsResponse,
  type ImportedLogprobsOutput,
  type ImportedModel,
  type ListImportedModelsOutput,
} from '../../../shared/imported-models-contract';
import { AppFailure, toAppError } from '../errors';
import type { AwsTarget, BedrockCaller, ControlCaller } from './client';
import { controlPlaneCall } from './control-call';
import { recordedCall } from './recorded-call';

/** The most imported models read, page after page (an account has a few at most). */
const MAX_LISTED = 1000;

/** The failure of ListImportedModels, with the IAM action named when access was denied. */
function listFailure(error: unknown, target: AwsTarget): AppFailure {
  const mapped = toAppError(error, {
    modelId: 'Custom Model Import',
    region: target.region,
    profile: target.profile,
    iamActions: ['bedrock:ListImportedModels'],
  });
  if (mapped.code !== 'access_denied') return new AppFailure(mapped);
  return new AppFailure({
    ...mapped,
    remedy: `Ask for an IAM policy that allows bedrock:ListImportedModels (to list) and bedrock:InvokeModel on the imported model's ARN (to run it), or pick another profile in Settings.`,
  });
}

/** One recorded page of ListImportedModels (a deadline, and its failure explained). */
function listPage(caller: ControlCaller, nextToken: string | undefined) {
  return controlPlaneCall(
    caller,
    {
      feature: 'token-lab',
      operation: 'ListImportedModels',
      resource: 'imported-models',
      iamActions: ['bedrock:ListImportedModels'],
      describe: (error) => listFailure(error, caller.target),
    },
    (options) =>
      caller.control.send(
        new ListImportedModelsCommand({
          maxResults: 100,
          sortBy: 'CreationTime',
          sortOrder: 'Descending',
          ...(nextToken ? { nextToken } : {}),
        }),
        options,
      ),
  );
}

/** Lists the account's imported models in the Settings region, newest first. */
export async function listImportedModels(caller: ControlCaller): Promise<ListImportedModelsOutput> {
  const models: ImportedModel[] = [];
  let nextToken: string | undefined;
  do {
    const page = await listPage(caller, nextToken);
    for (const m of page.modelSummaries ?? []) {
      if (!m.modelArn || !m.modelName) continue;
      models.push({
        arn: m.modelArn,
        name: m.modelName,
        createdAt: m.creationTime ? m.creationTime.toISOString() : '',
        instructSupported: m.instructSupported ?? null,
        architecture: m.modelArchitecture ?? null,
      });
    }
    nextToken = page.nextToken;
  } while (nextToken && models.length < MAX_LISTED);
  return { models: models.slice(0, MAX_LISTED), region: caller.target.region };
}

/** What a malformed answer means, and what the learner can do about it. */
function malformed(modelArn: string, problem: string): AppFailure {
  return new AppFailure({
    code: 'model_error',
    message: `The imported model ${modelArn} answered, but not in the expected shape: ${problem}.`,
    remedy: `Log probabilities in the chat format are documented for models imported after ${ADVANCED_FEATURES_SINCE}; a model imported earlier may need to be imported again. Check that the model has a chat template, then try again.`,
  });
}

/**
 * One recorded InvokeModel call on an imported model asking for log probabilities; resolves with
 * every generated token and its probability, or rejects with an AppFailure (malformed answers
 * included, as code 'model_error').
 */
export async function invokeImportedLogprobs(
  caller: BedrockCaller,
  raw: InvokeImportedInput,
): Promise<ImportedLogprobsOutput> {
  const input = InvokeImportedInput.parse(raw);
  return recordedCall(
    {
      feature: 'token-lab',
      operation: 'InvokeModel',
      modelId: input.modelArn,
      target: caller.target,
      record: caller.record,
      // An imported model that has not run for a while loads first: allow a long call.
      timeoutMs: caller.timeouts.callMs,
      errorContext: { iamActions: [...IMPORTED_MODEL_ACTIONS] },
    },
    async (meter) => {
      const response = await caller.client.send(
        new InvokeModelCommand({
          modelId: input.modelArn,
          contentType: 'application/json',
          accept: 'application/json',
          body: JSON.stringify(logprobsRequestBody(input)),
        }),
        meter.sendOptions,
      );
      // Billed by Custom Model Units, not per token: no per-call price to log.
      meter.cost(null);
      let json: unknown;
      try {
        json = JSON.parse(new TextDecoder().decode(response.body));
      } catch {
        throw malformed(input.modelArn, 'the body is not JSON');
      }
      const parsed = parseLogprobsResponse(json);
      if (!parsed.ok) throw malformed(input.modelArn, parsed.problem);
      meter.usage(parsed.value.inputTokens, parsed.value.outputTokens);
      meter.stopReason(parsed.value.finishReason);
      return { modelArn: input.modelArn, latencyMs: meter.elapsed(), ...parsed.value };
    },
  );
}
