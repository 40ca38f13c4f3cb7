/**
 * The renderer's typed view of the bridge. Everything that comes back is parsed with the
 * contract's schemas (the renderer trusts no shape it has not checked), and every failure is a
 * `Result` error, never an exception.
 */
import {
  requests,
  StartStreamResult,
  StreamMessage,
  streams,
  type RequestInput,
  type RequestName,
  type RequestOutput,
  type StreamEvent,
  type StreamInput,
  type StreamName,
} from '../../shared/contract';
import type { StratumBridge } from '../../shared/channels';
import { err, resultSchema, type AppError, type Result } from '../../shared/result';
import { createWebBridge } from './bridge/web-bridge';

declare global {
  interface Window {
    stratum?: StratumBridge;
  }
}

let bridge: StratumBridge | null = null;

/** Electron's preload bridge, or browser mode's HTTP client when the page came from `npm run web`. */
export function getBridge(): StratumBridge {
  if (bridge) return bridge;
  if (window.stratum) {
    bridge = window.stratum;
  } else {
    const token = document.querySelector<HTMLMetaElement>('meta[name="stratum-token"]')?.content;
    if (!token) {
      throw new Error(
        'Stratum has no connection to its main process. Start it with `npm start` (desktop) or `npm run web` (browser mode).',
      );
    }
    bridge = createWebBridge(window.location.origin, token);
  }
  return bridge;
}

/** For tests and browser-mode clients outside the page. */
export function setBridge(next: StratumBridge | null): void {
  bridge = next;
  streamRouter = null;
}

const unexpected = (name: string): AppError => ({
  code: 'internal',
  message: `Stratum received an unexpected answer to "${name}".`,
  remedy: 'Restart the app. If it keeps happening, please report it.',
});

type Args<K extends RequestName> =
  undefined extends RequestInput<K> ? [input?: RequestInput<K>] : [input: RequestInput<K>];

export async function call<K extends RequestName>(
  name: K,
  ...[input]: Args<K>
): Promise<Result<RequestOutput<K>>> {
  let raw: unknown;
  try {
    raw = await getBridge().request[name](input);
  } catch (error) {
    return err({
      code: 'offline',
      message: `Stratum could not reach its main process (${error instanceof Error ? error.message : String(error)}).`,
      remedy: 'If you use browser mode, check that `npm run web` is still running.',
    });
  }
  const parsed = resultSchema(requests[name].output).safeParse(raw);
  if (!parsed.success) return err(unexpected(name));
  return parsed.data as Result<RequestOutput<K>>;
}

type Listener = (message: StreamMessage) => void;
let streamRouter: Map<string, Listener> | null = null;

function router(): Map<string, Listener> {
  if (streamRouter) return streamRouter;
  const routes = new Map<string, Listener>();
  getBridge().onStreamMessage((raw) => {
    const message = StreamMessage.safeParse(raw);
    if (message.success) routes.get(message.data.streamId)?.(message.data);
  });
  streamRouter = routes;
  return routes;
}

export interface StreamHandle {
  readonly id: string;
  /** Resolves when the stream ends: null on success, the error otherwise (including 'cancelled'). */
  readonly done: Promise<AppError | null>;
  cancel(): void;
}

/**
 * Opens a stream. Events arrive in order through `onEvent`; `done` settles once. Text already
 * delivered before an error stays with the caller (the error does not take it back).
 */
export function openStream<K extends StreamName>(
  name: K,
  input: StreamInput<K>,
  onEvent: (event: StreamEvent<K>) => void,
): StreamHandle {
  const id = crypto.randomUUID();
  const routes = router();
  const schema = streams[name].event;
  let finish: (error: AppError | null) => void = () => undefined;
  const done = new Promise<AppError | null>((resolve) => {
    finish = (error) => {
      routes.delete(id);
      resolve(error);
    };
  });

  routes.set(id, (message) => {
    if (message.kind === 'end') {
      finish(message.error);
      return;
    }
    const event = schema.safeParse(message.event);
    if (event.success) onEvent(event.data as StreamEvent<K>);
  });

  void (async () => {
    try {
      const started = StartStreamResult.safeParse(await getBridge().startStream(name, id, input));
      if (!started.success) finish(unexpected(name));
      else if (!started.data.ok) finish(started.data.error);
    } catch (error) {
      finish({
        code: 'offline',
        message: `Stratum could not start the request (${error instanceof Error ? error.message : String(error)}).`,
      });
    }
  })();

  return {
    id,
    done,
    cancel: () => getBridge().cancelStream(id),
  };
}
