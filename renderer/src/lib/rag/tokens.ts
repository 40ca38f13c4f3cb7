/**
 * Tokens as the chunkers count them. Bedrock counts chunk sizes with the embedding model's own
 * tokenizer, which the app does not have offline, so sizes here use a documented approximation:
 *
 * A token is a maximal run of letters and digits (`[\p{L}\p{N}]+`), or a maximal run of other
 * non-space characters (`**`, `](`, `|---|`, `.`). So "Bedrock's top-k, 5 chunks." is
 * `Bedrock ' s top - k , 5 chunks .` = 10 tokens. On the notes' English prose this gives about
 * 1.2-1.3 tokens per word, close to what subword (BPE) tokenizers report for English; it is not
 * Titan's or Cohere's count, and a long rare word (one token here) may be several there.
 *
 * Spans are UTF-16 offsets into the text, so a chunk's start and end are offsets into the note
 * body.
 */

const TOKEN = /[\p{L}\p{N}]+|[^\s\p{L}\p{N}]+/gu;

/** Token spans of a text: `starts[i]`..`ends[i]` (end exclusive) is token i. */
export interface TokenSpans {
  starts: Int32Array;
  ends: Int32Array;
  count: number;
}

export function tokenSpans(text: string): TokenSpans {
  const starts: number[] = [];
  const ends: number[] = [];
  for (const m of text.matchAll(TOKEN)) {
    starts.push(m.index);
    ends.push(m.index + m[0].length);
  }
  return { starts: Int32Array.from(starts), ends: Int32Array.from(ends), count: starts.length };
}

/** The number of tokens in a text, by the rule above. */
export function countTokens(text: string): number {
  return text.match(TOKEN)?.length ?? 0;
}
