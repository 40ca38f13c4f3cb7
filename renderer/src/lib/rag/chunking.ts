/**
 * Chunking the notes the ways a Bedrock knowledge base can: fixed size with overlap, hierarchical
 * parent/child, semantic (here approximated by headings and sentences), and none. Pure: no DOM.
 *
 * Parameter names and limits follow the service model of the bedrock-agent API
 * (aws/aws-sdk-js-v3 codegen/sdk-codegen/aws-models/bedrock-agent.json, commit 18524dc, shapes
 * ChunkingConfiguration, ChunkingStrategy, FixedSizeChunkingConfiguration,
 * HierarchicalChunkingConfiguration, HierarchicalChunkingLevelConfiguration(s),
 * SemanticChunkingConfiguration):
 * - FIXED_SIZE: `maxTokens` 1..8192, `overlapPercentage` 1..99 (both required);
 * - HIERARCHICAL: `levelConfigurations` exactly 2 entries of `{ maxTokens }` 1..8192 (parent
 *   layer first, then the child layer "derived from the first"), `overlapTokens` >= 1, "the number
 *   of tokens to repeat across chunks in the same layer";
 * - SEMANTIC: `maxTokens` 1..8192, `bufferSize` 0..1, `breakpointPercentileThreshold` 50..99;
 * - NONE: each file is one chunk.
 *
 * Token counts use ./tokens (an approximation of the embedding model's tokenizer, documented
 * there). Every chunk is a span of the note's Markdown body: `text === body.slice(start, end)`.
 */
import type { Note } from '../../../../shared/notes';
import { markdownUnits } from './markdown-units';
import { tokenSpans, type TokenSpans } from './tokens';

export const BEDROCK_CHUNKING_LIMITS = {
  maxTokens: { min: 1, max: 8192 },
  overlapPercentage: { min: 1, max: 99 },
  overlapTokens: { min: 1 },
  levels: 2,
  bufferSize: { min: 0, max: 1 },
  breakpointPercentileThreshold: { min: 50, max: 99 },
} as const;

/**
 * FIXED_SIZE here cuts exact windows of `maxTokens` tokens, each next one starting
 * floor(maxTokens x overlapPercentage / 100) tokens before the previous one ended, with no regard
 * for sentences or tables. Bedrock's guide only promises chunks that do not exceed `maxTokens`.
 *
 * HIERARCHICAL cuts parents that way with `overlapTokens` repeated, then each parent into children
 * the same way (children overlap within their parent). Bedrock matches children and returns their
 * parents: `widenToParents`.
 *
 * SEMANTIC here is NOT Bedrock's algorithm. Bedrock embeds each sentence (with `bufferSize`
 * neighbours on each side) and starts a new chunk where adjacent sentences are less similar than
 * the `breakpointPercentileThreshold` percentile of all adjacent pairs, then splits chunks over
 * `maxTokens`. Without an embedding model offline, this approximation starts a new chunk at every
 * `##`/`###` heading (authors already split the notes by topic there) and packs whole sentences,
 * table rows, list items and code blocks in order up to `maxTokens`; a single piece longer than
 * that is cut into `maxTokens` windows. It takes only `maxTokens`: Bedrock's other two parameters
 * tune the embedding comparison, which has no counterpart here.
 */
export type ChunkingConfig =
  | { strategy: 'FIXED_SIZE'; maxTokens: number; overlapPercentage: number }
  | {
      strategy: 'HIERARCHICAL';
      levelConfigurations: [{ maxTokens: number }, { maxTokens: number }];
      overlapTokens: number;
    }
  | { strategy: 'SEMANTIC'; maxTokens: number }
  | { strategy: 'NONE' };

export type ChunkingStrategy = ChunkingConfig['strategy'];

/**
 * Starting values. FIXED_SIZE 300 tokens with 20% overlap is what the cdklabs Bedrock constructs
 * send for the console's "default chunking" (about 300 tokens, sentences kept whole, says the AWS
 * user guide, kb-chunking.html). The hierarchical (1,500 / 300, 60 overlap) and semantic (300)
 * values are the guide's examples, not checked against the service here.
 */
export const DEFAULT_CHUNKING: {
  [S in ChunkingStrategy]: Extract<ChunkingConfig, { strategy: S }>;
} = {
  FIXED_SIZE: { strategy: 'FIXED_SIZE', maxTokens: 300, overlapPercentage: 20 },
  HIERARCHICAL: {
    strategy: 'HIERARCHICAL',
    levelConfigurations: [{ maxTokens: 1500 }, { maxTokens: 300 }],
    overlapTokens: 60,
  },
  SEMANTIC: { strategy: 'SEMANTIC', maxTokens: 300 },
  NONE: { strategy: 'NONE' },
};

export interface Chunk {
  /** `<noteId>#<n>`; hierarchical parents `<noteId>#p<n>`, their children `<noteId>#p<n>.<m>`. */
  id: string;
  noteId: string;
  /** Position among the note's chunks of the same layer, from 0. */
  index: number;
  /** The Markdown of the chunk: `body.slice(start, end)`. */
  text: string;
  /** UTF-16 offsets into the note body, end exclusive. */
  start: number;
  end: number;
  /** Tokens in the chunk, by ./tokens. */
  tokens: number;
  /** A hierarchical child's parent chunk id; null otherwise. */
  parentId: string | null;
  /**
   * `[start, overlapEnd)` repeats the end of the previous chunk of the same note and layer (for a
   * child: of the same parent). `overlapEnd === start` when nothing is repeated.
   */
  overlapEnd: number;
  /** Tokens in that repeated part. */
  overlapTokens: number;
}

export interface ChunkSet {
  config: ChunkingConfig;
  /** The chunks that are embedded and searched: for HIERARCHICAL the children. */
  chunks: Chunk[];
  /** HIERARCHICAL only: the parent chunks a child's hit is widened to. Empty otherwise. */
  parents: Chunk[];
}

const inRange = (v: number, r: { min: number; max?: number }) =>
  Number.isInteger(v) && v >= r.min && (r.max === undefined || v <= r.max);

/**
 * What is wrong with a configuration, as sentences; empty when it is valid. The service model's
 * limits, plus two of the lab's own for HIERARCHICAL (the model does not state them): children no
 * larger than parents, and an overlap smaller than a child.
 */
export function chunkingProblems(config: ChunkingConfig): string[] {
  const L = BEDROCK_CHUNKING_LIMITS;
  const tokens = (v: number, what: string) =>
    inRange(v, L.maxTokens) ? [] : [`${what} must be a whole number from 1 to 8,192.`];
  switch (config.strategy) {
    case 'FIXED_SIZE':
      return [
        ...tokens(config.maxTokens, 'Max tokens'),
        ...(inRange(config.overlapPercentage, L.overlapPercentage)
          ? []
          : ['Overlap percentage must be a whole number from 1 to 99.']),
      ];
    case 'HIERARCHICAL': {
      const [parent, child] = config.levelConfigurations;
      const out = [
        ...tokens(parent.maxTokens, 'Parent max tokens'),
        ...tokens(child.maxTokens, 'Child max tokens'),
      ];
      if (!inRange(config.overlapTokens, L.overlapTokens))
        out.push('Overlap tokens must be a whole number of at least 1.');
      if (child.maxTokens > parent.maxTokens)
        out.push('Child max tokens must not exceed parent max tokens.');
      if (config.overlapTokens >= child.maxTokens)
        out.push('Overlap tokens must be fewer than child max tokens.');
      return out;
    }
    case 'SEMANTIC':
      return tokens(config.maxTokens, 'Max tokens');
    case 'NONE':
      return [];
  }
}

/** Token-index windows [a, b) over tokens [from, to): `size` long, each `overlap` into the last. */
function windows(from: number, to: number, size: number, overlap: number): [number, number][] {
  const out: [number, number][] = [];
  if (to <= from) return out;
  const step = Math.max(1, size - overlap);
  for (let a = from; ; a += step) {
    const b = Math.min(to, a + size);
    out.push([a, b]);
    if (b >= to) return out;
  }
}

/** First index whose value is >= x (values ascending). */
function lowerBound(values: Int32Array, x: number): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if ((values[mid] ?? 0) < x) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** Tokens lying wholly inside body offsets [start, end). */
export function tokensBetween(spans: TokenSpans, start: number, end: number): number {
  return Math.max(0, lowerBound(spans.ends, end + 1) - lowerBound(spans.starts, start));
}

interface Layer {
  noteId: string;
  body: string;
  spans: TokenSpans;
  idPrefix: string;
  parentId: string | null;
}

/** Chunks of one layer from token windows, with the overlap against the previous window. */
function fromWindows(layer: Layer, ws: [number, number][], firstIndex = 0): Chunk[] {
  const { spans, body } = layer;
  return ws.map(([a, b], i) => {
    const start = spans.starts[a] ?? 0;
    const end = spans.ends[b - 1] ?? start;
    const prev = ws[i - 1];
    const overlapTokens = prev ? Math.max(0, prev[1] - a) : 0;
    const overlapEnd = overlapTokens > 0 ? (spans.ends[a + overlapTokens - 1] ?? start) : start;
    return {
      id: `${layer.idPrefix}${firstIndex + i}`,
      noteId: layer.noteId,
      index: firstIndex + i,
      text: body.slice(start, end),
      start,
      end,
      tokens: b - a,
      parentId: layer.parentId,
      overlapEnd,
      overlapTokens,
    };
  });
}

/** A span-based chunk with no overlap (NONE and SEMANTIC). */
function spanChunk(layer: Layer, index: number, start: number, end: number): Chunk {
  return {
    id: `${layer.idPrefix}${index}`,
    noteId: layer.noteId,
    index,
    text: layer.body.slice(start, end),
    start,
    end,
    tokens: tokensBetween(layer.spans, start, end),
    parentId: null,
    overlapEnd: start,
    overlapTokens: 0,
  };
}

/** Heading sections, packed with whole units up to maxTokens (see SEMANTIC on ChunkingConfig). */
function semanticChunks(layer: Layer, maxTokens: number): Chunk[] {
  const ranges: [number, number][] = [];
  let open: [number, number] | null = null;
  // True while the open chunk holds only headings: a `##` straight before a `###` joins it.
  let headingsOnly = false;
  for (const unit of markdownUnits(layer.body)) {
    const together = open ? tokensBetween(layer.spans, open[0], unit.end) : Infinity;
    if (open && (!unit.section || headingsOnly) && together <= maxTokens) {
      open[1] = unit.end;
      headingsOnly &&= unit.section;
      continue;
    }
    if (open) ranges.push(open);
    open = [unit.start, unit.end];
    headingsOnly = unit.section;
    if (tokensBetween(layer.spans, unit.start, unit.end) > maxTokens) {
      const a = lowerBound(layer.spans.starts, unit.start);
      const b = lowerBound(layer.spans.ends, unit.end + 1);
      for (const [x, y] of windows(a, b, maxTokens, 0)) {
        ranges.push([layer.spans.starts[x] ?? unit.start, layer.spans.ends[y - 1] ?? unit.end]);
      }
      open = null;
    }
  }
  if (open) ranges.push(open);
  return ranges.map(([s, e], i) => spanChunk(layer, i, s, e));
}

/** Chunks one note. Throws a RangeError listing the problems of an invalid configuration. */
export function chunkNote(note: Pick<Note, 'id' | 'body'>, config: ChunkingConfig): ChunkSet {
  const problems = chunkingProblems(config);
  if (problems.length > 0) throw new RangeError(problems.join(' '));
  const spans = tokenSpans(note.body);
  const layer: Layer = {
    noteId: note.id,
    body: note.body,
    spans,
    idPrefix: `${note.id}#`,
    parentId: null,
  };
  if (spans.count === 0) return { config, chunks: [], parents: [] };
  switch (config.strategy) {
    case 'NONE':
      return { config, chunks: [spanChunk(layer, 0, 0, note.body.length)], parents: [] };
    case 'SEMANTIC':
      return { config, chunks: semanticChunks(layer, config.maxTokens), parents: [] };
    case 'FIXED_SIZE': {
      const overlap = Math.floor((config.maxTokens * config.overlapPercentage) / 100);
      const ws = windows(0, spans.count, config.maxTokens, overlap);
      return { config, chunks: fromWindows(layer, ws), parents: [] };
    }
    case 'HIERARCHICAL': {
      const [parent, child] = config.levelConfigurations;
      const parentWindows = windows(0, spans.count, parent.maxTokens, config.overlapTokens);
      const parents = fromWindows({ ...layer, idPrefix: `${note.id}#p` }, parentWindows);
      const chunks: Chunk[] = [];
      parentWindows.forEach(([a, b], p) => {
        const id = parents[p]?.id ?? '';
        const ws = windows(a, b, child.maxTokens, config.overlapTokens);
        const children = fromWindows({ ...layer, idPrefix: `${id}.`, parentId: id }, ws);
        chunks.push(...children.map((c) => ({ ...c, index: chunks.length + c.index })));
      });
      return { config, chunks, parents };
    }
  }
}

/** Chunks every note, in the order given. */
export function chunkNotes(
  notes: readonly Pick<Note, 'id' | 'body'>[],
  config: ChunkingConfig,
): ChunkSet {
  const chunks: Chunk[] = [];
  const parents: Chunk[] = [];
  for (const note of notes) {
    const set = chunkNote(note, config);
    chunks.push(...set.chunks);
    parents.push(...set.parents);
  }
  return { config, chunks, parents };
}

/**
 * Hierarchical retrieval as Bedrock serves it: child chunks are matched, then each hit is replaced
 * by its parent (a parent found twice keeps its first place). Ids without a parent pass through.
 */
export function widenToParents(
  rankedIds: readonly string[],
  chunks: readonly Pick<Chunk, 'id' | 'parentId'>[],
): string[] {
  const parentOf = new Map(chunks.map((c) => [c.id, c.parentId]));
  return [...new Set(rankedIds.map((id) => parentOf.get(id) ?? id))];
}
