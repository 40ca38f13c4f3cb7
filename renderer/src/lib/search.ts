/**
 * Full-text search over notes and glossary with MiniSearch: prefix and fuzzy matching, field
 * boosts, and snippets split into plain/highlighted parts (rendered as React text, never HTML).
 * Pure: no DOM, so tests and benchmarks run it in Node.
 */
import MiniSearch, { type SearchResult } from 'minisearch';
import type { Corpus } from '../../../shared/notes';
import { markdownToPlainText } from '../../../shared/question-checks';

/** One searchable document: a note, or a glossary term (which opens the note explaining it). */
export interface SearchDoc {
  id: string;
  kind: 'note' | 'term';
  noteId: string;
  title: string;
  summary: string;
  terms: string;
  headings: string;
  text: string;
}

export interface SearchHit {
  id: string;
  kind: 'note' | 'term';
  /** The note to open (for a term: the note that explains it). */
  noteId: string;
  /** For a term hit: its glossary slug. */
  slug: string | null;
  title: string;
  score: number;
  /** A passage around the first match, as alternating plain and highlighted parts. */
  snippet: { text: string; hit: boolean }[];
}

/** Markdown to plain text, good enough for indexing and snippets (one definition, in shared/). */
export const plainText = markdownToPlainText;

/** A glossary term offered when a query matches nothing ("Did you mean …"). */
export interface TermSuggestion {
  slug: string;
  term: string;
}

export interface NotesIndex {
  search(query: string, limit?: number): SearchHit[];
  /** The glossary terms whose names are nearest to a query (for a query that matched nothing). */
  suggest(query: string, limit?: number): TermSuggestion[];
  size: number;
}

/**
 * The relevance cut-off, calibrated on MiniSearch scores over this corpus (tests/unit/search.test.ts):
 * real one-word queries score their best hit 20-70 (a word only in note bodies, like "Claude",
 * about 4), multi-word queries 50-450, while the long tail of prefix and fuzzy matches
 * ("chart" -> "chat") sits at 1-5. So a hit must score at least MIN_SCORE and RELATIVE_MIN of the
 * best hit. When no document has every word, a hit must still match all but one of the words and
 * at least two of them: "kubernetes helm chart" (only "chart" occurs) then matches nothing
 * instead of "Bedrock playground".
 */
export const MIN_SCORE = 2;
export const RELATIVE_MIN = 0.05;

function relevant(results: SearchResult[], words: number, everyWord: boolean): SearchResult[] {
  const needed = everyWord ? words : Math.max(2, words - 1);
  const kept = results.filter((r) => r.queryTerms.length >= needed);
  const top = kept[0]?.score ?? 0;
  return kept.filter((r) => r.score >= MIN_SCORE && r.score >= top * RELATIVE_MIN);
}

/** The first sentence of a definition: what a glossary hit shows under its term. */
export function firstSentence(text: string): string {
  const match = /^(.+?[.!?])(?:\s|$)/.exec(text.trim());
  return match?.[1] ?? text.trim();
}

/** MiniSearch's own default tokenizer, to count a query's words as the index splits them. */
const tokenize = MiniSearch.getDefault('tokenize') as (text: string) => string[];

export function buildIndex(corpus: Corpus): NotesIndex {
  const docs: SearchDoc[] = [
    ...corpus.notes.map((n) => ({
      id: `note:${n.id}`,
      kind: 'note' as const,
      noteId: n.id,
      title: n.title,
      summary: n.summary,
      terms: n.keyTerms.join(' · '),
      headings: n.headings.map((h) => h.text).join(' · '),
      text: plainText(n.body),
    })),
    ...corpus.glossary.map((g) => ({
      id: `term:${g.slug}`,
      kind: 'term' as const,
      noteId: g.note,
      title: g.term,
      summary: g.definition,
      terms: (g.aliases ?? []).join(' · '),
      headings: '',
      // The definition is indexed once, as the summary; its first sentence is the hit's snippet.
      text: firstSentence(g.definition),
    })),
  ];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const mini = new MiniSearch<SearchDoc>({
    // `text` of a term repeats the definition's first sentence: shown, not indexed.
    fields: ['title', 'terms', 'headings', 'summary', 'text'],
    extractField: (doc, field) =>
      field === 'text' && doc.kind === 'term' ? '' : String(doc[field as keyof SearchDoc]),
    storeFields: ['id'],
    searchOptions: {
      boost: { title: 4, terms: 3, headings: 2, summary: 1.5 },
      prefix: true,
      fuzzy: (term) => (term.length > 4 ? 0.2 : 0),
      combineWith: 'AND',
    },
  });
  mini.addAll(docs);

  return {
    size: docs.length,
    search(query, limit = 12) {
      const q = query.trim();
      if (!q) return [];
      const words = tokenize(q).filter((w) => w.length > 0).length;
      let results = relevant(mini.search(q), words, true);
      // Nothing matched every word: fall back to most of the words, still ranked by relevance.
      if (results.length === 0)
        results = relevant(mini.search(q, { combineWith: 'OR' }), words, false);
      return results.slice(0, limit).flatMap((r) => {
        const doc = byId.get(String(r.id));
        return doc ? [toHit(doc, r)] : [];
      });
    },
    suggest: (query, limit = 3) => nearestTerms(corpus.glossary, query, limit),
  };
}

function toHit(doc: SearchDoc, r: SearchResult): SearchHit {
  return {
    id: doc.id,
    kind: doc.kind,
    noteId: doc.noteId,
    slug: doc.kind === 'term' ? doc.id.slice('term:'.length) : null,
    title: doc.title,
    score: r.score,
    // A note: a passage around the first match. A term: the whole first sentence of its definition.
    snippet:
      doc.kind === 'note'
        ? snippet(`${doc.summary} ${doc.text}`, r.terms)
        : snippet(doc.text, r.terms, Math.max(160, doc.text.length)),
  };
}

/** Levenshtein distance, for the handful of short words a suggestion compares. */
export function editDistance(a: string, b: string): number {
  let prev = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      row[j] = Math.min(
        prev[j]! + 1,
        row[j - 1]! + 1,
        prev[j - 1]! + (a[i - 1] === b[j - 1] ? 0 : 1),
      );
    }
    prev = row;
  }
  return prev[b.length]!;
}

const wordsOf = (s: string) => s.toLowerCase().match(/[a-z0-9]+/g) ?? [];

/**
 * The glossary terms nearest a query: each query word against each word of a term's name and
 * aliases, as edit distance over the longer word's length (0 = same word). A term whose closest
 * word is within a quarter of its length, or starts with the query word, is a suggestion.
 */
export function nearestTerms(
  glossary: readonly { slug: string; term: string; aliases?: string[] | undefined }[],
  query: string,
  limit = 3,
): TermSuggestion[] {
  const asked = wordsOf(query).filter((w) => w.length >= 3);
  if (asked.length === 0) return [];
  const scored = glossary.flatMap((g) => {
    const spellings = [g.term, ...(g.aliases ?? [])];
    // Each word, and each name written as one word ("finetuning" for "fine-tuning").
    const names = [
      ...wordsOf(spellings.join(' ')),
      ...spellings.map((n) => wordsOf(n).join('')),
    ].filter((w) => w.length >= 3);
    let best = 1;
    for (const q of asked) {
      for (const n of names) {
        const d = n.startsWith(q) ? 0.1 : editDistance(q, n) / Math.max(q.length, n.length);
        best = Math.min(best, d);
      }
    }
    return best <= 1 / 4 ? [{ slug: g.slug, term: g.term, best }] : [];
  });
  scored.sort((a, b) => a.best - b.best || a.term.length - b.term.length);
  return scored.slice(0, limit).map(({ slug, term }) => ({ slug, term }));
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** About `width` characters around the first matched term, with every matched term marked. */
export function snippet(text: string, terms: string[], width = 160): SearchHit['snippet'] {
  const words = terms.filter((t) => t.length > 0);
  if (words.length === 0) return [{ text: text.slice(0, width), hit: false }];
  const pattern = new RegExp(`(${words.map(escape).join('|')})`, 'gi');
  const first = text.search(pattern);
  const start =
    // A text that fits is shown whole, from its start.
    first < 0 || text.length <= width
      ? 0
      : Math.max(0, text.lastIndexOf(' ', Math.max(0, first - width / 3)) + 1);
  let passage = text.slice(start, start + width);
  const cut = passage.lastIndexOf(' ');
  if (start + width < text.length && cut > width / 2) passage = passage.slice(0, cut);
  const parts: SearchHit['snippet'] = [];
  if (start > 0) parts.push({ text: '… ', hit: false });
  let last = 0;
  for (const m of passage.matchAll(pattern)) {
    const at = m.index;
    if (at > last) parts.push({ text: passage.slice(last, at), hit: false });
    parts.push({ text: m[0], hit: true });
    last = at + m[0].length;
  }
  if (last < passage.length) parts.push({ text: passage.slice(last), hit: false });
  if (start + passage.length < text.length) parts.push({ text: ' …', hit: false });
  return parts;
}
