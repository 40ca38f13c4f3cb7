/**
 * Lexical retrieval over chunks: BM25 ranking by MiniSearch (already the notes search library).
 * MiniSearch scores with BM25+ (k1 = 1.2, b = 0.7, delta = 0.5 by default); here every query word
 * is optional (OR), with no prefix or fuzzy matching, so scores are plain BM25+ over the chunk's
 * text with Markdown removed. Common English function words are not indexed: a question's "which",
 * "the", "of" would otherwise add noise to every score.
 */
import MiniSearch from 'minisearch';
import { markdownToPlainText } from '../../../../shared/question-checks';
import type { Chunk } from './chunking';

export interface LexicalHit {
  id: string;
  /** 1-based position in the result list. */
  rank: number;
  /** BM25+ score (higher is better; only comparable within one query). */
  score: number;
  /** Words of the chunk that matched, lower case as indexed (for highlighting). */
  terms: string[];
}

export interface LexicalIndex {
  size: number;
  search(query: string, k?: number): LexicalHit[];
}

/** Words not indexed or searched (short list of English function words). */
export const STOP_WORDS = new Set(
  (
    'a an and are as at be been being but by can could did do does for from had has have how i if in ' +
    'into is it its may might must not of on or over should so than that the their them then there ' +
    'these they this those to under up was we were what when where which while who whom why will ' +
    'with would you your'
  ).split(' '),
);

const processTerm = (term: string): string | null => {
  const t = term.toLowerCase();
  return STOP_WORDS.has(t) ? null : t;
};

export function buildLexicalIndex(chunks: readonly Pick<Chunk, 'id' | 'text'>[]): LexicalIndex {
  const mini = new MiniSearch<{ id: string; text: string }>({
    fields: ['text'],
    processTerm,
    searchOptions: { combineWith: 'OR', prefix: false, fuzzy: false },
  });
  mini.addAll(chunks.map((c) => ({ id: c.id, text: markdownToPlainText(c.text) })));
  return {
    size: chunks.length,
    search(query, k = 10) {
      if (!query.trim()) return [];
      return mini
        .search(query)
        .slice(0, k)
        .map((r, i) => ({ id: String(r.id), rank: i + 1, score: r.score, terms: r.terms }));
    },
  };
}
