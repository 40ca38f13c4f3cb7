import type { Root, RootContent } from 'hast';
import remarkParse from 'remark-parse';
import remarkRehype from 'remark-rehype';
import { unified } from 'unified';
import { describe, expect, it } from 'vitest';
import {
  parsePassage,
  passageHref,
  rehypeMarkPassage,
  type PassageRange,
} from '../../renderer/src/features/notes/passage-target';

/** The texts inside <mark class="passage-target"> after rendering `markdown` with a range marked. */
function marked(markdown: string, range: PassageRange | null): string[] {
  const processor = unified().use(remarkParse).use(remarkRehype);
  const tree = processor.runSync(processor.parse(markdown));
  rehypeMarkPassage(range, markdown)(tree);
  const out: string[] = [];
  const walk = (node: Root | RootContent) => {
    if (node.type === 'element' && node.tagName === 'mark') {
      const text = node.children.map((c) => (c.type === 'text' ? c.value : ''));
      out.push(text.join(''));
      return;
    }
    if ('children' in node) node.children.forEach(walk);
  };
  walk(tree);
  return out;
}

describe('a passage of a note as a link target', () => {
  it('writes and reads ?passage=<start>-<end>, refusing empty or out-of-body ranges', () => {
    expect(passageHref('rag-and-knowledge-bases', { start: 12, end: 80 })).toBe(
      '/notes/rag-and-knowledge-bases?passage=12-80',
    );
    expect(parsePassage('passage=12-80', 100)).toEqual({ start: 12, end: 80 });
    expect(parsePassage('?x=1&passage=0-5', 5)).toEqual({ start: 0, end: 5 });
    expect(parsePassage('passage=80-12', 100)).toBeNull();
    expect(parsePassage('passage=12-101', 100)).toBeNull();
    expect(parsePassage('passage=abc', 100)).toBeNull();
    expect(parsePassage('', 100)).toBeNull();
  });

  it('marks exactly the source characters of the range, across emphasis and paragraphs', () => {
    const md = 'First paragraph here.\n\nA **knowledge base** splits documents into chunks.';
    const start = md.indexOf('knowledge');
    const end = md.indexOf(' into');
    expect(marked(md, { start, end })).toEqual(['knowledge base', ' splits documents']);
    expect(marked(md, { start: 6, end: md.indexOf('splits') })).toEqual([
      'paragraph here.',
      'A ',
      'knowledge base',
    ]); // a mark of spaces alone is left out
  });

  it('marks nothing without a range', () => {
    expect(marked('Plain text.', null)).toEqual([]);
  });

  it('follows the range where rendering dropped source characters (escapes, quote prefixes)', () => {
    const escaped = 'Cost is 5 \\* 3 tokens.';
    expect(marked(escaped, { start: 0, end: 3 })).toEqual(['Cos']);
    expect(marked(escaped, { start: escaped.indexOf('3'), end: escaped.length })).toEqual([
      '3 tokens.',
    ]);
    const quote = '> alpha beta\n> gamma delta';
    expect(marked(quote, { start: quote.indexOf('beta'), end: quote.indexOf(' delta') })).toEqual([
      'beta\ngamma',
    ]);
  });
});
