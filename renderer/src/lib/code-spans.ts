/** A piece of text that marks code Markdown-style with backticks: plain text or a code span. */
export interface TextPart {
  code: boolean;
  text: string;
}

/**
 * Splits "run `aws configure` first" into text and code parts. An unpaired backtick stays as text.
 * Pure: the caller renders the parts (as text and <code>, never as HTML).
 */
export function codeSpans(text: string): TextPart[] {
  const pieces = text.split('`');
  if (pieces.length % 2 === 0) {
    // An odd number of backticks: the last one has no partner, so it is text.
    const last = pieces.pop() ?? '';
    pieces[pieces.length - 1] += `\`${last}`;
  }
  return pieces
    .map((piece, i) => ({ code: i % 2 === 1, text: piece }))
    .filter((part) => part.code || part.text !== '');
}
