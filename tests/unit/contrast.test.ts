/** The colour maths behind the e2e contrast check, against WCAG's definitions and known values. */
import { describe, expect, it } from 'vitest';
import {
  blend,
  contrastRatio,
  effectiveBackground,
  formatColor,
  isLargeText,
  parseColor,
  relativeLuminance,
  requiredContrast,
} from '../support/contrast';

describe('parseColor', () => {
  it('reads the forms getComputedStyle and canvas give', () => {
    expect(parseColor('rgb(1, 2, 3)')).toEqual({ r: 1, g: 2, b: 3, a: 1 });
    expect(parseColor('rgba(10, 20, 30, 0.25)')).toEqual({ r: 10, g: 20, b: 30, a: 0.25 });
    expect(parseColor('rgb(10 20 30 / 50%)')).toEqual({ r: 10, g: 20, b: 30, a: 0.5 });
    expect(parseColor('#abc')).toEqual({ r: 0xaa, g: 0xbb, b: 0xcc, a: 1 });
    expect(parseColor('#FF000080').a).toBeCloseTo(128 / 255);
    expect(parseColor('transparent').a).toBe(0);
  });

  it('refuses what it cannot read rather than guessing', () => {
    expect(() => parseColor('oklch(0.5 0.1 200)')).toThrow(/Not an rgb/);
    expect(() => parseColor('rgb(1, 2)')).toThrow(/Not an rgb/);
  });
});

describe('relative luminance', () => {
  it('is 0 for black, 1 for white, about 0.2159 for #808080', () => {
    expect(relativeLuminance(parseColor('#000'))).toBe(0);
    expect(relativeLuminance(parseColor('#fff'))).toBeCloseTo(1, 10);
    expect(relativeLuminance(parseColor('#808080'))).toBeCloseTo(0.2159, 4);
  });
});

describe('contrast ratio', () => {
  // Published values (WCAG 2 definition; the same figures the WebAIM contrast checker shows).
  it.each([
    ['#000000', '#ffffff', 21],
    ['#ffffff', '#ffffff', 1],
    ['#767676', '#ffffff', 4.54], // the lightest grey that passes AA on white
    ['#777777', '#ffffff', 4.48], // one step lighter fails
    ['#595959', '#ffffff', 7.0], // AAA for body text
    ['#949494', '#ffffff', 3.03], // passes 3:1 for large text
    ['#0000ff', '#ffffff', 8.59],
    ['#ff0000', '#ffffff', 4.0],
  ])('%s on %s is %s:1', (fg, bg, expected) => {
    expect(contrastRatio(fg, bg)).toBeCloseTo(expected, 2);
  });

  it('is symmetric', () => {
    expect(contrastRatio('rgb(40, 80, 120)', 'rgb(250, 240, 200)')).toBeCloseTo(
      contrastRatio('rgb(250, 240, 200)', 'rgb(40, 80, 120)'),
      12,
    );
  });

  it('blends a translucent foreground over the background first', () => {
    // Half-transparent black over white is rgb(127.5, 127.5, 127.5).
    expect(contrastRatio('rgba(0, 0, 0, 0.5)', '#fff')).toBeCloseTo(
      contrastRatio('rgb(127.5, 127.5, 127.5)', '#fff'),
      10,
    );
    expect(contrastRatio('rgba(0, 0, 0, 0)', '#fff')).toBeCloseTo(1, 10);
  });
});

describe('the background behind an element', () => {
  const white = parseColor('#fff');
  const black = parseColor('#000');
  it('stops at the first opaque layer', () => {
    expect(effectiveBackground([parseColor('transparent'), black, white])).toEqual(black);
  });
  it('blends translucent layers over it', () => {
    const bg = effectiveBackground([parseColor('rgba(255, 255, 255, 0.5)'), black]);
    expect(formatColor(bg)).toBe('rgb(128, 128, 128)');
  });
  it('falls back to the canvas when nothing is opaque', () => {
    expect(effectiveBackground([])).toEqual(white);
    expect(effectiveBackground([], black)).toEqual(black);
    expect(blend(parseColor('rgba(0, 0, 0, 0)'), white)).toEqual(white);
  });
});

describe('large text', () => {
  it('follows WCAG: 24 px, or 18.66 px bold', () => {
    expect(isLargeText(24, 400)).toBe(true);
    expect(isLargeText(23, 400)).toBe(false);
    expect(isLargeText(18.66, 700)).toBe(true);
    expect(isLargeText(18.66, 600)).toBe(false);
    expect(requiredContrast(16, 400)).toBe(4.5);
    expect(requiredContrast(26, 400)).toBe(3);
  });
});
