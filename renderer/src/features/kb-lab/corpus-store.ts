/**
 * The notes as the lab's data source, chunked with a configuration: chunks, their notes, a lexical
 * (BM25) index built on first search, and the notes' content hash. One corpus per configuration
 * is kept (the last few), so switching tabs or strategies back and forth re-chunks nothing.
 */
import type { Note } from '../../../../shared/notes';
import { CORPUS } from '../../content/corpus';
import { chunkNotes, type Chunk, type ChunkingConfig, type ChunkSet } from '../../lib/rag/chunking';
import { chunkingKey, notesContentHash } from '../../lib/rag/content-hash';
import { buildLexicalIndex, type LexicalIndex } from '../../lib/rag/lexical';

export interface KbCorpus {
  notes: readonly Note[];
  chunkSet: ChunkSet;
  /** BM25 over `chunkSet.chunks` (built on the first search). */
  lexical: LexicalIndex;
  /** Hash of the notes' ids and bodies (lib/rag/content-hash). */
  contentHash: string;
  /** `chunkingKey(chunkSet.config)`. */
  key: string;
  chunkById: ReadonlyMap<string, Chunk>;
  noteById: ReadonlyMap<string, Note>;
}

const notes: readonly Note[] = CORPUS.notes;
let hash: string | null = null;
const noteById = new Map(notes.map((n) => [n.id, n]));

/** The hash of the notes the app ships (computed once). */
export function currentContentHash(): string {
  hash ??= notesContentHash(notes);
  return hash;
}

function lazyLexical(chunks: readonly Chunk[]): LexicalIndex {
  let built: LexicalIndex | null = null;
  return {
    size: chunks.length,
    search(query, k) {
      built ??= buildLexicalIndex(chunks);
      return built.search(query, k);
    },
  };
}

const KEEP = 4;
const cache = new Map<string, KbCorpus>();

/** The corpus for a valid configuration (chunkNotes throws a RangeError on an invalid one). */
export function getKbCorpus(config: ChunkingConfig): KbCorpus {
  const key = chunkingKey(config);
  const hit = cache.get(key);
  if (hit) {
    cache.delete(key);
    cache.set(key, hit);
    return hit;
  }
  const chunkSet = chunkNotes(notes, config);
  const corpus: KbCorpus = {
    notes,
    chunkSet,
    lexical: lazyLexical(chunkSet.chunks),
    contentHash: currentContentHash(),
    key,
    chunkById: new Map([...chunkSet.chunks, ...chunkSet.parents].map((c) => [c.id, c])),
    noteById,
  };
  cache.set(key, corpus);
  while (cache.size > KEEP) cache.delete(cache.keys().next().value!);
  return corpus;
}
