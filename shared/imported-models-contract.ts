/**
 * The token lab's imported models: models a learner brought into Amazon Bedrock with Custom Model
 * Import, listed from the control plane and asked for an answer WITH token log probabilities, so
 * the lab can show the real probability of every generated token and its top alternatives.
 *
 * Sources (read 2026-12-04):
 * - Request and response: AWS user guide, "Advanced API features for imported models"
 *   (https://docs.aws.amazon.com/bedrock/latest/userguide/custom-model-import-advanced-features.html),
 *   section "Log probabilities", OpenAIChatCompletion tab: InvokeModel body
 *   `{messages, max_tokens, temperature, logprobs: true, top_logprobs: N, prompt_logprobs: N}`;
 *   response `choices[].logprobs.content[{token, logprob, bytes, top_logprobs[{token, logprob,
 *   bytes}]}]`, `usage {prompt_tokens, completion_tokens, total_tokens}`. The page covers models
 *   imported after 11 November 2025. Its BedrockCompletion tab (`"return_logprobs": true`)
 *   returns only the chosen token's logprob keyed by token ID (`[{"362": -2.14}, ...]`), which
 *   needs the model's tokenizer to show as text, so Stratum uses the chat format, whose tokens
 *   are strings.
 * - ListImportedModels: `GET /imported-models` (@aws-sdk/client-bedrock 3.1164 service model);
 *   `modelSummaries[{modelArn*, modelName*, creationTime*, instructSupported, modelArchitecture}]`,
 *   `nextToken`.
 */
import { z } from 'zod';

/** An imported model's ARN, e.g. `arn:aws:bedrock:us-east-1:123456789012:imported-model/abc123def456`. */
export const ImportedModelArn = z
  .string()
  .regex(
    /^arn:aws(-[a-z]+)*:bedrock:[a-z0-9-]{1,20}:[0-9]{12}:imported-model\/[a-z0-9]{1,63}$/,
    'Not an imported model ARN (arn:aws:bedrock:<region>:<account>:imported-model/<id>).',
  );

/** The date from which the AWS page documents log probabilities in the chat format. */
export const ADVANCED_FEATURES_SINCE = '2025-11-11';

export const ImportedModel = z.object({
  arn: ImportedModelArn,
  name: z.string().min(1),
  /** ISO date-time the model was imported. */
  createdAt: z.string(),
  /** "Supports converse" in the API reference (the model has a chat template); null if unsent. */
  instructSupported: z.boolean().nullable(),
  /** e.g. "llama", "mistral", "qwen2"; null if unsent. */
  architecture: z.string().nullable(),
});
export type ImportedModel = z.infer<typeof ImportedModel>;

export const ListImportedModelsOutput = z.object({
  models: z.array(ImportedModel),
  region: z.string(),
});
export type ListImportedModelsOutput = z.infer<typeof ListImportedModelsOutput>;

/** How many alternatives per token Stratum asks for (an app choice: the strip shows five). */
export const MAX_TOP_LOGPROBS = 5;
export const MAX_IMPORTED_TOKENS = 200;

export const InvokeImportedInput = z
  .object({
    modelArn: ImportedModelArn,
    prompt: z.string().trim().min(1).max(4000),
    maxTokens: z.number().int().min(1).max(MAX_IMPORTED_TOKENS),
    temperature: z.number().min(0).max(1),
    /** 0 asks for the chosen tokens' log probabilities only. */
    topLogprobs: z.number().int().min(0).max(MAX_TOP_LOGPROBS),
  })
  .strict();
export type InvokeImportedInput = z.input<typeof InvokeImportedInput>;

const TokenChoice = z.object({
  token: z.string(),
  logprob: z.number(),
  /** exp(logprob), between 0 and 1. */
  probability: z.number().min(0).max(1),
});
export type TokenChoice = z.infer<typeof TokenChoice>;

export const GeneratedToken = TokenChoice.extend({
  /** The model's most likely tokens at this position, most likely first (may include this one). */
  alternatives: z.array(TokenChoice),
});
export type GeneratedToken = z.infer<typeof GeneratedToken>;

export const ImportedLogprobsOutput = z.object({
  modelArn: ImportedModelArn,
  text: z.string(),
  finishReason: z.string().nullable(),
  tokens: z.array(GeneratedToken),
  /** Whether the model sent alternatives (it was asked for at least one). */
  hasAlternatives: z.boolean(),
  inputTokens: z.number().int().nonnegative().nullable(),
  outputTokens: z.number().int().nonnegative().nullable(),
  latencyMs: z.number().nonnegative(),
});
export type ImportedLogprobsOutput = z.infer<typeof ImportedLogprobsOutput>;

/** The InvokeModel body for the chat format with log probabilities (see the file comment). */
export function logprobsRequestBody(input: z.output<typeof InvokeImportedInput>) {
  return {
    messages: [{ role: 'user', content: input.prompt }],
    max_tokens: input.maxTokens,
    temperature: input.temperature,
    logprobs: true,
    ...(input.topLogprobs > 0 ? { top_logprobs: input.topLogprobs } : {}),
  };
}

// ---------------------------------------------------------------------------------------------
// The model's answer, as the AWS page shows it (other keys are allowed and ignored).

const Logprob = z.number().refine((n) => Number.isFinite(n) && n <= 0, {
  message: 'a log probability must be a finite number at most 0',
});
const WireTop = z.object({ token: z.string(), logprob: Logprob });
const WireToken = WireTop.extend({ top_logprobs: z.array(WireTop).nullish() });

export const ChatCompletionWithLogprobs = z.object({
  choices: z
    .array(
      z.object({
        message: z.object({ role: z.string().optional(), content: z.string().nullable() }),
        logprobs: z.object({ content: z.array(WireToken).nullable() }).nullable(),
        finish_reason: z.string().nullable().optional(),
      }),
    )
    .min(1, 'the answer has no choices'),
  usage: z
    .object({
      prompt_tokens: z.number().int().nonnegative(),
      completion_tokens: z.number().int().nonnegative(),
    })
    .optional(),
});
export type ChatCompletionWithLogprobs = z.infer<typeof ChatCompletionWithLogprobs>;

export type ParsedLogprobs =
  | { ok: true; value: Omit<ImportedLogprobsOutput, 'modelArn' | 'latencyMs'> }
  | { ok: false; problem: string };

const choice = (token: string, logprob: number): TokenChoice => ({
  token,
  logprob,
  probability: Math.min(1, Math.max(0, Math.exp(logprob))),
});

/**
 * Reads the model's JSON answer into the lab's tokens; `problem` says what was wrong in plain
 * words (the first schema issue with its path, or that no log probabilities came back).
 */
export function parseLogprobsResponse(json: unknown): ParsedLogprobs {
  const parsed = ChatCompletionWithLogprobs.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    const what = (issue?.message ?? 'unexpected shape').replace(/^Invalid input: /, '');
    const where = issue && issue.path.length ? ` at ${issue.path.join('.')}` : '';
    return { ok: false, problem: `${what}${where}` };
  }
  const first = parsed.data.choices[0];
  const content = first?.logprobs?.content;
  if (!first || !content) {
    return { ok: false, problem: 'the answer carries no log probabilities (logprobs is null)' };
  }
  const tokens = content.map((t) => ({
    ...choice(t.token, t.logprob),
    alternatives: (t.top_logprobs ?? [])
      .map((a) => choice(a.token, a.logprob))
      .sort((a, b) => b.logprob - a.logprob),
  }));
  const usage = parsed.data.usage;
  return {
    ok: true,
    value: {
      text: first.message.content ?? tokens.map((t) => t.token).join(''),
      finishReason: first.finish_reason ?? null,
      tokens,
      hasAlternatives: tokens.some((t) => t.alternatives.length > 0),
      inputTokens: usage?.prompt_tokens ?? null,
      outputTokens: usage?.completion_tokens ?? null,
    },
  };
}

/** The IAM actions the panel needs (README and the access-denied remedies). */
export const IMPORTED_MODEL_ACTIONS = [
  'bedrock:ListImportedModels',
  'bedrock:InvokeModel',
] as const;
