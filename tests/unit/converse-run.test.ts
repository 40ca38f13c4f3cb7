/** The one ConverseStream reducer: events in the order main sends them, and each way a run ends. */
import { describe, expect, it } from 'vitest';
import {
  finishConverse,
  reduceConverse,
  startingRun,
  type ConverseRun,
} from '../../renderer/src/streams/converse-run';
import type { ConverseStreamEvent } from '../../shared/contract';

const play = (events: [ConverseStreamEvent, number][]): ConverseRun =>
  events.reduce((run, [event, at]) => reduceConverse(run, event, at), startingRun());

describe('reduceConverse', () => {
  it('joins deltas, keeps the stop reason and takes cost, usage and first token from main', () => {
    const run = play([
      [{ type: 'start', modelId: 'amazon.nova-micro-v1:0', region: 'us-east-1' }, 5],
      [{ type: 'delta', text: 'Hello' }, 120],
      [{ type: 'delta', text: ', world' }, 150],
      [{ type: 'stop', stopReason: 'end_turn' }, 160],
      [
        {
          type: 'metadata',
          usage: { inputTokens: 10, outputTokens: 4, totalTokens: 14 },
          latencyMs: 140,
          firstTokenMs: 98,
          guardrailTrace: null,
          costUsd: 0.0000123,
        },
        170,
      ],
    ]);
    expect(run.text).toBe('Hello, world');
    expect(run.stopReason).toBe('end_turn');
    expect(run.usage?.totalTokens).toBe(14);
    expect(run.costUsd).toBe(0.0000123);
    // Main's measure replaces the renderer's (120) once it arrives.
    expect(run.firstTokenMs).toBe(98);
    expect(run.status).toBe('streaming');
  });

  it("shows the renderer's first-token time while streaming and keeps it if main has none", () => {
    const streaming = play([
      [{ type: 'delta', text: 'a' }, 42],
      [{ type: 'delta', text: 'b' }, 60],
    ]);
    expect(streaming.firstTokenMs).toBe(42);
    const ended = reduceConverse(
      streaming,
      {
        type: 'metadata',
        usage: null,
        latencyMs: null,
        firstTokenMs: null,
        guardrailTrace: null,
        costUsd: null,
      },
      70,
    );
    expect(ended.firstTokenMs).toBe(42);
    expect(ended.costUsd).toBeNull();
  });
});

describe('finishConverse', () => {
  const partial = play([[{ type: 'delta', text: 'partial' }, 10]]);
  it('completes', () => {
    expect(finishConverse(partial, null, 200)).toMatchObject({ status: 'complete', totalMs: 200 });
  });
  it('stops on cancel without an error, keeping the text', () => {
    const run = finishConverse(partial, { code: 'cancelled', message: 'Stopped.' }, 50);
    expect(run).toMatchObject({ status: 'stopped', text: 'partial', error: null });
  });
  it('fails with the error, keeping the text', () => {
    const error = { code: 'throttled' as const, message: 'Slow down.' };
    const run = finishConverse(partial, error, 80);
    expect(run).toMatchObject({ status: 'failed', text: 'partial', error });
  });
});
