/**
 * Pure URL policy (no Electron import, so it is unit-tested directly). The app's own pages come
 * from `app://stratum/` (or the dev server while developing); everything else is external.
 */
export const APP_SCHEME = 'app';
export const APP_HOST = 'stratum';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;

function parse(url: string): URL | null {
  try {
    return new URL(url);
  } catch {
    return null;
  }
}

/** True for the app's own pages: app://stratum/..., or the given dev-server origin. */
export function isInternalUrl(url: string, devServerUrl?: string | null): boolean {
  const parsed = parse(url);
  if (!parsed) return false;
  if (parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST) return true;
  if (devServerUrl) {
    const dev = parse(devServerUrl);
    return dev !== null && parsed.origin === dev.origin;
  }
  return false;
}

/**
 * External links may open in the system browser only if they are plain https URLs without
 * embedded credentials (never file:, javascript:, custom schemes or http).
 */
export function isSafeExternalUrl(url: string): boolean {
  const parsed = parse(url);
  return (
    parsed !== null &&
    parsed.protocol === 'https:' &&
    parsed.username === '' &&
    parsed.password === '' &&
    parsed.hostname.length > 0
  );
}
