/**
 * The fast path of `scoreGeneration` (scoring.ts): every text is tokenised once per tokeniser and
 * the tokens are shared by the metrics that use them (rouge-score's tokens for ROUGE-1/2/L, the
 * SQuAD normalisation for exact match and token F1, sacreBLEU's 13a tokens for BLEU), and n-grams
 * are counted as small integers instead of joined strings.
 *
 * - Tokenising by word: all three tokenisers act within whitespace-separated words (rouge-score
 *   splits on anything but a-z0-9, the SQuAD normalisation deletes and splits inside words, 13a's
 *   rules look at two neighbouring characters; see `split13a`), so a text's tokens are its words'
 *   tokens in order. Each distinct word is tokenised once per run (`TokenCache`), with the same
 *   functions the metrics' own entry points use; 13a's whole-text steps (`<skipped>`, `-\n`,
 *   entities) run on the whole text first when it has any of them.
 * - Counting: tokens become run-wide integer ids; within a pair each n-gram gets a small id from
 *   its (n-1)-gram id and its last token (`GramTable`, open addressing on typed arrays), so clipped
 *   matches are counted in a scratch Int32Array indexed by gram id.
 *
 * The results are the same numbers as the straightforward path (`exactMatch`, `tokenF1`, `rouge`,
 * `bleuStats` on the strings): tests/unit/eval-prepared.test.ts compares them on random pairs.
 */
import {
  BLEU_MAX_ORDER,
  closestReferenceLength,
  preprocessBleu,
  split13a,
  unescape13a,
  type BleuStats,
} from './bleu';
import { lcsLengthIds, rougePrf, rougeTokens, type RougeScores } from './rouge';
import { answerTokens } from './squad';
import { harmonicF1 } from './text';

/** One text's tokens as run-wide ids, per tokeniser. */
export interface PreparedText {
  rouge: Int32Array;
  squad: Int32Array;
  bleu: Int32Array;
}

/**
 * One tokeniser's tokens of every distinct word, flat: word w's token ids are
 * pool[start[w] .. start[w] + length[w]).
 */
class WordPool {
  start: number[] = [];
  length: number[] = [];
  pool: number[] = [];

  add(ids: readonly number[]): void {
    this.start.push(this.pool.length);
    this.length.push(ids.length);
    for (const id of ids) this.pool.push(id);
  }

  /** The tokens of the words `wordIds[0..count)`, in order. */
  gather(wordIds: Int32Array, count: number): Int32Array {
    let total = 0;
    for (let i = 0; i < count; i++) total += this.length[wordIds[i] as number] as number;
    const out = new Int32Array(total);
    let at = 0;
    for (let i = 0; i < count; i++) {
      const w = wordIds[i] as number;
      const from = this.start[w] as number;
      const to = from + (this.length[w] as number);
      for (let k = from; k < to; k++) out[at++] = this.pool[k] as number;
    }
    return out;
  }
}

/** True for Python's whitespace (`str.isspace()`, the set of text.ts's PYTHON_WHITESPACE). */
function isSpace(c: number): boolean {
  return (
    c === 0x20 ||
    (c >= 0x09 && c <= 0x0d) ||
    (c >= 0x1c && c <= 0x1f) ||
    (c >= 0x80 &&
      (c === 0x85 ||
        c === 0xa0 ||
        c === 0x1680 ||
        (c >= 0x2000 && c <= 0x200a) ||
        c === 0x2028 ||
        c === 0x2029 ||
        c === 0x202f ||
        c === 0x205f ||
        c === 0x3000))
  );
}

/**
 * Token ids and word tokenisations shared by a whole scoring run. Words are found by scanning the
 * text and looked up in an open-addressing table by a hash computed during the scan, so a word
 * already seen costs no substring and no string hashing.
 */
export class TokenCache {
  private readonly ids = new Map<string, number>();
  private words: string[] = [];
  private hashes: number[] = [];
  private slots = new Int32Array(1 << 12);
  readonly rouge = new WordPool();
  readonly squad = new WordPool();
  readonly bleu = new WordPool();
  /** Scratch for a text's word ids. */
  wordIds = new Int32Array(1024);

  /** Distinct tokens so far (every token id is below it). */
  get size(): number {
    return this.ids.size;
  }

  private idsOf(tokens: readonly string[]): number[] {
    return tokens.map((token) => {
      let id = this.ids.get(token);
      if (id === undefined) this.ids.set(token, (id = this.ids.size));
      return id;
    });
  }

  private add(word: string, hash: number): number {
    const id = this.words.length;
    this.words.push(word);
    this.hashes.push(hash);
    this.rouge.add(this.idsOf(rougeTokens(word)));
    this.squad.add(this.idsOf(answerTokens(word)));
    this.bleu.add(this.idsOf(split13a(word)));
    return id;
  }

  /** Files word `id` in the table (twice the slots when it is half full). */
  private file(id: number): void {
    if ((id + 1) * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let w = 0; w < id; w++) this.file(w);
    }
    const mask = this.slots.length - 1;
    let at = (this.hashes[id] as number) & mask;
    while (this.slots[at] !== 0) at = (at + 1) & mask;
    this.slots[at] = id + 1;
  }

  /** The id of text[start, end), a whitespace-free word, tokenised the first time it is seen. */
  private word(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let at = hash & mask; ; at = (at + 1) & mask) {
      const slot = this.slots[at] as number;
      if (slot === 0) break;
      const w = slot - 1;
      const word = this.words[w] as string;
      if (this.hashes[w] !== hash || word.length !== end - start) continue;
      let same = true;
      for (let k = 0; k < word.length && same; k++) {
        same = word.charCodeAt(k) === text.charCodeAt(start + k);
      }
      if (same) return w;
    }
    const id = this.add(text.slice(start, end), hash);
    this.file(id);
    return id;
  }

  /** Puts the word ids of `text`'s words (Python's `str.split()`) in `wordIds`; their count. */
  split(text: string): number {
    let count = 0;
    let i = 0;
    const n = text.length;
    while (i < n) {
      while (i < n && isSpace(text.charCodeAt(i))) i++;
      if (i === n) break;
      const start = i;
      let hash = 0x811c9dc5;
      for (let c = text.charCodeAt(i); i < n && !isSpace(c); c = text.charCodeAt(++i)) {
        hash = Math.imul(hash ^ c, 0x01000193);
      }
      if (count === this.wordIds.length) {
        const grown = new Int32Array(count * 2);
        grown.set(this.wordIds);
        this.wordIds = grown;
      }
      this.wordIds[count++] = this.word(text, start, i, (hash ^ (hash >>> 16)) >>> 0);
    }
    return count;
  }
}

/** Tokenises `text` once for every metric (BLEU as sacreBLEU's defaults: 13a, case kept). */
export function prepareText(text: string, cache: TokenCache): PreparedText {
  let count = cache.split(text);
  const rouge = cache.rouge.gather(cache.wordIds, count);
  const squad = cache.squad.gather(cache.wordIds, count);
  // Without these, 13a's whole-text steps only turn newlines into spaces: the words are the same.
  if (text.includes('&') || text.includes('-\n') || text.includes('<skipped>')) {
    count = cache.split(unescape13a(preprocessBleu(text)));
  }
  return { rouge, squad, bleu: cache.bleu.gather(cache.wordIds, count) };
}

/**
 * What the scoring of one run shares across its candidates and robustness passes: the token cache,
 * the scratch buffers, and each reference prepared once (keyed by its text), since every candidate
 * is scored against the same references. Token ids only need to be equal for equal tokens, so the
 * numbers are the same as with a fresh cache per candidate (tests/unit/eval-prepared.test.ts).
 */
export class SharedScoring {
  readonly cache = new TokenCache();
  readonly scratch = new PairScratch();
  private readonly references = new Map<string, PreparedText>();

  /** `reference` prepared with this cache (the first time it is asked for). */
  reference(text: string): PreparedText {
    let prepared = this.references.get(text);
    if (!prepared) this.references.set(text, (prepared = prepareText(text, this.cache)));
    return prepared;
  }
}

/**
 * Small ids for the n-grams (n >= 2) of one pair: a bigram is keyed (-1 - first token id, second
 * token id), a longer n-gram (id of its first n-1 tokens, its last token id). Unigrams need no
 * table: they are counted by token id. Open addressing over typed arrays; `reset`
 * empties it in O(1) by moving to a new mark.
 */
export class GramTable {
  /** Slot i is slots[4i .. 4i+3]: mark, key a, key b, id (one cache line holds four slots). */
  private slots = new Int32Array(0);
  private mark = 0;
  private mask = 0;
  count = 0;

  /** Empties the table for at most `entries` ids. */
  reset(entries: number): void {
    let capacity = 1024;
    while (capacity < entries * 2) capacity *= 2;
    if (capacity * 4 > this.slots.length) {
      this.slots = new Int32Array(capacity * 4);
      this.mask = capacity - 1;
      this.mark = 0;
    }
    this.mark++;
    this.count = 0;
  }

  id(a: number, b: number): number {
    const slots = this.slots;
    let h = Math.imul(a ^ Math.imul(b, 0x9e3779b1), 0x85ebca6b);
    h = (h ^ (h >>> 15)) & this.mask;
    for (;;) {
      const at = h << 2;
      if (slots[at] !== this.mark) {
        slots[at] = this.mark;
        slots[at + 1] = a;
        slots[at + 2] = b;
        slots[at + 3] = this.count;
        return this.count++;
      }
      if (slots[at + 1] === a && slots[at + 2] === b) return slots[at + 3] as number;
      h = (h + 1) & this.mask;
    }
  }
}

/** Reused buffers of one scoring run (all zero between calls). */
export class PairScratch {
  readonly table = new GramTable();
  private counts = new Int32Array(4096);
  private best = new Int32Array(4096);

  ensure(size: number): void {
    if (size <= this.counts.length) return;
    let length = this.counts.length;
    while (length < size) length *= 2;
    this.counts = new Int32Array(length);
    this.best = new Int32Array(length);
  }

  /**
   * Σ over grams of min(times in `candidate`, most times in any one of `references`): the clipped
   * match count of ROUGE-N, BLEU and the SQuAD token overlap. Grams are GramTable ids (token
   * ids for unigrams).
   */
  clipped(candidate: Int32Array, references: readonly Int32Array[]): number {
    const counts = this.counts;
    let available = counts;
    if (references.length === 1) {
      for (const g of references[0] as Int32Array) counts[g] = (counts[g] as number) + 1;
    } else {
      available = this.best;
      for (const ref of references) {
        for (const g of ref) counts[g] = (counts[g] as number) + 1;
        for (const g of ref) {
          if ((counts[g] as number) > (available[g] as number)) available[g] = counts[g] as number;
        }
        for (const g of ref) counts[g] = 0;
      }
    }
    let matched = 0;
    for (const g of candidate) {
      const left = available[g] as number;
      if (left > 0) {
        available[g] = left - 1;
        matched++;
      }
    }
    for (const ref of references) for (const g of ref) available[g] = 0;
    return matched;
  }
}

/** The ids of the n-grams from the (n-1)-grams' ids (for n = 2, the tokens) and the tokens. */
function nextOrder(previous: Int32Array, tokens: Int32Array, n: number, table: GramTable) {
  const out = new Int32Array(Math.max(tokens.length - n + 1, 0));
  if (n === 2) {
    for (let i = 0; i < out.length; i++) {
      out[i] = table.id(-1 - (previous[i] as number), tokens[i + 1] as number);
    }
  } else {
    for (let i = 0; i < out.length; i++) {
      out[i] = table.id(previous[i] as number, tokens[i + n - 1] as number);
    }
  }
  return out;
}

/** Gram ids of orders 1..maxOrder (index n-1; order 1 is the tokens themselves). */
function gramsUpTo(tokens: Int32Array, maxOrder: number, table: GramTable): Int32Array[] {
  const out = [tokens];
  for (let n = 2; n <= maxOrder; n++) {
    out.push(nextOrder(out[n - 2] as Int32Array, tokens, n, table));
  }
  return out;
}

function sameTokens(a: Int32Array, b: Int32Array): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

export interface PreparedScore {
  exactMatch: number;
  tokenF1: number;
  rouge: RougeScores;
  bleu: BleuStats;
}

function tokenF1Of(candidate: PreparedText, reference: PreparedText, s: PairScratch): number {
  const common = s.clipped(candidate.squad, [reference.squad]);
  if (common === 0) return 0;
  return harmonicF1(common / candidate.squad.length, common / reference.squad.length);
}

function rougeOf(candidate: Int32Array, reference: Int32Array, s: PairScratch): RougeScores {
  const c = gramsUpTo(candidate, 2, s.table);
  const r = gramsUpTo(reference, 2, s.table);
  const n = (k: number) =>
    rougePrf(
      s.clipped(c[k] as Int32Array, [r[k] as Int32Array]),
      (c[k] as Int32Array).length,
      (r[k] as Int32Array).length,
    );
  const rougeL =
    candidate.length === 0 || reference.length === 0
      ? { precision: 0, recall: 0, f1: 0 }
      : rougePrf(lcsLengthIds(reference, candidate), candidate.length, reference.length);
  return { rouge1: n(0), rouge2: n(1), rougeL };
}

function bleuOf(candidate: Int32Array, references: Int32Array[], s: PairScratch): BleuStats {
  const c = gramsUpTo(candidate, BLEU_MAX_ORDER, s.table);
  const refs = references.map((r) => gramsUpTo(r, BLEU_MAX_ORDER, s.table));
  const matches: number[] = [];
  const totals: number[] = [];
  for (let k = 0; k < BLEU_MAX_ORDER; k++) {
    const grams = c[k] as Int32Array;
    matches.push(
      s.clipped(
        grams,
        refs.map((r) => r[k] as Int32Array),
      ),
    );
    totals.push(grams.length);
  }
  return {
    candidateLength: candidate.length,
    referenceLength: closestReferenceLength(
      candidate.length,
      references.map((r) => r.length),
    ),
    matches,
    totals,
  };
}

/** Every generation metric of one prepared response against its prepared references. */
export function scorePrepared(
  candidate: PreparedText,
  references: readonly PreparedText[],
  scratch: PairScratch,
  cache: TokenCache,
): PreparedScore {
  const first = references[0];
  if (!first) throw new RangeError('At least one reference is needed.');
  let entries = 0;
  for (const p of [candidate, ...references]) {
    entries += p.rouge.length + (BLEU_MAX_ORDER - 1) * p.bleu.length;
  }
  scratch.table.reset(entries);
  // Counts are indexed by gram id (n >= 2) or by token id (unigrams).
  scratch.ensure(Math.max(entries, cache.size));
  let exactMatch = 0;
  let tokenF1 = 0;
  for (const r of references) {
    if (sameTokens(candidate.squad, r.squad)) exactMatch = 1;
    tokenF1 = Math.max(tokenF1, tokenF1Of(candidate, r, scratch));
  }
  return {
    exactMatch,
    tokenF1,
    rouge: rougeOf(candidate.rouge, first.rouge, scratch),
    bleu: bleuOf(
      candidate.bleu,
      references.map((r) => r.bleu),
      scratch,
    ),
  };
}
