/**
 * What a live run costs, in one place. Main reports each sample's token usage but no cost for
 * `sampleNextWord` (see SampleNextWordEvent in shared/contract.ts), so the cost of a run is the
 * catalog's on-demand estimate for the tokens main reported; the preview before a run estimates
 * the tokens as well.
 */
import { estimateTokenCost } from '../../../../shared/models';

/** Output tokens per call: a word can take a few tokens. */
export const NEXT_WORD_MAX_TOKENS = 5;
/** The system prompt main sends with every call, in tokens (roughly). */
const SYSTEM_PROMPT_TOKENS = 40;

/** Rough token estimate for the preview: about 4 characters per token, plus overhead. */
const estimateTokens = (text: string) => Math.ceil(text.length / 4) + 8;

export interface LiveEstimate {
  inputTokens: number;
  /** At most: each call stops at NEXT_WORD_MAX_TOKENS. */
  outputTokens: number;
  /** Null when the catalog has no token price for the model. */
  costUsd: number | null;
}

/** The preview shown before a run of `n` samples of `prompt`. */
export function estimateLiveRun(modelId: string, prompt: string, n: number): LiveEstimate {
  const inputTokens = (estimateTokens(prompt) + SYSTEM_PROMPT_TOKENS) * n;
  const outputTokens = NEXT_WORD_MAX_TOKENS * n;
  return {
    inputTokens,
    outputTokens,
    costUsd: estimateTokenCost(modelId, inputTokens, outputTokens),
  };
}

/** The cost of a run from the usage main reported; null when the model has no price. */
export function liveRunCost(
  modelId: string,
  usage: { inputTokens: number; outputTokens: number },
): number | null {
  return estimateTokenCost(modelId, usage.inputTokens, usage.outputTokens);
}
