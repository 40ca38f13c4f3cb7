/** Splitting streamed Markdown into blocks: blank lines split, except inside fences and lists. */
import { describe, expect, it } from 'vitest';
import { markdownBlocks } from '../../renderer/src/lib/markdown-blocks';

describe('markdownBlocks', () => {
  it('splits paragraphs at blank lines, however many', () => {
    expect(markdownBlocks('a\n\nb')).toEqual(['a', 'b']);
    expect(markdownBlocks('\n\na\nstill a\n\n\n\nb\n')).toEqual(['a\nstill a', 'b']);
    expect(markdownBlocks('')).toEqual([]);
  });

  it('keeps the growing last block as it is', () => {
    expect(markdownBlocks('Para one\n\nPara tw')).toEqual(['Para one', 'Para tw']);
  });

  it('never splits inside a fenced code block, closed or still open', () => {
    expect(markdownBlocks('```js\nx\n\ny\n```\n\nafter')).toEqual(['```js\nx\n\ny\n```', 'after']);
    expect(markdownBlocks('text\n\n```py\nprint(1)\n\n')).toEqual(['text', '```py\nprint(1)\n\n']);
    // A tilde fence is only closed by tildes, at least as many as opened it.
    expect(markdownBlocks('~~~~\na\n```\n\n~~~\nb\n~~~~\nc\n\nd')).toEqual([
      '~~~~\na\n```\n\n~~~\nb\n~~~~\nc',
      'd',
    ]);
  });

  it('treats ```code``` on one line as inline code, not a fence', () => {
    expect(markdownBlocks('```inline``` text\n\nnext')).toEqual(['```inline``` text', 'next']);
  });

  it('keeps an indented continuation with its list item', () => {
    expect(markdownBlocks('1. one\n\n   more about one\n2. two\n\nEnd')).toEqual([
      '1. one\n\n   more about one\n2. two',
      'End',
    ]);
  });
});
