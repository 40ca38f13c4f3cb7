/**
 * The words of a question a chunk contains, and a text cut into plain and highlighted runs for
 * display (rendered as text nodes and <mark> elements: never as HTML). Words are compared the way
 * the lexical index compares them: lower case, letter and digit runs, common function words left
 * out (./lexical STOP_WORDS).
 */
import { STOP_WORDS } from './lexical';

const WORD = /[\p{L}\p{N}]+/gu;

/** The distinct content words of a text, lower case, in order of first appearance. */
export function contentWords(text: string): string[] {
  const seen = new Set<string>();
  for (const m of text.matchAll(WORD)) {
    const w = m[0].toLowerCase();
    if (!STOP_WORDS.has(w)) seen.add(w);
  }
  return [...seen];
}

/** The question's content words that occur as whole words in `text`. */
export function matchedQueryTerms(question: string, text: string): string[] {
  const inText = new Set(contentWords(text));
  return contentWords(question).filter((w) => inText.has(w));
}

export interface TextRun {
  text: string;
  mark: boolean;
}

/** `text` split so every whole-word occurrence of a term (any case) is its own marked run. */
export function highlightRuns(text: string, terms: readonly string[]): TextRun[] {
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  const runs: TextRun[] = [];
  let from = 0;
  for (const m of text.matchAll(WORD)) {
    if (!wanted.has(m[0].toLowerCase())) continue;
    if (m.index > from) runs.push({ text: text.slice(from, m.index), mark: false });
    runs.push({ text: m[0], mark: true });
    from = m.index + m[0].length;
  }
  if (from < text.length) runs.push({ text: text.slice(from), mark: false });
  return runs;
}

/**
 * At most `max` characters of `text` for a result card: the whole text when short enough,
 * otherwise a window that starts a little before the first whole-word occurrence of a term, cut at
 * spaces, with "…" where text was left out.
 */
export function snippet(text: string, terms: readonly string[], max = 420): string {
  if (text.length <= max) return text;
  const wanted = new Set(terms.map((t) => t.toLowerCase()));
  let at = 0;
  for (const m of text.matchAll(WORD)) {
    if (wanted.has(m[0].toLowerCase())) {
      at = m.index;
      break;
    }
  }
  let start = Math.max(0, Math.min(at - 80, text.length - max));
  if (start > 0) {
    const space = text.indexOf(' ', start);
    start = space >= 0 && space < at ? space + 1 : start;
  }
  let end = Math.min(text.length, start + max);
  if (end < text.length) {
    const space = text.lastIndexOf(' ', end);
    end = space > start ? space : end;
  }
  return `${start > 0 ? '…' : ''}${text.slice(start, end)}${end < text.length ? '…' : ''}`;
}
