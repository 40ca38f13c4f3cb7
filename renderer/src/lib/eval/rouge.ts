/**
 * ROUGE-1, ROUGE-2 and ROUGE-L (Lin 2004) as Google's `rouge-score` package computes them with its
 * defaults (`RougeScorer(['rouge1', 'rouge2', 'rougeL'])`, `use_stemmer=False`).
 *
 * Tokenisation (rouge-score's `DefaultTokenizer`): lower-case the text, turn every run of
 * characters other than ASCII a-z and 0-9 into one space, split on spaces. Punctuation vanishes,
 * "don't" becomes "don" and "t", and non-ASCII letters are dropped ("café" -> "caf"), exactly as
 * rouge-score does. No stemming: "models" and "model" are different tokens (rouge-score stems only
 * when asked with `use_stemmer=True`; published papers often ask, which raises scores).
 *
 * ROUGE-N (n-gram overlap): matches = sum over n-grams of min(count in candidate, count in
 * reference); precision = matches / candidate n-grams, recall = matches / reference n-grams
 * (each denominator at least 1, so an empty side scores 0), F1 = 2PR / (P + R).
 * ROUGE-L (sentence-level longest common subsequence, in order but not necessarily contiguous):
 * precision = LCS / candidate tokens, recall = LCS / reference tokens, F1 as above; 0 when either
 * side has no token. rouge-score's `rougeLsum` (summary-level LCS over newline-split sentences)
 * is a different number and is not computed here.
 *
 * Why not the npm package js-rouge (3.2.3, checked 2026-12-04): it returns only the F-score, and
 * its Treebank tokeniser (punctuation as tokens, case-sensitive by default) disagrees with
 * rouge-score on 6 of the first 8 pairs of tests/reference/eval-fixture.json.
 */
import {
  clippedMatches,
  countItems,
  harmonicF1,
  internTokens,
  ngramCounts,
  ngramKeys,
  ngrams,
  type PrfScore,
} from './text';

/** rouge-score's default tokeniser (no stemming). */
export function rougeTokens(text: string): string[] {
  return text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(' ')
    .filter((token) => token.length > 0);
}

/** Precision, recall and F1 from a match count (each denominator at least 1, as rouge-score). */
export function rougePrf(
  matches: number,
  candidateTotal: number,
  referenceTotal: number,
): PrfScore {
  const precision = matches / Math.max(candidateTotal, 1);
  const recall = matches / Math.max(referenceTotal, 1);
  return { precision, recall, f1: harmonicF1(precision, recall) };
}

function rougeNIds(
  candidate: Int32Array,
  reference: Int32Array,
  n: number,
  size: number,
): PrfScore {
  const candidateGrams = ngramKeys(candidate, n, size);
  const referenceGrams = ngramCounts(reference, n, size);
  const referenceTotal = Math.max(reference.length - n + 1, 0);
  return rougePrf(
    clippedMatches(candidateGrams, referenceGrams),
    candidateGrams.length,
    referenceTotal,
  );
}

/** ROUGE-N from token lists (candidate first, as a response is scored against its reference). */
export function rougeNTokens(
  candidate: readonly string[],
  reference: readonly string[],
  n: number,
): PrfScore {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const { ids, size } = internTokens([candidate, reference]);
  return rougeNIds(ids[0] as Int32Array, ids[1] as Int32Array, n, size);
}

/**
 * Length of the longest common subsequence, bit-parallel (Hyyrö 2004, after Allison and Dix 1986):
 * the DP row over `a` is kept as a bit vector V (bit i set while a[i] is still unmatched), and each
 * token t of `b` updates it with U = V & M[t]; V = (V + U) | (V - U), where M[t] marks the
 * positions of t in `a`. The LCS length is the number of cleared bits. Same result as the
 * O(|a|·|b|) table (checked against it in the tests), about 32 times less work.
 */
export function lcsLengthIds(a: Int32Array, b: Int32Array): number {
  const words = (a.length + 31) >>> 5;
  if (words === 0 || b.length === 0) return 0;
  const masks = new Map<number, Uint32Array>();
  for (let i = 0; i < a.length; i++) {
    const token = a[i] as number;
    let mask = masks.get(token);
    if (!mask) masks.set(token, (mask = new Uint32Array(words)));
    mask[i >>> 5] = (mask[i >>> 5] as number) | (1 << (i & 31));
  }
  const v = new Uint32Array(words).fill(0xffffffff);
  for (let j = 0; j < b.length; j++) {
    const mask = masks.get(b[j] as number);
    if (!mask) continue;
    let carry = 0;
    for (let w = 0; w < words; w++) {
      const vw = v[w] as number;
      const m = mask[w] as number;
      // V + U with the carry running from word to word; V - U is V & ~M (U's bits are V's).
      const sum = vw + ((vw & m) >>> 0) + carry;
      carry = sum > 0xffffffff ? 1 : 0;
      v[w] = ((sum >>> 0) | (vw & ~m)) >>> 0;
    }
  }
  let unmatched = 0;
  for (let i = 0; i < a.length; i++) unmatched += ((v[i >>> 5] as number) >>> (i & 31)) & 1;
  return a.length - unmatched;
}

/** Length of the longest common subsequence of two token lists. */
export function lcsLength(a: readonly string[], b: readonly string[]): number {
  const { ids } = internTokens([a, b]);
  return lcsLengthIds(ids[0] as Int32Array, ids[1] as Int32Array);
}

function rougeLIds(candidate: Int32Array, reference: Int32Array): PrfScore {
  if (candidate.length === 0 || reference.length === 0) return { precision: 0, recall: 0, f1: 0 };
  const lcs = lcsLengthIds(reference, candidate);
  return rougePrf(lcs, candidate.length, reference.length);
}

/** ROUGE-L from token lists. */
export function rougeLTokens(candidate: readonly string[], reference: readonly string[]): PrfScore {
  const { ids } = internTokens([candidate, reference]);
  return rougeLIds(ids[0] as Int32Array, ids[1] as Int32Array);
}

export interface RougeScores {
  rouge1: PrfScore;
  rouge2: PrfScore;
  rougeL: PrfScore;
}

/** ROUGE-1, ROUGE-2 and ROUGE-L of a candidate (model response) against one reference. */
export function rouge(candidate: string, reference: string): RougeScores {
  const c = rougeTokens(candidate);
  const r = rougeTokens(reference);
  return {
    rouge1: rougeNTokens(c, r, 1),
    rouge2: rougeNTokens(c, r, 2),
    rougeL: rougeLTokens(c, r),
  };
}

/**
 * One longest common subsequence as index pairs [candidateIndex, referenceIndex], read back the way
 * rouge-score's `_backtrack_norec` does (so the highlighted words are the ones it would pick).
 * Uses a full table: O(|c|·|r|) memory, meant for showing one item, not for scoring a corpus.
 */
export function lcsAlignment(
  candidate: readonly string[],
  reference: readonly string[],
): [number, number][] {
  const cols = candidate.length + 1;
  const table = new Uint32Array((reference.length + 1) * cols);
  for (let i = 1; i <= reference.length; i++) {
    for (let j = 1; j < cols; j++) {
      table[i * cols + j] =
        reference[i - 1] === candidate[j - 1]
          ? (table[(i - 1) * cols + j - 1] as number) + 1
          : Math.max(table[(i - 1) * cols + j] as number, table[i * cols + j - 1] as number);
    }
  }
  const pairs: [number, number][] = [];
  let i = reference.length;
  let j = candidate.length;
  while (i > 0 && j > 0) {
    if (reference[i - 1] === candidate[j - 1]) {
      pairs.unshift([j - 1, i - 1]);
      i--;
      j--;
    } else if ((table[i * cols + j - 1] as number) > (table[(i - 1) * cols + j] as number)) j--;
    else i--;
  }
  return pairs;
}

/**
 * Which candidate tokens take part in a matched n-gram, matching left to right and clipping each
 * n-gram at its count in the reference (the same clipping ROUGE-N and BLEU count). For showing
 * overlap; the score itself does not depend on which occurrence is marked.
 */
export function matchedNgramMask(
  candidate: readonly string[],
  reference: readonly string[],
  n: number,
): boolean[] {
  const available = countItems(ngrams(reference, n));
  const mask = candidate.map(() => false);
  ngrams(candidate, n).forEach((gram, start) => {
    const left = available.get(gram) ?? 0;
    if (left === 0) return;
    available.set(gram, left - 1);
    for (let k = start; k < start + n; k++) mask[k] = true;
  });
  return mask;
}
