/**
 * Reciprocal rank fusion (Cormack, Clarke and Büttcher, "Reciprocal Rank Fusion outperforms
 * Condorcet and individual Rank Learning Methods", SIGIR 2009): each item scores
 * sum over lists of 1 / (k + rank), rank 1-based, k = 60 as in the paper. Only ranks count, so a
 * BM25 list and a cosine list combine without putting their scores on one scale: this is how the
 * lab's hybrid list is made.
 */

export const RRF_K = 60;

export interface FusedHit {
  id: string;
  /** 1-based position in the fused list. */
  rank: number;
  score: number;
  /** The item's 1-based rank in each input list, null where it is absent. */
  ranks: (number | null)[];
}

/**
 * Fuses ranked lists of ids (best first; a repeated id keeps its first rank). Ties in score are
 * broken by the best single rank, then by id, so the result is deterministic.
 */
export function reciprocalRankFusion(
  lists: readonly (readonly string[])[],
  options: { k?: number; limit?: number } = {},
): FusedHit[] {
  const k = options.k ?? RRF_K;
  const ranks = new Map<string, (number | null)[]>();
  lists.forEach((list, l) => {
    list.forEach((id, i) => {
      let row = ranks.get(id);
      if (!row) {
        row = lists.map(() => null);
        ranks.set(id, row);
      }
      row[l] ??= i + 1;
    });
  });
  const fused = [...ranks].map(([id, row]) => ({
    id,
    ranks: row,
    score: row.reduce<number>((s, r) => (r === null ? s : s + 1 / (k + r)), 0),
    best: Math.min(...row.map((r) => r ?? Infinity)),
  }));
  fused.sort((a, b) => b.score - a.score || a.best - b.best || (a.id < b.id ? -1 : 1));
  return fused
    .slice(0, options.limit ?? fused.length)
    .map(({ id, score, ranks: r }, i) => ({ id, rank: i + 1, score, ranks: r }));
}
