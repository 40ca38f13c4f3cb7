/**
 * One TCP port that speaks both HTTP/1.1 and cleartext HTTP/2 (prior knowledge), because the
 * Bedrock Runtime client defaults to its HTTP/2 handler while other callers use HTTP/1.1.
 * Each connection's first bytes are peeked: the HTTP/2 preface goes to an `http2` server, the
 * rest to an `http` server. Both are normalised into an `Exchange` for the request handler.
 */
import http from 'node:http';
import http2 from 'node:http2';
import net from 'node:net';

const H2_PREFACE = Buffer.from('PRI * HTTP/2.0\r\n\r\nSM\r\n\r\n', 'latin1');

/** One request/response, independent of the HTTP version it arrived on. */
export interface Exchange {
  readonly http: '1.1' | '2';
  readonly method: string;
  /** Request target as received (percent-encoded path plus query). */
  readonly rawUrl: string;
  /** Lower-cased names; repeated values joined with ', '. Includes `:authority` on HTTP/2. */
  readonly headers: Readonly<Record<string, string>>;
  /** Reads the whole body; rejects when the client goes away first or it exceeds `limit`. */
  readBody(limit: number): Promise<Buffer>;
  /** Sends the status line and headers. */
  start(status: number, headers: Record<string, string>): void;
  /** Writes a chunk, waiting out backpressure; false once the exchange is closed. */
  write(chunk: Uint8Array): Promise<boolean>;
  end(chunk?: Uint8Array | string): void;
  /** Ends abruptly: destroys the HTTP/1.1 socket or resets the HTTP/2 stream. */
  cut(): void;
  /** True once the connection/stream is gone (for any reason). */
  readonly closed: boolean;
  /** True once the whole response was handed to the transport (`end` was called). */
  readonly finished: boolean;
  /** Called once when the exchange closes before `end` (client abort, or `cut`). */
  onEarlyClose(listener: () => void): void;
  /** Called once when the exchange closes for any reason. */
  onClose(listener: () => void): void;
}

export interface DualServer {
  readonly port: number;
  close(): Promise<void>;
}

export async function startDualServer(
  host: string,
  port: number,
  handle: (exchange: Exchange) => void,
): Promise<DualServer> {
  const sockets = new Set<net.Socket>();
  const sessions = new Set<http2.ServerHttp2Session>();
  const open = new Set<Exchange>();
  const track = (exchange: Exchange): void => {
    open.add(exchange);
    exchange.onClose(() => open.delete(exchange));
    handle(exchange);
  };

  const h1 = http.createServer({ keepAliveTimeout: 5_000 }, (req, res) => {
    track(new Http1Exchange(req, res));
  });
  const h2 = http2.createServer();
  h2.on('session', (session) => {
    sessions.add(session);
    session.on('close', () => sessions.delete(session));
    session.on('error', () => undefined);
  });
  h2.on('stream', (stream, headers) => track(new Http2Exchange(stream, headers)));

  const server = net.createServer((socket) => {
    sockets.add(socket);
    socket.on('close', () => sockets.delete(socket));
    socket.on('error', () => undefined);
    routeByPreface(socket, h1, h2);
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address();
  if (address === null || typeof address === 'string') throw new Error('no TCP address');

  return {
    port: address.port,
    close: () =>
      new Promise<void>((resolve) => {
        // Unfinished responses are reset with an error so clients see a failure, not an end.
        for (const exchange of open) if (!exchange.finished) exchange.cut();
        for (const session of sessions) session.destroy(new Error('fake server closed'));
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Peeks at the first bytes and hands the socket (bytes put back) to the matching server. */
function routeByPreface(socket: net.Socket, h1: http.Server, h2: http2.Http2Server): void {
  const onReadable = (): void => {
    const chunk: unknown = socket.read();
    if (!Buffer.isBuffer(chunk)) {
      socket.once('readable', onReadable);
      return;
    }
    socket.unshift(chunk);
    const n = Math.min(chunk.length, H2_PREFACE.length);
    const isH2 = chunk.subarray(0, n).equals(H2_PREFACE.subarray(0, n));
    (isH2 ? h2 : h1).emit('connection', socket);
  };
  socket.once('readable', onReadable);
}

function joinHeaders(
  raw: http.IncomingHttpHeaders | http2.IncomingHttpHeaders,
): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(raw)) {
    if (value === undefined) continue;
    out[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : String(value);
  }
  return out;
}

function collectBody(
  source: NodeJS.ReadableStream & { on(event: 'close', l: () => void): unknown },
  limit: number,
): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    source.on('data', (chunk: Buffer | string) => {
      const buf = typeof chunk === 'string' ? Buffer.from(chunk) : chunk;
      size += buf.length;
      if (size > limit && !done) {
        done = true;
        reject(new BodyTooLargeError(limit));
      }
      if (!done) chunks.push(buf);
    });
    source.on('end', () => {
      if (done) return;
      done = true;
      resolve(Buffer.concat(chunks));
    });
    source.on('error', (error: Error) => {
      if (done) return;
      done = true;
      reject(error);
    });
    source.on('close', () => {
      if (done) return;
      done = true;
      reject(new Error('client closed the request before sending its body'));
    });
  });
}

export class BodyTooLargeError extends Error {
  constructor(limit: number) {
    super(`request body exceeds ${limit} bytes`);
    this.name = 'BodyTooLargeError';
  }
}

class Http1Exchange implements Exchange {
  readonly http = '1.1' as const;
  readonly method: string;
  readonly rawUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  private earlyClose: (() => void) | undefined;
  private isClosed = false;
  private ended = false;

  constructor(
    private readonly req: http.IncomingMessage,
    private readonly res: http.ServerResponse,
  ) {
    this.method = req.method ?? 'GET';
    this.rawUrl = req.url ?? '/';
    this.headers = joinHeaders(req.headers);
    res.on('close', () => {
      this.isClosed = true;
      if (!this.ended) this.earlyClose?.();
    });
  }

  onClose(listener: () => void): void {
    this.res.once('close', listener);
  }

  get closed(): boolean {
    return this.isClosed || this.res.destroyed;
  }

  get finished(): boolean {
    return this.ended;
  }

  readBody(limit: number): Promise<Buffer> {
    return collectBody(this.req, limit);
  }

  start(status: number, headers: Record<string, string>): void {
    this.res.writeHead(status, headers);
  }

  write(chunk: Uint8Array): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.res.write(chunk)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        this.res.off('drain', done);
        this.res.off('close', done);
        resolve(!this.closed);
      };
      this.res.once('drain', done);
      this.res.once('close', done);
    });
  }

  end(chunk?: Uint8Array | string): void {
    if (this.closed) return;
    this.ended = true;
    this.res.end(chunk);
  }

  cut(): void {
    this.req.socket.destroy();
  }

  onEarlyClose(listener: () => void): void {
    this.earlyClose = listener;
  }
}

class Http2Exchange implements Exchange {
  readonly http = '2' as const;
  readonly method: string;
  readonly rawUrl: string;
  readonly headers: Readonly<Record<string, string>>;
  private earlyClose: (() => void) | undefined;
  private ended = false;

  constructor(
    private readonly stream: http2.ServerHttp2Stream,
    headers: http2.IncomingHttpHeaders,
  ) {
    this.method = String(headers[':method'] ?? 'GET');
    this.rawUrl = String(headers[':path'] ?? '/');
    this.headers = joinHeaders(headers);
    stream.on('error', () => undefined);
    stream.on('close', () => {
      if (!this.ended) this.earlyClose?.();
    });
  }

  onClose(listener: () => void): void {
    this.stream.once('close', listener);
  }

  get closed(): boolean {
    return this.stream.closed || this.stream.destroyed;
  }

  get finished(): boolean {
    return this.ended;
  }

  readBody(limit: number): Promise<Buffer> {
    return collectBody(this.stream, limit);
  }

  start(status: number, headers: Record<string, string>): void {
    if (!this.closed) this.stream.respond({ ':status': status, ...headers });
  }

  write(chunk: Uint8Array): Promise<boolean> {
    if (this.closed) return Promise.resolve(false);
    if (this.stream.write(chunk)) return Promise.resolve(true);
    return new Promise((resolve) => {
      const done = (): void => {
        this.stream.off('drain', done);
        this.stream.off('close', done);
        resolve(!this.closed);
      };
      this.stream.once('drain', done);
      this.stream.once('close', done);
    });
  }

  end(chunk?: Uint8Array | string): void {
    if (this.closed) return;
    this.ended = true;
    if (chunk === undefined) this.stream.end();
    else this.stream.end(chunk);
  }

  /**
   * Resets the stream with INTERNAL_ERROR. (`stream.close(code)` would first end the stream
   * cleanly, which the client reads as a normal end of body.)
   */
  cut(): void {
    this.stream.destroy(new Error('stream cut by the fake server'));
  }

  onEarlyClose(listener: () => void): void {
    this.earlyClose = listener;
  }
}
