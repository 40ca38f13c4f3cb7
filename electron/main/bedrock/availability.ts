/**
 * What the account can use in the selected region, from the Bedrock control plane. A model
 * listed here is offered in the region; whether the account may call it is only known when a
 * call succeeds (model access, IAM and Marketplace subscriptions are checked at invocation).
 * ListFoundationModels and each page of ListInferenceProfiles are recorded calls (feature
 * 'models'): in the invocation log with their latency and outcome, their cost not applicable.
 */
import { ListFoundationModelsCommand, ListInferenceProfilesCommand } from '@aws-sdk/client-bedrock';
import type { Availability } from '../../../shared/contract';
import type { InvocationRecord } from '../../../shared/invocations';
import type { ControlCaller } from './client';
import { controlPlaneCall } from './control-call';

const IAM_ACTIONS = ['bedrock:ListFoundationModels', 'bedrock:ListInferenceProfiles'];
/** Pages of inference profiles read at most (the list is a few hundred long). */
const MAX_PAGES = 20;

function listCall<T>(
  caller: ControlCaller,
  operation: Extract<
    InvocationRecord['operation'],
    'ListFoundationModels' | 'ListInferenceProfiles'
  >,
  run: (options: { abortSignal: AbortSignal; requestTimeout: number }) => Promise<T>,
): Promise<T> {
  return controlPlaneCall(
    caller,
    {
      feature: 'models',
      operation,
      resource: operation === 'ListFoundationModels' ? 'foundation-models' : 'inference-profiles',
      iamActions: IAM_ACTIONS,
    },
    run,
  );
}

export async function fetchAvailability(caller: ControlCaller): Promise<Availability> {
  const { control, target } = caller;
  const models = await listCall(caller, 'ListFoundationModels', (options) =>
    control.send(new ListFoundationModelsCommand({}), options),
  );
  const inferenceProfiles: Availability['inferenceProfiles'] = [];
  let nextToken: string | undefined;
  let pages = 0;
  do {
    const page = await listCall(caller, 'ListInferenceProfiles', (options) =>
      control.send(new ListInferenceProfilesCommand(nextToken ? { nextToken } : {}), options),
    );
    for (const p of page.inferenceProfileSummaries ?? []) {
      if (!p.inferenceProfileId) continue;
      inferenceProfiles.push({
        id: p.inferenceProfileId,
        name: p.inferenceProfileName ?? p.inferenceProfileId,
        status: p.status ?? 'UNKNOWN',
        modelIds: (p.models ?? [])
          .map((m) => m.modelArn?.split('/').pop() ?? '')
          .filter((id) => id.length > 0),
      });
    }
    nextToken = page.nextToken;
    pages += 1;
  } while (nextToken && pages < MAX_PAGES);
  return {
    region: target.region,
    checkedAt: new Date().toISOString(),
    models: (models.modelSummaries ?? []).map((m) => ({
      modelId: m.modelId ?? '',
      name: m.modelName ?? m.modelId ?? '',
      provider: m.providerName ?? '',
      status: m.modelLifecycle?.status ?? 'ACTIVE',
      inferenceTypes: m.inferenceTypesSupported ?? [],
      streaming: m.responseStreamingSupported ?? null,
    })),
    inferenceProfiles,
  };
}
