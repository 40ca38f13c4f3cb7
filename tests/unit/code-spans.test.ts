import { describe, expect, it } from 'vitest';
import { codeSpans } from '../../renderer/src/lib/code-spans';

describe('codeSpans', () => {
  it('splits backticked spans out as code', () => {
    expect(codeSpans('Run `aws configure` or `aws configure sso`.')).toEqual([
      { code: false, text: 'Run ' },
      { code: true, text: 'aws configure' },
      { code: false, text: ' or ' },
      { code: true, text: 'aws configure sso' },
      { code: false, text: '.' },
    ]);
  });

  it('leaves an unpaired backtick as text, and plain text whole', () => {
    expect(codeSpans('a `b` c ` d')).toEqual([
      { code: false, text: 'a ' },
      { code: true, text: 'b' },
      { code: false, text: ' c ` d' },
    ]);
    expect(codeSpans('no code here')).toEqual([{ code: false, text: 'no code here' }]);
    expect(codeSpans('`x`')).toEqual([{ code: true, text: 'x' }]);
  });
});
