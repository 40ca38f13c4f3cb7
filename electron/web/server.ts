/**
 * Browser mode: the same handler table as the Electron app, served over HTTP + Server-Sent Events
 * on 127.0.0.1, so the real renderer runs in any browser (development, end-to-end tests).
 *
 * Safety: binds to loopback only; a random per-run token is injected into the page it serves and
 * required on every API call; requests with a foreign Origin are refused. Never started by the
 * packaged app.
 */
import { randomBytes, randomUUID, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { StreamMessage } from '../../shared/contract';
import { err } from '../../shared/result';
import { CONTENT_SECURITY_POLICY } from '../main/csp';
import { dispatchRequest, StreamHub } from '../main/dispatch';
import type { Backend } from '../main/handlers';
import { contentTypeFor, resolveStaticPath } from '../main/static-files';

export interface WebServerOptions {
  backend: Backend;
  rendererDir: string;
  port?: number;
  /** Fixed token for tests; random by default. */
  token?: string;
}

export interface WebServer {
  url: string;
  token: string;
  close(): Promise<void>;
}

/** Image variations carry up to five images of up to 10 MiB each, base64-encoded. */
const MAX_BODY = 80 * 1024 * 1024;

class BodyTooLarge extends Error {}

function sendJson(res: ServerResponse, status: number, body: unknown): void {
  const text = JSON.stringify(body);
  res.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
    'x-content-type-options': 'nosniff',
  });
  res.end(text);
}

async function readJsonBody(req: IncomingMessage): Promise<unknown> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY) throw new BodyTooLarge();
    chunks.push(chunk);
  }
  const text = Buffer.concat(chunks).toString('utf8');
  return text.length === 0 ? {} : (JSON.parse(text) as unknown);
}

function tokensEqual(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/**
 * Browser mode's server on 127.0.0.1: static files, the contract's requests and streams over
 * HTTP and Server-Sent Events, each request checked for the per-run token and the Origin. Long on
 * purpose: every route passes the same security checks, kept in one function so none is missed.
 */
export async function startWebServer(options: WebServerOptions): Promise<WebServer> {
  const token = options.token ?? randomBytes(24).toString('base64url');
  const hub = new StreamHub(options.backend.streams);
  /** Open SSE connections by id; stream messages go only to the connection that started them. */
  const connections = new Map<string, ServerResponse>();
  let origin = '';
  let allowedHosts = new Set<string>();

  const indexHtml = async (): Promise<string> => {
    const html = await readFile(
      resolveStaticPath(options.rendererDir, '/index.html') ?? '',
      'utf8',
    );
    return html.replace('<head>', `<head>\n    <meta name="stratum-token" content="${token}" />`);
  };

  const authorised = (req: IncomingMessage): boolean => {
    const header = req.headers.authorization ?? '';
    const given = header.startsWith('Bearer ') ? header.slice(7) : '';
    if (!tokensEqual(given, token)) return false;
    // Browsers send Origin on cross-origin requests and on POSTs: it must be ours.
    const requestOrigin = req.headers.origin;
    return requestOrigin === undefined || requestOrigin === origin;
  };

  const server = createServer((req, res) => {
    void handle(req, res).catch((error: unknown) => {
      if (!res.headersSent) sendJson(res, 500, err({ code: 'internal', message: String(error) }));
      else res.end();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A foreign Host means DNS rebinding or a misdirected request: serve nothing, not even the page
    // that carries the token.
    if (!allowedHosts.has(req.headers.host ?? '')) {
      res.writeHead(421).end('Misdirected request');
      return;
    }
    const url = new URL(req.url ?? '/', origin);
    if (url.pathname.startsWith('/api/')) {
      if (!authorised(req)) {
        sendJson(
          res,
          403,
          err({ code: 'unauthorized', message: 'Missing or wrong browser-mode token.' }),
        );
        return;
      }
      await handleApi(req, res, url);
      return;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') {
      res.writeHead(405).end();
      return;
    }
    const file = resolveStaticPath(options.rendererDir, url.pathname);
    if (!file) {
      res.writeHead(404).end('Not found');
      return;
    }
    try {
      const isIndex = file.endsWith('index.html');
      const body = isIndex ? await indexHtml() : await readFile(file);
      res.writeHead(200, {
        'content-type': contentTypeFor(file),
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': isIndex ? 'no-store' : 'public, max-age=31536000, immutable',
      });
      res.end(body);
    } catch {
      res.writeHead(404).end('Not found');
    }
  }

  async function handleApi(req: IncomingMessage, res: ServerResponse, url: URL): Promise<void> {
    const path = url.pathname;
    if (req.method === 'GET' && path === '/api/events') {
      const id = randomUUID();
      res.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      res.write(`event: hello\ndata: ${JSON.stringify({ connectionId: id })}\n\n`);
      connections.set(id, res);
      const keepAlive = setInterval(() => res.write(': keep-alive\n\n'), 15_000);
      req.on('close', () => {
        clearInterval(keepAlive);
        connections.delete(id);
        hub.cancelOwner(id);
      });
      return;
    }
    if (req.method !== 'POST') {
      sendJson(res, 405, err({ code: 'invalid_input', message: 'Use POST.' }));
      return;
    }
    let body: unknown;
    try {
      body = await readJsonBody(req);
    } catch {
      sendJson(
        res,
        400,
        err({ code: 'invalid_input', message: 'The request body is not valid JSON.' }),
      );
      return;
    }
    const fields = (typeof body === 'object' && body !== null ? body : {}) as Record<
      string,
      unknown
    >;

    const call = /^\/api\/request\/([A-Za-z]+)$/.exec(path);
    if (call?.[1]) {
      sendJson(res, 200, await dispatchRequest(options.backend.requests, call[1], fields.input));
      return;
    }
    const connectionId = req.headers['x-stratum-connection'];
    const conn = typeof connectionId === 'string' ? connections.get(connectionId) : undefined;
    if (path === '/api/stream/start') {
      if (!conn || typeof connectionId !== 'string') {
        sendJson(
          res,
          200,
          err({ code: 'invalid_input', message: 'Open /api/events before starting a stream.' }),
        );
        return;
      }
      const send = (message: StreamMessage) => {
        conn.write(`data: ${JSON.stringify(message)}\n\n`);
      };
      const name = typeof fields.name === 'string' ? fields.name : '';
      sendJson(res, 200, hub.start(connectionId, name, fields.streamId, fields.input, send));
      return;
    }
    if (path === '/api/stream/cancel') {
      if (typeof connectionId === 'string' && typeof fields.streamId === 'string') {
        hub.cancel(connectionId, fields.streamId);
      }
      sendJson(res, 200, { ok: true, value: null });
      return;
    }
    sendJson(res, 404, err({ code: 'unknown_request', message: `No API at ${path}.` }));
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  return {
    url: `${origin}/`,
    token,
    close: () =>
      new Promise<void>((resolve) => {
        for (const res of connections.values()) res.end();
        connections.clear();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
