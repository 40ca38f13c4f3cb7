/**
 * Planning a run before it starts: perturbed copies of the items for robustness (seeded, so the
 * same seed gives the same copies), a sample of N items, and the cost estimate shown before the
 * learner presses Run.
 */
import { estimateTokenCost } from '../../../../shared/models';
import { createRng, shuffle } from '../../../../shared/random';
import { perturb, type PerturbationKind } from './robustness';

export interface PlanItem {
  id: string;
  prompt: string;
  referenceResponse?: string | undefined;
  category?: string | undefined;
  perturbation?: { of: string; kind: PerturbationKind } | undefined;
}

/** `n` items drawn without replacement (all of them, in order, when n >= their count). */
export function sampleItems<T>(items: readonly T[], n: number, seed: number): T[] {
  if (n >= items.length) return [...items];
  return shuffle(items, createRng(seed)).slice(0, Math.max(0, n));
}

/**
 * One perturbed copy per item per kind, each with the original's reference and category; a copy
 * whose text did not change (a short prompt can come out the same) is drawn again up to 5 times.
 */
export function perturbedCopies(
  items: readonly PlanItem[],
  kinds: readonly PerturbationKind[],
  seed: number,
): PlanItem[] {
  const rng = createRng(seed);
  return items.flatMap((item) =>
    kinds.map((kind) => {
      let prompt = perturb(item.prompt, kind, rng);
      for (let tries = 0; prompt === item.prompt && tries < 5; tries++) {
        prompt = perturb(item.prompt, kind, rng);
      }
      return {
        id: `${item.id}~${kind}`,
        prompt,
        referenceResponse: item.referenceResponse,
        category: item.category,
        perturbation: { of: item.id, kind },
      };
    }),
  );
}

/** About four characters per token: the rough rule the estimate uses (said where it is shown). */
export const CHARS_PER_TOKEN_ESTIMATE = 4;

export interface CostEstimate {
  /** Null when a candidate's model has no list price in the catalog. */
  usd: number | null;
  calls: number;
  inputTokens: number;
  /** The most output the run can be billed for: every call reaching maxTokens. */
  maxOutputTokens: number;
}

/**
 * The most a run can cost: input tokens estimated from the characters sent (template included),
 * output at each candidate's maxTokens (a ceiling; most answers are shorter).
 */
export function estimateRunCost(
  prompts: readonly string[],
  candidates: readonly { modelId: string; maxTokens: number; template: string }[],
): CostEstimate {
  let usd: number | null = 0;
  let inputTokens = 0;
  let maxOutputTokens = 0;
  for (const c of candidates) {
    const chars = prompts.reduce((s, p) => s + p.length + c.template.length, 0);
    const input = Math.ceil(chars / CHARS_PER_TOKEN_ESTIMATE);
    const output = c.maxTokens * prompts.length;
    inputTokens += input;
    maxOutputTokens += output;
    const cost = estimateTokenCost(c.modelId, input, output);
    usd = cost === null || usd === null ? null : usd + cost;
  }
  return { usd, calls: prompts.length * candidates.length, inputTokens, maxOutputTokens };
}
