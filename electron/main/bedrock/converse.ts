/**
 * Converse calls: the one-token connection test and the streaming primitive every feature uses.
 */
import {
  ConverseCommand,
  ConverseStreamCommand,
  type BedrockRuntimeClient,
  type ContentBlock as SdkContentBlock,
  type GuardrailStreamConfiguration,
  type Message,
} from '@aws-sdk/client-bedrock-runtime';
import type { ContentBlock, ConverseInput, ConverseStreamEvent } from '../../../shared/contract';
import type { GuardrailSettings } from '../../../shared/guardrails';
import { ignoreCalls, type CallRecorder } from '../../../shared/invocations';
import { estimateTokenCost } from '../../../shared/models';
import type { ConnectionCheck } from '../../../shared/settings';
import { AppFailure, toAppError, type ErrorContext } from '../errors';
import type { AwsTarget } from './client';
import type { ErrorCode } from '../../../shared/result';
import { summarizeGuardrailTrace } from './guardrail-trace';

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

type Clock = () => number;
const monotonic: Clock = performance.now.bind(performance);

/**
 * A minimal real call: one user word, maxTokens 1. It proves credentials, region, model access
 * and network all work, at a cost of a few tokens.
 */
export interface TestConnectionOptions {
  record?: CallRecorder;
  /** Aborting it stops the call; the test then throws (code 'cancelled') instead of reporting. */
  signal?: AbortSignal;
  now?: Clock;
}

export async function testConnection(
  client: BedrockRuntimeClient,
  target: AwsTarget,
  modelId: string,
  { record = ignoreCalls, signal, now = monotonic }: TestConnectionOptions = {},
): Promise<ConnectionCheck> {
  const base = {
    at: new Date().toISOString(),
    modelId,
    region: target.region,
    profile: target.profile,
  };
  const call = {
    at: base.at,
    feature: 'connection' as const,
    operation: 'Converse' as const,
    modelId,
    region: target.region,
    firstTokenMs: null,
    images: null,
  };
  const started = now();
  try {
    const response = await client.send(
      new ConverseCommand({
        modelId,
        messages: [{ role: 'user', content: [{ text: 'Hi' }] }],
        inferenceConfig: { maxTokens: 1 },
      }),
      signal ? { abortSignal: signal } : {},
    );
    const latencyMs = Math.round(now() - started);
    const replyText = (response.output?.message?.content ?? [])
      .map((block) => block.text ?? '')
      .join('');
    record({
      ...call,
      latencyMs,
      inputTokens: response.usage?.inputTokens ?? null,
      outputTokens: response.usage?.outputTokens ?? null,
      status: 'ok',
      errorCode: null,
      stopReason: response.stopReason ?? null,
    });
    return { ...base, ok: true, latencyMs, replyText };
  } catch (error) {
    const appError = toAppError(error, { modelId, region: target.region, profile: target.profile });
    record({
      ...call,
      latencyMs: Math.round(now() - started),
      inputTokens: null,
      outputTokens: null,
      status: appError.code === 'cancelled' ? 'cancelled' : 'error',
      errorCode: appError.code === 'cancelled' ? null : appError.code,
      stopReason: null,
    });
    if (appError.code === 'cancelled') throw new AppFailure(appError);
    return { ...base, ok: false, ...appError };
  }
}

/**
 * Streams a Converse call as typed events. Aborting `signal` aborts the HTTP request to Bedrock.
 * If the stream breaks after text has arrived, the error says so; the text already emitted stays
 * with the caller. With a guardrail, the request carries its guardrailConfig; a guardrail that
 * intervenes ends the stream with stopReason `guardrail_intervened` (its blocked message arrives
 * as ordinary text), and its trace, when asked for, comes summarised in the metadata event.
 *
 * Every call is reported to `record` once it settles: ok, error (with the app's error code) or
 * cancelled, with tokens and cost when Bedrock sent usage.
 */
export async function converseStream(
  client: BedrockRuntimeClient,
  target: AwsTarget,
  input: ConverseInput,
  emit: (event: ConverseStreamEvent) => void,
  signal: AbortSignal,
  record: CallRecorder = ignoreCalls,
  now: Clock = monotonic,
): Promise<void> {
  const ctx: ErrorContext = {
    modelId: input.modelId,
    region: target.region,
    profile: target.profile,
  };
  const at = new Date().toISOString();
  const started = now();
  let firstTokenMs: number | null = null;
  let receivedText = false;
  let stopped = false;
  let stopReason: string | null = null;
  let usage: { inputTokens: number; outputTokens: number } | null = null;
  const interrupted = () =>
    new AppFailure({
      code: 'stream_interrupted',
      message: `The answer from ${input.modelId} was cut off before it finished.`,
      remedy: 'The text so far is kept. Try again to get a complete answer.',
    });
  const report = (status: 'ok' | 'error' | 'cancelled', errorCode: ErrorCode | null): void => {
    record({
      at,
      feature: input.feature ?? 'chat',
      operation: 'ConverseStream',
      modelId: input.modelId,
      region: target.region,
      latencyMs: Math.round(now() - started),
      firstTokenMs,
      inputTokens: usage?.inputTokens ?? null,
      outputTokens: usage?.outputTokens ?? null,
      images: null,
      status,
      errorCode,
      stopReason,
      ...(input.guardrail
        ? { guardrail: { id: input.guardrail.id, version: input.guardrail.version } }
        : {}),
    });
  };
  try {
    const response = await client.send(
      new ConverseStreamCommand({
        modelId: input.modelId,
        messages: toSdkMessages(input),
        ...(input.system ? { system: [{ text: input.system }] } : {}),
        ...(input.inferenceConfig ? { inferenceConfig: input.inferenceConfig } : {}),
        ...(input.guardrail ? { guardrailConfig: guardrailConfigFor(input.guardrail) } : {}),
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
        firstTokenMs ??= Math.round(now() - started);
        receivedText = true;
        emit({ type: 'delta', text });
      } else if (event.messageStop) {
        stopped = true;
        stopReason = event.messageStop.stopReason ?? 'unknown';
        emit({ type: 'stop', stopReason });
      } else if (event.metadata) {
        const sent = event.metadata.usage;
        const tokens =
          sent?.inputTokens !== undefined && sent.outputTokens !== undefined
            ? {
                inputTokens: sent.inputTokens,
                outputTokens: sent.outputTokens,
                totalTokens: sent.totalTokens ?? sent.inputTokens + sent.outputTokens,
              }
            : null;
        usage = tokens;
        const trace = event.metadata.trace?.guardrail;
        emit({
          type: 'metadata',
          usage: tokens,
          latencyMs: event.metadata.metrics?.latencyMs ?? null,
          firstTokenMs,
          guardrailTrace: trace ? summarizeGuardrailTrace(trace) : null,
          // The same estimate the invocation log stores for this call.
          costUsd: tokens
            ? estimateTokenCost(input.modelId, tokens.inputTokens, tokens.outputTokens)
            : null,
        });
      }
    }
    // A connection that closes without messageStop ends the SDK's iteration quietly: the
    // answer is incomplete, and the learner must be told.
    if (signal.aborted) {
      report('cancelled', null);
      return;
    }
    if (!stopped) throw interrupted();
    report('ok', null);
  } catch (error) {
    if (signal.aborted && !(error instanceof AppFailure)) {
      report('cancelled', null);
      return;
    }
    let failure: AppFailure;
    if (error instanceof AppFailure) {
      failure = error;
    } else {
      const appError = toAppError(error, ctx);
      // The connection broke mid-answer: say so plainly; the partial text is already shown.
      failure =
        receivedText && (appError.code === 'internal' || appError.code === 'offline')
          ? interrupted()
          : new AppFailure(appError);
    }
    report('error', failure.appError.code);
    throw failure;
  }
}
