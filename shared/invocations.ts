/**
 * The invocation log: one record per Bedrock call the app makes, kept locally by the main process
 * (the app's own CloudWatch-style view). Records never carry credentials, prompts or replies:
 * only what a metrics dashboard needs.
 */
import { z } from 'zod';
import { estimateEmbeddingCost } from './knowledge-bases';
import { estimateImageCost, estimateTokenCost } from './models';
import { ErrorCode } from './result';

/** Which part of the app made the call. */
export const InvocationFeature = z.enum([
  'chat',
  'compare',
  'token-lab',
  'images',
  'quiz',
  'connection',
  'knowledge-bases',
  'agents',
  'guardrails',
  'evaluation',
  'customization',
  'models',
]);
export type InvocationFeature = z.infer<typeof InvocationFeature>;

/**
 * A record's error code: one of the app's `ErrorCode`s. Lines written before the code was typed
 * still load: a hyphenated spelling ('access-denied', as the schema's comment once read) is read
 * as its underscore form, and a code this version does not know is read as 'internal' rather
 * than dropping the record.
 */
export const InvocationErrorCode = z.preprocess((value) => {
  if (typeof value !== 'string') return value;
  const normalised = value.trim().toLowerCase().replace(/-/g, '_');
  return ErrorCode.safeParse(normalised).success ? normalised : 'internal';
}, ErrorCode);

export const InvocationRecord = z.object({
  id: z.string().min(1),
  /** When the call was sent. */
  at: z.iso.datetime(),
  feature: InvocationFeature,
  /** Bedrock Runtime's operations, and bedrock-agent-runtime's for the knowledge bases lab. */
  operation: z.enum([
    'Converse',
    'ConverseStream',
    'InvokeModel',
    'Retrieve',
    'RetrieveAndGenerate',
    'Rerank',
    'InvokeAgent',
    'ApplyGuardrail',
    // The customization lab's job: the learner's S3 bucket and the control plane (no model call).
    'PutObject',
    'GetObject',
    'CreateModelCustomizationJob',
    'GetModelCustomizationJob',
    'ListModelCustomizationJobs',
    'StopModelCustomizationJob',
    // The control plane's guardrail and evaluation-job calls, and the inference-profile lookup.
    'ListGuardrails',
    'GetGuardrail',
    'CreateGuardrail',
    'UpdateGuardrail',
    'CreateGuardrailVersion',
    'DeleteGuardrail',
    'CreateEvaluationJob',
    'GetEvaluationJob',
    'ListEvaluationJobs',
    'StopEvaluationJob',
    'GetInferenceProfile',
    'ListFoundationModels',
    'ListInferenceProfiles',
    'ListImportedModels',
  ]),
  /**
   * The id the call used (a model id or an inference-profile id); for a control-plane call, the
   * resource it named (e.g. `guardrail/<id>`, `evaluation-job/<id>`).
   */
  modelId: z.string().min(1),
  region: z.string(),
  /** Sent to response complete (or failure), measured in the main process. */
  latencyMs: z.number().nonnegative(),
  /** Streams only: sent to first text delta. */
  firstTokenMs: z.number().nonnegative().nullable(),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  /** Image generation only: images returned. */
  images: z.number().int().nonnegative().nullable(),
  status: z.enum(['ok', 'error', 'cancelled']),
  /** The app's error code (e.g. 'throttled', 'access_denied') when status is 'error'. */
  errorCode: InvocationErrorCode.nullable(),
  stopReason: z.string().nullable(),
  /** Estimated from the catalog's prices; null when unknown. */
  costUsd: z.number().nonnegative().nullable(),
  /**
   * The guardrail the call ran with (ConverseStream with a guardrail only); records written
   * before this field existed have none.
   */
  guardrail: z.object({ id: z.string().min(1), version: z.string().min(1) }).optional(),
});
export type InvocationRecord = z.infer<typeof InvocationRecord>;

/**
 * Control-plane calls (`@aws-sdk/client-bedrock`): they manage guardrails and jobs and invoke no
 * model, so the log has no per-call price for them (cost null, shown as not applicable rather
 * than unknown). A job they start is billed for its own work as it runs, not in this log.
 */
export const CONTROL_PLANE_OPERATIONS: ReadonlySet<InvocationRecord['operation']> = new Set([
  'ListGuardrails',
  'GetGuardrail',
  'CreateGuardrail',
  'UpdateGuardrail',
  'CreateGuardrailVersion',
  'DeleteGuardrail',
  'CreateEvaluationJob',
  'GetEvaluationJob',
  'ListEvaluationJobs',
  'StopEvaluationJob',
  'GetInferenceProfile',
  'ListFoundationModels',
  'ListInferenceProfiles',
  'ListImportedModels',
  'CreateModelCustomizationJob',
  'GetModelCustomizationJob',
  'ListModelCustomizationJobs',
  'StopModelCustomizationJob',
] as const);

export function isControlPlane(operation: InvocationRecord['operation']): boolean {
  return CONTROL_PLANE_OPERATIONS.has(operation);
}

/**
 * Requests to the learner's S3 bucket (the customization job's dataset upload and metrics read):
 * Amazon S3 bills its requests and storage itself, so they are no Bedrock charge and the log has
 * no cost for them (shown as not applicable, billed by Amazon S3), nor counts them as unpriced.
 */
export const S3_OPERATIONS: ReadonlySet<InvocationRecord['operation']> = new Set([
  'PutObject',
  'GetObject',
] as const);

export function isS3Request(operation: InvocationRecord['operation']): boolean {
  return S3_OPERATIONS.has(operation);
}

/** What a per-image price depends on (image generation only). */
export interface ImagePricing {
  width: number;
  height: number;
  quality: 'standard' | 'premium';
}

/**
 * What a Bedrock module reports about one call; the log adds id and cost and stores it.
 * `imagePricing` is only read to price generated images, and is not stored. `costUsd` is a cost
 * the caller worked out itself, for calls the catalog cannot price from tokens (a rerank query,
 * Cohere embeddings whose tokens are estimated); it wins over the estimate when set.
 */
export type CallReport = Omit<InvocationRecord, 'id' | 'costUsd'> & {
  imagePricing?: ImagePricing;
  costUsd?: number | null;
};
export type CallRecorder = (call: CallReport) => void;

/** A recorder that drops every report (for callers and tests that keep no log). */
export const ignoreCalls: CallRecorder = () => undefined;

/**
 * The estimated on-demand cost of one call: the caller's own figure when it gave one, else from
 * the catalog's prices: generated images by their per-image tier, embeddings by input tokens,
 * text calls by input and output tokens. null when the model, its price or the
 * token counts are unknown. A failed call that returned no usage costs null (unknown), not 0.
 */
export function estimateCallCost(call: CallReport): number | null {
  if (isControlPlane(call.operation) || isS3Request(call.operation)) return null;
  if (call.costUsd !== undefined) return call.costUsd;
  if (call.images !== null && call.imagePricing) {
    const { width, height, quality } = call.imagePricing;
    return estimateImageCost(call.modelId, width, height, quality, call.images);
  }
  const embedding = estimateEmbeddingCost(call.modelId, call.inputTokens);
  if (embedding !== undefined) return embedding;
  if (call.inputTokens === null || call.outputTokens === null) return null;
  return estimateTokenCost(call.modelId, call.inputTokens, call.outputTokens);
}
