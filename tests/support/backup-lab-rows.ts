/**
 * Rows of the labs' tables for backup tests and the backup bench: valid against their schemas
 * (renderer/src/db/schema.ts), seeded, and sized by the caller. The trained diffusion model is the
 * shipped denoiser (content/diffusion/shapes-denoiser.json: real architecture and 1.45 MB of
 * weights). Image bytes are seeded random bytes: they stand in for a PNG's compressed bytes, which
 * look random too; only their size is chosen (see bench/backup-labs.ts for the sizes used).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { createRng, type Rng } from '../../shared/random';
import type {
  Conversation,
  CustomDatasetRow,
  DiffusionModelRow,
  EvalJudgementRow,
  EvalRatingRow,
  EvalRunRow,
  GalleryImage,
  RagIndex,
  RagVector,
  TokenExperiment,
} from '../../renderer/src/db/schema';
import { CONTENT_DIR } from './corpus';

const AT = (minutes: number) =>
  new Date(Date.UTC(2026, 10, 20, 9, 0) + minutes * 60_000).toISOString();

const WORDS =
  'the model reads a prompt and writes tokens one at a time with temperature top p and a stop sequence so that answers stay short and grounded in the retrieved chunks of the notes'.split(
    ' ',
  );

/** About `chars` characters of seeded prose. */
export function prose(rng: Rng, chars: number): string {
  const out: string[] = [];
  let n = 0;
  while (n < chars) {
    const w = WORDS[Math.floor(rng.next() * WORDS.length)]!;
    out.push(w);
    n += w.length + 1;
  }
  return `${out.join(' ')}.`;
}

/** Base64 of `bytes` seeded random bytes. */
export function randomBase64(rng: Rng, bytes: number): string {
  const data = new Uint8Array(bytes);
  for (let i = 0; i < bytes; i++) data[i] = Math.floor(rng.next() * 256);
  return Buffer.from(data).toString('base64');
}

/** A saved playground chat of `turns` exchanges; `imageBytes` attaches one image to the first turn. */
export function conversation(
  i: number,
  { turns = 2, answerChars = 300, imageBytes = 0 } = {},
): Conversation {
  const rng = createRng(1000 + i);
  return {
    id: `chat-${i}`,
    title: `Chat ${i} about inference parameters`,
    createdAt: AT(i),
    updatedAt: AT(i + turns),
    settings: {
      modelId: 'amazon.nova-micro-v1:0',
      system: 'Answer briefly.',
      temperature: 0.5,
      topP: null,
      maxTokens: 512,
      stopSequences: [],
      guardrail: null,
    },
    turns: Array.from({ length: turns }, (_, t) => [
      {
        id: `chat-${i}-u${t}`,
        role: 'user' as const,
        at: AT(i + t),
        text: prose(rng, 80),
        images:
          t === 0 && imageBytes > 0
            ? [
                {
                  name: 'diagram.png',
                  format: 'png' as const,
                  base64: randomBase64(rng, imageBytes),
                  bytes: imageBytes,
                },
              ]
            : [],
      },
      {
        id: `chat-${i}-a${t}`,
        role: 'assistant' as const,
        at: AT(i + t),
        modelId: 'amazon.nova-micro-v1:0',
        text: prose(rng, answerChars),
        status: 'complete' as const,
        stopReason: 'end_turn',
        error: null,
        usage: { inputTokens: 120, outputTokens: 80, totalTokens: 200 },
        latencyMs: 900,
        firstTokenMs: 300,
        costUsd: 0.00002,
        guardrailTrace: null,
      },
    ]).flat(),
  };
}

export function experiment(i: number): TokenExperiment {
  return {
    id: `exp-${i}`,
    kind: 'next-word',
    createdAt: AT(i),
    modelId: 'amazon.nova-micro-v1:0',
    region: 'us-east-1',
    prompt: 'The capital of France is',
    settings: { n: 3, temperature: 1, topP: 0.9, maxTokens: 1, concurrency: 2 },
    replies: ['Paris', null, 'Paris'],
    status: 'complete',
    error: null,
    usage: { inputTokens: 30, outputTokens: 3 },
    costUsd: 0.000001,
  };
}

/** A gallery image whose PNG is `bytes` long (base64 is 4/3 of that). */
export function galleryImage(i: number, bytes = 1000, side = 512): GalleryImage {
  return {
    id: `img-${i}`,
    createdAt: AT(i),
    modelId: 'amazon.nova-canvas-v1:0',
    task: 'TEXT_IMAGE',
    prompt: `A lighthouse at dusk, study ${i}`,
    negativePrompt: null,
    width: side,
    height: side,
    quality: 'standard',
    cfgScale: 6.5,
    seed: i,
    similarityStrength: null,
    format: 'png',
    base64: randomBase64(createRng(2000 + i), bytes),
    costUsd: 0.04,
  };
}

export function customDataset(i: number, lines = 3): CustomDatasetRow {
  const jsonl = Array.from({ length: lines }, (_, n) =>
    JSON.stringify({ prompt: `Question ${n} of set ${i}?`, completion: `Answer ${n}.` }),
  ).join('\n');
  return {
    id: `ds-${i}`,
    name: `Support answers ${i}`,
    model: 'amazon.nova-micro-v1:0',
    method: 'FINE_TUNING',
    jsonl,
    lines,
    validRecords: lines,
    estimatedTokens: Math.round(jsonl.length / 6),
    createdAt: AT(i),
    updatedAt: AT(i + 1),
  };
}

/** An evaluation run of `items` items answered by `candidates` candidates. */
export function evalRun(
  i: number,
  { items = 2, candidates = 2, responseChars = 200 } = {},
): EvalRunRow {
  const rng = createRng(3000 + i);
  const cands = Array.from({ length: candidates }, (_, c) => ({
    id: `c${c}`,
    label: `Model ${c}`,
    modelId: 'amazon.nova-micro-v1:0',
    temperature: 0.2 * c,
    maxTokens: 400,
    template: '{{prompt}}',
  }));
  const itemRows = Array.from({ length: items }, (_, n) => ({
    id: `item-${n}`,
    prompt: prose(rng, 150),
    referenceResponse: prose(rng, 120),
  }));
  return {
    id: `run-${i}`,
    createdAt: AT(i),
    updatedAt: AT(i + 5),
    name: `Run ${i}`,
    dataset: { id: 'qa-small', title: 'Small QA set', task: 'qa' },
    items: itemRows,
    candidates: cands,
    concurrency: 2,
    robustness: null,
    responses: itemRows.flatMap((item) =>
      cands.map((c) => ({
        itemId: item.id,
        candidateId: c.id,
        text: prose(rng, responseChars),
        stopReason: 'end_turn',
        truncated: false,
        empty: false,
        inputTokens: 100,
        outputTokens: 60,
        latencyMs: 800,
        costUsd: 0.00001,
        at: AT(i + 2),
      })),
    ),
    status: 'complete',
    error: null,
    estimatedCostUsd: 0.001,
  };
}

export function evalRating(runId: string, n: number): EvalRatingRow {
  return {
    id: `${runId}\u0001rating\u0001item-${n}\u0001c0`,
    runId,
    itemId: `item-${n}`,
    at: AT(30 + n),
    kind: 'rating',
    candidateId: 'c0',
    score: 1 + (n % 5),
  };
}

/** A single-mode judge run over `results` responses of run `runId`. */
export function evalJudgement(runId: string, n: number, results = 2): EvalJudgementRow {
  const rng = createRng(4000 + n);
  return {
    id: `judge-${runId}-${n}`,
    runId,
    createdAt: AT(40 + n),
    updatedAt: AT(41 + n),
    judgeModelId: 'amazon.nova-pro-v1:0',
    mode: 'single',
    metrics: [{ metric: 'correctness', rubric: 'Is the answer right?' }],
    pair: null,
    total: results,
    judgements: Array.from({ length: results }, (_, r) => ({
      kind: 'scores' as const,
      itemId: `item-${r}`,
      responseKey: `item-${r}\u0001c0`,
      scores: [{ metric: 'correctness' as const, score: 4, reasoning: prose(rng, 200) }],
      attempts: 1,
      inputTokens: 300,
      outputTokens: 90,
      problem: null,
    })),
    status: 'complete',
    error: null,
  };
}

interface ShippedWeights {
  architecture: DiffusionModelRow['architecture'];
  parameters: number;
  weights: string;
}
let shipped: ShippedWeights | null = null;

/** A trained denoiser with the shipped network's real architecture and weights (1.45 MB). */
export function diffusionModel(i: number): DiffusionModelRow {
  shipped ??= JSON.parse(
    readFileSync(join(CONTENT_DIR, 'diffusion', 'shapes-denoiser.json'), 'utf8'),
  ) as ShippedWeights;
  return {
    id: `dm-${i}`,
    name: `My denoiser ${i}`,
    createdAt: AT(i),
    updatedAt: AT(i + 1),
    architecture: shipped.architecture,
    parameters: shipped.parameters,
    weights: shipped.weights,
    training: {
      start: 'shipped',
      seed: i,
      steps: 500,
      batch: 64,
      lossCurve: [0.2, 0.1],
      lossWindow: 250,
      ms: 60_000,
      cancelled: false,
    },
    dataset: { seed: 20261204, count: 4096 },
  };
}

export function ragIndex(id: string, dimensions = 8, chunkCount = 2): RagIndex {
  return {
    id,
    createdAt: AT(0),
    updatedAt: AT(10),
    modelId: 'amazon.titan-embed-text-v2:0',
    dimensions,
    chunking: { strategy: 'FIXED_SIZE', maxTokens: 300, overlapPercentage: 20 },
    contentHash: 'abc123',
    chunkCount,
    costUsd: 0.0004,
    inputTokens: 20_000,
  };
}

/** A unit-length vector of seeded numbers (what Titan returns with normalisation on). */
export function ragVector(indexId: string, n: number, dimensions = 8): RagVector {
  const rng = createRng(5000 + n);
  const vector = new Float32Array(dimensions);
  let norm = 0;
  for (let d = 0; d < dimensions; d++) {
    vector[d] = rng.next() * 2 - 1;
    norm += vector[d]! ** 2;
  }
  for (let d = 0; d < dimensions; d++) vector[d] = vector[d]! / Math.sqrt(norm);
  return { indexId, chunkId: `chunk-${String(n).padStart(4, '0')}`, vector };
}
