/**
 * Whether a stored vector index can serve retrieval now: ready, incomplete (a run stopped before
 * every chunk had its vector: resume it), or stale (built from other notes, or cut with another
 * chunking than the one chosen now). Pure.
 */
import type { ChunkingConfig } from '../../lib/rag/chunking';
import { chunkingKey } from '../../lib/rag/content-hash';
import type { RagIndex } from '../../db/schema';

export type IndexStatus =
  | { kind: 'ready' }
  | { kind: 'incomplete'; missing: number }
  | { kind: 'stale'; why: 'notes' | 'chunking' };

export function indexStatus(
  index: Pick<RagIndex, 'contentHash' | 'chunking' | 'chunkCount'> & { vectorCount: number },
  current: { contentHash: string; chunking: ChunkingConfig },
): IndexStatus {
  if (index.contentHash !== current.contentHash) return { kind: 'stale', why: 'notes' };
  if (chunkingKey(index.chunking) !== chunkingKey(current.chunking))
    return { kind: 'stale', why: 'chunking' };
  if (index.vectorCount < index.chunkCount)
    return { kind: 'incomplete', missing: index.chunkCount - index.vectorCount };
  return { kind: 'ready' };
}
