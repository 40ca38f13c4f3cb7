/**
 * The Playground's metrics library against hand-computed values: nearest-rank percentiles,
 * aggregation per day and per model, local-day bucketing across time zones and DST, the
 * month-to-date budget thresholds, cost arithmetic at the catalog's prices, reply diversity;
 * control-plane calls and S3 requests (billed by Amazon S3) kept out of the cost and of "unpriced".
 */
import { describe, expect, it } from 'vitest';
import { percentile } from '../../shared/statistics';
import type { InvocationRecord } from '../../shared/invocations';
import {
  addDays,
  aggregate,
  budgetStatus,
  byDay,
  byModel,
  dailySeries,
  errorsByCode,
  estimateCompareCost,
  jaccardDistance,
  localDay,
  localMonth,
  modelKey,
  modelLabel,
  monthToDateCost,
  replyDiversity,
  sumCosts,
  tokensCost,
} from '../../renderer/src/lib/metrics';

let nextId = 1;
function record(patch: Partial<InvocationRecord>): InvocationRecord {
  return {
    id: `r${nextId++}`,
    at: '2025-03-10T12:00:00.000Z',
    feature: 'chat',
    operation: 'ConverseStream',
    modelId: 'amazon.nova-micro-v1:0',
    region: 'us-east-1',
    latencyMs: 100,
    firstTokenMs: 40,
    inputTokens: 10,
    outputTokens: 20,
    images: null,
    status: 'ok',
    errorCode: null,
    stopReason: 'end_turn',
    costUsd: 0.001,
    ...patch,
  };
}

describe('percentile (nearest rank)', () => {
  it('matches the textbook example 15, 20, 35, 40, 50', () => {
    // Nearest rank: rank = ceil(p/100 * 5).
    const xs = [50, 15, 40, 20, 35];
    expect(percentile(xs, 5)).toBe(15); // rank 1
    expect(percentile(xs, 30)).toBe(20); // rank ceil(1.5) = 2
    expect(percentile(xs, 40)).toBe(20); // rank 2
    expect(percentile(xs, 50)).toBe(35); // rank ceil(2.5) = 3
    expect(percentile(xs, 100)).toBe(50);
  });

  it('gives p50 = 5 and p95 = 10 for 1..10, and p95 = 19 for 1..20', () => {
    const ten = Array.from({ length: 10 }, (_, i) => i + 1);
    expect(percentile(ten, 50)).toBe(5);
    expect(percentile(ten, 90)).toBe(9);
    expect(percentile(ten, 95)).toBe(10);
    expect(percentile(ten, 0)).toBe(1);
    const twenty = Array.from({ length: 20 }, (_, i) => i + 1);
    expect(percentile(twenty, 95)).toBe(19); // rank ceil(19) = 19
  });

  it('is null for no values, ignores non-finite ones and rejects p outside 0..100', () => {
    expect(percentile([], 50)).toBeNull();
    expect(percentile([Number.NaN, 3, Number.POSITIVE_INFINITY], 95)).toBe(3);
    expect(() => percentile([1], 101)).toThrow(RangeError);
    expect(() => percentile([1], -1)).toThrow(RangeError);
  });
});

describe('local days', () => {
  it('puts an instant on the calendar day of the given time zone', () => {
    expect(localDay('2025-03-09T16:00:00Z', 'Asia/Tokyo')).toBe('2025-03-10'); // 01:00 JST
    expect(localDay('2025-03-09T16:00:00Z', 'UTC')).toBe('2025-03-09');
    // New York switches to daylight time on 9 March 2025.
    expect(localDay('2025-03-09T06:30:00Z', 'America/New_York')).toBe('2025-03-09'); // 01:30 EST
    expect(localDay('2025-03-10T03:30:00Z', 'America/New_York')).toBe('2025-03-09'); // 23:30 EDT
    expect(localDay('2025-03-10T04:00:00Z', 'America/New_York')).toBe('2025-03-10'); // 00:00 EDT
    expect(localMonth('2025-04-01T03:00:00Z', 'America/Los_Angeles')).toBe('2025-03');
  });

  it('adds calendar days across month, year and leap-day boundaries', () => {
    expect(addDays('2024-12-31', 1)).toBe('2025-01-01');
    expect(addDays('2024-03-01', -1)).toBe('2024-02-29');
    expect(addDays('2025-03-01', -1)).toBe('2025-02-28');
    expect(addDays('2025-03-10', 0)).toBe('2025-03-10');
  });

  it('groups records by local day, so late-evening calls count for that evening', () => {
    const records = [
      record({ at: '2025-01-01T04:59:00Z' }), // 23:59 on 31 Dec in New York
      record({ at: '2025-01-01T05:00:00Z' }), // midnight in New York
      record({ at: '2025-01-01T12:00:00Z' }),
    ];
    const ny = byDay(records, 'America/New_York').map((d) => [d.day, d.stats.invocations]);
    expect(ny).toEqual([
      ['2024-12-31', 1],
      ['2025-01-01', 2],
    ]);
    const utc = byDay(records, 'UTC').map((d) => [d.day, d.stats.invocations]);
    expect(utc).toEqual([['2025-01-01', 3]]);
  });

  it('fills a daily series with empty days, oldest first', () => {
    const records = [
      record({ at: '2025-03-08T10:00:00Z' }),
      record({ at: '2025-03-10T10:00:00Z' }),
      record({ at: '2025-03-10T11:00:00Z' }),
      record({ at: '2025-03-01T11:00:00Z' }), // outside the 3-day window
    ];
    const series = dailySeries(records, 3, new Date('2025-03-10T12:00:00Z'), 'UTC');
    expect(series.map((d) => [d.day, d.stats.invocations])).toEqual([
      ['2025-03-08', 1],
      ['2025-03-09', 0],
      ['2025-03-10', 2],
    ]);
  });
});

describe('aggregation', () => {
  const records = [
    record({ latencyMs: 120, firstTokenMs: 30, inputTokens: 10, outputTokens: 5, costUsd: 0.002 }),
    record({ latencyMs: 80, firstTokenMs: 20, inputTokens: 7, outputTokens: 3, costUsd: 0.001 }),
    record({ latencyMs: 300, firstTokenMs: null, inputTokens: 1, outputTokens: 1, costUsd: null }),
    record({
      latencyMs: 200,
      firstTokenMs: 50,
      modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
      inputTokens: 100,
      outputTokens: 50,
      costUsd: 0.0004,
    }),
    record({
      latencyMs: 1000,
      status: 'error',
      errorCode: 'throttled',
      inputTokens: null,
      outputTokens: null,
      costUsd: null,
    }),
    record({
      latencyMs: 50,
      status: 'cancelled',
      inputTokens: null,
      outputTokens: null,
      costUsd: null,
    }),
    record({ status: 'error', errorCode: 'access_denied', inputTokens: null, costUsd: null }),
    record({ status: 'error', errorCode: 'throttled', inputTokens: 4, outputTokens: 0 }),
  ];

  it('totals counts, tokens and cost, with percentiles over successful calls only', () => {
    const a = aggregate(records);
    expect(a.invocations).toBe(8);
    expect(a.ok).toBe(4);
    expect(a.errors).toBe(3);
    expect(a.cancelled).toBe(1);
    expect(a.inputTokens).toBe(10 + 7 + 1 + 100 + 4);
    expect(a.outputTokens).toBe(5 + 3 + 1 + 50 + 20 + 0);
    // 0.002 + 0.001 + 0.0004 + 0.001 (the last error had used tokens and carries a price).
    expect(a.costUsd).toBeCloseTo(0.0044, 12);
    // The ok call without a price, and the access_denied failure that reported 20 output tokens;
    // the throttled one without tokens cost nothing.
    expect(a.unpriced).toBe(2);
    // ok latencies sorted: 80, 120, 200, 300 -> p50 rank 2, p95 rank 4.
    expect(a.p50LatencyMs).toBe(120);
    expect(a.p95LatencyMs).toBe(300);
    // first tokens of ok streamed calls: 20, 30, 50 -> p50 rank 2, p95 rank 3.
    expect(a.p50FirstTokenMs).toBe(30);
    expect(a.p95FirstTokenMs).toBe(50);
  });

  it('counts control-plane calls apart: no per-call price applies, so they are not "unpriced"', () => {
    const a = aggregate([
      record({
        operation: 'ListGuardrails',
        feature: 'guardrails',
        modelId: 'guardrails',
        inputTokens: null,
        outputTokens: null,
        costUsd: null,
      }),
      record({ costUsd: null }),
    ]);
    expect(a.controlPlane).toBe(1);
    expect(a.unpriced).toBe(1);
    expect(a.costUsd).toBe(0);
  });

  it('counts S3 requests apart: Amazon S3 bills them, so they are neither priced nor "unpriced"', () => {
    const s3 = (operation: 'PutObject' | 'GetObject') =>
      record({
        operation,
        feature: 'customization',
        modelId: 's3://stratum-data/train.jsonl',
        inputTokens: null,
        outputTokens: null,
        costUsd: null,
      });
    const a = aggregate([s3('PutObject'), s3('GetObject'), record({ costUsd: null })]);
    expect(a.s3Requests).toBe(2);
    expect(a.controlPlane).toBe(0);
    expect(a.unpriced).toBe(1);
    expect(a.costUsd).toBe(0);
  });

  it('is all zeros and nulls with no records', () => {
    expect(aggregate([])).toEqual({
      invocations: 0,
      ok: 0,
      errors: 0,
      cancelled: 0,
      inputTokens: 0,
      outputTokens: 0,
      costUsd: 0,
      unpriced: 0,
      controlPlane: 0,
      s3Requests: 0,
      p50LatencyMs: null,
      p95LatencyMs: null,
      p50FirstTokenMs: null,
      p95FirstTokenMs: null,
    });
  });

  it('groups by model, not by the id string: a model and its inference profiles are one row', () => {
    const rows = byModel(records);
    expect(
      rows.map((r) => [r.modelId, r.label, r.calledAs, r.stats.invocations, r.stats.inputTokens]),
    ).toEqual([
      ['amazon.nova-micro-v1:0', 'Amazon Nova Micro', ['amazon.nova-micro-v1:0'], 7, 22],
      [
        'anthropic.claude-haiku-4-5-20251001-v1:0',
        'Anthropic Claude Haiku 4.5',
        ['us.anthropic.claude-haiku-4-5-20251001-v1:0'],
        1,
        100,
      ],
    ]);
    const mixed = byModel([
      record({ modelId: 'amazon.nova-micro-v1:0', inputTokens: 1 }),
      record({ modelId: 'us.amazon.nova-micro-v1:0', inputTokens: 2 }),
      record({ modelId: 'eu.amazon.nova-micro-v1:0', inputTokens: 4 }),
      record({
        modelId: 'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
        inputTokens: 8,
      }),
      record({ modelId: 'acme.unknown-v1:0', inputTokens: 16 }),
    ]);
    expect(mixed.map((r) => [r.label, r.stats.invocations, r.stats.inputTokens])).toEqual([
      ['acme.unknown-v1:0', 1, 16],
      ['Amazon Nova Micro', 4, 15],
    ]);
    expect(mixed[1]!.calledAs).toEqual([
      'amazon.nova-micro-v1:0',
      'arn:aws:bedrock:us-east-1::foundation-model/amazon.nova-micro-v1:0',
      'eu.amazon.nova-micro-v1:0',
      'us.amazon.nova-micro-v1:0',
    ]);
    expect(modelKey('us.amazon.nova-micro-v1:0')).toBe(modelKey('amazon.nova-micro-v1:0'));
    expect(modelLabel('us.amazon.nova-micro-v1:0')).toBe('Amazon Nova Micro');
  });

  it('counts errors by code, most frequent first, without cancellations', () => {
    expect(errorsByCode(records)).toEqual([
      { code: 'throttled', count: 2 },
      { code: 'access_denied', count: 1 },
    ]);
    expect(errorsByCode([record({ status: 'error', errorCode: null })])).toEqual([
      { code: 'unknown', count: 1 },
    ]);
  });
});

describe('budget', () => {
  it('warns from 80% and reports exceeded from 100%, both inclusive', () => {
    expect(budgetStatus(7.99, 10)?.level).toBe('under');
    expect(budgetStatus(8, 10)?.level).toBe('warning');
    expect(budgetStatus(9.99, 10)?.level).toBe('warning');
    expect(budgetStatus(10, 10)?.level).toBe('exceeded');
    expect(budgetStatus(12, 10)).toEqual({
      spentUsd: 12,
      budgetUsd: 10,
      share: 1.2,
      level: 'exceeded',
    });
    // 0.1 + 0.7 is 0.7999999999999999 in floating point: still 80% of $1.
    expect(budgetStatus(0.1 + 0.7, 1)?.level).toBe('warning');
  });

  it('has no status without a positive budget', () => {
    expect(budgetStatus(5, null)).toBeNull();
    expect(budgetStatus(5, 0)).toBeNull();
  });

  it('sums the estimated cost of the current local month up to now', () => {
    const records = [
      record({ at: '2025-02-28T23:00:00Z', costUsd: 1 }),
      record({ at: '2025-03-01T00:30:00Z', costUsd: 0.25 }),
      record({ at: '2025-03-15T11:00:00Z', costUsd: 0.5 }),
      record({ at: '2025-03-15T11:30:00Z', costUsd: null }),
      record({ at: '2025-03-20T00:00:00Z', costUsd: 4 }), // after now
    ];
    const now = new Date('2025-03-15T12:00:00Z');
    expect(monthToDateCost(records, now, 'UTC')).toBeCloseTo(0.75, 12);
    // In New York, 00:30 UTC on 1 March is still 28 February.
    expect(monthToDateCost(records, now, 'America/New_York')).toBeCloseTo(0.5, 12);
  });
});

describe('cost arithmetic at catalog prices', () => {
  it('prices tokens per thousand', () => {
    expect(tokensCost(2000, 0.00014)).toBeCloseTo(0.00028, 15);
    expect(tokensCost(0, 1)).toBe(0);
  });

  it('estimates the most a compare run can cost, model by model', () => {
    // Nova Micro: $0.000035 in / $0.00014 out per 1k. Claude 3 Haiku: $0.00025 / $0.00125.
    // 5 runs of 100 tokens in and at most 200 out:
    //   Nova Micro  500 in -> 0.0000175, 1000 out -> 0.00014  = 0.0001575
    //   Haiku       500 in -> 0.000125,  1000 out -> 0.00125  = 0.001375
    const estimate = estimateCompareCost(
      ['amazon.nova-micro-v1:0', 'us.anthropic.claude-3-haiku-20240307-v1:0', 'acme.unknown-v1:0'],
      100,
      200,
      5,
    );
    expect(estimate.maxUsd).toBeCloseTo(0.0015325, 12);
    expect(estimate.unpriced).toEqual(['acme.unknown-v1:0']);
  });

  it('keeps unknown costs apart when summing', () => {
    expect(sumCosts([0.25, null, 0.5, null])).toEqual({ usd: 0.75, unknown: 2 });
  });
});

describe('reply diversity', () => {
  it('counts distinct replies ignoring case and spacing, and averages word-set distances', () => {
    const d = replyDiversity(['Hello world', 'hello  world ', 'Goodbye world']);
    expect(d.replies).toBe(3);
    expect(d.distinct).toBe(2);
    // Pairs: (1,2) share both words -> 0; (1,3) and (2,3) share 1 of 3 words -> 2/3 each.
    expect(d.meanDistance).toBeCloseTo(4 / 9, 12);
  });

  it('is 0 for identical texts, 1 for disjoint ones, null with one reply', () => {
    expect(jaccardDistance('a b', 'b a')).toBe(0);
    expect(jaccardDistance('red car', 'blue boat')).toBe(1);
    expect(replyDiversity(['only one']).meanDistance).toBeNull();
  });
});
