/**
 * Turning a model's reply into "the next word" for the live experiment. Replies are normalised
 * (case, surrounding quotes and punctuation) so "Wet.", "wet" and "“wet”" count as one word;
 * a reply with more than one word is counted as such, never silently reduced to its first word.
 */
export type ReplyClass =
  { kind: 'word'; word: string } | { kind: 'multiple'; word: string } | { kind: 'empty' };

/** Characters trimmed from both ends of a word: quotes, brackets and sentence punctuation. */
const EDGE = /^[\p{P}\p{S}\s]+|[\p{P}\p{S}\s]+$/gu;

export function classifyReply(reply: string): ReplyClass {
  const words = reply
    .normalize('NFC')
    .trim()
    .split(/\s+/)
    .map((w) => w.replace(EDGE, '').toLowerCase())
    .filter((w) => w.length > 0);
  const [first] = words;
  if (first === undefined) return { kind: 'empty' };
  return words.length === 1 ? { kind: 'word', word: first } : { kind: 'multiple', word: first };
}

export interface WordCount {
  word: string;
  count: number;
}

export interface Tally {
  /** Single-word replies by normalised word, most frequent first (ties alphabetical). */
  words: WordCount[];
  /** Replies with more than one word. */
  multiple: string[];
  /** Replies with no word at all. */
  empty: number;
  total: number;
}

export function tally(replies: readonly string[]): Tally {
  const counts = new Map<string, number>();
  const multiple: string[] = [];
  let empty = 0;
  for (const reply of replies) {
    const c = classifyReply(reply);
    if (c.kind === 'word') counts.set(c.word, (counts.get(c.word) ?? 0) + 1);
    else if (c.kind === 'multiple') multiple.push(reply);
    else empty++;
  }
  const words = [...counts.entries()]
    .map(([word, count]) => ({ word, count }))
    .sort((a, b) => b.count - a.count || a.word.localeCompare(b.word));
  return { words, multiple, empty, total: replies.length };
}
