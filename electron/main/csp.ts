/**
 * The Content-Security-Policy of every page the app serves: the app:// protocol and browser mode
 * send it as a header, and the build writes it into index.html as a meta tag (one source).
 * Scripts only from the app itself; no inline script, no eval, no plugins, no framing.
 */
const DIRECTIVES = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self'",
  "connect-src 'self'",
  "worker-src 'self' blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
  "frame-ancestors 'none'",
];

export const CONTENT_SECURITY_POLICY = DIRECTIVES.join('; ');

/** The same policy for a meta tag (frame-ancestors is only honoured in a header). */
export const META_CONTENT_SECURITY_POLICY = DIRECTIVES.filter(
  (d) => !d.startsWith('frame-ancestors'),
).join('; ');

/**
 * `npm run dev` only: Vite's dev server injects an inline React Refresh preamble and talks to
 * the page over a WebSocket, which the strict policy forbids. Never used in a build.
 */
export const DEV_CONTENT_SECURITY_POLICY = META_CONTENT_SECURITY_POLICY.replace(
  "script-src 'self'",
  "script-src 'self' 'unsafe-inline'",
).replace("connect-src 'self'", "connect-src 'self' ws://localhost:* http://localhost:*");

/** Inserts the policy at the top of <head> (after the charset declaration, if any). */
export function withCspMeta(html: string, policy: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}" />`;
  const charset = /<meta charset="[^"]*"\s*\/?>/i;
  return charset.test(html)
    ? html.replace(charset, (m) => `${m}\n    ${meta}`)
    : html.replace(/<head>/i, `<head>\n    ${meta}`);
}
