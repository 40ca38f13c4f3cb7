/**
 * Amazon Bedrock Guardrails in the playground: the configuration a run may carry, and a compact,
 * validated summary of the trace a guardrail returns with a ConverseStream response.
 *
 * The id and version formats are the ones the Bedrock Runtime API reference gives for
 * GuardrailStreamConfiguration: an id of lower-case letters and digits (or the guardrail's ARN),
 * and a version that is `DRAFT` or a number from 1 to 99999999.
 */
import { z } from 'zod';

/** A guardrail id (`abc123def456`) or its ARN, as Bedrock Runtime accepts it. */
export const GuardrailIdentifier = z
  .string()
  .trim()
  .min(1, 'Enter the guardrail id.')
  .max(2048)
  .regex(
    /^(([a-z0-9]+)|(arn:aws(-[^:]+)?:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:guardrail\/[a-z0-9]+))$/,
    'A guardrail id is lower-case letters and digits (such as a1b2c3d4e5f6), or the guardrail ARN.',
  );

/** `DRAFT` (the working copy) or a published version number. */
export const GuardrailVersion = z
  .string()
  .trim()
  .regex(
    /^(([1-9][0-9]{0,7})|(DRAFT))$/,
    'A guardrail version is DRAFT or a published version number such as 1.',
  );

/** What a chat or compare run may ask for: which guardrail, and whether to return its trace. */
export const GuardrailSettings = z
  .object({
    id: GuardrailIdentifier,
    version: GuardrailVersion,
    /** Ask Bedrock for the guardrail's trace (which policies acted), shown with the answer. */
    trace: z.boolean(),
    /**
     * How the guardrail checks a streamed answer: `sync` (the default) buffers and checks each
     * chunk before it is sent; `async` sends chunks at once and checks them in the background.
     */
    streamProcessingMode: z.enum(['sync', 'async']).optional(),
  })
  .strict();
export type GuardrailSettings = z.infer<typeof GuardrailSettings>;

/** The guardrail policies a trace can report, in the API's own terms. */
export const GuardrailPolicy = z.enum([
  'contentFilter',
  'deniedTopic',
  'customWord',
  'managedWordList',
  'sensitiveInformation',
  'regex',
  'contextualGrounding',
]);
export type GuardrailPolicy = z.infer<typeof GuardrailPolicy>;

/** One policy entry of an assessment, flattened for display. */
export const GuardrailFinding = z.object({
  /** Whether the guardrail looked at the prompt or at the model's answer. */
  source: z.enum(['input', 'output']),
  policy: GuardrailPolicy,
  /**
   * What matched: a content filter's category (HATE, PROMPT_ATTACK…), a denied topic's name, a
   * word list type (PROFANITY) or custom word, a PII entity type (EMAIL…) or regex name, or a
   * grounding check (GROUNDING, RELEVANCE).
   */
  name: z.string().max(500),
  /** The action the policy took: BLOCKED, ANONYMIZED or NONE (as Bedrock reports it). */
  action: z.string().max(50),
  /** Whether the policy detected something (reported by newer API versions; else null). */
  detected: z.boolean().nullable(),
  /** Content filters: how confident the classifier was (NONE, LOW, MEDIUM, HIGH). */
  confidence: z.string().max(50).nullable(),
  /** Content filters: the strength the filter is set to. */
  filterStrength: z.string().max(50).nullable(),
  /** Words, PII and regexes: the text that matched. */
  match: z.string().max(2000).nullable(),
  /** Contextual grounding: the score and the threshold it was held against. */
  score: z.number().nullable(),
  threshold: z.number().nullable(),
});
export type GuardrailFinding = z.infer<typeof GuardrailFinding>;

/** The trace of one guardrail run, summarised: every policy entry plus the raw bits worth showing. */
export const GuardrailTraceSummary = z.object({
  /** True when any finding blocked or anonymised content. */
  acted: z.boolean(),
  findings: z.array(GuardrailFinding).max(500),
  /** Bedrock's reason for the action, when it gives one. */
  actionReason: z.string().max(4000).nullable(),
  /** The model's own output as the guardrail saw it (full trace only), before any masking. */
  modelOutput: z.array(z.string().max(200_000)).max(50),
});
export type GuardrailTraceSummary = z.infer<typeof GuardrailTraceSummary>;

/**
 * What a learner reads when a run stops with `guardrail_intervened`. Kept here so chat and
 * compare say the same thing.
 */
export const GUARDRAIL_INTERVENED_EXPLANATION =
  'The guardrail intervened: a policy matched the prompt or the answer, so Bedrock replaced the output with the guardrail’s blocked message. The trace shows which policy acted.';
