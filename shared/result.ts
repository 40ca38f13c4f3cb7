import { z } from 'zod';

/**
 * Every failure that can cross the main/renderer boundary has one of these codes. The renderer
 * branches on the code; the message says what happened and the remedy what to do next.
 */
export const ErrorCode = z.enum([
  'invalid_input',
  'unknown_request',
  'no_credentials',
  'sso_expired',
  'invalid_credentials',
  'access_denied',
  'on_demand_not_supported',
  'model_not_found',
  'throttled',
  'model_not_ready',
  'validation',
  'offline',
  'timeout',
  'service_unavailable',
  'model_error',
  'stream_interrupted',
  'cancelled',
  'save_failed',
  'unauthorized',
  'internal',
]);
export type ErrorCode = z.infer<typeof ErrorCode>;

export const AppError = z.object({
  code: ErrorCode,
  message: z.string().min(1),
  remedy: z.string().min(1).optional(),
});
export type AppError = z.infer<typeof AppError>;

export type Ok<T> = { ok: true; value: T };
export type Err = { ok: false; error: AppError };
export type Result<T> = Ok<T> | Err;

export const ok = <T>(value: T): Ok<T> => ({ ok: true, value });
export const err = (error: AppError): Err => ({ ok: false, error });

/** The zod schema of `Result<T>` for a given value schema (used to parse what crosses IPC/HTTP). */
export function resultSchema<T extends z.ZodType>(value: T) {
  return z.discriminatedUnion('ok', [
    z.object({ ok: z.literal(true), value }),
    z.object({ ok: z.literal(false), error: AppError }),
  ]);
}
