/**
 * Semantic similarity of each response to its reference: both embedded with Amazon Titan Text
 * Embeddings V2 (512 dimensions, normalised) through the knowledge bases lab's `embedTexts`
 * stream, then the cosine of the two vectors. Kept per run in memory; the calls land in the
 * invocation log as the knowledge bases lab's embeddings do. Empty responses score 0 (there is
 * nothing to embed).
 */
import { useSyncExternalStore } from 'react';
import { TITAN_MAX_CHARS } from '../../../../../shared/knowledge-bases';
import type { AppError } from '../../../../../shared/result';
import { openStream } from '../../../api';
import type { EvalRunRow } from '../runs-store';

export interface SemanticResult {
  runId: string;
  /** Responses counted when it ran (a later response makes it stale). */
  responses: number;
  status: 'running' | 'done' | 'failed';
  /** Mean cosine per candidate, and per item. */
  means: Record<string, number>;
  perItem: Record<string, Record<string, number>>;
  costUsd: number;
  error: AppError | null;
}

let results: Record<string, SemanticResult> = {};
const listeners = new Set<() => void>();
const emit = () => listeners.forEach((l) => l());

export function useSemantic(runId: string): SemanticResult | undefined {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => results[runId],
  );
}

function cosine(a: readonly number[], b: readonly number[]): number {
  let dot = 0;
  let na = 0;
  let nb = 0;
  for (let i = 0; i < a.length; i++) {
    const x = a[i] as number;
    const y = b[i] as number;
    dot += x * y;
    na += x * x;
    nb += y * y;
  }
  return na > 0 && nb > 0 ? dot / Math.sqrt(na * nb) : 0;
}

/** Embeds the run's references and non-empty responses, then scores each response. */
export async function computeSemantic(run: EvalRunRow): Promise<void> {
  const base = run.items.filter((i) => !i.perturbation && i.referenceResponse);
  const baseIds = new Set(base.map((i) => i.id));
  const answered = new Set(run.responses.map((r) => `${r.candidateId}\u0001${r.itemId}`));
  const texts = new Map<string, string>();
  for (const item of base) texts.set(`ref:${item.id}`, item.referenceResponse as string);
  for (const r of run.responses) {
    if (!r.empty && baseIds.has(r.itemId)) {
      texts.set(`res:${r.candidateId}:${r.itemId}`, r.text);
    }
  }
  const result: SemanticResult = {
    runId: run.id,
    responses: run.responses.length,
    status: 'running',
    means: {},
    perItem: {},
    costUsd: 0,
    error: null,
  };
  results = { ...results, [run.id]: result };
  emit();
  const vectors = new Map<string, number[]>();
  const handle = openStream(
    'embedTexts',
    {
      modelId: 'amazon.titan-embed-text-v2:0',
      dimensions: 512,
      inputType: 'search_document',
      texts: [...texts].map(([id, text]) => ({ id, text: text.slice(0, TITAN_MAX_CHARS) })),
      concurrency: 4,
    },
    (event) => {
      vectors.set(event.id, event.vector);
      result.costUsd += event.costUsd ?? 0;
    },
  );
  const error = await handle.done;
  const perItem: Record<string, Record<string, number>> = {};
  const means: Record<string, number> = {};
  for (const c of run.candidates) {
    const scores: Record<string, number> = {};
    for (const item of base) {
      const ref = vectors.get(`ref:${item.id}`);
      const res = vectors.get(`res:${c.id}:${item.id}`);
      if (answered.has(`${c.id}\u0001${item.id}`) && ref)
        scores[item.id] = res ? cosine(ref, res) : 0;
    }
    perItem[c.id] = scores;
    const values = Object.values(scores);
    if (values.length > 0) means[c.id] = values.reduce((a, b) => a + b, 0) / values.length;
  }
  results = {
    ...results,
    [run.id]: { ...result, status: error ? 'failed' : 'done', means, perItem, error },
  };
  emit();
}
