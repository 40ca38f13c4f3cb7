/**
 * Transport-neutral dispatch of the contract: validates input, runs the handler, turns every
 * failure into a `Result` error. The Electron IPC binding and browser mode both use it, so the
 * renderer sees exactly the same behaviour in either.
 */
import type { z } from 'zod';
import {
  isRequestName,
  isStreamName,
  requests,
  StreamId,
  streams,
  type RequestName,
  type StreamEvent,
  type StreamMessage,
  type StreamName,
  type Requests,
  type Streams,
} from '../../shared/contract';
import { err, ok, type AppError, type Result } from '../../shared/result';
import { toAppError } from './errors';

export type RequestHandlers = {
  [K in RequestName]: (
    input: z.output<Requests[K]['input']>,
  ) => Promise<z.input<Requests[K]['output']>>;
};

export type StreamHandlers = {
  [K in StreamName]: (
    input: z.output<Streams[K]['input']>,
    emit: (event: StreamEvent<K>) => void,
    signal: AbortSignal,
  ) => Promise<void>;
};

function invalidInput(error: z.ZodError): AppError {
  const first = error.issues[0];
  const where = first && first.path.length > 0 ? ` (at ${first.path.join('.')})` : '';
  return {
    code: 'invalid_input',
    message: `The request was rejected: ${first?.message ?? 'invalid input'}${where}.`,
  };
}

export async function dispatchRequest(
  handlers: RequestHandlers,
  name: string,
  rawInput: unknown,
): Promise<Result<unknown>> {
  if (!isRequestName(name)) {
    return err({ code: 'unknown_request', message: `There is no request named "${name}".` });
  }
  const spec = requests[name];
  const input = spec.input.safeParse(rawInput);
  if (!input.success) return err(invalidInput(input.error));
  try {
    const handler = handlers[name] as (input: unknown) => Promise<unknown>;
    const value = await handler(input.data);
    // Parsing the output keeps the contract honest: nothing outside the schema leaves main.
    return ok(spec.output.parse(value));
  } catch (error) {
    return err(toAppError(error));
  }
}

type Send = (message: StreamMessage) => void;

/**
 * Runs streams for one or more clients. Each stream has a renderer-chosen id, an owner (a
 * webContents id or a browser-mode connection) and an AbortController so it can be cancelled.
 */
export class StreamHub {
  private readonly running = new Map<string, { owner: string; controller: AbortController }>();

  constructor(private readonly handlers: StreamHandlers) {}

  start(owner: string, name: string, rawId: unknown, rawInput: unknown, send: Send): Result<null> {
    if (!isStreamName(name)) {
      return err({ code: 'unknown_request', message: `There is no stream named "${name}".` });
    }
    const id = StreamId.safeParse(rawId);
    if (!id.success) return err(invalidInput(id.error));
    const streamId = id.data;
    if (this.running.has(streamId)) {
      return err({ code: 'invalid_input', message: `Stream ${streamId} is already running.` });
    }
    const spec = streams[name];
    const input = spec.input.safeParse(rawInput);
    if (!input.success) return err(invalidInput(input.error));

    const controller = new AbortController();
    this.running.set(streamId, { owner, controller });
    const emit = (event: unknown): void => {
      if (controller.signal.aborted) return;
      send({ kind: 'event', streamId, event: spec.event.parse(event) });
    };
    const handler = this.handlers[name] as (
      input: unknown,
      emit: (event: unknown) => void,
      signal: AbortSignal,
    ) => Promise<void>;
    void handler(input.data, emit, controller.signal)
      .then(
        () => null,
        (error: unknown) => toAppError(error),
      )
      .then((error) => {
        this.running.delete(streamId);
        const final = controller.signal.aborted
          ? { code: 'cancelled' as const, message: 'Stopped.' }
          : error;
        send({ kind: 'end', streamId, error: final });
      });
    return ok(null);
  }

  cancel(owner: string, streamId: string): void {
    const entry = this.running.get(streamId);
    if (entry && entry.owner === owner) entry.controller.abort();
  }

  /** Cancels everything a client started (its window closed or its connection dropped). */
  cancelOwner(owner: string): void {
    for (const entry of this.running.values()) {
      if (entry.owner === owner) entry.controller.abort();
    }
  }

  get size(): number {
    return this.running.size;
  }
}
