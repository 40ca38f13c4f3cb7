/**
 * BLEU (Papineni et al. 2002) as sacreBLEU 2.x computes it with its defaults: the `13a` tokeniser
 * (mteval-v13a, the WMT standard), case-sensitive, maximum n-gram order 4 with uniform weights.
 * Scores here are fractions 0..1; sacreBLEU prints them multiplied by 100 (0.3799 is "37.99").
 *
 * For each n = 1..4, the modified n-gram precision p_n = clipped matches / candidate n-grams, where
 * a candidate n-gram's count is clipped at the most times it occurs in any one reference. Corpus
 * BLEU adds the matches and totals over all segments before dividing (it is not the mean of
 * sentence scores). The brevity penalty BP = 1 when the candidate length c exceeds the reference
 * length r, else exp(1 - r/c) (0 when c = 0); r sums, per segment, the reference length closest to
 * the candidate's (the shorter one on a tie). BLEU = BP · exp((1/4) Σ log p_n).
 *
 * Any p_n of 0 makes BLEU 0, so a single sentence needs smoothing. Methods, from Chen & Cherry
 * (2014) "A Systematic Comparison of Smoothing Techniques for Sentence-Level BLEU", as sacreBLEU
 * names them:
 * - 'none': no smoothing.
 * - 'floor' (Chen & Cherry method 1; NLTK's `SmoothingFunction().method1`): a zero count becomes
 *   epsilon (default 0.1): p_n = 0.1 / total_n.
 * - 'add-k' (method 2): k (default 1) added to matches and totals for n >= 2.
 * - 'exp' (method 3, the NIST smoothing of mteval-v13a): the k-th order with no match gets
 *   p_n = 1 / (2^k · total_n).
 * Effective order (on for sentence BLEU): orders for which the candidate has no n-gram at all (a
 * candidate shorter than n tokens) are left out of the mean instead of zeroing the score.
 * `corpusBleu` defaults to sacreBLEU's `corpus_bleu` ('exp', no effective order; smoothing only
 * matters there when some order has no match anywhere in the corpus); `sentenceBleu` defaults to
 * sacreBLEU's `sentence_bleu` ('exp' with effective order).
 */
import {
  clippedMatches,
  internTokens,
  ngramCounts,
  ngramKeys,
  rstripPython,
  splitPythonWhitespace,
} from './text';

export const BLEU_MAX_ORDER = 4;

export type BleuSmoothing = 'none' | 'floor' | 'add-k' | 'exp';

export interface BleuOptions {
  smoothing?: BleuSmoothing;
  /** epsilon for 'floor' (default 0.1), k for 'add-k' (default 1). */
  smoothValue?: number;
  effectiveOrder?: boolean;
  lowercase?: boolean;
}

/** Sufficient statistics of one segment: lengths and, per order, clipped matches and totals. */
export interface BleuStats {
  candidateLength: number;
  referenceLength: number;
  matches: number[];
  totals: number[];
}

export interface BleuScore extends BleuStats {
  /** 0..1 (sacreBLEU's number divided by 100). */
  score: number;
  /** p_1..p_4 as fractions, after smoothing. */
  precisions: number[];
  brevityPenalty: number;
  /** candidateLength / referenceLength (0 when the reference is empty). */
  ratio: number;
}

const PUNCTUATION_13A = /([{-~[-` -&(-+:-@/])/g;

/**
 * The first, whole-text steps of the `13a` tokeniser: `<skipped>` and `-\n` removed, newlines made
 * spaces, the four HTML entities decoded (each a single pass, as mteval does).
 */
export function unescape13a(line: string): string {
  let text = line.replaceAll('<skipped>', '').replaceAll('-\n', '').replaceAll('\n', ' ');
  if (text.includes('&')) {
    text = text
      .replaceAll('&quot;', '"')
      .replaceAll('&amp;', '&')
      .replaceAll('&lt;', '<')
      .replaceAll('&gt;', '>');
  }
  return text;
}

/**
 * The rest of `13a` on text `unescape13a` has already seen: punctuation split off, periods and
 * commas split unless inside a number, a dash after a digit split. Every rule looks at two
 * neighbouring characters at most and never consumes whitespace in a way that changes the next
 * word, so the tokens of a text are the tokens of its whitespace-separated words one by one (the
 * scoring fast path in prepared.ts relies on this; tests/unit/eval-prepared.test.ts checks it).
 */
export function split13a(text: string): string[] {
  const padded = ` ${text} `
    .replace(PUNCTUATION_13A, ' $1 ')
    .replace(/([^0-9])([.,])/g, '$1 $2 ')
    .replace(/([.,])([^0-9])/g, ' $1 $2')
    .replace(/([0-9])(-)/g, '$1 $2 ');
  return splitPythonWhitespace(padded);
}

/** sacreBLEU's `13a` tokeniser: the mteval-v13a rules, returned as tokens. */
export function tokenize13a(line: string): string[] {
  return split13a(unescape13a(line));
}

/** What BLEU tokenises: sacreBLEU strips trailing whitespace (and lower-cases if asked) first. */
export function preprocessBleu(text: string, lowercase = false): string {
  return rstripPython(lowercase ? text.toLowerCase() : text);
}

function preprocess(text: string, lowercase: boolean): string[] {
  return tokenize13a(preprocessBleu(text, lowercase));
}

/** The reference length BLEU uses: the closest to the candidate's, the shorter one on a tie. */
export function closestReferenceLength(
  candidateLength: number,
  lengths: readonly number[],
): number {
  let best = -1;
  let bestDiff = -1;
  for (const length of lengths) {
    const diff = Math.abs(candidateLength - length);
    if (bestDiff === -1 || diff < bestDiff || (diff === bestDiff && length < best)) {
      best = length;
      bestDiff = diff;
    }
  }
  return best;
}

/** The statistics of one candidate against its references (tokenised with 13a). */
export function bleuStats(
  candidate: string,
  references: readonly string[],
  lowercase = false,
): BleuStats {
  if (references.length === 0) throw new RangeError('BLEU needs at least one reference.');
  const tokens = [
    preprocess(candidate, lowercase),
    ...references.map((r) => preprocess(r, lowercase)),
  ];
  const { ids, size } = internTokens(tokens);
  const hyp = ids[0] as Int32Array;
  const refs = ids.slice(1);
  const matches: number[] = [];
  const totals: number[] = [];
  for (let n = 1; n <= BLEU_MAX_ORDER; n++) {
    const best = ngramCounts(refs[0] as Int32Array, n, size);
    for (const ref of refs.slice(1)) {
      for (const [gram, count] of ngramCounts(ref, n, size)) {
        best.set(gram, Math.max(best.get(gram) ?? 0, count));
      }
    }
    const grams = ngramKeys(hyp, n, size);
    matches.push(clippedMatches(grams, best));
    totals.push(grams.length);
  }
  const lengths = refs.map((ref) => ref.length);
  return {
    candidateLength: hyp.length,
    referenceLength: closestReferenceLength(hyp.length, lengths),
    matches,
    totals,
  };
}

/** Adds segment statistics (corpus BLEU works on these sums). */
export function sumBleuStats(all: readonly BleuStats[]): BleuStats {
  const sum: BleuStats = {
    candidateLength: 0,
    referenceLength: 0,
    matches: new Array<number>(BLEU_MAX_ORDER).fill(0),
    totals: new Array<number>(BLEU_MAX_ORDER).fill(0),
  };
  for (const stats of all) {
    sum.candidateLength += stats.candidateLength;
    sum.referenceLength += stats.referenceLength;
    for (let k = 0; k < BLEU_MAX_ORDER; k++) {
      sum.matches[k] = (sum.matches[k] as number) + (stats.matches[k] as number);
      sum.totals[k] = (sum.totals[k] as number) + (stats.totals[k] as number);
    }
  }
  return sum;
}

export function brevityPenalty(candidateLength: number, referenceLength: number): number {
  if (candidateLength >= referenceLength) return 1;
  return candidateLength > 0 ? Math.exp(1 - referenceLength / candidateLength) : 0;
}

/**
 * BLEU from statistics: sacreBLEU's `BLEU.compute_bleu`, step for step (including that orders after
 * the first one with no candidate n-gram are skipped, and that no match at all scores 0 whatever
 * the smoothing).
 */
export function bleuFromStats(stats: BleuStats, options: BleuOptions = {}): BleuScore {
  const smoothing = options.smoothing ?? 'none';
  const value = options.smoothValue ?? (smoothing === 'floor' ? 0.1 : 1);
  const matches = [...stats.matches];
  const totals = [...stats.totals];
  const bp = brevityPenalty(stats.candidateLength, stats.referenceLength);
  const precisions = new Array<number>(BLEU_MAX_ORDER).fill(0);
  const base = { ...stats, matches, totals, brevityPenalty: bp, precisions };
  const ratio = stats.referenceLength > 0 ? stats.candidateLength / stats.referenceLength : 0;
  if (!matches.some((m) => m > 0)) return { ...base, score: 0, ratio };
  let order = BLEU_MAX_ORDER;
  let halvings = 1;
  for (let n = 1; n <= BLEU_MAX_ORDER; n++) {
    const k = n - 1;
    if (smoothing === 'add-k' && n > 1) {
      matches[k] = (matches[k] as number) + value;
      totals[k] = (totals[k] as number) + value;
    }
    const total = totals[k] as number;
    if (total === 0) break;
    if (options.effectiveOrder) order = n;
    const matched = matches[k] as number;
    if (matched > 0) precisions[k] = matched / total;
    else if (smoothing === 'exp') {
      halvings *= 2;
      precisions[k] = 1 / (halvings * total);
    } else if (smoothing === 'floor') precisions[k] = value / total;
  }
  const used = precisions.slice(0, order);
  const score = used.some((p) => p === 0)
    ? 0
    : bp * Math.exp(used.reduce((sum, p) => sum + Math.log(p), 0) / order);
  return { ...base, score, ratio };
}

/** Corpus BLEU: each candidate with its references; defaults as sacreBLEU's `corpus_bleu`. */
export function corpusBleu(
  segments: readonly { candidate: string; references: readonly string[] }[],
  options: BleuOptions = {},
): BleuScore {
  const stats = segments.map((s) => bleuStats(s.candidate, s.references, options.lowercase));
  return bleuFromStats(sumBleuStats(stats), { smoothing: 'exp', ...options });
}

/** Sentence BLEU; defaults as sacreBLEU's `sentence_bleu` ('exp' smoothing, effective order). */
export function sentenceBleu(
  candidate: string,
  references: readonly string[],
  options: BleuOptions = {},
): BleuScore {
  const stats = bleuStats(candidate, references, options.lowercase);
  return bleuFromStats(stats, { smoothing: 'exp', effectiveOrder: true, ...options });
}
