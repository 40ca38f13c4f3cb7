/**
 * Checks on practice questions that compare text: is a quoted passage really in its note, and is
 * a stem a near-duplicate of one the learner already has. Pure (no Node, no DOM): the main
 * process runs them on generated items, the renderer on edits and imports, the tests on the bank.
 */
import { stemFingerprint } from './questions';

/**
 * Markdown to plain text, the way notes are compared and indexed: code blocks, callout markers,
 * link targets, table rules and emphasis characters are dropped; whitespace is folded.
 */
export function markdownToPlainText(markdown: string): string {
  return markdown
    .replace(/```[\s\S]*?```/g, ' ')
    .replace(/^> \[![A-Z]+\]\s*$/gm, ' ')
    .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
    .replace(/^\s*\|?[\s:|-]+\|[\s:|-]*$/gm, ' ')
    .replace(/[#>*_`|]/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * Text as compared for quoted passages: Markdown removed, lower case, curly quotes and en/em
 * dashes made plain, every other symbol and all spacing folded to one space. A passage copied
 * from the rendered note (smart quotes, bold, a line break) and the note's source then compare
 * equal.
 */
export function comparableText(text: string): string {
  return markdownToPlainText(text)
    .toLowerCase()
    .replace(/[“”]/g, '"')
    .replace(/[‘’]/g, "'")
    .replace(/[–—]/g, '-')
    .replace(/[^a-z0-9"'%$.,;:()/-]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}

/**
 * True when `passage` occurs word for word in `noteText` (either may be Markdown or plain text).
 * A final full stop is ignored, since a quoted sentence often gains or loses one. A passage
 * without a letter or digit never occurs.
 */
export function passageOccursIn(passage: string, noteText: string): boolean {
  return passageOccursInComparable(passage, comparableText(noteText));
}

/**
 * `passageOccursIn` for a note already turned into `comparableText`, so a caller checking many
 * passages against the same notes normalises each note once.
 */
export function passageOccursInComparable(passage: string, comparableNote: string): boolean {
  const needle = comparableText(passage).replace(/\.$/, '').trim();
  return /[a-z0-9]/.test(needle) && comparableNote.includes(needle);
}

/**
 * Two stems are near-duplicates when their fingerprints (./questions `stemFingerprint`: lower
 * case, punctuation and "Select TWO." removed) are equal, or when the Jaccard similarity of their
 * word-trigram sets is at least this threshold.
 *
 * Why trigrams and 0.6: trigrams keep word order, so "a benefit of fine-tuning over RAG" and "a
 * benefit of RAG over fine-tuning" (the same words, a different question) score 0.27, and "text
 * to speech" vs "speech to text" templates stay apart, where a bag of words would call them
 * identical. One word replaced in the middle of an n-word stem removes 3 of its n-2 trigrams and
 * adds 3, so the score is (n-5)/(n+1): 0.6 or more from 14 words up (a 20-word scenario scores
 * 0.71, a 40-word one 0.85, and still 0.62 with three words changed). Shorter stems that differ by
 * one word ("...to transcribe call recordings" vs "...to translate call recordings", 11 words,
 * 0.5) are usually different questions and are let through. Inserting one qualifier ("a retail
 * company") in a 15-word stem scores 0.8. A stem reworded throughout with synonyms is not caught:
 * this is a lexical check, not a semantic one.
 */
export const NEAR_DUPLICATE_THRESHOLD = 0.6;

function words(stem: string): string[] {
  const print = stemFingerprint(stem);
  return print.length === 0 ? [] : print.split(' ');
}

/** Word trigrams of a stem's fingerprint (the whole fingerprint when it has fewer words). */
export function stemShingles(stem: string): Set<string> {
  const w = words(stem);
  if (w.length < 3) return new Set(w.length === 0 ? [] : [w.join(' ')]);
  const out = new Set<string>();
  for (let i = 0; i + 3 <= w.length; i++) out.add(`${w[i]} ${w[i + 1]} ${w[i + 2]}`);
  return out;
}

/** Jaccard similarity of two stems' trigram sets, 0..1 (1 for equal fingerprints). */
export function stemSimilarity(a: string, b: string): number {
  if (stemFingerprint(a) === stemFingerprint(b)) return 1;
  const sa = stemShingles(a);
  const sb = stemShingles(b);
  let shared = 0;
  for (const s of sa) if (sb.has(s)) shared++;
  const union = sa.size + sb.size - shared;
  return union === 0 ? 0 : shared / union;
}

export interface NearDuplicate {
  /** The stem it resembles, as it was added. */
  stem: string;
  /** Jaccard similarity of word trigrams (1 when the fingerprints are equal). */
  similarity: number;
}

/**
 * A set of stems that answers "which stem is this one a near-duplicate of?" quickly for large
 * banks: an inverted index from trigram to stems, so only stems sharing a trigram are scored.
 */
export class StemIndex {
  private readonly stems: { stem: string; size: number }[] = [];
  private readonly byPrint = new Map<string, number>();
  private readonly byShingle = new Map<string, number[]>();

  constructor(stems: Iterable<string> = []) {
    for (const s of stems) this.add(s);
  }

  get size(): number {
    return this.stems.length;
  }

  add(stem: string): void {
    const index = this.stems.length;
    const shingles = stemShingles(stem);
    this.stems.push({ stem, size: shingles.size });
    const print = stemFingerprint(stem);
    if (!this.byPrint.has(print)) this.byPrint.set(print, index);
    for (const s of shingles) {
      const list = this.byShingle.get(s);
      if (list) list.push(index);
      else this.byShingle.set(s, [index]);
    }
  }

  /** The most similar stem at or above `threshold`, or null. */
  nearest(stem: string, threshold = NEAR_DUPLICATE_THRESHOLD): NearDuplicate | null {
    const exact = this.byPrint.get(stemFingerprint(stem));
    if (exact !== undefined) return { stem: this.stems[exact]?.stem ?? '', similarity: 1 };
    const shingles = stemShingles(stem);
    const shared = new Map<number, number>();
    for (const s of shingles) {
      for (const index of this.byShingle.get(s) ?? []) {
        shared.set(index, (shared.get(index) ?? 0) + 1);
      }
    }
    let best: NearDuplicate | null = null;
    for (const [index, count] of shared) {
      const entry = this.stems[index];
      if (!entry) continue;
      const similarity = count / (shingles.size + entry.size - count);
      if (similarity >= threshold && (best === null || similarity > best.similarity)) {
        best = { stem: entry.stem, similarity };
      }
    }
    return best;
  }
}

/** The existing stem `stem` nearly duplicates, or null (see NEAR_DUPLICATE_THRESHOLD). */
export function nearDuplicateOf(
  stem: string,
  existingStems: Iterable<string>,
  threshold = NEAR_DUPLICATE_THRESHOLD,
): NearDuplicate | null {
  return new StemIndex(existingStems).nearest(stem, threshold);
}
