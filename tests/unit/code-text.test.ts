import { createElement } from 'react';
import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CodeText } from '../../renderer/src/components/CodeText';

const html = (text: string) => renderToStaticMarkup(createElement(CodeText, null, text));

describe('CodeText', () => {
  it('shows backticked spans as code, not as literal backticks', () => {
    expect(html('Run `aws configure` or `aws configure sso`.')).toBe(
      'Run <code>aws configure</code> or <code>aws configure sso</code>.',
    );
  });

  it('leaves an unpaired backtick as text', () => {
    expect(html('a `b` c ` d')).toBe('a <code>b</code> c ` d');
    expect(html('no code here')).toBe('no code here');
  });

  it('never renders markup from the text', () => {
    expect(html('`<b>x</b>` <i>y</i>')).toBe(
      '<code>&lt;b&gt;x&lt;/b&gt;</code> &lt;i&gt;y&lt;/i&gt;',
    );
  });
});
