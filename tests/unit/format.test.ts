/**
 * The control kit's formatters and the number-field rule. Expected strings are written by hand
 * from the rules in their doc comments (no snapshot of the module's output).
 */
import { describe, expect, it } from 'vitest';
import { boundNumber } from '../../renderer/src/lib/bounded-number';
import {
  formatCount,
  formatDate,
  formatDuration,
  formatPercent,
  formatUsd,
  formatUsdOrUnknown,
  plural,
} from '../../renderer/src/lib/format';

describe('formatUsd', () => {
  it.each([
    [0, '$0.00'],
    [9.6e-7, '< $0.000001'],
    [0.00000096, '< $0.000001'],
    [0.000001, '$0.000001'],
    [0.00096, '$0.00096'],
    [0.035, '$0.035'],
    [0.0123456, '$0.0123'],
    [0.5, '$0.50'],
    [1, '$1.00'],
    [1234.5, '$1,234.50'],
    [-0.25, '-$0.25'],
  ])('%s -> %s', (usd, text) => {
    expect(formatUsd(usd)).toBe(text);
  });
  it('never uses exponent notation', () => {
    for (let e = -12; e <= 6; e++) expect(formatUsd(10 ** e)).not.toMatch(/e/i);
  });
  it('says unknown for a missing price', () => {
    expect(formatUsdOrUnknown(null)).toBe('unknown');
  });
});

describe('counts and plurals', () => {
  it('separates thousands and picks the right form', () => {
    expect(formatCount(12345)).toBe('12,345');
    expect(plural(1, 'sample')).toBe('1 sample');
    expect(plural(0, 'sample')).toBe('0 samples');
    expect(plural(1000, 'draw')).toBe('1,000 draws');
    expect(plural(2, 'query', 'queries')).toBe('2 queries');
    expect(formatPercent(0.4213)).toBe('42.1%');
  });
});

describe('formatDate', () => {
  it('reads a YYYY-MM-DD day as that local day, whatever the time zone', () => {
    expect(formatDate('2026-11-23')).toBe(formatDate(new Date(2026, 10, 23)));
    expect(formatDate('not a date')).toBe('–');
  });
});

describe('formatDuration', () => {
  it.each([
    [null, '–'],
    [0, '0 ms'],
    [340.4, '340 ms'],
    [9_999, '9999 ms'],
    [12_400, '12.4 s'],
    [185_000, '3 min 05 s'],
    [2 * 3600_000 + 7 * 60_000, '2 h 07 min'],
  ])('%s -> %s', (ms, text) => {
    expect(formatDuration(ms)).toBe(text);
  });
});

describe('boundNumber', () => {
  const count = { min: 1, max: 50, integer: true };
  it('takes a value in range as it is', () => {
    expect(boundNumber('20', count, 10)).toEqual({ value: 20, message: null });
  });
  it('says when it brings a value into range', () => {
    expect(boundNumber('99999', count, 10)).toEqual({
      value: 50,
      message: '50 is the most; using 50.',
    });
    expect(boundNumber('-3', count, 10)).toEqual({ value: 1, message: '1 is the least; using 1.' });
  });
  it('rounds a whole-number field and says so', () => {
    expect(boundNumber('2.6', count, 10)).toEqual({
      value: 3,
      message: 'Whole numbers only; using 3.',
    });
  });
  it('keeps the current value for text that is not a number', () => {
    expect(boundNumber('', count, 10)).toEqual({
      value: 10,
      message: 'Enter a number from 1 to 50; still using 10.',
    });
  });
  it('allows decimals and names the unit', () => {
    const temp = { min: 0, max: 1, unit: '' };
    expect(boundNumber('0.7', temp, 1).value).toBe(0.7);
    expect(boundNumber('1e30', { min: 0, max: 2147483647, integer: true }, 1).message).toBe(
      '2,147,483,647 is the most; using 2,147,483,647.',
    );
  });
});
