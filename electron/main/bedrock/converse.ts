/**
 * Converse calls: the one-token connection test and the streaming primitive every feature uses.
 */
import {
  ConverseCommand,
  ConverseStreamCommand,
  type BedrockRuntimeClient,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import type { ConverseInput, ConverseStreamEvent } from '../../../shared/contract';
import type { ConnectionCheck } from '../../../shared/settings';
import { AppFailure, toAppError, type ErrorContext } from './errors';
import type { AwsTarget } from './client';

function toSdkMessages(input: ConverseInput): Message[] {
  return input.messages.map((m) => ({
    role: m.role,
    content: m.content.map((c) => ({ text: c.text })),
  }));
}

/**
 * A minimal real call: one user word, maxTokens 1. It proves credentials, region, model access
 * and network all work, at a cost of a few tokens.
 */
export async function testConnection(
  client: BedrockRuntimeClient,
  target: AwsTarget,
  modelId: string,
  now: () => number = performance.now.bind(performance),
): Promise<ConnectionCheck> {
  const base = {
    at: new Date().toISOString(),
    modelId,
    region: target.region,
    profile: target.profile,
  };
  const started = now();
  try {
    const response = await client.send(
      new ConverseCommand({
        modelId,
        messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
        inferenceConfig: { maxTokens: 1 },
      }),
    );
    const latencyMs = Math.round(now() - started);
    const replyText = (response.output?.message?.content ?? [])
      .map((block) => block.text ?? '')
      .join('');
    return { ...base, ok: true, latencyMs, replyText };
  } catch (error) {
    const appError = toAppError(error, { modelId, region: target.region, profile: target.profile });
    return { ...base, ok: false, ...appError };
  }
}

/**
 * Streams a Converse call as typed events. Aborting `signal` aborts the HTTP request to Bedrock.
 * If the stream breaks after text has arrived, the error says so; the text already emitted stays
 * with the caller.
 */
export async function converseStream(
  client: BedrockRuntimeClient,
  target: AwsTarget,
  input: ConverseInput,
  emit: (event: ConverseStreamEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  const ctx: ErrorContext = {
    modelId: input.modelId,
    region: target.region,
    profile: target.profile,
  };
  const started = performance.now();
  let firstTokenMs: number | null = null;
  let receivedText = false;
  let stopped = false;
  const interrupted = () =>
    new AppFailure({
      code: 'stream_interrupted',
      message: `The answer from ${input.modelId} was cut off before it finished.`,
      remedy: 'The text so far is kept. Try again to get a complete answer.',
    });
  try {
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: input.modelId,
        messages: toSdkMessages(input),
        ...(input.system ? { system: [{ text: input.system }] } : {}),
        ...(input.inferenceConfig ? { inferenceConfig: input.inferenceConfig } : {}),
      }),
      { abortSignal: signal },
    );
    emit({ type: 'start', modelId: input.modelId, region: target.region });
    if (!response.stream) {
      throw new AppFailure({ code: 'model_error', message: 'Bedrock returned no stream.' });
    }
    for await (const event of response.stream) {
      if (signal.aborted) break;
      const text = event.contentBlockDelta?.delta?.text;
      if (text !== undefined && text.length > 0) {
        firstTokenMs ??= Math.round(performance.now() - started);
        receivedText = true;
        emit({ type: 'delta', text });
      } else if (event.messageStop) {
        stopped = true;
        emit({ type: 'stop', stopReason: event.messageStop.stopReason ?? 'unknown' });
      } else if (event.metadata) {
        const usage = event.metadata.usage;
        emit({
          type: 'metadata',
          usage:
            usage?.inputTokens !== undefined && usage.outputTokens !== undefined
              ? {
                  inputTokens: usage.inputTokens,
                  outputTokens: usage.outputTokens,
                  totalTokens: usage.totalTokens ?? usage.inputTokens + usage.outputTokens,
                }
              : null,
          latencyMs: event.metadata.metrics?.latencyMs ?? null,
          firstTokenMs,
        });
      }
    }
    // A connection that closes without messageStop ends the SDK's iteration quietly: the
    // answer is incomplete, and the learner must be told.
    if (!stopped && !signal.aborted) throw interrupted();
  } catch (error) {
    if (error instanceof AppFailure) throw error;
    if (signal.aborted) return;
    const appError = toAppError(error, ctx);
    if (receivedText && (appError.code === 'internal' || appError.code === 'offline')) {
      // The connection broke mid-answer: say so plainly; the partial text is already shown.
      throw interrupted();
    }
    throw new AppFailure(appError);
  }
}
