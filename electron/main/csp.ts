/**
 * The Content-Security-Policy of every page the app serves (the app:// protocol and browser mode
 * send it as a header; renderer/index.html carries the same policy in a meta tag).
 * Scripts only from the app itself; no inline script, no eval, no plugins, no framing.
 */
export const CONTENT_SECURITY_POLICY = [
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
].join('; ');
