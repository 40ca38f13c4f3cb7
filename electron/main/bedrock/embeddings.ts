/**
 * The knowledge bases lab's embeddings (InvokeModel): Amazon Titan Text Embeddings V2, one text
 * per call with `{ inputText, dimensions, normalize: true }`, and Cohere Embed English v3, up to
 * 96 texts per call with `{ texts, input_type, truncate: 'NONE' }` (model-parameters-titan-embed-
 * text and model-parameters-embed-v3 pages).
 *
 * Calls run with bounded concurrency (`input.concurrency` in flight). Each is a recorded call (it
 * lands in the invocation log with its cost). Each reply is checked before anything is emitted:
 * one vector per text, exactly `dimensions` finite numbers; a reply that fails the check fails the
 * run with a `model_error` and emits nothing for that call. A `vector` event goes out per text as
 * soon as its call returns, so a run that fails or is cancelled keeps what already arrived (the
 * renderer resumes by re-sending only the missing ids). After a failure no new call starts; the
 * calls already in flight finish (their vectors are kept), then the first failure is reported.
 */
import { InvokeModelCommand } from '@aws-sdk/client-bedrock-runtime';
import { z } from 'zod';
import {
  COHERE_MAX_TEXTS_PER_CALL,
  estimateCohereTokens,
  estimateEmbeddingCost,
  type EmbedTextsEvent,
  type EmbedTextsInput,
  type EmbeddingModelId,
} from '../../../shared/knowledge-bases';
import { AppFailure } from '../errors';
import type { BedrockCaller } from './client';
import { parseJsonBody } from './images';
import { recordedCall } from './recorded-call';

type Text = EmbedTextsInput['texts'][number];

const LABELS: Record<EmbeddingModelId, string> = {
  'amazon.titan-embed-text-v2:0': 'Titan Text Embeddings V2',
  'cohere.embed-english-v3': 'Cohere Embed English v3',
};

const Vector = z.array(z.number());

/** Titan V2's reply: `embedding` (always float), also under `embeddingsByType.float`. */
const TitanReply = z.object({
  embedding: Vector.optional(),
  embeddingsByType: z.object({ float: Vector.optional() }).optional(),
  inputTextTokenCount: z.number().int().nonnegative().optional(),
});

/**
 * Cohere Embed v3's reply: `embeddings` is a list of vectors (response_type embeddings_floats,
 * when no embedding_types is sent, as here) or `{ float: [...] }` (embeddings_by_type).
 */
const CohereReply = z.object({
  embeddings: z.union([z.array(Vector), z.object({ float: z.array(Vector) })]),
});

/** One call's result: a vector per text of the batch, with its tokens and cost. */
interface Embedded {
  id: string;
  vector: number[];
  inputTokens: number | null;
  costUsd: number | null;
}

function unusable(label: string, problem: string): AppFailure {
  return new AppFailure({
    code: 'model_error',
    message: `${label} returned an unusable embedding: ${problem}`,
    remedy:
      'Nothing was stored for these texts; the vectors already received are kept. Run it again to embed the rest; if it keeps happening, pick another model or dimension.',
  });
}

function parseBody(body: Uint8Array | undefined, label: string): unknown {
  return parseJsonBody(body, () => unusable(label, 'the reply is not JSON.'));
}

/** The vector for `text`, checked: `dimensions` long and every number finite. */
export function checkVector(
  vector: readonly number[],
  dimensions: number,
  text: Text,
  label: string,
): number[] {
  if (vector.length !== dimensions) {
    throw unusable(
      label,
      `the vector for "${text.id}" has ${vector.length.toLocaleString('en-US')} numbers, but ${dimensions.toLocaleString('en-US')} were asked for.`,
    );
  }
  if (!vector.every(Number.isFinite)) {
    throw unusable(label, `the vector for "${text.id}" contains a number that is not finite.`);
  }
  return [...vector];
}

/** Titan's reply for one text, checked. */
export function parseTitanReply(
  body: Uint8Array | undefined,
  text: Text,
  dimensions: number,
): { vector: number[]; inputTokens: number | null } {
  const label = LABELS['amazon.titan-embed-text-v2:0'];
  const reply = TitanReply.safeParse(parseBody(body, label));
  const vector = reply.success
    ? (reply.data.embedding ?? reply.data.embeddingsByType?.float)
    : undefined;
  if (!reply.success || !vector) {
    throw unusable(label, 'the reply does not have the documented { embedding } shape.');
  }
  return {
    vector: checkVector(vector, dimensions, text, label),
    inputTokens: reply.data.inputTextTokenCount ?? null,
  };
}

/** Cohere's reply for a batch, checked: one vector per text, in order. */
export function parseCohereReply(
  body: Uint8Array | undefined,
  texts: readonly Text[],
  dimensions: number,
): number[][] {
  const label = LABELS['cohere.embed-english-v3'];
  const reply = CohereReply.safeParse(parseBody(body, label));
  if (!reply.success) {
    throw unusable(label, 'the reply does not have the documented { embeddings } shape.');
  }
  const vectors = Array.isArray(reply.data.embeddings)
    ? reply.data.embeddings
    : reply.data.embeddings.float;
  if (vectors.length !== texts.length) {
    throw unusable(label, `it sent ${vectors.length} vectors for ${texts.length} texts.`);
  }
  return vectors.map((v, i) => checkVector(v, dimensions, texts[i] as Text, label));
}

/** Batches: one text per Titan call, up to 96 per Cohere call. */
export function batchesFor(input: EmbedTextsInput): Text[][] {
  const size = input.modelId === 'cohere.embed-english-v3' ? COHERE_MAX_TEXTS_PER_CALL : 1;
  const batches: Text[][] = [];
  for (let i = 0; i < input.texts.length; i += size) {
    batches.push(input.texts.slice(i, i + size));
  }
  return batches;
}

/** One recorded InvokeModel call for a batch; resolves with its checked vectors. */
function embedBatch(
  caller: BedrockCaller,
  input: EmbedTextsInput,
  batch: Text[],
  signal: AbortSignal,
): Promise<Embedded[]> {
  const titan = input.modelId === 'amazon.titan-embed-text-v2:0';
  const body = titan
    ? { inputText: batch[0]?.text ?? '', dimensions: input.dimensions, normalize: true }
    : {
        texts: batch.map((t) => t.text),
        input_type: input.inputType,
        truncate: 'NONE',
      };
  return recordedCall(
    {
      feature: 'knowledge-bases',
      operation: 'InvokeModel',
      modelId: input.modelId,
      target: caller.target,
      record: caller.record,
      signal,
      timeoutMs: caller.timeouts.shortMs,
      errorContext: { iamActions: ['bedrock:InvokeModel'] },
    },
    async (meter) => {
      const response = await caller.client.send(
        new InvokeModelCommand({
          modelId: input.modelId,
          contentType: 'application/json',
          accept: 'application/json',
          body: JSON.stringify(body),
        }),
        meter.sendOptions,
      );
      if (titan) {
        const text = batch[0] as Text;
        const { vector, inputTokens } = parseTitanReply(response.body, text, input.dimensions);
        meter.usage(inputTokens, null);
        const costUsd = estimateEmbeddingCost(input.modelId, inputTokens) ?? null;
        return [{ id: text.id, vector, inputTokens, costUsd }];
      }
      const vectors = parseCohereReply(response.body, batch, input.dimensions);
      // Bedrock reports no token count for Cohere Embed: the cost is estimated from the
      // characters (about 4 per token), per text, and the call's total goes in the log.
      const embedded = batch.map((text, i) => ({
        id: text.id,
        vector: vectors[i] ?? [],
        inputTokens: null,
        costUsd: estimateEmbeddingCost(input.modelId, estimateCohereTokens(text.text)) ?? null,
      }));
      meter.cost(sumOrNull(embedded.map((e) => e.costUsd)));
      return embedded;
    },
  );
}

function sumOrNull(values: readonly (number | null)[]): number | null {
  return values.some((v) => v === null) ? null : values.reduce<number>((s, v) => s + (v ?? 0), 0);
}

/**
 * Runs `work` over `items` with at most `limit` in flight. After the first failure (or a
 * cancel) no new item starts; those in flight finish; then the first failure is thrown.
 */
export async function runBounded<T>(
  items: readonly T[],
  limit: number,
  signal: AbortSignal,
  work: (item: T) => Promise<void>,
): Promise<void> {
  let next = 0;
  let failure: { error: unknown } | null = null;
  const worker = async (): Promise<void> => {
    while (failure === null && !signal.aborted && next < items.length) {
      const item = items[next++] as T;
      try {
        await work(item);
      } catch (error) {
        failure ??= { error };
      }
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, worker));
  if (failure !== null) throw (failure as { error: unknown }).error;
  if (signal.aborted) throw new AppFailure({ code: 'cancelled', message: 'Stopped.' });
}

/** The `embedTexts` stream: see the file comment. */
export async function embedTexts(
  caller: BedrockCaller,
  input: EmbedTextsInput,
  emit: (event: EmbedTextsEvent) => void,
  signal: AbortSignal,
): Promise<void> {
  await runBounded(batchesFor(input), input.concurrency, signal, async (batch) => {
    const embedded = await embedBatch(caller, input, batch, signal);
    if (signal.aborted) return;
    for (const e of embedded) emit({ type: 'vector', ...e });
  });
}
