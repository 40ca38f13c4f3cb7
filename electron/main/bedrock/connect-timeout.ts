/**
 * A connect timeout for Bedrock Runtime's HTTP/2 handler. The SDK's NodeHttp2Handler has no
 * connection timeout of its own (only `requestTimeout`, stream inactivity, and `sessionTimeout`),
 * so a machine that cannot reach the endpoint (a firewall that drops packets, a dead VPN) waited
 * for each call's whole deadline, up to minutes for a long call, before hearing anything. The
 * handler passes `nodeHttp2ConnectOptions` to `http2.connect`, whose `createConnection` builds
 * the socket: this one is the socket http2.connect would build itself (TLS with ALPN `h2` for
 * https, plain TCP for the h2c loopback fakes), destroyed with a `ConnectTimeoutError` when the
 * connection (TCP, and TLS for https) is not up within the limit. The HTTP/2 session then fails
 * its pending request with that error, which errors.ts maps to "could not connect" and the
 * network remedy. It is not one of the SDK's retryable errors: within the limit the system has
 * already re-sent the connection attempt several times.
 */
import { connect as netConnect, isIP } from 'node:net';
import type { Duplex } from 'node:stream';
import { connect as tlsConnect } from 'node:tls';

export class ConnectTimeoutError extends Error {
  constructor(
    readonly host: string,
    readonly timeoutMs: number,
  ) {
    const seconds = Number((timeoutMs / 1000).toFixed(2));
    super(
      `Stratum could not connect to ${host} within ${seconds} second${seconds === 1 ? '' : 's'}: nothing answered.`,
    );
    this.name = 'ConnectTimeoutError';
  }
}

/**
 * `http2.connect`'s `createConnection` with a connect timeout of `timeoutMs`. `options` are the
 * connect options http2.connect passes on (TLS ones such as `ca` included), used as it would.
 */
export function connectWithTimeout(
  timeoutMs: number,
): (authority: URL, options?: Record<string, unknown>) => Duplex {
  return (authority, options = {}) => {
    const secure = authority.protocol === 'https:';
    const host = authority.hostname.replace(/^\[(.*)\]$/, '$1');
    const port = Number(authority.port) || (secure ? 443 : 80);
    // As http2.connect does: the options win over the authority's host and port (and name the
    // SNI server if they say one), SNI is the host name, none for an IP address, and ALPN is h2.
    const socket = secure
      ? tlsConnect({
          host,
          port,
          ...(isIP(host) ? {} : { servername: host }),
          ...options,
          ALPNProtocols: ['h2'],
        })
      : netConnect({ host, port, ...options });
    const timer = setTimeout(
      () => socket.destroy(new ConnectTimeoutError(authority.host, timeoutMs)),
      timeoutMs,
    );
    socket.once(secure ? 'secureConnect' : 'connect', () => clearTimeout(timer));
    socket.once('close', () => clearTimeout(timer));
    return socket;
  };
}
