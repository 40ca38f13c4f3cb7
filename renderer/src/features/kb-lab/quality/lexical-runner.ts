/**
 * Lexical (BM25) figures for the default chunkings and any other one asked for, computed one
 * chunking at a time, a slice at a time (./drive), so the tab stays responsive. Each result is
 * kept in the quality store; a chunking already computed is not computed again.
 */
import { CORPUS } from '../../../content/corpus';
import { DEFAULT_CHUNKING, type ChunkingConfig } from '../../../lib/rag/chunking';
import { chunkingKey, describeChunking } from '../../../lib/rag/content-hash';
import { lexicalEvaluation, type LexicalEvaluation } from '../../../lib/rag/quality';
import { TEST_QUESTIONS } from './bank';
import { drive } from './drive';
import { patchLexical, qualityState, updateQuality } from './quality-store';

const running = new Map<string, Promise<LexicalEvaluation | null>>();

async function run(key: string, config: ChunkingConfig): Promise<LexicalEvaluation | null> {
  patchLexical(key, { status: 'running' });
  try {
    const evaluation = await drive(
      lexicalEvaluation(CORPUS.notes, TEST_QUESTIONS, config),
      (progress) => patchLexical(key, { progress }),
    );
    patchLexical(key, { status: 'done', evaluation, progress: null });
    return evaluation;
  } catch (e) {
    patchLexical(key, { status: 'failed', error: e instanceof Error ? e.message : String(e) });
    return null;
  }
}

/** The lexical evaluation of a chunking, computing it (after any queued ones) when needed. */
export function lexicalFor(config: ChunkingConfig): Promise<LexicalEvaluation | null> {
  const key = chunkingKey(config);
  const row = qualityState().lexical.find((r) => r.key === key);
  if (row?.evaluation) return Promise.resolve(row.evaluation);
  const pending = running.get(key);
  if (pending) return pending;
  if (!row)
    updateQuality((s) => ({
      ...s,
      lexical: [
        ...s.lexical,
        {
          key,
          label: describeChunking(config),
          status: 'waiting',
          progress: null,
          evaluation: null,
          error: null,
        },
      ],
    }));
  const before = Promise.all([...running.values()]);
  const next = before.then(() => run(key, config));
  running.set(key, next);
  return next;
}

/** Starts the four default chunkings (once per app run). */
export function startDefaultLexical(): void {
  for (const config of Object.values(DEFAULT_CHUNKING)) void lexicalFor(config);
}
