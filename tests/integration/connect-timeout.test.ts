/**
 * The Bedrock Runtime socket with a connect timeout (electron/main/bedrock/connect-timeout.ts),
 * given to the real `http2.connect` as its `createConnection`, against a local TLS HTTP/2 server:
 * ALPN h2, SNI for a host name (none for an IP address), the certificate verified (refused
 * without its CA, accepted with it through the connect options), the timer cleared once
 * connected and when the connection fails, and a socket that never finishes its handshake
 * destroyed with a ConnectTimeoutError.
 */
import {
  connect,
  createSecureServer,
  type ClientHttp2Session,
  type SecureClientSessionOptions,
} from 'node:http2';
import { createServer, type AddressInfo, type Server } from 'node:net';
import type { TLSSocket } from 'node:tls';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { connectWithTimeout } from '../../electron/main/bedrock/connect-timeout';

/** A self-signed test certificate for localhost and 127.0.0.1, valid 2020 to 2120. */
const CERT = `-----BEGIN CERTIFICATE-----
MIIBXDCCAQGgAwIBAgIUSoT4VVDnt+lzmJryWuFYNmoXL10wCgYIKoZIzj0EAwIw
FDESMBAGA1UEAwwJbG9jYWxob3N0MCAXDTIwMDEwMTAwMDAwMFoYDzIxMjAwMTAx
MDAwMDAwWjAUMRIwEAYDVQQDDAlsb2NhbGhvc3QwWTATBgcqhkjOPQIBBggqhkjO
PQMBBwNCAAQheEOw7S/2ppYeGSGM5QeAds0qE587eGBV2BXw4l1rrVvev2BSXVJu
KK09AFryyBS6sdflytLdh69ls1mbkvsOoy8wLTAaBgNVHREEEzARgglsb2NhbGhv
c3SHBH8AAAEwDwYDVR0TAQH/BAUwAwEB/zAKBggqhkjOPQQDAgNJADBGAiEAxMwL
Myw51pKByoLPZaokflBBM6wERqfT+E1uvTl4UiUCIQDZ6A42C9OShRgafY69K5EE
d2gh/HWBtdmqsZIjN1TFtQ==
-----END CERTIFICATE-----
`;
const KEY = `-----BEGIN PRIVATE KEY-----
MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQgPhF/VAz9+93DSD2i
R+3fqr09ApQz6Hc4nbpW51QGuWGhRANCAAQheEOw7S/2ppYeGSGM5QeAds0qE587
eGBV2BXw4l1rrVvev2BSXVJuKK09AFryyBS6sdflytLdh69ls1mbkvsO
-----END PRIVATE KEY-----
`;

const tlsServer = createSecureServer({ key: KEY, cert: CERT }, (_req, res) => res.end('ok'));
/** What each TLS connection the server accepted asked for. */
const accepted: { servername: string | false | null; alpn: string | false | null }[] = [];
tlsServer.on('secureConnection', (s: TLSSocket) =>
  accepted.push({ servername: s.servername, alpn: s.alpnProtocol }),
);
/** Accepts TCP, reads and never answers: a TLS handshake to it never finishes. */
const silent: Server = createServer((socket) => socket.resume());
let port = 0;

const listen = (server: Server) =>
  new Promise<number>((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve((server.address() as AddressInfo).port)),
  );

beforeAll(async () => {
  port = await listen(tlsServer);
  await listen(silent);
});
afterAll(async () => {
  await new Promise((r) => tlsServer.close(r));
  await new Promise((r) => silent.close(r));
});

/**
 * One GET on the session: its status, or the session's or stream's error (a connection that
 * fails cancels the pending stream with the socket's error as its cause).
 */
function get(session: ClientHttp2Session): Promise<number> {
  return new Promise((resolve, reject) => {
    session.once('error', reject);
    const req = session.request({ ':path': '/' });
    req.on('response', (h) => resolve(Number(h[':status'])));
    req.on('error', reject);
    req.resume();
    req.end();
  });
}

/** Connects as the SDK's HTTP/2 handler does, with `options` as its nodeHttp2ConnectOptions. */
function session(url: string, timeoutMs: number, options: object = {}): ClientHttp2Session {
  const createConnection = connectWithTimeout(
    timeoutMs,
  ) as SecureClientSessionOptions['createConnection'];
  return connect(url, { ...options, createConnection });
}

describe('connectWithTimeout over TLS', () => {
  it('speaks h2 with SNI for a host name and verifies the certificate against the given CA', async () => {
    accepted.length = 0;
    const s = session(`https://localhost:${port}`, 5_000, { ca: CERT });
    try {
      expect(await get(s)).toBe(200);
    } finally {
      s.close();
    }
    expect(accepted).toEqual([{ servername: 'localhost', alpn: 'h2' }]);
  });

  it('sends no SNI for an IP address, and checks the certificate against the address', async () => {
    accepted.length = 0;
    const s = session(`https://127.0.0.1:${port}`, 5_000, { ca: CERT });
    try {
      expect(await get(s)).toBe(200);
    } finally {
      s.close();
    }
    expect(accepted).toEqual([{ servername: false, alpn: 'h2' }]);
  });

  it('refuses a certificate it cannot verify', async () => {
    const s = session(`https://localhost:${port}`, 5_000);
    try {
      await expect(get(s)).rejects.toMatchObject({
        cause: { code: 'DEPTH_ZERO_SELF_SIGNED_CERT' },
      });
    } finally {
      s.destroy();
    }
  });

  it('clears its timer once connected: the session outlives the limit', async () => {
    const s = session(`https://localhost:${port}`, 150, { ca: CERT });
    try {
      expect(await get(s)).toBe(200);
      await new Promise((r) => setTimeout(r, 400));
      expect(s.destroyed).toBe(false);
      expect(await get(s)).toBe(200);
    } finally {
      s.close();
    }
  });

  it('clears its timer when the connection fails', async () => {
    const closed = createServer();
    const free = await listen(closed);
    await new Promise((r) => closed.close(r));
    const set = vi.spyOn(globalThis, 'setTimeout');
    const clear = vi.spyOn(globalThis, 'clearTimeout');
    try {
      const s = session(`https://127.0.0.1:${free}`, 60_000, { ca: CERT });
      const closing = new Promise((r) => s.once('close', r));
      await expect(get(s)).rejects.toMatchObject({ cause: { code: 'ECONNREFUSED' } });
      await closing;
      const made = set.mock.calls.findIndex(([, ms]) => ms === 60_000);
      const timer = set.mock.results[made]?.value as unknown;
      expect(timer).toBeDefined();
      await expect.poll(() => clear.mock.calls.some(([t]) => t === timer)).toBe(true);
    } finally {
      set.mockRestore();
      clear.mockRestore();
    }
  });

  it('destroys a socket whose handshake does not finish in time', async () => {
    const silentPort = (silent.address() as AddressInfo).port;
    const started = performance.now();
    const s = session(`https://127.0.0.1:${silentPort}`, 200);
    const error = await get(s).catch((e: unknown) => e);
    expect(performance.now() - started).toBeLessThan(2_000);
    expect(error).toMatchObject({
      cause: {
        name: 'ConnectTimeoutError',
        message: expect.stringMatching(/could not connect to 127\.0\.0\.1:\d+ within 0\.2 s/),
      },
    });
    expect(s.destroyed).toBe(true);
    // The server sees the connection closed: nothing is left open.
    await expect.poll(() => new Promise((r) => silent.getConnections((_e, n) => r(n)))).toBe(0);
  });
});
