/**
 * Text helpers shared by the evaluation metrics: Python's notion of whitespace (the reference
 * implementations split with `str.split()`), and multiset counting of tokens and n-grams.
 */

/**
 * The characters Python's `str.split()` treats as whitespace (`str.isspace()`): JavaScript's `\s`
 * without U+FEFF, plus the separators U+001C..U+001F and U+0085. The SQuAD script and sacreBLEU
 * both split on these, so a port that splits on `\s` would disagree on those characters.
 */
export const PYTHON_WHITESPACE =
  // eslint-disable-next-line no-control-regex -- U+001C..U+001F are whitespace to Python, on purpose.
  /[\t-\r\x1c-\x20\x85\xa0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000]+/;

/** True for a UTF-16 code unit in PYTHON_WHITESPACE (all of them are in the BMP). */
function isPythonWhitespace(c: number): boolean {
  return (
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x20) ||
    c === 0x85 ||
    c === 0xa0 ||
    c === 0x1680 ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

/**
 * `text.split()` as Python does it: split on runs of whitespace, drop empty ends. A scan over
 * code units (the same set as PYTHON_WHITESPACE), several times faster than a regex split on
 * long texts; surrogate halves are never whitespace, so pairs are never cut.
 */
export function splitPythonWhitespace(text: string): string[] {
  const out: string[] = [];
  let start = -1;
  for (let i = 0; i < text.length; i++) {
    if (isPythonWhitespace(text.charCodeAt(i))) {
      if (start >= 0) {
        out.push(text.slice(start, i));
        start = -1;
      }
    } else if (start < 0) start = i;
  }
  if (start >= 0) out.push(text.slice(start));
  return out;
}

/** Python's `text.rstrip()`: trailing whitespace removed (same whitespace set). */
export function rstripPython(text: string): string {
  return text.replace(new RegExp(`${PYTHON_WHITESPACE.source}$`), '');
}

/** A multiset: how many times each key occurs. */
export function countItems(items: readonly string[]): Map<string, number> {
  const counts = new Map<string, number>();
  for (const item of items) counts.set(item, (counts.get(item) ?? 0) + 1);
  return counts;
}

/** The n-grams of a token list, each joined with a separator no token contains (U+0001). */
export function ngrams(tokens: readonly string[], n: number): string[] {
  if (!Number.isInteger(n) || n < 1) throw new RangeError(`n must be a positive integer, got ${n}`);
  const out: string[] = [];
  for (let i = 0; i + n <= tokens.length; i++) out.push(tokens.slice(i, i + n).join('\u0001'));
  return out;
}

/** The size of the multiset intersection: the sum over keys of the smaller count ("clipped"). */
export function overlapCount<K>(a: Map<K, number>, b: Map<K, number>): number {
  let shared = 0;
  for (const [key, count] of a) shared += Math.min(count, b.get(key) ?? 0);
  return shared;
}

/**
 * Tokens replaced by small integers, the same string getting the same id across all the lists
 * (so comparing tokens is comparing numbers). `size` is the number of distinct tokens.
 */
export function internTokens(lists: readonly (readonly string[])[]): {
  ids: Int32Array[];
  size: number;
} {
  const table = new Map<string, number>();
  const ids = lists.map((tokens) => {
    const out = new Int32Array(tokens.length);
    for (let i = 0; i < tokens.length; i++) {
      const token = tokens[i] as string;
      let id = table.get(token);
      if (id === undefined) {
        id = table.size;
        table.set(token, id);
      }
      out[i] = id;
    }
    return out;
  });
  return { ids, size: table.size };
}

/**
 * The keys of the n-grams of interned tokens, in order. A gram's key is its ids read as the digits
 * of a number in base `size` (unique for a fixed n) while that number stays exact in a double;
 * past that, the ids joined by commas.
 */
export function ngramKeys(ids: Int32Array, n: number, size: number): (number | string)[] {
  const keys: (number | string)[] = [];
  const numeric = Math.pow(Math.max(size, 2), n) <= Number.MAX_SAFE_INTEGER;
  for (let i = 0; i + n <= ids.length; i++) {
    if (numeric) {
      let key = 0;
      for (let k = 0; k < n; k++) key = key * size + (ids[i + k] as number);
      keys.push(key);
    } else keys.push(Array.from(ids.subarray(i, i + n)).join(','));
  }
  return keys;
}

/** Counts of the n-grams of interned tokens (keys as `ngramKeys`). */
export function ngramCounts(
  ids: Int32Array,
  n: number,
  size: number,
): Map<number | string, number> {
  const counts = new Map<number | string, number>();
  for (const key of ngramKeys(ids, n, size)) counts.set(key, (counts.get(key) ?? 0) + 1);
  return counts;
}

/**
 * How many of `keys` find a partner in `available`, each available n-gram used at most as often
 * as it is counted there: Σ min(count in keys, count in available), the "clipped" match count.
 * Consumes `available`.
 */
export function clippedMatches<K>(keys: readonly K[], available: Map<K, number>): number {
  let matched = 0;
  for (const key of keys) {
    const left = available.get(key);
    if (left) {
      available.set(key, left - 1);
      matched++;
    }
  }
  return matched;
}

/** The harmonic mean of precision and recall; 0 when both are 0 (as rouge-score and SQuAD do). */
export function harmonicF1(precision: number, recall: number): number {
  return precision + recall > 0 ? (2 * precision * recall) / (precision + recall) : 0;
}

/** Precision, recall and their F1 in one shape (ROUGE, token F1, per-class scores). */
export interface PrfScore {
  precision: number;
  recall: number;
  f1: number;
}
