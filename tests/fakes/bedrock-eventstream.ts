/**
 * `application/vnd.amazon.eventstream` frames as ConverseStream sends them: binary messages with
 * `:event-type` / `:exception-type`, `:content-type` and `:message-type` headers and a JSON body.
 */
import { EventStreamCodec } from '@smithy/eventstream-codec';
import { fromUtf8, toUtf8 } from '@smithy/util-utf8';

const codec = new EventStreamCodec(toUtf8, fromUtf8);

/** Exception members of the SDK's `ConverseStreamOutput` union, i.e. what may arrive in-stream. */
export type StreamExceptionName =
  | 'internalServerException'
  | 'modelStreamErrorException'
  | 'validationException'
  | 'throttlingException'
  | 'serviceUnavailableException';

export type ConverseStreamEventName =
  | 'messageStart'
  | 'contentBlockStart'
  | 'contentBlockDelta'
  | 'contentBlockStop'
  | 'messageStop'
  | 'metadata';

const PADDING = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

/**
 * The service pads every event with a `p` member of varying length (against length side
 * channels); clients must ignore it, so the fake sends it too.
 */
function padding(seed: number): string {
  return PADDING.slice(0, 1 + (seed % PADDING.length));
}

let frameCounter = 0;

export function eventFrame(
  type: ConverseStreamEventName,
  payload: Record<string, unknown>,
): Uint8Array {
  frameCounter++;
  return codec.encode({
    headers: {
      ':event-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'event' },
    },
    body: fromUtf8(JSON.stringify({ ...payload, p: padding(frameCounter * 7) })),
  });
}

export function exceptionFrame(type: StreamExceptionName, message: string): Uint8Array {
  return codec.encode({
    headers: {
      ':exception-type': { type: 'string', value: type },
      ':content-type': { type: 'string', value: 'application/json' },
      ':message-type': { type: 'string', value: 'exception' },
    },
    body: fromUtf8(JSON.stringify({ message })),
  });
}

/** Decodes frames (for tests of the fake itself; clients use the SDK). */
export function decodeFrame(bytes: Uint8Array): { headers: Record<string, string>; body: string } {
  const message = codec.decode(bytes);
  const headers: Record<string, string> = {};
  for (const [name, header] of Object.entries(message.headers))
    headers[name] = String(header.value);
  return { headers, body: toUtf8(message.body) };
}
