/**
 * The knowledge bases lab's part of the contract: embeddings (InvokeModel), reranking (Rerank) and
 * a real Bedrock knowledge base (Retrieve, RetrieveAndGenerate), all called by the main process.
 * Limits come from the service models (botocore bedrock-agent-runtime 2023-07-26) and the model
 * parameter pages named beside each one; Stratum's own caps say so.
 */
import { z } from 'zod';
import { findModel } from './models';
import { ModelId } from './settings';

/** The embedding models the lab offers (both InvokeModel, both in the catalog). */
export const EMBEDDING_MODELS = [
  'amazon.titan-embed-text-v2:0',
  'cohere.embed-english-v3',
] as const;
export const EmbeddingModelId = z.enum(EMBEDDING_MODELS);
export type EmbeddingModelId = z.infer<typeof EmbeddingModelId>;

/** Titan Text Embeddings V2 returns 1,024 (default), 512 or 256 dimensions; Cohere Embed v3 1,024. */
export const TITAN_DIMENSIONS = [256, 512, 1024] as const;
export const COHERE_DIMENSIONS = 1024;
export const EmbeddingDimensions = z.union([z.literal(256), z.literal(512), z.literal(1024)]);
export type EmbeddingDimensions = z.infer<typeof EmbeddingDimensions>;

/** Titan V2: at most 50,000 characters per text (model-parameters-titan-embed-text). */
export const TITAN_MAX_CHARS = 50_000;
/** Cohere Embed v3: at most 2,048 characters per text and 96 texts per call (model-parameters-embed-v3). */
export const COHERE_MAX_CHARS = 2_048;
export const COHERE_MAX_TEXTS_PER_CALL = 96;

/**
 * A question asked of the lab. RetrieveAndGenerate takes at most 1,000 characters (its `input.text`);
 * Stratum uses the same cap for the local pipeline, so both take the same questions.
 */
export const MAX_QUESTION_CHARS = 1_000;
export const KbQuestion = z
  .string()
  .trim()
  .min(1, 'Type a question first.')
  .max(
    MAX_QUESTION_CHARS,
    `A question may be at most ${MAX_QUESTION_CHARS.toLocaleString('en-US')} characters (the limit RetrieveAndGenerate sets).`,
  );

/**
 * Embed texts, one event per text as it arrives (so a cancelled or failed run keeps what it got).
 * `inputType` is sent to Cohere (search_document for chunks, search_query for a question); Titan
 * has no such field and ignores it. Titan is called once per text, Cohere with up to 96 texts per
 * call; `concurrency` bounds the calls in flight.
 */
export const EmbedTextsInput = z
  .object({
    modelId: EmbeddingModelId,
    dimensions: EmbeddingDimensions,
    inputType: z.enum(['search_document', 'search_query']),
    texts: z
      .array(
        z
          .object({
            id: z.string().min(1).max(200),
            text: z.string().min(1).max(TITAN_MAX_CHARS),
          })
          .strict(),
      )
      .min(1)
      .max(2_000)
      .refine((t) => new Set(t.map((x) => x.id)).size === t.length, 'Text ids must be unique.'),
    concurrency: z.number().int().min(1).max(8),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.modelId === 'cohere.embed-english-v3') {
      if (input.dimensions !== COHERE_DIMENSIONS)
        ctx.addIssue({
          code: 'custom',
          path: ['dimensions'],
          message: 'Cohere Embed English v3 returns 1,024 dimensions only.',
        });
      input.texts.forEach((t, i) => {
        if (t.text.length > COHERE_MAX_CHARS)
          ctx.addIssue({
            code: 'custom',
            path: ['texts', i, 'text'],
            message: `Cohere Embed v3 takes at most ${COHERE_MAX_CHARS.toLocaleString('en-US')} characters per text: use smaller chunks.`,
          });
      });
    }
  });
export type EmbedTextsInput = z.infer<typeof EmbedTextsInput>;

export const EmbedTextsEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('vector'),
    id: z.string(),
    /** Exactly `dimensions` finite numbers (main refuses a reply of the wrong length). */
    vector: z.array(z.number()),
    /** As the model reported it (Titan), or null when it did not (Cohere). */
    inputTokens: z.number().int().nonnegative().nullable(),
    /** This text's share of its call's estimated cost; null when unknown. */
    costUsd: z.number().nonnegative().nullable(),
  }),
]);
export type EmbedTextsEvent = z.infer<typeof EmbedTextsEvent>;

/**
 * Cohere Embed reports no token count on Bedrock, so its cost is estimated at about 4 characters
 * per token (the figure Cohere's Embed v3 parameter page uses for its length advice).
 */
export const COHERE_CHARS_PER_TOKEN = 4;

export function estimateCohereTokens(text: string): number {
  return Math.max(1, Math.ceil(text.length / COHERE_CHARS_PER_TOKEN));
}

/**
 * The on-demand cost of embedding `inputTokens` with an embedding model of the catalog
 * (embeddings bill input tokens only); null when the tokens are unknown, undefined when the model
 * is not an embedding model the catalog prices.
 */
export function estimateEmbeddingCost(
  modelId: string,
  inputTokens: number | null,
): number | null | undefined {
  const model = findModel(modelId);
  if (!model || model.pricing.kind !== 'embedding') return undefined;
  if (inputTokens === null) return null;
  return (inputTokens / 1000) * model.pricing.inputPer1k;
}

/** Rerank models (Bedrock's Rerank API, bedrock-agent-runtime; rerank-supported page). */
export const RERANK_MODELS = ['amazon.rerank-v1:0', 'cohere.rerank-v3-5:0'] as const;
export const RerankModelId = z.enum(RERANK_MODELS);
export type RerankModelId = z.infer<typeof RerankModelId>;

/**
 * Rerank prices. The catalog's schema has no per-query price (nor a rerank modality), so they live
 * here. AWS prices reranking per query: one Rerank call with up to 100 documents (rerank-pricing
 * page), and Stratum sends at most 100. The per-query figures are on the JS-rendered pricing page,
 * which could not be read on the date below, so they are null (unknown) until someone checks
 * them; callers show "unknown" rather than a guess.
 */
export const RERANK_PRICES: {
  checkedOn: string;
  documentsPerQuery: number;
  usdPerQuery: Record<RerankModelId, number | null>;
} = {
  checkedOn: '2026-12-04',
  documentsPerQuery: 100,
  usdPerQuery: { 'amazon.rerank-v1:0': null, 'cohere.rerank-v3-5:0': null },
};

/** Estimated cost of one Rerank call over `documents` documents; null when the price is unknown. */
export function estimateRerankCost(modelId: RerankModelId, documents: number): number | null {
  const price = RERANK_PRICES.usdPerQuery[modelId];
  if (price === null) return null;
  return Math.ceil(documents / RERANK_PRICES.documentsPerQuery) * price;
}

/**
 * Regions where each rerank model is offered (rerank-supported page): Amazon Rerank 1.0 is not in
 * us-east-1.
 */
export const RERANK_REGIONS: Record<RerankModelId, readonly string[]> = {
  'amazon.rerank-v1:0': ['ap-northeast-1', 'ca-central-1', 'eu-central-1', 'us-west-2'],
  'cohere.rerank-v3-5:0': [
    'ap-northeast-1',
    'ca-central-1',
    'eu-central-1',
    'us-west-2',
    'us-east-1',
  ],
};

export const RerankInput = z
  .object({
    modelId: RerankModelId,
    query: KbQuestion,
    /** Stratum's cap is 100 documents (the service takes up to 1,000). */
    documents: z.array(z.string().min(1).max(32_000)).min(1).max(100),
    topN: z.number().int().min(1).max(100),
  })
  .strict()
  .refine((i) => i.topN <= i.documents.length, {
    path: ['topN'],
    message: 'Ask for at most as many results as there are documents.',
  });
export type RerankInput = z.infer<typeof RerankInput>;

export const RerankOutput = z.object({
  /** Best first; `index` points into the request's `documents`. */
  results: z.array(z.object({ index: z.number().int().nonnegative(), relevanceScore: z.number() })),
  latencyMs: z.number().nonnegative(),
  costUsd: z.number().nonnegative().nullable(),
});
export type RerankOutput = z.infer<typeof RerankOutput>;

/** A knowledge base id: 10 letters or digits (the service model's pattern). */
export const KnowledgeBaseId = z
  .string()
  .trim()
  .regex(
    /^[0-9a-zA-Z]{10}$/,
    'A knowledge base ID is 10 letters or digits, as shown in the Bedrock console (for example ABCDE12345).',
  );

/** One chunk a knowledge base returned, flattened for display. */
export const RetrievedChunk = z.object({
  text: z.string(),
  /** Retrieve's relevance score; null in RetrieveAndGenerate citations (it sends none). */
  score: z.number().nullable(),
  /** S3, WEB, CONFLUENCE, ... as the service sent it. */
  locationType: z.string().nullable(),
  /** The source document's URI or URL when the location has one. */
  sourceUri: z.string().nullable(),
  /** Metadata values as JSON text, keyed as the service sent them. */
  metadata: z.record(z.string(), z.string()),
});
export type RetrievedChunk = z.infer<typeof RetrievedChunk>;

export const RetrieveInput = z
  .object({
    knowledgeBaseId: KnowledgeBaseId,
    query: KbQuestion,
    numberOfResults: z.number().int().min(1).max(100),
    /** Left to the knowledge base ('DEFAULT') or forced. */
    searchType: z.enum(['DEFAULT', 'HYBRID', 'SEMANTIC']),
  })
  .strict();
export type RetrieveInput = z.infer<typeof RetrieveInput>;

export const RetrieveOutput = z.object({
  results: z.array(RetrievedChunk),
  guardrailAction: z.string().nullable(),
  latencyMs: z.number().nonnegative(),
});
export type RetrieveOutput = z.infer<typeof RetrieveOutput>;

export const RetrieveAndGenerateInput = z
  .object({
    knowledgeBaseId: KnowledgeBaseId,
    /** A foundation model that takes on-demand calls; main sends its ARN in the target's region. */
    modelId: ModelId,
    query: KbQuestion,
    numberOfResults: z.number().int().min(1).max(100),
    /** Optional; must contain $search_results$ (textPromptTemplate, 1-4,000 characters). */
    promptTemplate: z
      .string()
      .min(1)
      .max(4_000)
      .refine(
        (t) => t.includes('$search_results$'),
        'A knowledge base prompt template must contain $search_results$ where the chunks go.',
      )
      .optional(),
  })
  .strict();
export type RetrieveAndGenerateInput = z.infer<typeof RetrieveAndGenerateInput>;

export const KbCitation = z.object({
  /** The span of the answer this citation supports: `answer.slice(start, end)` (end exclusive). */
  start: z.number().int().nonnegative(),
  end: z.number().int().nonnegative(),
  text: z.string(),
  references: z.array(RetrievedChunk),
});
export type KbCitation = z.infer<typeof KbCitation>;

export const RetrieveAndGenerateOutput = z.object({
  text: z.string(),
  sessionId: z.string(),
  citations: z.array(KbCitation),
  guardrailAction: z.string().nullable(),
  latencyMs: z.number().nonnegative(),
});
export type RetrieveAndGenerateOutput = z.infer<typeof RetrieveAndGenerateOutput>;
