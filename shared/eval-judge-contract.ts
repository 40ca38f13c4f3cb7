/**
 * The evaluation lab's model-as-judge part of the contract: the stream `judgeResponses`.
 *
 * A judge model (Converse, a forced tool) scores responses against the learner's rubrics. The tool's
 * input schema is derived from the zod schemas here with `z.toJSONSchema`, so what the judge is
 * asked for and what is accepted cannot drift. Metric names follow Bedrock's judge metrics
 * (`Builtin.Correctness` ... `Builtin.Refusal`, AWS user guide "model-evaluation-metrics"); the
 * 1-5 scale and the rubrics are Stratum's own (Bedrock's evaluator prompts use per-metric scales,
 * normalised to 0-1 in its report).
 *
 * A reply that breaks the schema is asked for once more; a second break marks the response
 * unscored (score null, `problem` says why): a score is never made up.
 */
import { z } from 'zod';
import { ModelId } from './settings';

export const JUDGE_METRICS = [
  'correctness',
  'completeness',
  'faithfulness',
  'helpfulness',
  'coherence',
  'relevance',
  'harmfulness',
  'refusal',
] as const;
export const JudgeMetric = z.enum(JUDGE_METRICS);
export type JudgeMetric = z.infer<typeof JudgeMetric>;

/** Bedrock's name for each metric in CreateEvaluationJob's `metricNames` (judge jobs). */
export const BEDROCK_JUDGE_METRIC: Record<JudgeMetric, string> = {
  correctness: 'Builtin.Correctness',
  completeness: 'Builtin.Completeness',
  faithfulness: 'Builtin.Faithfulness',
  helpfulness: 'Builtin.Helpfulness',
  coherence: 'Builtin.Coherence',
  relevance: 'Builtin.Relevance',
  harmfulness: 'Builtin.Harmfulness',
  refusal: 'Builtin.Refusal',
};

export const MAX_RUBRIC_CHARS = 2_000;
export const MAX_JUDGE_ITEMS = 200;
export const MAX_JUDGE_CONCURRENCY = 4;
/** Each judge call's maxTokens (main sends it; the renderer's cost estimate uses it as a ceiling). */
export const JUDGE_MAX_TOKENS = 2_000;
export const JUDGE_TOOL_NAME = 'record_scores';
export const PAIRWISE_TOOL_NAME = 'record_preference';
/** The forced tool's description (main sends it; the renderer's cost estimate counts it). */
export const JUDGE_TOOL_DESCRIPTION = 'Record the evaluation. Always call this tool.';

const Text = z.string().max(40_000);

/** One metric's score from the judge: reasoning first (so it reasons before it scores). */
export const MetricScore = z.object({
  reasoning: z.string().min(1).max(4_000),
  score: z.int().min(1).max(5),
});
export type MetricScore = z.infer<typeof MetricScore>;

/** The tool input the judge must send for `metrics` (single mode): one entry per metric. */
export function scoresToolSchema(metrics: readonly JudgeMetric[]) {
  const shape: Record<string, typeof MetricScore> = {};
  for (const m of metrics) shape[m] = MetricScore;
  return z.object(shape).strict();
}

/** The tool input in pairwise mode: which of the two shown responses is better, and why. */
export const PairwiseVerdict = z
  .object({
    reasoning: z.string().min(1).max(4_000),
    preferred: z.enum(['A', 'B', 'tie']),
  })
  .strict();
export type PairwiseVerdict = z.infer<typeof PairwiseVerdict>;

export const JudgeResponse = z.object({
  /** The run's key for this response (a model id, or model + temperature). */
  key: z.string().min(1).max(300),
  text: Text,
});

export const JudgeItem = z.object({
  id: z.string().min(1).max(200),
  prompt: z.string().min(1).max(40_000),
  reference: Text.nullable(),
  /** The context a faithful answer must stay within (defaults to the prompt itself). */
  context: Text.nullable(),
  /** Single mode: each is scored; pairwise: exactly two, compared. */
  responses: z.array(JudgeResponse).min(1).max(3),
});
export type JudgeItem = z.infer<typeof JudgeItem>;

export const JudgeResponsesInput = z
  .object({
    judgeModelId: ModelId,
    mode: z.enum(['single', 'pairwise']),
    metrics: z
      .array(
        z.object({ metric: JudgeMetric, rubric: z.string().trim().min(1).max(MAX_RUBRIC_CHARS) }),
      )
      .min(1)
      .max(JUDGE_METRICS.length),
    items: z.array(JudgeItem).min(1).max(MAX_JUDGE_ITEMS),
    concurrency: z.int().min(1).max(MAX_JUDGE_CONCURRENCY),
  })
  .strict()
  .superRefine((input, ctx) => {
    if (input.mode !== 'pairwise') return;
    input.items.forEach((item, i) => {
      if (item.responses.length !== 2) {
        ctx.addIssue({
          code: 'custom',
          path: ['items', i, 'responses'],
          message: 'Pairwise judging compares exactly two responses per item.',
        });
      }
    });
  });
export type JudgeResponsesInput = z.infer<typeof JudgeResponsesInput>;

const CallFacts = {
  /** Calls made for this result (2 when the first reply broke the schema). */
  attempts: z.int().min(1).max(2),
  inputTokens: z.int().nonnegative().nullable(),
  outputTokens: z.int().nonnegative().nullable(),
  /** Why the result is unscored (the reply broke the schema twice); null when scored. */
  problem: z.string().nullable(),
};

export const JudgeResponsesEvent = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('started'), total: z.int().nonnegative() }),
  /** Single mode: the scores of one response (null scores when unscored). */
  z.object({
    kind: z.literal('scores'),
    itemId: z.string(),
    responseKey: z.string(),
    scores: z.array(
      z.object({
        metric: JudgeMetric,
        score: z.int().min(1).max(5).nullable(),
        reasoning: z.string(),
      }),
    ),
    ...CallFacts,
  }),
  /**
   * Pairwise: one verdict per order. `order` 'original' showed responses[0] as A; 'swapped' showed
   * responses[1] as A. `preferredKey` is mapped back to the response key (or 'tie'; null unscored).
   */
  z.object({
    kind: z.literal('verdict'),
    itemId: z.string(),
    order: z.enum(['original', 'swapped']),
    shownAsA: z.string(),
    preferredLetter: z.enum(['A', 'B', 'tie']).nullable(),
    preferredKey: z.string().nullable(),
    reasoning: z.string(),
    ...CallFacts,
  }),
]);
export type JudgeResponsesEvent = z.infer<typeof JudgeResponsesEvent>;

/** The judge's reply, read: scores per metric, or why it could not be read. */
export type ParsedScores =
  | { ok: true; scores: { metric: JudgeMetric; score: number; reasoning: string }[] }
  | { ok: false; problem: string };

function asObject(input: unknown): unknown {
  if (typeof input !== 'string') return input;
  try {
    return JSON.parse(input) as unknown;
  } catch {
    return undefined;
  }
}

function issuesText(error: z.ZodError): string {
  return error.issues
    .slice(0, 3)
    .map((i) => (i.path.length > 0 ? `${i.path.join('.')}: ${i.message}` : i.message))
    .join('; ');
}

/** Reads a tool input against the scores schema for `metrics` (never guesses a score). */
export function parseScores(input: unknown, metrics: readonly JudgeMetric[]): ParsedScores {
  const value = asObject(input);
  if (value === undefined || value === null) {
    return { ok: false, problem: 'the judge did not send its scores as a JSON object' };
  }
  const parsed = scoresToolSchema(metrics).safeParse(value);
  if (!parsed.success)
    return { ok: false, problem: `the scores broke the schema (${issuesText(parsed.error)})` };
  return {
    ok: true,
    scores: metrics.map((metric) => {
      const s = parsed.data[metric] as MetricScore;
      return { metric, score: s.score, reasoning: s.reasoning };
    }),
  };
}

export type ParsedVerdict = { ok: true; verdict: PairwiseVerdict } | { ok: false; problem: string };

/** Reads a pairwise tool input (A, B or tie, with reasoning). */
export function parseVerdict(input: unknown): ParsedVerdict {
  const value = asObject(input);
  if (value === undefined || value === null) {
    return { ok: false, problem: 'the judge did not send its verdict as a JSON object' };
  }
  const parsed = PairwiseVerdict.safeParse(value);
  if (!parsed.success)
    return { ok: false, problem: `the verdict broke the schema (${issuesText(parsed.error)})` };
  return { ok: true, verdict: parsed.data };
}

type MetricRubric = JudgeResponsesInput['metrics'][number];

function rubricBlock(metrics: readonly MetricRubric[]): string {
  return metrics.map((m) => `## ${m.metric}\n${m.rubric}`).join('\n\n');
}

function contextBlock(item: JudgeItem): string {
  const parts: string[] = [];
  if (item.context) parts.push(`<context>\n${item.context}\n</context>`);
  if (item.reference) parts.push(`<reference_response>\n${item.reference}\n</reference_response>`);
  return parts.join('\n\n');
}

/** The judge's instructions for scoring one response (single mode). */
export function singleJudgePrompt(
  item: JudgeItem,
  response: string,
  metrics: readonly MetricRubric[],
): string {
  return [
    'You are an impartial evaluator. Score the response below on each metric from 1 (worst) to 5 (best) using its rubric. Reason first, then score.',
    `# Rubrics\n\n${rubricBlock(metrics)}`,
    `<prompt>\n${item.prompt}\n</prompt>`,
    contextBlock(item),
    `<response>\n${response}\n</response>`,
    `Call ${JUDGE_TOOL_NAME} with one entry per metric: ${metrics.map((m) => m.metric).join(', ')}.`,
  ]
    .filter((p) => p.length > 0)
    .join('\n\n');
}

/** The judge's instructions for comparing two responses shown as A and B (pairwise mode). */
export function pairwiseJudgePrompt(
  item: JudgeItem,
  a: string,
  b: string,
  metrics: readonly MetricRubric[],
): string {
  return [
    'You are an impartial evaluator. Compare response A and response B on the metrics below and say which is better overall, or tie. The order in which they are shown must not influence you. Reason first, then decide.',
    `# Rubrics\n\n${rubricBlock(metrics)}`,
    `<prompt>\n${item.prompt}\n</prompt>`,
    contextBlock(item),
    `<response_A>\n${a}\n</response_A>`,
    `<response_B>\n${b}\n</response_B>`,
    `Call ${PAIRWISE_TOOL_NAME} with your reasoning and preferred: "A", "B" or "tie".`,
  ]
    .filter((p) => p.length > 0)
    .join('\n\n');
}
