/**
 * Token and byte counts for customization datasets.
 *
 * Tokens are an ESTIMATE: characters / 6, rounded up, per side of a record (input and output
 * separately). Six characters per token is the approximation the Bedrock User Guide itself gives
 * for customization data ("Use approximately 6 characters per token to estimate the number of
 * tokens for planning dataset size", model-customization-prepare; "Use 6 characters per token as
 * an approximation" for continued pre-training; the requirements tables give the character quota
 * per sample as "Token quota x 6 (estimated)"), as checked on 2026-12-04. It is not any model's
 * tokenizer: Bedrock counts with the model's own, so a record near a limit may land either side.
 * Characters are Unicode code points (an emoji is one character, not two UTF-16 units).
 */

export const CHARS_PER_TOKEN = 6;

export const TOKEN_ESTIMATE_LABEL =
  'Estimated tokens: characters / 6, rounded up (the Bedrock User Guide’s planning approximation), not the model’s tokenizer.';

/** Unicode code points in a text. */
export function characterCount(text: string): number {
  return Array.from(text).length;
}

/** Estimated tokens of a text by the 6-characters rule (0 for empty text). */
export function estimateTokens(chars: number): number {
  return Math.ceil(chars / CHARS_PER_TOKEN);
}

/** UTF-8 size of a text in bytes (what the file weighs in S3). */
export function utf8Bytes(text: string): number {
  let bytes = 0;
  for (const ch of text) {
    const cp = ch.codePointAt(0) ?? 0;
    bytes += cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
  }
  return bytes;
}

/** Sizes of one record: input side (prompt, system, user turns), output side (completion, assistant turns). */
export interface RecordSize {
  inputChars: number;
  outputChars: number;
  inputTokens: number;
  outputTokens: number;
  /** inputTokens + outputTokens. */
  tokens: number;
}

export function recordSize(
  inputTexts: readonly string[],
  outputTexts: readonly string[],
): RecordSize {
  const inputChars = inputTexts.reduce((n, t) => n + characterCount(t), 0);
  const outputChars = outputTexts.reduce((n, t) => n + characterCount(t), 0);
  const inputTokens = estimateTokens(inputChars);
  const outputTokens = estimateTokens(outputChars);
  return { inputChars, outputChars, inputTokens, outputTokens, tokens: inputTokens + outputTokens };
}
