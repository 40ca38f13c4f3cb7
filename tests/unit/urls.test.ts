import { describe, expect, it } from 'vitest';
import { resolveStaticPath } from '../../electron/main/static-files';
import { isInternalUrl, isSafeExternalUrl } from '../../electron/main/urls';

describe('isInternalUrl', () => {
  it.each([
    ['app://stratum/index.html', null, true],
    ['app://stratum/#/settings', null, true],
    ['app://evil/index.html', null, false],
    ['https://stratum/index.html', null, false],
    ['file:///etc/passwd', null, false],
    ['http://localhost:5173/', null, false],
    ['http://localhost:5173/#/models', 'http://localhost:5173', true],
    ['http://localhost:5174/', 'http://localhost:5173', false],
    ['javascript:alert(1)', null, false],
    ['not a url', null, false],
  ])('%s (dev %s) -> %s', (url, dev, expected) => {
    expect(isInternalUrl(url, dev)).toBe(expected);
  });
});

describe('isSafeExternalUrl', () => {
  it.each([
    ['https://docs.aws.amazon.com/bedrock/', true],
    ['http://docs.aws.amazon.com/bedrock/', false],
    ['https://user:pass@example.com/', false],
    ['file:///C:/Windows/System32/calc.exe', false],
    ['javascript:alert(1)', false],
    ['ms-settings:', false],
    ['smb://host/share', false],
  ])('%s -> %s', (url, expected) => {
    expect(isSafeExternalUrl(url)).toBe(expected);
  });
});

describe('resolveStaticPath', () => {
  const root = '/srv/app/out/renderer';
  it('serves index for /', () => {
    expect(resolveStaticPath(root, '/')).toBe(`${root}/index.html`);
  });
  it('serves files inside the root', () => {
    expect(resolveStaticPath(root, '/assets/index-abc.js')).toBe(`${root}/assets/index-abc.js`);
  });
  it.each([
    '/../secret.txt',
    '/assets/../../secret',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/..%2f..%2fetc%2fpasswd',
    '/a%00b',
    '/%E0%A4%A',
  ])('refuses %s', (path) => {
    expect(resolveStaticPath(root, path)).toBeNull();
  });
  it('allows dot-dot that stays inside the root', () => {
    expect(resolveStaticPath(root, '/assets/../index.html')).toBe(`${root}/index.html`);
  });
});
