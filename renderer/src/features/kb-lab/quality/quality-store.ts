/**
 * Retrieval quality results, kept while the app runs (switching tabs loses nothing): lexical
 * figures per chunking (computed offline, a slice at a time) and the live figures (vector,
 * hybrid, reranked) the learner ran against a vector index. A small external store read with
 * useSyncExternalStore.
 */
import { useSyncExternalStore } from 'react';
import type { RetrievalFigures } from '../../../lib/rag/evaluation';
import type { EvalProgress, LexicalEvaluation } from '../../../lib/rag/quality';
import type { AppError } from '../../../../../shared/result';

export interface LexicalRow {
  key: string;
  label: string;
  status: 'waiting' | 'running' | 'done' | 'failed';
  progress: EvalProgress | null;
  evaluation: LexicalEvaluation | null;
  error: string | null;
}

export interface LiveRun {
  indexId: string;
  /** chunkingKey of the index's chunking (the row its figures belong to). */
  key: string;
  status: 'running' | 'done' | 'failed' | 'cancelled';
  stage: string;
  done: number;
  total: number;
  vector: RetrievalFigures | null;
  hybrid: RetrievalFigures | null;
  reranked: RetrievalFigures | null;
  /** Rerank cost as main sent it (sum of the calls'), null when unknown or not run. */
  rerankCostUsd: number | null;
  rerankCalls: number;
  /** Embedding cost of the questions as main sent it (sum of the vectors'), null when unknown. */
  embedCostUsd: number | null;
  error: AppError | null;
}

export interface QualityState {
  lexical: LexicalRow[];
  /** Live figures by chunking key (the last run for each). */
  live: Record<string, LiveRun>;
}

let state: QualityState = { lexical: [], live: {} };
const listeners = new Set<() => void>();

export function qualityState(): QualityState {
  return state;
}

export function updateQuality(change: (s: QualityState) => QualityState): void {
  state = change(state);
  for (const l of listeners) l();
}

export function patchLexical(key: string, patch: Partial<LexicalRow>): void {
  updateQuality((s) => ({
    ...s,
    lexical: s.lexical.map((r) => (r.key === key ? { ...r, ...patch } : r)),
  }));
}

export function patchLive(key: string, patch: Partial<LiveRun>): void {
  updateQuality((s) => {
    const run = s.live[key];
    return run ? { ...s, live: { ...s.live, [key]: { ...run, ...patch } } } : s;
  });
}

export function useQuality(): QualityState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}
