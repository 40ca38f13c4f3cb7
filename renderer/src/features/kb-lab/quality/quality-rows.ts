/** The quality store as rows for the chart and table: one per chunking, figures per method. */
import type { RetrievalFigures } from '../../../lib/rag/evaluation';
import type { RetrievalMethod } from '../../../lib/rag/quality';
import { formatCount } from '../../../lib/format';
import type { QualityState } from './quality-store';

export interface QualityRow {
  key: string;
  label: string;
  /** "288 chunks", or for HIERARCHICAL "288 children, 62 parents served"; null while computing. */
  chunks: string | null;
  figures: Record<RetrievalMethod, RetrievalFigures | null>;
}

export type Metric = 'recallAt1' | 'recallAt5' | 'mrr';
export const METRICS: { id: Metric; label: string }[] = [
  { id: 'recallAt1', label: 'Recall@1' },
  { id: 'recallAt5', label: 'Recall@5' },
  { id: 'mrr', label: 'MRR' },
];

export const METHOD_LABELS: Record<RetrievalMethod, string> = {
  lexical: 'Lexical (BM25)',
  vector: 'Vector (cosine)',
  hybrid: 'Hybrid (RRF)',
  reranked: 'Reranked',
};

function chunkCounts(e: { chunks: readonly unknown[]; served: readonly unknown[] }): string {
  return e.served === e.chunks
    ? `${formatCount(e.chunks.length)} chunks`
    : `${formatCount(e.chunks.length)} children, ${formatCount(e.served.length)} parents served`;
}

export function qualityRows(s: QualityState): QualityRow[] {
  return s.lexical.map((r) => {
    const live = s.live[r.key];
    return {
      key: r.key,
      label: r.label,
      chunks: r.evaluation ? chunkCounts(r.evaluation) : null,
      figures: {
        lexical: r.evaluation?.figures ?? null,
        vector: live?.vector ?? null,
        hybrid: live?.hybrid ?? null,
        reranked: live?.reranked ?? null,
      },
    };
  });
}
