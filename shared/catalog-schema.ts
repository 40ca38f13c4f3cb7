import { z } from 'zod';

/** Providers whose models Amazon Bedrock serves (and that the catalog covers). */
export const Provider = z.enum([
  'Amazon',
  'Anthropic',
  'Meta',
  'Mistral AI',
  'Cohere',
  'AI21 Labs',
  'Stability AI',
]);
export type Provider = z.infer<typeof Provider>;

export const InputModality = z.enum(['text', 'image', 'document', 'video']);
export const OutputModality = z.enum(['text', 'image', 'embedding']);

/** Geographic prefixes of cross-region inference profiles (for example `us.` in `us.amazon.nova-lite-v1:0`). */
export const Geography = z.enum(['us', 'eu', 'apac', 'jp', 'au', 'ca', 'global', 'us-gov']);
export type Geography = z.infer<typeof Geography>;

export const Pricing = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('tokens'),
    /** USD per 1,000 input tokens, on-demand, us-east-1 (or the model's home region). */
    inputPer1k: z.number().nonnegative(),
    outputPer1k: z.number().nonnegative(),
  }),
  z.object({
    kind: z.literal('embedding'),
    inputPer1k: z.number().nonnegative(),
  }),
  z.object({
    kind: z.literal('image'),
    /** USD per generated image, by size/quality tier. */
    perImage: z.array(z.object({ tier: z.string().min(1), usd: z.number().nonnegative() })).min(1),
  }),
]);
export type Pricing = z.infer<typeof Pricing>;

export const ModelEntry = z.object({
  /** Base model id as used in `/model/{id}/...`, e.g. `amazon.nova-lite-v1:0`. */
  id: z.string().regex(/^[a-z0-9-]+\.[a-z0-9.:-]+$/),
  name: z.string().min(1),
  provider: Provider,
  inputModalities: z.array(InputModality).min(1),
  outputModalities: z.array(OutputModality).min(1),
  /** Tokens; null where the notion does not apply (image models). */
  contextWindow: z.number().int().positive().nullable(),
  maxOutputTokens: z.number().int().positive().nullable(),
  features: z.object({
    streaming: z.boolean(),
    toolUse: z.boolean(),
    vision: z.boolean(),
    imageGeneration: z.boolean(),
    embeddings: z.boolean(),
    /** Whether the model accepts a Converse `system` prompt. */
    systemPrompt: z.boolean(),
  }),
  /**
   * True when the base id can only be invoked through an inference profile (on-demand throughput
   * with the bare id returns a ValidationException).
   */
  requiresInferenceProfile: z.boolean(),
  /** Cross-region inference profile ids per geography, e.g. { us: 'us.amazon.nova-lite-v1:0' }. */
  inferenceProfiles: z.partialRecord(Geography, z.string()),
  pricing: Pricing,
  /**
   * Bedrock's lifecycle status: legacy models still answer (sometimes only in some regions or at
   * extended-access prices); end-of-life models are kept for reference only.
   */
  lifecycle: z.enum(['active', 'legacy', 'end-of-life']).default('active'),
  /** Short, learner-facing remark (lifecycle status, region limits). Optional. */
  note: z.string().optional(),
});
export type ModelEntry = z.infer<typeof ModelEntry>;

export const Catalog = z.object({
  /** ISO date (YYYY-MM-DD) on which ids and prices were last checked against AWS documentation. */
  pricesCheckedOn: z.iso.date(),
  /** Where the prices come from, shown beside them. */
  pricingSource: z.string().min(1),
  models: z.array(ModelEntry).min(1),
});
export type Catalog = z.infer<typeof Catalog>;
