/**
 * The one place a ConverseStream's events become what a screen shows: the reply so far, the stop
 * reason, usage, latency, first token, the guardrail's trace and the cost. Chat, Compare and any
 * lab that streams a model's reply use it instead of handling the events themselves.
 *
 * The cost and usage are the ones the main process sends in the metadata event (the same figures
 * it writes to the invocation log); nothing here recomputes them. The first-token time is the
 * main process's measurement once it arrives; until then (while streaming) the renderer's own
 * measurement from sending to the first delta is shown.
 *
 * `reduceConverse` and `finishConverse` are pure and unit-tested; `runConverseStream` wires them
 * to a stream and hands the caller one update per animation frame at most.
 */
import type { z } from 'zod';
import type {
  ConverseStreamEvent,
  StreamInput,
  Usage as UsageSchema,
} from '../../../shared/contract';
import type { GuardrailTraceSummary } from '../../../shared/guardrails';
import type { AppError } from '../../../shared/result';
import { openStream, type StreamHandle } from '../api';

export type ConverseRunStatus = 'streaming' | 'complete' | 'stopped' | 'failed';

export interface ConverseRun {
  status: ConverseRunStatus;
  text: string;
  stopReason: string | null;
  usage: z.infer<typeof UsageSchema> | null;
  /** Server-side latency as Bedrock reports it. */
  latencyMs: number | null;
  /** Request to first text delta: the renderer's measure while streaming, then main's. */
  firstTokenMs: number | null;
  guardrailTrace: GuardrailTraceSummary | null;
  /** As main estimated and logged it; null when the model has no list price. */
  costUsd: number | null;
  /** Sending to the end of the stream, measured in the renderer; null while streaming. */
  totalMs: number | null;
  /** Why it failed; null when it completed or was stopped. */
  error: AppError | null;
}

export function startingRun(): ConverseRun {
  return {
    status: 'streaming',
    text: '',
    stopReason: null,
    usage: null,
    latencyMs: null,
    firstTokenMs: null,
    guardrailTrace: null,
    costUsd: null,
    totalMs: null,
    error: null,
  };
}

/** One event applied to a run. `elapsedMs` is the time since the request was sent. */
export function reduceConverse(
  run: ConverseRun,
  event: ConverseStreamEvent,
  elapsedMs: number,
): ConverseRun {
  switch (event.type) {
    case 'start':
      return run;
    case 'delta':
      return {
        ...run,
        text: run.text + event.text,
        firstTokenMs: run.firstTokenMs ?? elapsedMs,
      };
    case 'stop':
      return { ...run, stopReason: event.stopReason };
    case 'metadata':
      return {
        ...run,
        usage: event.usage,
        latencyMs: event.latencyMs,
        firstTokenMs: event.firstTokenMs ?? run.firstTokenMs,
        guardrailTrace: event.guardrailTrace,
        costUsd: event.costUsd,
      };
  }
}

/** The end of a stream: complete, stopped by the learner, or failed (text so far is kept). */
export function finishConverse(
  run: ConverseRun,
  error: AppError | null,
  totalMs: number,
): ConverseRun {
  if (error === null) return { ...run, status: 'complete', totalMs };
  if (error.code === 'cancelled') return { ...run, status: 'stopped', totalMs };
  return { ...run, status: 'failed', error, totalMs };
}

export interface ConverseStreamRun {
  handle: StreamHandle;
  /** Settles once with the finished run (never rejects). */
  result: Promise<ConverseRun>;
}

/** How updates are paced: one per animation frame by default. */
export type Schedule = (flush: () => void) => void;
const perFrame: Schedule = (flush) => requestAnimationFrame(flush);

/**
 * Every message from main shown as soon as it is handled (deltas that arrive in one task are
 * still shown together). For views where a delta's time to the screen is what is measured, such
 * as Compare's columns: an animation frame can wait up to 16 ms, longer in a busy window.
 */
export const perTask: Schedule = (flush) => queueMicrotask(flush);

/**
 * Starts a ConverseStream and reports the run as it grows. Deltas that arrive within one frame
 * are reported together, so a fast stream costs one render per frame however many deltas come.
 * The last update (the finished run) is reported at once, not on the next frame.
 */
export function runConverseStream(
  input: StreamInput<'converseStream'>,
  onUpdate: (run: ConverseRun) => void,
  schedule: Schedule = perFrame,
): ConverseStreamRun {
  const sent = performance.now();
  let run = startingRun();
  let pending = false;
  let finished = false;
  const handle = openStream('converseStream', input, (event) => {
    run = reduceConverse(run, event, performance.now() - sent);
    if (pending) return;
    pending = true;
    schedule(() => {
      pending = false;
      if (!finished) onUpdate(run);
    });
  });
  const result = handle.done.then((error) => {
    finished = true;
    run = finishConverse(run, error, performance.now() - sent);
    onUpdate(run);
    return run;
  });
  return { handle, result };
}
