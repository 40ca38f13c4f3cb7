/**
 * Splits streaming Markdown into top-level blocks so that a view can render each finished block
 * once and re-parse only the last, growing one as deltas arrive. Parsing the whole reply again on
 * every delta costs time proportional to the reply, which makes long answers fall behind the
 * stream; with blocks, a delta costs about one paragraph.
 *
 * A block ends at a blank line outside a fenced code block, when the next non-blank line is not
 * indented (an indented line may continue a list item, so the blank line stays inside the block).
 * The split is for display while streaming: a loose list may show as several lists until the
 * reply is complete, when the view renders the whole text once.
 */

const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const BLANK = /^[ \t]*$/;

/**
 * The blocks of a Markdown text, in order. Every line of the text is in exactly one block except
 * the blank lines between blocks; the last block may still be growing.
 */
export function markdownBlocks(text: string): string[] {
  const blocks: string[] = [];
  let current: string[] = [];
  /** Blank lines seen since the last non-blank line (kept if the block turns out to go on). */
  let pendingBlank: string[] = [];
  let fence: { char: string; length: number } | null = null;

  for (const line of text.split('\n')) {
    if (fence) {
      current.push(line);
      const close = FENCE.exec(line);
      if (
        close &&
        close[1]![0] === fence.char &&
        close[1]!.length >= fence.length &&
        BLANK.test(line.slice(line.indexOf(close[1]!) + close[1]!.length))
      ) {
        fence = null;
      }
      continue;
    }
    if (BLANK.test(line)) {
      if (current.length > 0) pendingBlank.push(line);
      continue;
    }
    if (pendingBlank.length > 0) {
      if (/^[ \t]/.test(line)) current.push(...pendingBlank);
      else {
        blocks.push(current.join('\n'));
        current = [];
      }
      pendingBlank = [];
    }
    current.push(line);
    const open = FENCE.exec(line);
    // A backtick fence's info string cannot contain a backtick: "```x```" is inline code.
    const rest = open ? line.slice(line.indexOf(open[1]!) + open[1]!.length) : '';
    if (open && !(open[1]![0] === '`' && rest.includes('`'))) {
      fence = { char: open[1]![0]!, length: open[1]!.length };
    }
  }
  if (current.length > 0) blocks.push(current.join('\n'));
  return blocks;
}
