/**
 * The evaluation lab's `judgeResponses` stream (shared/eval-judge-contract.ts): a judge model
 * scores responses through Converse with a forced tool whose input schema is derived from zod
 * (`z.toJSONSchema`), so the judge's reply is structured and checked against the same schema.
 *
 * Single mode: one call per (item, response), scoring every chosen metric. Pairwise mode: two calls
 * per item, the second with the responses swapped, so position bias shows as disagreement.
 * A reply that breaks the schema is asked for once more; a second break is reported unscored
 * (score null, with the problem), never a made-up score. Calls run with bounded concurrency, each a
 * recorded call (feature 'evaluation'); after the first failure no new call starts.
 */
import { ConverseCommand, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { DocumentType } from '@smithy/types';
import { z } from 'zod';
import {
  JUDGE_MAX_TOKENS,
  JUDGE_TOOL_DESCRIPTION,
  JUDGE_TOOL_NAME,
  PAIRWISE_TOOL_NAME,
  PairwiseVerdict,
  pairwiseJudgePrompt,
  parseScores,
  parseVerdict,
  scoresToolSchema,
  singleJudgePrompt,
  type JudgeItem,
  type JudgeResponsesEvent,
  type JudgeResponsesInput,
} from '../../../shared/eval-judge-contract';
import type { BedrockCaller } from './client';
import { runBounded } from './embeddings';
import { recordedCall } from './recorded-call';

interface ToolReply {
  input: unknown;
  inputTokens: number | null;
  outputTokens: number | null;
}

/** The tool input of a reply (or its text, when the judge answered in prose). */
function toolInputOf(response: ConverseCommandOutput): unknown {
  const content = response.output?.message?.content ?? [];
  const use = content.find((b) => b.toolUse)?.toolUse;
  if (use) return use.input;
  return content.map((b) => b.text ?? '').join('') || undefined;
}

/** One recorded Converse call forcing `toolName` with `schema`. */
function callJudge(
  caller: BedrockCaller,
  modelId: string,
  prompt: string,
  toolName: string,
  schema: z.ZodType,
  signal: AbortSignal,
): Promise<ToolReply> {
  const json = z.toJSONSchema(schema, { io: 'input' }) as Record<string, unknown>;
  delete json['$schema'];
  return recordedCall(
    {
      feature: 'evaluation',
      operation: 'Converse',
      modelId,
      target: caller.target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.callMs,
      errorContext: { iamActions: ['bedrock:InvokeModel'] },
    },
    async (meter) => {
      const response = await caller.client.send(
        new ConverseCommand({
          modelId,
          messages: [{ role: 'user', content: [{ text: prompt }] }],
          inferenceConfig: { maxTokens: JUDGE_MAX_TOKENS, temperature: 0 },
          toolConfig: {
            tools: [
              {
                toolSpec: {
                  name: toolName,
                  description: JUDGE_TOOL_DESCRIPTION,
                  inputSchema: { json: json as DocumentType },
                },
              },
            ],
            toolChoice: { tool: { name: toolName } },
          },
        }),
        meter.sendOptions,
      );
      const inputTokens = response.usage?.inputTokens ?? null;
      const outputTokens = response.usage?.outputTokens ?? null;
      meter.usage(inputTokens, outputTokens);
      meter.stopReason(response.stopReason ?? null);
      return { input: toolInputOf(response), inputTokens, outputTokens };
    },
  );
}

type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

interface Judged<T> {
  result: Parsed<T>;
  attempts: 1 | 2;
  inputTokens: number | null;
  outputTokens: number | null;
}

const add = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/** Calls the judge; a reply `parse` refuses is asked for once more, then reported as it is. */
async function judgeWithRetry<T>(
  call: () => Promise<ToolReply>,
  parse: (input: unknown) => Parsed<T>,
): Promise<Judged<T>> {
  const first = await call();
  const parsed = parse(first.input);
  if (parsed.ok) return { result: parsed, attempts: 1, ...tokens(first) };
  const second = await call();
  return {
    result: parse(second.input),
    attempts: 2,
    inputTokens: add(first.inputTokens, second.inputTokens),
    outputTokens: add(first.outputTokens, second.outputTokens),
  };
}

function tokens(r: ToolReply) {
  return { inputTokens: r.inputTokens, outputTokens: r.outputTokens };
}

type Task =
  | { kind: 'single'; item: JudgeItem; response: JudgeItem['responses'][number] }
  | { kind: 'pair'; item: JudgeItem; order: 'original' | 'swapped' };

function tasksFor(input: JudgeResponsesInput): Task[] {
  if (input.mode === 'single') {
    return input.items.flatMap((item) =>
      item.responses.map((response) => ({ kind: 'single' as const, item, response })),
    );
  }
  return input.items.flatMap((item) => [
    { kind: 'pair' as const, item, order: 'original' as const },
    { kind: 'pair' as const, item, order: 'swapped' as const },
  ]);
}

async function runSingle(
  caller: BedrockCaller,
  input: JudgeResponsesInput,
  task: Extract<Task, { kind: 'single' }>,
  signal: AbortSignal,
): Promise<JudgeResponsesEvent> {
  const metrics = input.metrics.map((m) => m.metric);
  const prompt = singleJudgePrompt(task.item, task.response.text, input.metrics);
  const judged = await judgeWithRetry(
    () =>
      callJudge(
        caller,
        input.judgeModelId,
        prompt,
        JUDGE_TOOL_NAME,
        scoresToolSchema(metrics),
        signal,
      ),
    (raw) => {
      const p = parseScores(raw, metrics);
      return p.ok ? { ok: true, value: p.scores } : p;
    },
  );
  const { result } = judged;
  return {
    kind: 'scores',
    itemId: task.item.id,
    responseKey: task.response.key,
    scores: result.ok
      ? result.value
      : metrics.map((metric) => ({ metric, score: null, reasoning: '' })),
    attempts: judged.attempts,
    inputTokens: judged.inputTokens,
    outputTokens: judged.outputTokens,
    problem: result.ok ? null : result.problem,
  };
}

async function runPair(
  caller: BedrockCaller,
  input: JudgeResponsesInput,
  task: Extract<Task, { kind: 'pair' }>,
  signal: AbortSignal,
): Promise<JudgeResponsesEvent> {
  const [r0, r1] = task.item.responses as [JudgeItem['responses'][0], JudgeItem['responses'][0]];
  const [a, b] = task.order === 'original' ? [r0, r1] : [r1, r0];
  const prompt = pairwiseJudgePrompt(task.item, a.text, b.text, input.metrics);
  const judged = await judgeWithRetry(
    () =>
      callJudge(caller, input.judgeModelId, prompt, PAIRWISE_TOOL_NAME, PairwiseVerdict, signal),
    (raw) => {
      const p = parseVerdict(raw);
      return p.ok ? { ok: true, value: p.verdict } : p;
    },
  );
  const { result } = judged;
  const letter = result.ok ? result.value.preferred : null;
  return {
    kind: 'verdict',
    itemId: task.item.id,
    order: task.order,
    shownAsA: a.key,
    preferredLetter: letter,
    preferredKey: letter === 'A' ? a.key : letter === 'B' ? b.key : letter === 'tie' ? 'tie' : null,
    reasoning: result.ok ? result.value.reasoning : '',
    attempts: judged.attempts,
    inputTokens: judged.inputTokens,
    outputTokens: judged.outputTokens,
    problem: result.ok ? null : result.problem,
  };
}

/** The `judgeResponses` stream: see the file comment. */
export async function judgeResponses(
  caller: BedrockCaller,
  input: JudgeResponsesInput,
  emit: (event: JudgeResponsesEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const tasks = tasksFor(input);
  emit({ kind: 'started', total: tasks.length });
  await runBounded(tasks, input.concurrency, signal, async (task) => {
    emit(
      task.kind === 'single'
        ? await runSingle(caller, input, task, signal)
        : await runPair(caller, input, task, signal),
    );
  });
}
