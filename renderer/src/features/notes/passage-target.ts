/**
 * A passage of a note as a link target: `/notes/<id>?passage=<start>-<end>` opens the note with
 * the Markdown source characters [start, end) of its body marked and scrolled into view (the
 * knowledge bases lab links each citation to its chunk this way). The rehype plugin wraps the
 * rendered text that came from those characters in <mark class="passage-target">, using the
 * source positions remark keeps on each text node: exactly where the text is the source's
 * characters one for one, the whole text node where it is not (an escape or an entity).
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

/** Marks the rendered text of source characters [start, end); nothing when `range` is null. */
export function rehypeMarkPassage(range: PassageRange | null) {
  return (tree: Root) => {
    if (!range) return;
    visit(tree, 'text', (node: Text, index, parent) => {
      const s = node.position?.start.offset;
      const e = node.position?.end.offset;
      if (!parent || index === undefined || s === undefined || e === undefined) return;
      if (e <= range.start || s >= range.end || !node.value.trim()) return;
      const exact = e - s === node.value.length;
      const a = exact ? Math.max(0, range.start - s) : 0;
      const b = exact ? Math.min(node.value.length, range.end - s) : node.value.length;
      const pieces: (Text | Element)[] = [];
      if (a > 0) pieces.push({ type: 'text', value: node.value.slice(0, a) });
      pieces.push(mark(node.value.slice(a, b)));
      if (b < node.value.length) pieces.push({ type: 'text', value: node.value.slice(b) });
      parent.children.splice(index, 1, ...pieces);
      return index + pieces.length;
    });
  };
}
