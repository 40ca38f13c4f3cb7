/**
 * What the account can use in the selected region, from the Bedrock control plane. A model
 * listed here is offered in the region; whether the account may call it is only known when a
 * call succeeds (model access, IAM and Marketplace subscriptions are checked at invocation).
 */
import {
  ListFoundationModelsCommand,
  paginateListInferenceProfiles,
  type BedrockClient,
} from '@aws-sdk/client-bedrock';
import type { Availability } from '../../../shared/contract';

export async function fetchAvailability(
  client: BedrockClient,
  region: string,
): Promise<Availability> {
  const models = await client.send(new ListFoundationModelsCommand({}));
  const inferenceProfiles: Availability['inferenceProfiles'] = [];
  for await (const page of paginateListInferenceProfiles({ client }, {})) {
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
  }
  return {
    region,
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
