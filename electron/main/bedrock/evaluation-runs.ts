/**
 * The evaluation lab's `runEvaluation` stream (shared/eval-contract.ts): one Converse call per
 * (item, candidate) pair, at most `concurrency` in flight, each a recorded call (feature
 * 'evaluation', so it lands in the invocation log with its cost). A `response` event goes out as
 * soon as a call returns, so a run that fails or is cancelled keeps what already arrived; the
 * renderer resumes by sending only the missing pairs. A reply cut by maxTokens is marked
 * `truncated`; a reply with no text is kept and marked `empty` (it is an answer, and scores 0).
 */
import { ConverseCommand } from '@aws-sdk/client-bedrock-runtime';
import {
  applyTemplate,
  pairsOf,
  type EvalCandidate,
  type EvalPair,
  type RunEvaluationEvent,
  type RunEvaluationInput,
} from '../../../shared/eval-contract';
import { estimateTokenCost } from '../../../shared/models';
import { AppFailure } from '../errors';
import type { BedrockCaller } from './client';
import { runBounded } from './embeddings';
import { recordedCall } from './recorded-call';

type ResponseEvent = Extract<RunEvaluationEvent, { type: 'response' }>;

/** One recorded Converse call for a pair; resolves with its response event. */
function callOne(
  caller: BedrockCaller,
  candidate: EvalCandidate,
  itemId: string,
  prompt: string,
  signal: AbortSignal,
): Promise<ResponseEvent> {
  return recordedCall(
    {
      feature: 'evaluation',
      operation: 'Converse',
      modelId: candidate.modelId,
      target: caller.target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.callMs,
      errorContext: { iamActions: ['bedrock:InvokeModel'] },
    },
    async (meter) => {
      const response = await caller.client.send(
        new ConverseCommand({
          modelId: candidate.modelId,
          messages: [
            { role: 'user', content: [{ text: applyTemplate(candidate.template, prompt) }] },
          ],
          ...(candidate.system ? { system: [{ text: candidate.system }] } : {}),
          inferenceConfig: { maxTokens: candidate.maxTokens, temperature: candidate.temperature },
        }),
        meter.sendOptions,
      );
      const inputTokens = response.usage?.inputTokens ?? null;
      const outputTokens = response.usage?.outputTokens ?? null;
      meter.usage(inputTokens, outputTokens);
      const stopReason = response.stopReason ?? 'unknown';
      meter.stopReason(stopReason);
      const text = (response.output?.message?.content ?? []).map((b) => b.text ?? '').join('');
      return {
        type: 'response',
        itemId,
        candidateId: candidate.id,
        text,
        stopReason,
        truncated: stopReason === 'max_tokens',
        empty: text.trim() === '',
        inputTokens,
        outputTokens,
        latencyMs: response.metrics?.latencyMs ?? meter.elapsed(),
        costUsd:
          inputTokens !== null && outputTokens !== null
            ? estimateTokenCost(candidate.modelId, inputTokens, outputTokens)
            : null,
      };
    },
  );
}

/** The pairs checked against the input: each names a known item and candidate. */
function checkedPairs(input: RunEvaluationInput): EvalPair[] {
  const items = new Set(input.items.map((i) => i.id));
  const candidates = new Set(input.candidates.map((c) => c.id));
  const pairs = pairsOf(input);
  const bad = pairs.find((p) => !items.has(p.itemId) || !candidates.has(p.candidateId));
  if (bad) {
    throw new AppFailure({
      code: 'validation',
      message: `The run asks for item "${bad.itemId}" with candidate "${bad.candidateId}", which it does not list.`,
      remedy: 'Start the run again from the Runs tab.',
    });
  }
  return pairs;
}

/** The `runEvaluation` stream: see the file comment. */
export async function runEvaluation(
  caller: BedrockCaller,
  input: RunEvaluationInput,
  emit: (event: RunEvaluationEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const prompts = new Map(input.items.map((i) => [i.id, i.prompt]));
  const candidates = new Map(input.candidates.map((c) => [c.id, c]));
  await runBounded(checkedPairs(input), input.concurrency, signal, async (pair) => {
    const candidate = candidates.get(pair.candidateId) as EvalCandidate;
    const prompt = prompts.get(pair.itemId) as string;
    const event = await callOne(caller, candidate, pair.itemId, prompt, signal);
    if (!signal.aborted) emit(event);
  });
}
