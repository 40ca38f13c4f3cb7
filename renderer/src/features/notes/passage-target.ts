/**
 * A passage of a note as a link target: `/notes/<id>?passage=<start>-<end>` opens the note with
 * the Markdown source characters [start, end) of its body marked and scrolled into view (the
 * knowledge bases lab links each citation to its chunk this way). The rehype plugin wraps the
 * rendered text that came from those characters in <mark class="passage-target">, using the
 * source positions remark keeps on each text node. Where a node's text is not its source one
 * for one (a callout's `> ` line prefixes, an escape, an entity), each rendered character is
 * matched to the next equal source character, so the mark still follows the range.
 */
import type { Element, Root, Text } from 'hast';
import { visit } from 'unist-util-visit';

export interface PassageRange {
  start: number;
  end: number;
}

export function passageHref(noteId: string, range: PassageRange): string {
  return `/notes/${noteId}?passage=${range.start}-${range.end}`;
}

/** The range a search string asks for, when it is a non-empty range inside a body of `length`. */
export function parsePassage(search: string, length: number): PassageRange | null {
  const m = /(?:^|&)passage=(\d{1,7})-(\d{1,7})(?:&|$)/.exec(search.replace(/^\?/, ''));
  if (!m) return null;
  const start = Number(m[1]);
  const end = Number(m[2]);
  return start < end && end <= length ? { start, end } : null;
}

const mark = (value: string): Element => ({
  type: 'element',
  tagName: 'mark',
  properties: { className: ['passage-target'] },
  children: [{ type: 'text', value }],
});

/**
 * The source offset of each character of `value`, rendered from `source` (which starts at
 * `base`): each character is matched to the next equal source character; the characters that
 * rendering dropped (line prefixes, backslashes) are skipped.
 */
export function renderedOffsets(value: string, source: string, base: number): Int32Array {
  const out = new Int32Array(value.length);
  let p = 0;
  for (let i = 0; i < value.length; i++) {
    let q = p;
    while (q < source.length && source[q] !== value[i]) q++;
    if (q < source.length) p = q;
    out[i] = base + Math.min(p, Math.max(0, source.length - 1));
    if (q < source.length) p++;
  }
  return out;
}

/** Marks the rendered text of `body` characters [start, end); nothing when `range` is null. */
export function rehypeMarkPassage(range: PassageRange | null, body = '') {
  return (tree: Root) => {
    if (!range) return;
    visit(tree, 'text', (node: Text, index, parent) => {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (!parent || index === undefined || s === undefined || e === undefined) return;
      if (e <= range.start || s >= range.end || !node.value.trim()) return;
      const offsets =
        e - s === node.value.length
          ? Int32Array.from(node.value, (_, i) => s + i)
          : renderedOffsets(node.value, body.slice(s, e), s);
      const a = offsets.findIndex((o) => o >= range.start);
      if (a < 0) return;
      let b = a;
      while (b < offsets.length && offsets[b]! < range.end) b++;
      if (b === a) return;
      if (!node.value.slice(a, b).trim()) return;
      const pieces: (Text | Element)[] = [];
      if (a > 0) pieces.push({ type: 'text', value: node.value.slice(0, a) });
      pieces.push(mark(node.value.slice(a, b)));
      if (b < node.value.length) pieces.push({ type: 'text', value: node.value.slice(b) });
      parent.children.splice(index, 1, ...pieces);
      return index + pieces.length;
    });
  };
}
