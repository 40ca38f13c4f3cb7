/**
 * What the chunking view draws: a note body cut into runs covered by no chunk (gaps), by one
 * chunk, or by two or more (overlap), and a histogram of chunk sizes. Pure.
 */
import type { Chunk } from './chunking';

export type ChunkSegment =
  | { kind: 'gap'; start: number; end: number }
  /** `chunk` is the position in the list given (for colouring and labels). */
  | { kind: 'chunk'; start: number; end: number; chunk: number; first: boolean }
  /** Covered by several chunks: `chunks` in list order. */
  | { kind: 'overlap'; start: number; end: number; chunks: number[]; first: boolean };

/**
 * The body [0, length) split at every chunk start and end. `first` marks the segment where a chunk
 * begins (where the view puts its label). Adjacent runs of the same kind and chunk(s) are merged.
 */
export function chunkSegments(
  length: number,
  chunks: readonly Pick<Chunk, 'start' | 'end'>[],
): ChunkSegment[] {
  const cuts = new Set<number>([0, length]);
  for (const c of chunks) {
    cuts.add(Math.max(0, Math.min(length, c.start)));
    cuts.add(Math.max(0, Math.min(length, c.end)));
  }
  const points = [...cuts].sort((x, y) => x - y);
  const starts = new Set(chunks.map((c) => c.start));
  const out: ChunkSegment[] = [];
  for (let i = 0; i + 1 < points.length; i++) {
    const start = points[i]!;
    const end = points[i + 1]!;
    const covering: number[] = [];
    chunks.forEach((c, j) => {
      if (c.start <= start && c.end >= end) covering.push(j);
    });
    const first = starts.has(start);
    const prev = out[out.length - 1];
    if (covering.length === 0) {
      if (prev?.kind === 'gap') prev.end = end;
      else out.push({ kind: 'gap', start, end });
    } else if (covering.length === 1) {
      const chunk = covering[0]!;
      if (prev?.kind === 'chunk' && prev.chunk === chunk && !first) prev.end = end;
      else out.push({ kind: 'chunk', start, end, chunk, first });
    } else if (prev?.kind === 'overlap' && !first && same(prev.chunks, covering)) {
      prev.end = end;
    } else {
      out.push({ kind: 'overlap', start, end, chunks: covering, first });
    }
  }
  return out;
}

const same = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((x, i) => x === b[i]);

export interface HistogramBin {
  /** Inclusive lower and exclusive upper bound (the last bin includes its upper bound). */
  from: number;
  to: number;
  count: number;
}

/**
 * `values` in `binCount` equal-width bins from 0 to the largest value (rounded up so the widths
 * are whole numbers). No values: no bins.
 */
export function sizeHistogram(values: readonly number[], binCount = 10): HistogramBin[] {
  if (values.length === 0) return [];
  // A loop, not Math.max(...values): tiny chunks can number more than a call takes arguments.
  const max = values.reduce((m, v) => (v > m ? v : m), 1);
  const width = Math.max(1, Math.ceil(max / binCount));
  const bins = Array.from({ length: Math.ceil((max + 1) / width) }, (_, i) => ({
    from: i * width,
    to: (i + 1) * width,
    count: 0,
  }));
  for (const v of values) {
    const bin = bins[Math.min(bins.length - 1, Math.floor(v / width))];
    if (bin) bin.count++;
  }
  return bins;
}
