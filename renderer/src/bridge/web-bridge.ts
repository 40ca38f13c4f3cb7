/**
 * Browser mode's implementation of the bridge the Electron preload exposes: requests are POSTs,
 * stream messages arrive over one Server-Sent Events connection (read with fetch, so the token
 * travels in a header rather than the URL).
 */
import { EventSourceParserStream } from 'eventsource-parser/stream';
import type { StratumBridge } from '../../../shared/channels';

interface Connection {
  id: Promise<string>;
  /** Streams started on this connection that have not ended yet. */
  open: Set<string>;
}

/**
 * The browser-mode transport: the same typed bridge as the preload's, over HTTP and one
 * Server-Sent Events connection. Long on purpose: the bridge's methods share one connection and
 * its stream table in this closure, and read best side by side.
 */
export function createWebBridge(baseUrl: string, token: string): StratumBridge {
  const base = baseUrl.endsWith('/') ? baseUrl : `${baseUrl}/`;
  const auth = { authorization: `Bearer ${token}` };
  const listeners = new Set<(message: unknown) => void>();
  let connection: Connection | null = null;

  const deliver = (message: unknown) => {
    for (const listener of listeners) listener(message);
  };

  const post = async (path: string, body: unknown, extra: Record<string, string> = {}) => {
    const response = await fetch(`${base}${path}`, {
      method: 'POST',
      headers: { ...auth, ...extra, 'content-type': 'application/json' },
      body: JSON.stringify(body),
    });
    return (await response.json()) as unknown;
  };

  function connect(): Connection {
    if (connection) return connection;
    const open = new Set<string>();
    let resolveId: (id: string) => void = () => undefined;
    let rejectId: (error: unknown) => void = () => undefined;
    const id = new Promise<string>((resolve, reject) => {
      resolveId = resolve;
      rejectId = reject;
    });
    const current: Connection = { id, open };
    connection = current;

    void (async () => {
      const response = await fetch(`${base}api/events`, { headers: auth });
      if (!response.ok || !response.body) throw new Error(`events: HTTP ${response.status}`);
      const events = response.body
        .pipeThrough(new TextDecoderStream())
        .pipeThrough(new EventSourceParserStream());
      for await (const event of events) {
        if (event.event === 'hello') {
          resolveId((JSON.parse(event.data) as { connectionId: string }).connectionId);
          continue;
        }
        const message = JSON.parse(event.data) as { kind?: string; streamId?: string };
        if (message.kind === 'end' && message.streamId) open.delete(message.streamId);
        deliver(message);
      }
    })()
      .catch(rejectId)
      .finally(() => {
        rejectId(new Error('The event connection closed.'));
        if (connection === current) connection = null;
        // The server cancels this connection's streams when it drops: end them here too.
        for (const streamId of open) {
          deliver({
            kind: 'end',
            streamId,
            error: {
              code: 'offline',
              message: 'The connection to the Stratum server was lost.',
              remedy: 'Check that `npm run web` is still running, then try again.',
            },
          });
        }
        open.clear();
      });
    return current;
  }

  return {
    mode: 'browser',
    request: new Proxy({} as StratumBridge['request'], {
      get: (_target, name) =>
        typeof name === 'string'
          ? (input: unknown) => post(`api/request/${name}`, { input })
          : undefined,
    }),
    async startStream(name, streamId, input) {
      const conn = connect();
      const connectionId = await conn.id;
      conn.open.add(streamId);
      const result = await post(
        'api/stream/start',
        { name, streamId, input },
        { 'x-stratum-connection': connectionId },
      );
      if ((result as { ok?: boolean }).ok !== true) conn.open.delete(streamId);
      return result;
    },
    cancelStream(streamId) {
      const conn = connection;
      if (!conn) return;
      void conn.id.then((connectionId) =>
        post('api/stream/cancel', { streamId }, { 'x-stratum-connection': connectionId }),
      );
    },
    onStreamMessage(listener) {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
  };
}
