/**
 * The embedding choices the Embeddings tab offers (model and dimensions) and the cost estimate
 * shown before a run: the chunks' tokens (Stratum's count, lib/rag/tokens) times the catalog's
 * on-demand price per 1,000 input tokens. Bedrock bills the model's own token count, so the
 * estimate is labelled as one.
 */
import {
  COHERE_MAX_CHARS,
  estimateEmbeddingCost,
  type EmbeddingDimensions,
  type EmbeddingModelId,
} from '../../../../../shared/knowledge-bases';
import { findModel } from '../../../../../shared/models';
import type { Chunk } from '../../../lib/rag/chunking';

export interface EmbeddingChoice {
  id: string;
  label: string;
  modelId: EmbeddingModelId;
  dimensions: EmbeddingDimensions;
}

export const EMBEDDING_CHOICES: readonly EmbeddingChoice[] = [
  {
    id: 'titan-1024',
    label: 'Titan Text Embeddings V2, 1,024 dimensions',
    modelId: 'amazon.titan-embed-text-v2:0',
    dimensions: 1024,
  },
  {
    id: 'titan-512',
    label: 'Titan Text Embeddings V2, 512 dimensions',
    modelId: 'amazon.titan-embed-text-v2:0',
    dimensions: 512,
  },
  {
    id: 'titan-256',
    label: 'Titan Text Embeddings V2, 256 dimensions',
    modelId: 'amazon.titan-embed-text-v2:0',
    dimensions: 256,
  },
  {
    id: 'cohere-1024',
    label: 'Cohere Embed English v3, 1,024 dimensions',
    modelId: 'cohere.embed-english-v3',
    dimensions: 1024,
  },
];

export function modelName(modelId: string): string {
  return findModel(modelId)?.name ?? modelId;
}

/** USD per 1,000 input tokens from the catalog, or null when it has none. */
export function pricePer1k(modelId: string): number | null {
  const model = findModel(modelId);
  return model?.pricing.kind === 'embedding' ? model.pricing.inputPer1k : null;
}

export interface EmbeddingEstimate {
  tokens: number;
  /** null when the catalog has no price for the model. */
  usd: number | null;
}

export function estimateEmbedding(
  chunks: readonly Pick<Chunk, 'tokens'>[],
  modelId: string,
): EmbeddingEstimate {
  const tokens = chunks.reduce((s, c) => s + c.tokens, 0);
  return { tokens, usd: estimateEmbeddingCost(modelId, tokens) ?? null };
}

/** Chunks a model cannot take (Cohere Embed v3: 2,048 characters per text). */
export function tooLongFor(modelId: EmbeddingModelId, chunks: readonly Chunk[]): Chunk[] {
  return modelId === 'cohere.embed-english-v3'
    ? chunks.filter((c) => c.text.length > COHERE_MAX_CHARS)
    : [];
}
