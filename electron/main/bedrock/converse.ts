/**
 * Converse calls: the one-token connection test and the streaming primitive every feature uses.
 */
import {
  ConverseCommand,
  ConverseStreamCommand,
  type ContentBlock as SdkContentBlock,
  type ConverseStreamOutput,
  type GuardrailStreamConfiguration,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import type { ContentBlock, ConverseInput, ConverseStreamEvent } from '../../../shared/contract';
import type { GuardrailSettings } from '../../../shared/guardrails';
import { estimateTokenCost } from '../../../shared/models';
import type { ConnectionCheck } from '../../../shared/settings';
import { AppFailure, toAppError } from '../errors';
import type { BedrockCaller } from './client';
import { summarizeGuardrailTrace } from './guardrail-trace';
import { recordedCall, type CallMeter, type Clock } from './recorded-call';

function toSdkBlock(block: ContentBlock): SdkContentBlock {
  if ('image' in block) {
    return {
      image: {
        format: block.image.format,
        source: { bytes: Buffer.from(block.image.base64, 'base64') },
      },
    };
  }
  return { text: block.text };
}

function toSdkMessages(input: ConverseInput): Message[] {
  return input.messages.map((m) => ({ role: m.role, content: m.content.map(toSdkBlock) }));
}

/** The request's guardrailConfig, in the shape GuardrailStreamConfiguration documents. */
export function guardrailConfigFor(guardrail: GuardrailSettings): GuardrailStreamConfiguration {
  return {
    guardrailIdentifier: guardrail.id,
    guardrailVersion: guardrail.version,
    trace: guardrail.trace ? 'enabled' : 'disabled',
    ...(guardrail.streamProcessingMode
      ? { streamProcessingMode: guardrail.streamProcessingMode }
      : {}),
  };
}

/**
 * A minimal real call: one user word, maxTokens 1. It proves credentials, region, model access
 * and network all work, at a cost of a few tokens. A failure is reported as a check (ok: false)
 * with the error's code, message and remedy; a cancelled test throws (code 'cancelled').
 */
export interface TestConnectionOptions {
  /** Aborting it stops the call; the test then throws (code 'cancelled') instead of reporting. */
  signal?: AbortSignal;
  now?: Clock;
}

export async function testConnection(
  caller: BedrockCaller,
  modelId: string,
  { signal, now }: TestConnectionOptions = {},
): Promise<ConnectionCheck> {
  const { client, target } = caller;
  const base = {
    at: new Date().toISOString(),
    modelId,
    region: target.region,
    profile: target.profile,
  };
  try {
    const { latencyMs, replyText } = await recordedCall(
      {
        feature: 'connection',
        operation: 'Converse',
        modelId,
        target,
        record: caller.record,
        timeoutMs: caller.timeouts.testMs,
        ...(signal ? { signal } : {}),
        ...(now ? { now } : {}),
      },
      async (meter) => {
        const response = await client.send(
          new ConverseCommand({
            modelId,
            messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
            inferenceConfig: { maxTokens: 1 },
          }),
          meter.sendOptions,
        );
        meter.usage(response.usage?.inputTokens ?? null, response.usage?.outputTokens ?? null);
        meter.stopReason(response.stopReason ?? null);
        const text = (response.output?.message?.content ?? []).map((b) => b.text ?? '').join('');
        return { latencyMs: meter.elapsed(), replyText: text };
      },
    );
    return { ...base, ok: true, latencyMs, replyText };
  } catch (error) {
    const appError = toAppError(error);
    if (appError.code === 'cancelled') throw error;
    return { ...base, ok: false, ...appError };
  }
}

/** The Converse "cut off" failure: the text already emitted stays with the caller. */
function interrupted(modelId: string): AppFailure {
  return new AppFailure({
    code: 'stream_interrupted',
    message: `The answer from ${modelId} was cut off before it finished.`,
    remedy: 'The text so far is kept. Try again to get a complete answer.',
  });
}

/**
 * Streams a Converse call as typed events. Aborting `signal` aborts the HTTP request to Bedrock.
 * If the stream breaks after text has arrived, the error says so; the text already emitted stays
 * with the caller. A stream silent for longer than the idle deadline ends with code 'timeout'.
 * With a guardrail, the request carries its guardrailConfig; a guardrail that intervenes ends
 * the stream with stopReason `guardrail_intervened` (its blocked message arrives as ordinary
 * text), and its trace, when asked for, comes summarised in the metadata event.
 *
 * The call is recorded once it settles (see recordedCall): ok, error or cancelled, with tokens
 * and cost when Bedrock sent usage.
 */
export async function converseStream(
  caller: BedrockCaller,
  input: ConverseInput,
  emit: (event: ConverseStreamEvent) => void,
  signal: AbortSignal,
  now?: Clock,
): Promise<void> {
  const { client, target } = caller;
  await recordedCall(
    {
      feature: input.feature ?? 'chat',
      operation: 'ConverseStream',
      modelId: input.modelId,
      target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.streamIdleMs,
      idle: true,
      ...(input.guardrail
        ? { guardrail: { id: input.guardrail.id, version: input.guardrail.version } }
        : {}),
      // The connection broke mid-answer: say so plainly; the partial text is already shown.
      describeFailure: (failure, meter) =>
        meter.receivedText &&
        (failure.appError.code === 'internal' || failure.appError.code === 'offline')
          ? interrupted(input.modelId)
          : failure,
      ...(now ? { now } : {}),
    },
    async (meter) => {
      const response = await client.send(
        new ConverseStreamCommand({
          modelId: input.modelId,
          messages: toSdkMessages(input),
          ...(input.system ? { system: [{ text: input.system }] } : {}),
          ...(input.inferenceConfig ? { inferenceConfig: input.inferenceConfig } : {}),
          ...(input.guardrail ? { guardrailConfig: guardrailConfigFor(input.guardrail) } : {}),
        }),
        meter.sendOptions,
      );
      meter.alive();
      emit({ type: 'start', modelId: input.modelId, region: target.region });
      if (!response.stream) {
        throw new AppFailure({ code: 'model_error', message: 'Bedrock returned no stream.' });
      }
      let stopped = false;
      try {
        for await (const event of response.stream) {
          if (meter.signal.aborted) break;
          meter.alive();
          stopped = handleStreamEvent(event, input, meter, emit) || stopped;
        }
      } catch (error) {
        if (meter.signal.aborted || error instanceof AppFailure) throw error;
        // An exception event inside a started stream: Bedrock does not retry those.
        throw new AppFailure(
          toAppError(error, {
            modelId: input.modelId,
            region: target.region,
            profile: target.profile,
            inStream: true,
          }),
        );
      }
      // A connection that closes without messageStop ends the SDK's iteration quietly: the
      // answer is incomplete, and the learner must be told.
      if (!meter.signal.aborted && !stopped) throw interrupted(input.modelId);
    },
  );
}

/** One ConverseStream event to the renderer; true when it was messageStop. */
function handleStreamEvent(
  event: ConverseStreamOutput,
  input: ConverseInput,
  meter: CallMeter,
  emit: (event: ConverseStreamEvent) => void,
): boolean {
  const text = event.contentBlockDelta?.delta?.text;
  if (text !== undefined && text.length > 0) {
    meter.firstToken();
    emit({ type: 'delta', text });
    return false;
  }
  if (event.messageStop) {
    const stopReason = event.messageStop.stopReason ?? 'unknown';
    meter.stopReason(stopReason);
    emit({ type: 'stop', stopReason });
    return true;
  }
  if (event.metadata) {
    const sent = event.metadata.usage;
    const tokens =
      sent?.inputTokens !== undefined && sent.outputTokens !== undefined
        ? {
            inputTokens: sent.inputTokens,
            outputTokens: sent.outputTokens,
            totalTokens: sent.totalTokens ?? sent.inputTokens + sent.outputTokens,
          }
        : null;
    if (tokens) meter.usage(tokens.inputTokens, tokens.outputTokens);
    const trace = event.metadata.trace?.guardrail;
    emit({
      type: 'metadata',
      usage: tokens,
      latencyMs: event.metadata.metrics?.latencyMs ?? null,
      firstTokenMs: meter.receivedText ? meter.firstToken() : null,
      guardrailTrace: trace ? summarizeGuardrailTrace(trace) : null,
      // The same estimate the invocation log stores for this call.
      costUsd: tokens
        ? estimateTokenCost(input.modelId, tokens.inputTokens, tokens.outputTokens)
        : null,
    });
  }
  return false;
}
