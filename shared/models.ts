/** Questions the app asks of the model catalog. Pure functions over the shared data. */
import { CATALOG } from './catalog';
import type { ModelEntry } from './catalog-schema';
import { geographiesFor } from './regions';

/** Strips an ARN down to its id, and an inference-profile prefix down to the base model id. */
export function baseModelId(id: string): string {
  const fromArn = id.includes('/') ? (id.split('/').pop() ?? id) : id;
  const parts = fromArn.split('.');
  // Profile ids look like `us.anthropic.claude...`: a geography before the provider.
  if (parts.length > 2 && /^(us|eu|apac|jp|au|ca|global|us-gov)$/.test(parts[0] ?? '')) {
    return parts.slice(1).join('.');
  }
  return fromArn;
}

export function findModel(id: string): ModelEntry | undefined {
  const base = baseModelId(id);
  return CATALOG.models.find((m) => m.id === base);
}

/** The inference-profile id to suggest for a model in a region, if the catalog knows one. */
export function inferenceProfileSuggestion(modelId: string, region?: string): string | null {
  const model = findModel(modelId);
  if (!model) return null;
  const geos = region ? geographiesFor(region) : (['us', 'global'] as const);
  for (const geo of geos) {
    const profile = model.inferenceProfiles[geo];
    if (profile) return profile;
  }
  return null;
}

/**
 * The id to call for a model in a region: the cross-region inference profile of the region's
 * geography when the catalog knows one (newer models are only offered that way, and whether a
 * bare id works on demand differs by region), otherwise the base model id.
 */
export function invocableModelId(model: ModelEntry, region: string): string {
  return inferenceProfileSuggestion(model.id, region) ?? model.id;
}

/** Estimated on-demand cost in USD of a text call, or null if the catalog has no token price. */
export function estimateTokenCost(
  modelId: string,
  inputTokens: number,
  outputTokens: number,
): number | null {
  const model = findModel(modelId);
  if (!model || model.pricing.kind !== 'tokens') return null;
  return (
    (inputTokens / 1000) * model.pricing.inputPer1k +
    (outputTokens / 1000) * model.pricing.outputPer1k
  );
}

export function textModels(): ModelEntry[] {
  return CATALOG.models.filter((m) => m.outputModalities.includes('text'));
}
