/**
 * A note body cut into the smallest pieces the heading/sentence chunker keeps whole: sentences of
 * paragraphs and list items, single table rows, whole fenced code blocks, and heading lines. Each
 * unit is a span of the body (UTF-16 offsets, end exclusive, surrounding spaces trimmed). A `##`
 * or `###` heading outside code marks the start of a section, which chunks never cross.
 */

export interface MarkdownUnit {
  start: number;
  end: number;
  /** True for a `##` or `###` heading line: a section starts here. */
  section: boolean;
}

const FENCE = /^(```|~~~)/;
const HEADING = /^#{1,6}\s/;
const LIST_ITEM = /^([-*+]|\d+[.)])\s/;

/**
 * A sentence ends at `.`, `!` or `?` (with any closing quote, bracket or emphasis after it) when
 * whitespace and then a capital, a digit or an opening mark follow, so "e.g. the model" and
 * "3.5 Sonnet" stay whole while "... chunks. Then ..." splits.
 */
const SENTENCE_END = /[.!?]["'”’)\]*_`]*(?=\s+[A-Z0-9"“‘([*_`>])/g;

/** Sentences of the body span [start, end): spans with their surrounding spaces trimmed. */
function sentences(body: string, start: number, end: number): MarkdownUnit[] {
  const text = body.slice(start, end);
  const out: MarkdownUnit[] = [];
  let from = 0;
  const push = (to: number) => {
    const piece = text.slice(from, to);
    const lead = piece.length - piece.trimStart().length;
    const trimmed = piece.trim();
    if (trimmed)
      out.push({
        start: start + from + lead,
        end: start + from + lead + trimmed.length,
        section: false,
      });
  };
  for (const m of text.matchAll(SENTENCE_END)) {
    const to = m.index + m[0].length;
    // "5." of a numbered item, or "**1.**", is not a sentence.
    if (!/\p{L}/u.test(text.slice(from, to))) continue;
    push(to);
    from = to;
  }
  push(text.length);
  return out;
}

/**
 * The units of a body in order: one pass over its lines, tracking an open code fence and an open
 * paragraph or list item (whose lines are joined, then cut into sentences).
 */
export function markdownUnits(body: string): MarkdownUnit[] {
  const units: MarkdownUnit[] = [];
  let block: { start: number; end: number } | null = null;
  let fence: number | null = null;
  const flush = () => {
    if (block) units.push(...sentences(body, block.start, block.end));
    block = null;
  };
  let pos = 0;
  for (const line of body.split('\n')) {
    const lineStart = pos;
    pos += line.length + 1;
    const trimmed = line.trim();
    const start = lineStart + line.length - line.trimStart().length;
    const end = lineStart + line.trimEnd().length;
    if (fence !== null) {
      if (FENCE.test(trimmed)) {
        units.push({ start: fence, end, section: false });
        fence = null;
      }
      continue;
    }
    if (FENCE.test(trimmed)) {
      flush();
      fence = start;
    } else if (trimmed === '') {
      flush();
    } else if (HEADING.test(trimmed)) {
      flush();
      units.push({ start, end, section: /^#{2,3}\s/.test(trimmed) });
    } else if (trimmed.startsWith('|')) {
      flush();
      units.push({ start, end, section: false });
    } else if (LIST_ITEM.test(trimmed) || !block) {
      flush();
      block = { start, end };
    } else {
      block.end = end;
    }
  }
  if (fence !== null) units.push({ start: fence, end: body.trimEnd().length, section: false });
  flush();
  return units;
}
