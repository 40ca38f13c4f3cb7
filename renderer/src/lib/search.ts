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

export interface NotesIndex {
  search(query: string, limit?: number): SearchHit[];
  size: number;
}

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
      // The definition is indexed once, as the summary.
      text: '',
    })),
  ];
  const byId = new Map(docs.map((d) => [d.id, d]));
  const mini = new MiniSearch<SearchDoc>({
    fields: ['title', 'terms', 'headings', 'summary', 'text'],
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
      let results: SearchResult[] = mini.search(q);
      // Nothing matched every word: fall back to any word, still ranked by relevance.
      if (results.length === 0) results = mini.search(q, { combineWith: 'OR' });
      return results.slice(0, limit).flatMap((r) => {
        const doc = byId.get(String(r.id));
        if (!doc) return [];
        return [
          {
            id: doc.id,
            kind: doc.kind,
            noteId: doc.noteId,
            slug: doc.kind === 'term' ? doc.id.slice('term:'.length) : null,
            title: doc.title,
            score: r.score,
            snippet: snippet(
              doc.kind === 'note' ? `${doc.summary} ${doc.text}` : doc.text,
              r.terms,
            ),
          },
        ];
      });
    },
  };
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** About `width` characters around the first matched term, with every matched term marked. */
export function snippet(text: string, terms: string[], width = 160): SearchHit['snippet'] {
  const words = terms.filter((t) => t.length > 0);
  if (words.length === 0) return [{ text: text.slice(0, width), hit: false }];
  const pattern = new RegExp(`(${words.map(escape).join('|')})`, 'gi');
  const first = text.search(pattern);
  const start =
    first < 0 ? 0 : Math.max(0, text.lastIndexOf(' ', Math.max(0, first - width / 3)) + 1);
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
