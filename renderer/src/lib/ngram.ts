/**
 * A real, small language model for the token lab: a word-level n-gram model with interpolated
 * Kneser-Ney smoothing (Chen & Goodman 1998, one discount per order), trained on the study notes.
 * The learner types any prompt and sees the model's actual next-word distribution. Pure: no DOM and
 * no Node APIs, so it runs in the renderer and in Node tests alike.
 *
 * Smoothing, for an order-N model (level k = 1..N; h_k = the last k-1 words of the history):
 *
 *   P_0(w)       = 1 / |V|   (uniform over the vocabulary, which includes `<unk>`)
 *   P_k(w | h_k) = max(a_k(h_k w) - D_k, 0) / a_k(h_k •)
 *                  + D_k · N1+(h_k •) / a_k(h_k •) · P_{k-1}(w | h_{k-1})
 *
 * where a_N is the raw count c(h w) at the top order and, below it, the continuation count
 * N1+(• h w): the number of distinct words seen just before "h w". a_k(h •) sums a_k over w, and
 * N1+(h •) counts the distinct w with a_k(h w) > 0. A context never seen in training has no counts,
 * so P_k = P_{k-1} there: the model backs off to the shorter context entirely.
 */

/** A word the model can predict next, with its probability. */
export interface NextWord {
  word: string;
  p: number;
}

export interface NgramOptions {
  /** n: how many words an n-gram spans (the context is n-1 words). Default 3. */
  order?: number;
  /** D per order: a fixed value in (0, 1], or 'auto' for Ney's n1 / (n1 + 2 n2). Default 'auto'. */
  discount?: number | 'auto';
}

export interface NgramModel {
  readonly order: number;
  /** Every word the model can predict: the training words plus `<unk>`, in code-unit order. */
  readonly vocabulary: readonly string[];
  /** The discount used at each level: `discounts[k - 1]` is D_k (k = 1 is the unigram level). */
  readonly discounts: readonly number[];
  /**
   * The full next-word distribution over `vocabulary`, sorted by p descending (ties by word).
   * `context` is a prompt (tokenized here) or tokens from `tokenize`; only the last order-1 count.
   */
  nextDistribution(context: string[] | string): NextWord[];
  /** The n most likely next words (the head of `nextDistribution`). */
  topNext(context: string[] | string, n: number): NextWord[];
  /** P(word | context); a word outside the vocabulary gets the probability of `<unk>`. */
  probability(word: string, context: string[] | string): number;
  /** The order-1 words the model conditions on, `<s>`-padded when the prompt is shorter. */
  contextOf(context: string[] | string): string[];
}

/** Pads the start of every text, so the first words are predicted from "start of text". */
export const START = '<s>';
/** Stands for any word not seen in training; it keeps the uniform floor a proper distribution. */
export const UNKNOWN = '<unk>';
/** Joins context words into Map keys; a control character can never occur inside a token. */
const SEP = '\u0001';
/** Used by 'auto' when the counts give no estimate (no n-gram seen exactly once). */
const FALLBACK_DISCOUNT = 0.75;

/**
 * A word starts with a letter or digit and may continue with letters, digits and combining marks
 * (needed by scripts such as Devanagari or Thai); apostrophes and hyphens are kept only between
 * such runs ("model's", "top-p", "pre-training"). `.` `?` `!` `,` are tokens of their own, so the
 * model learns where sentences and clauses end. Everything else (other punctuation, symbols,
 * emoji) separates words and is dropped.
 */
const TOKEN =
  /[\p{L}\p{N}][\p{L}\p{N}\p{M}]*(?:['\u2019\u2010\u2011-][\p{L}\p{N}][\p{L}\p{N}\p{M}]*)*|[.?!,]/gu;

/**
 * Lower-case word and punctuation tokens. Text is NFC-normalised first so composed and decomposed
 * accents give the same word, and curly apostrophes and Unicode hyphens become ASCII ones so the
 * notes' typography does not split a word in two. Each punctuation mark is one token ("..." gives
 * three, "3.5" gives "3", ".", "5"). Scripts written without spaces (Japanese, Chinese) come out as
 * one token per run of letters: the model is word-level, not a segmenter.
 */
export function tokenize(text: string): string[] {
  const tokens: string[] = [];
  for (const match of text.normalize('NFC').matchAll(TOKEN)) {
    tokens.push(
      match[0]
        .toLowerCase()
        .replace(/\u2019/g, "'")
        .replace(/[\u2010\u2011]/g, '-'),
    );
  }
  return tokens;
}

/**
 * The last `count` tokens of a text, tokenizing only a growing tail of it, so a pasted book costs
 * about as much as a short prompt. The first token of a tail may be the cut-off end of a longer
 * word, so a tail is only trusted when it holds more than `count` tokens.
 */
function lastTokens(text: string, count: number): string[] {
  for (let window = 256; ; window *= 4) {
    if (window >= text.length) return tokenize(text).slice(-count);
    const tokens = tokenize(text.slice(-window));
    if (tokens.length > count) return tokens.slice(-count);
  }
}

/** Counts of the words that followed one context at one level. */
interface ContextCounts {
  /** a(h •): the sum of `counts` (c(h) at the top order, N1+(• h •) below). */
  total: number;
  /** N1+(h •): how many distinct words followed h. */
  types: number;
  /** Word index → a(h w): raw counts at the top order, continuation counts below. */
  counts: Map<number, number>;
}

/** One level of the model: context key (its k-1 words joined by SEP) → counts. */
type Level = Map<string, ContextCounts>;

/**
 * Trains an interpolated Kneser-Ney model. Each text is one sequence, padded at the start with
 * order-1 `<s>` so every n-gram has a full context. No `</s>` is added: a note's end is not
 * something a learner's prompt leads to, and sentence ends are already predicted as ".".
 * `<s>` is only ever a context, never a predicted word.
 */
export function trainKneserNey(texts: string[], options: NgramOptions = {}): NgramModel {
  const order = options.order ?? 3;
  const discount = options.discount ?? 'auto';
  validateOptions(order, discount);
  const sequences = texts.map(tokenize);
  const vocabulary = buildVocabulary(sequences);
  const index = new Map(vocabulary.map((word, i) => [word, i]));
  const levels = countLevels(sequences, order, index);
  const discounts = levels.map((level) =>
    discount === 'auto' ? estimateDiscount(level) : discount,
  );
  return createModel(order, vocabulary, index, levels, discounts);
}

function validateOptions(order: number, discount: number | 'auto'): void {
  if (!Number.isInteger(order) || order < 1) {
    throw new RangeError(`order must be an integer ≥ 1, got ${order}`);
  }
  // D = 0 leaves no mass for lower orders or unseen words; D > 1 clips counts below D to zero,
  // so the level would no longer sum to 1.
  if (discount !== 'auto' && !(discount > 0 && discount <= 1)) {
    throw new RangeError(`discount must be in (0, 1] or 'auto', got ${discount}`);
  }
}

/** Every training token plus `<unk>`, sorted so index order is the tie-break order. */
function buildVocabulary(sequences: string[][]): string[] {
  const words = new Set<string>([UNKNOWN]);
  for (const tokens of sequences) for (const token of tokens) words.add(token);
  return [...words].sort(compareCodeUnits);
}

function compareCodeUnits(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

/** levels[k - 1] holds level k: raw counts at the top order, continuation counts below. */
function countLevels(sequences: string[][], order: number, index: Map<string, number>): Level[] {
  const levels: Level[] = new Array<Level>(order);
  levels[order - 1] = countTopOrder(sequences, order, index);
  for (let k = order - 1; k >= 1; k--) levels[k - 1] = continuationLevel(levels[k] as Level);
  return levels;
}

/** c(h w) for every word position, with h the previous order-1 tokens (`<s>`-padded). */
function countTopOrder(sequences: string[][], order: number, index: Map<string, number>): Level {
  const level: Level = new Map();
  for (const tokens of sequences) {
    const padded = [...new Array<string>(order - 1).fill(START), ...tokens];
    for (let i = order - 1; i < padded.length; i++) {
      const key = padded.slice(i - order + 1, i).join(SEP);
      addCount(level, key, index.get(padded[i] as string) as number, 1);
    }
  }
  return level;
}

/**
 * N1+(• u w) from the level above: each distinct n-gram "v u w" adds one to "u w". Every n-gram
 * has a left neighbour (real or `<s>`), so the distinct (k+1)-grams are exactly what we need.
 */
function continuationLevel(above: Level): Level {
  const level: Level = new Map();
  for (const [key, { counts }] of above) {
    const cut = key.indexOf(SEP);
    const shorter = cut < 0 ? '' : key.slice(cut + 1);
    for (const word of counts.keys()) addCount(level, shorter, word, 1);
  }
  return level;
}

function addCount(level: Level, key: string, word: number, amount: number): void {
  let entry = level.get(key);
  if (!entry) {
    entry = { total: 0, types: 0, counts: new Map() };
    level.set(key, entry);
  }
  const before = entry.counts.get(word) ?? 0;
  if (before === 0) entry.types++;
  entry.counts.set(word, before + amount);
  entry.total += amount;
}

/** Ney's D = n1 / (n1 + 2 n2), from how many n-grams at this level have count 1 and count 2. */
function estimateDiscount(level: Level): number {
  let n1 = 0;
  let n2 = 0;
  for (const { counts } of level.values()) {
    for (const count of counts.values()) {
      if (count === 1) n1++;
      else if (count === 2) n2++;
    }
  }
  return n1 === 0 ? FALLBACK_DISCOUNT : n1 / (n1 + 2 * n2);
}

function createModel(
  order: number,
  vocabulary: string[],
  index: Map<string, number>,
  levels: Level[],
  discounts: number[],
): NgramModel {
  const size = vocabulary.length;
  const unknown = index.get(UNKNOWN) as number;

  /** The `<s>`-padded last order-1 tokens of the prompt. */
  const contextOf = (context: string[] | string): string[] => {
    const wanted = order - 1;
    if (wanted === 0) return [];
    const tail = typeof context === 'string' ? lastTokens(context, wanted) : context.slice(-wanted);
    return [...new Array<string>(wanted - tail.length).fill(START), ...tail];
  };

  /** The counts for level k's context (its last k-1 words), if that context was ever seen. */
  const statsAt = (history: string[], k: number): ContextCounts | undefined =>
    levels[k - 1]?.get(history.slice(order - k).join(SEP));

  const distributionArray = (context: string[] | string): Float64Array => {
    const history = contextOf(context);
    const p = new Float64Array(size).fill(1 / size);
    for (let k = 1; k <= order; k++) {
      const stats = statsAt(history, k);
      // An unseen context has no counts: P_k = P_{k-1}, and every longer context is unseen too.
      if (!stats) break;
      interpolate(p, stats, discounts[k - 1] as number);
    }
    return p;
  };

  const nextDistribution = (context: string[] | string): NextWord[] => {
    const p = distributionArray(context);
    const ranked = Array.from({ length: size }, (_, i) => i);
    // Vocabulary is in code-unit order, so ties by index are ties by word.
    ranked.sort((a, b) => (p[b] as number) - (p[a] as number) || a - b);
    return ranked.map((i) => ({ word: vocabulary[i] as string, p: p[i] as number }));
  };

  const probability = (word: string, context: string[] | string): number => {
    const history = contextOf(context);
    const target = index.get(word) ?? unknown;
    let p = 1 / size;
    for (let k = 1; k <= order; k++) {
      const stats = statsAt(history, k);
      if (!stats) break;
      const d = discounts[k - 1] as number;
      const count = stats.counts.get(target) ?? 0;
      p = Math.max(count - d, 0) / stats.total + ((d * stats.types) / stats.total) * p;
    }
    return p;
  };

  return {
    order,
    vocabulary: Object.freeze(vocabulary),
    discounts: Object.freeze(discounts),
    nextDistribution,
    topNext: (context, n) => nextDistribution(context).slice(0, Math.max(0, Math.floor(n))),
    probability,
    contextOf,
  };
}

/**
 * One level of the recursion, in place: p holds P_{k-1}; afterwards it holds P_k. Scaling by
 * λ = D·N1+(h •)/a(h •) first and then adding the discounted counts touches each word once.
 */
function interpolate(p: Float64Array, stats: ContextCounts, d: number): void {
  const lambda = (d * stats.types) / stats.total;
  for (let i = 0; i < p.length; i++) p[i] = (p[i] as number) * lambda;
  for (const [word, count] of stats.counts) {
    p[word] = (p[word] as number) + Math.max(count - d, 0) / stats.total;
  }
}

/**
 * The top N entries of a distribution as logits ln(p), for the lab's sampling pipeline. Softmax
 * at T = 1 over these logits gives p_i / Σ_topN p_j: the model's probabilities renormalised over
 * the N kept words (the tail is cut off, as with top-k). Entries with p = 0 are skipped, since
 * ln 0 = -∞ is not a usable logit. The input need not be sorted.
 */
export function logitsFromDistribution(
  dist: NextWord[],
  topN: number,
): { token: string; logit: number }[] {
  const n = Math.max(0, Math.floor(topN));
  return dist
    .filter((entry) => entry.p > 0)
    .sort((a, b) => b.p - a.p || compareCodeUnits(a.word, b.word))
    .slice(0, n)
    .map((entry) => ({ token: entry.word, logit: Math.log(entry.p) }));
}
