/** Questions the app asks of the model catalog. Pure functions over the shared data. */
import { CATALOG } from './catalog';
import type { ModelEntry } from './catalog-schema';
import { geographiesFor } from './regions';

/**
 * The name a learner reads: "Anthropic Claude Haiku 4.5", but "Amazon Nova Micro" (the model's
 * name already starts with its maker).
 */
export function modelDisplayName(model: { name: string; provider: string }): string {
  const brand = model.provider.split(' ')[0] ?? model.provider;
  return model.name.startsWith(brand) ? model.name : `${model.provider} ${model.name}`;
}

/**
 * Strips an ARN down to its id, and an inference-profile prefix down to the base model id:
 * `us.amazon.nova-micro-v1:0` and `amazon.nova-micro-v1:0` are one model. Group and compare by
 * this, never by the id string.
 */
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

type ImageQuality = 'standard' | 'premium';

/**
 * Picks a model's per-image price tier (a `pricing.perImage` tier string of the catalog) for a
 * size and quality. AWS states the tiers as "up to 1024×1024" and the like; non-square sizes are
 * placed by pixel count against the tier's square (a 1280×720 image is in the 1024×1024 tier).
 */
const IMAGE_TIER_CHOOSERS: Record<string, (pixels: number, quality: string) => string | null> = {
  'amazon.nova-canvas-v1:0': (pixels, quality) =>
    pixels <= 1024 * 1024
      ? `${quality} quality, up to 1024×1024`
      : pixels <= 2048 * 2048
        ? `${quality} quality, up to 2048×2048`
        : null,
  'amazon.titan-image-generator-v2:0': (pixels, quality) =>
    pixels < 512 * 512
      ? `${quality} quality, smaller than 512×512`
      : pixels <= 1408 * 768
        ? // Titan has only two tiers, so its largest documented sizes (1408×768, a little over
          // 1024×1024 in pixels) can only be in the second one.
          `${quality} quality, 512×512 or larger (up to 1024×1024)`
        : null,
};

/**
 * Estimated on-demand cost in USD of `count` generated images, from the catalog's per-image
 * tiers; null when the model, its tier for this size or its price is unknown.
 */
export function estimateImageCost(
  modelId: string,
  width: number,
  height: number,
  quality: ImageQuality,
  count: number,
): number | null {
  const model = findModel(modelId);
  const choose = model ? IMAGE_TIER_CHOOSERS[model.id] : undefined;
  if (!model || !choose || model.pricing.kind !== 'image') return null;
  if (![width, height, count].every((n) => Number.isInteger(n) && n >= 0)) return null;
  const label = quality === 'premium' ? 'Premium' : 'Standard';
  const tier = choose(width * height, label);
  const price = model.pricing.perImage.find((p) => p.tier === tier);
  return price ? price.usd * count : null;
}

/** A model that writes text and can still be called (not an embedding model, not end of life). */
export function isCallableTextModel(model: ModelEntry): boolean {
  return (
    model.outputModalities.includes('text') &&
    !model.outputModalities.includes('embedding') &&
    model.lifecycle !== 'end-of-life'
  );
}

/** One model in a picker: listed once, under the id Stratum calls it by in the region. */
export interface ModelOption {
  /** The invocation id for the region (an inference profile when the catalog knows one). */
  id: string;
  model: ModelEntry;
  label: string;
}

/**
 * The catalog's models for a picker, one option per model (never a model and its inference
 * profile as two), each with the id to call in `region`, in catalog order.
 */
export function modelOptions(
  region: string,
  keep: (model: ModelEntry) => boolean = () => true,
): ModelOption[] {
  return CATALOG.models.filter(keep).map((model) => ({
    id: invocableModelId(model, region),
    model,
    label: modelDisplayName(model),
  }));
}

/**
 * The option that stands for `id` in `options`: the same model's option whether `id` is its base
 * id, an inference profile of another geography or an ARN. Null when no option is that model
 * (an id outside the catalog, or a model the picker leaves out).
 */
export function optionFor(id: string, options: readonly ModelOption[]): ModelOption | null {
  const exact = options.find((o) => o.id === id);
  if (exact) return exact;
  const base = baseModelId(id);
  return options.find((o) => o.model.id === base) ?? null;
}

/** The id a picker should hold for `id`: its model's option id, or `id` itself if none. */
export function choiceFor(id: string, options: readonly ModelOption[]): string {
  return optionFor(id, options)?.id ?? id;
}
