/**
 * The token lab's live experiment: ask a real model for the next word of a prompt many times and
 * stream every answer back, so the learner sees temperature and top-p shape a real distribution.
 *
 * Each sample is an independent, non-streaming Converse call (a one-word reply gains nothing from
 * streaming, and a whole response carries its stop reason and usage in one place). Calls run in a
 * small pool so a run of 100 samples takes seconds, not minutes, without flooding the account's
 * request quota.
 */
import { ConverseCommand, type ConverseCommandOutput } from '@aws-sdk/client-bedrock-runtime';
import type { SampleNextWordEvent, SampleNextWordInput } from '../../../shared/contract';
import type { BedrockCaller } from './client';
import { recordedCall } from './recorded-call';

/**
 * Keeps the reply to one word so the samples can be counted as a distribution. Models still
 * sometimes add punctuation or a second word; the renderer normalises, so replies are sent as is.
 */
export const NEXT_WORD_SYSTEM_PROMPT =
  "You continue the user's text. Reply with exactly one word: the single most natural next word. No punctuation, quotes or explanation.";

/**
 * Ends a chatty reply at its first line break. Whitespace-only sequences such as ' ' would cut
 * after the first word more reliably, but some providers reject them with a ValidationException.
 */
export const NEXT_WORD_STOP_SEQUENCES: readonly string[] = ['\n'];

export type NextWordSample = Extract<SampleNextWordEvent, { type: 'sample' }>;

function commandFor(input: SampleNextWordInput): ConverseCommand {
  return new ConverseCommand({
    modelId: input.modelId,
    system: [{ text: NEXT_WORD_SYSTEM_PROMPT }],
    messages: [{ role: 'user', content: [{ text: input.prompt }] }],
    inferenceConfig: {
      maxTokens: input.maxTokens,
      temperature: input.temperature,
      topP: input.topP,
      stopSequences: [...NEXT_WORD_STOP_SEQUENCES],
    },
  });
}

/** The reply exactly as the model wrote it: leading spaces and punctuation are data here. */
function replyText(response: ConverseCommandOutput): string {
  return (response.output?.message?.content ?? []).map((block) => block.text ?? '').join('');
}

/**
 * One recorded Converse call turned into a sample event; rejects with an AppFailure. A call
 * ended by Stop, or by a sibling's failure, is logged as cancelled.
 */
function sampleOnce(
  caller: BedrockCaller,
  input: SampleNextWordInput,
  index: number,
  signal: AbortSignal,
): Promise<NextWordSample> {
  return recordedCall(
    {
      feature: 'token-lab',
      operation: 'Converse',
      modelId: input.modelId,
      target: caller.target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.shortMs,
    },
    async (meter) => {
      const response = await caller.client.send(commandFor(input), meter.sendOptions);
      const inputTokens = response.usage?.inputTokens ?? null;
      const outputTokens = response.usage?.outputTokens ?? null;
      meter.usage(inputTokens, outputTokens);
      meter.stopReason(response.stopReason ?? null);
      return {
        type: 'sample',
        index,
        reply: replyText(response),
        stopReason: response.stopReason ?? 'unknown',
        inputTokens,
        outputTokens,
        latencyMs: meter.elapsed(),
      };
    },
  );
}

/**
 * Makes `input.n` Converse calls, at most `input.concurrency` in flight, and emits one `sample`
 * event per completed call.
 *
 * - Indexes are 0..n-1 in the order the calls were started. Events arrive in completion order,
 *   which with concurrency > 1 is not index order: consumers must not assume it.
 * - The first call that fails (after the SDK's own retries) stops the run: no new calls start,
 *   the calls still in flight are aborted, and this rejects with the mapped `AppError`. Samples
 *   already emitted stay with the caller, so an error midway keeps the completed samples.
 * - Aborting `signal` (the learner pressed Stop) aborts the in-flight requests and resolves
 *   quietly; the stream hub reports the run as cancelled.
 * - Nothing is emitted once `signal` is aborted or the run has failed.
 * - Every call made is reported to `record` (feature 'token-lab').
 */
export async function sampleNextWord(
  caller: BedrockCaller,
  input: SampleNextWordInput,
  emit: (event: SampleNextWordEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  if (signal.aborted) return;
  // One controller for the whole run, so a failure can abort its sibling calls as well as Stop.
  const run = new AbortController();
  const stop = (): void => run.abort();
  signal.addEventListener('abort', stop, { once: true });
  let next = 0;
  const outcome: { failure: { error: unknown } | null } = { failure: null };

  /** Takes indexes until none are left or the run stops; pool size = concurrency. */
  const worker = async (): Promise<void> => {
    while (!run.signal.aborted && next < input.n) {
      const index = next++;
      try {
        const sample = await sampleOnce(caller, input, index, run.signal);
        if (!run.signal.aborted) emit(sample);
      } catch (error) {
        // Once the run is aborted, errors are just the echo of that abort (Stop, or the first
        // failure cancelling its siblings): only the first real failure is reported.
        if (run.signal.aborted) return;
        outcome.failure = { error };
        run.abort();
      }
    }
  };

  try {
    const pool = Math.min(input.concurrency, input.n);
    // Workers never reject (they catch per call), so this waits for every call to settle and
    // nothing can be emitted after this function returns.
    await Promise.all(Array.from({ length: pool }, worker));
  } finally {
    signal.removeEventListener('abort', stop);
  }
  if (outcome.failure === null || signal.aborted) return;
  // recordedCall has already mapped it (with the model, region and profile in the message).
  throw outcome.failure.error;
}
