import { describe, expect, it } from 'vitest';
import { findChromium } from '../support/chromium';

describe('findChromium', () => {
  it('uses CHROMIUM_PATH when it exists', () => {
    expect(findChromium({ CHROMIUM_PATH: process.execPath })).toBe(process.execPath);
  });
  it('fails with a clear message when CHROMIUM_PATH points nowhere', () => {
    expect(() => findChromium({ CHROMIUM_PATH: '/nope/chromium' })).toThrow(/no file there/);
  });
});
