/**
 * The evaluation lab's `runEvaluation` stream: one Converse call per item per candidate, bounded
 * concurrency, one event per finished response. A candidate is a model with its settings and a
 * prompt template (`{{prompt}}` stands for the item's prompt), so one model at several
 * temperatures or two templates are simply several candidates.
 *
 * Resume: the renderer keeps every response that arrived and sends only the missing
 * (item, candidate) pairs in `only`. After the first failure (throttling that the SDK's retries did
 * not clear, say) no new call starts; the calls in flight finish and are emitted; then the stream
 * ends with that failure.
 */
import { z } from 'zod';
import { ModelId } from './settings';

/** Where the item's prompt goes in a template. */
export const PROMPT_SLOT = '{{prompt}}';
export const DEFAULT_TEMPLATE = PROMPT_SLOT;
export const MAX_EVAL_CANDIDATES = 3;
export const MAX_EVAL_ITEMS = 2_000;
export const MAX_EVAL_CONCURRENCY = 8;
/** Stratum's cap on one response's length in an evaluation (keeps runs short and cheap). */
export const MAX_EVAL_TOKENS = 4_096;

export const EvalCandidate = z
  .object({
    id: z.string().regex(/^[a-z0-9-]{1,40}$/),
    label: z.string().trim().min(1).max(120),
    modelId: ModelId,
    temperature: z.number().min(0).max(1),
    maxTokens: z.number().int().min(1).max(MAX_EVAL_TOKENS),
    template: z
      .string()
      .max(8_000)
      .refine((t) => t.includes(PROMPT_SLOT), `A template must contain ${PROMPT_SLOT}.`),
    system: z.string().max(8_000).optional(),
  })
  .strict();
export type EvalCandidate = z.infer<typeof EvalCandidate>;

export const EvalCallItem = z
  .object({
    id: z.string().min(1).max(200),
    prompt: z.string().min(1).max(60_000),
  })
  .strict();
export type EvalCallItem = z.infer<typeof EvalCallItem>;

export const EvalPair = z.object({ itemId: z.string(), candidateId: z.string() }).strict();
export type EvalPair = z.infer<typeof EvalPair>;

export const RunEvaluationInput = z
  .object({
    candidates: z
      .array(EvalCandidate)
      .min(1)
      .max(MAX_EVAL_CANDIDATES)
      .refine(
        (c) => new Set(c.map((x) => x.id)).size === c.length,
        'Candidate ids must be unique.',
      ),
    items: z
      .array(EvalCallItem)
      .min(1)
      .max(MAX_EVAL_ITEMS)
      .refine((i) => new Set(i.map((x) => x.id)).size === i.length, 'Item ids must be unique.'),
    /** Only these pairs (a resume); every item x candidate when left out. */
    only: z
      .array(EvalPair)
      .max(MAX_EVAL_ITEMS * MAX_EVAL_CANDIDATES)
      .optional(),
    concurrency: z.number().int().min(1).max(MAX_EVAL_CONCURRENCY),
  })
  .strict();
export type RunEvaluationInput = z.infer<typeof RunEvaluationInput>;

export const RunEvaluationEvent = z.discriminatedUnion('type', [
  z.object({
    type: z.literal('response'),
    itemId: z.string(),
    candidateId: z.string(),
    text: z.string(),
    stopReason: z.string(),
    /** The model stopped at maxTokens: the response is cut. */
    truncated: z.boolean(),
    /** The model returned no text (kept, and scored as an empty answer). */
    empty: z.boolean(),
    inputTokens: z.number().int().nonnegative().nullable(),
    outputTokens: z.number().int().nonnegative().nullable(),
    latencyMs: z.number().nonnegative(),
    /** As main estimated and logged it; null when the model has no list price. */
    costUsd: z.number().nonnegative().nullable(),
  }),
]);
export type RunEvaluationEvent = z.infer<typeof RunEvaluationEvent>;
export type EvalResponseEvent = Extract<RunEvaluationEvent, { type: 'response' }>;

/** The text sent for an item: the template with its slot replaced (every occurrence). */
export function applyTemplate(template: string, prompt: string): string {
  return template.split(PROMPT_SLOT).join(prompt);
}

/** The pairs a run asks for, in item-major order. */
export function pairsOf(
  input: Pick<RunEvaluationInput, 'items' | 'candidates' | 'only'>,
): EvalPair[] {
  if (input.only) return input.only;
  return input.items.flatMap((item) =>
    input.candidates.map((c) => ({ itemId: item.id, candidateId: c.id })),
  );
}
