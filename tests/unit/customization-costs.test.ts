/**
 * Customization costs against hand-computed examples. The prices here are ILLUSTRATIVE numbers
 * chosen for easy arithmetic, not AWS prices (the price table stays null until confirmed).
 */
import { describe, expect, it } from 'vitest';
import {
  breakEvenRequests,
  breakEvenSeries,
  commitmentTotalUsd,
  compareServing,
  CUSTOM_MODEL_SERVING,
  CUSTOMIZATION_MODELS,
  CUSTOMIZATION_PRICES,
  HOURS_PER_MONTH,
  onDemandCostPerRequestUsd,
  onDemandMonthlyUsd,
  provisionedMonthlyUsd,
  storageCostUsd,
  trainingCostUsd,
} from '../../shared/customization';

describe('training and storage', () => {
  it('training = tokens x epochs / 1,000 x price per 1,000 tokens', () => {
    // 2,000,000 tokens x 3 epochs = 6,000,000 tokens = 6,000 thousands; x $0.008 = $48.
    expect(trainingCostUsd(2_000_000, 3, 0.008)).toBeCloseTo(48, 10);
    // One epoch of 500 tokens at $0.004: 0.5 x 0.004 = $0.002.
    expect(trainingCostUsd(500, 1, 0.004)).toBeCloseTo(0.002, 12);
    expect(trainingCostUsd(0, 5, 1)).toBe(0);
  });

  it('storage = models x months x monthly fee', () => {
    // 2 custom models kept 6 months at $1.95 a month: 2 x 6 x 1.95 = $23.40.
    expect(storageCostUsd(6, 1.95, 2)).toBeCloseTo(23.4, 10);
    expect(storageCostUsd(1, 1.95)).toBeCloseTo(1.95, 10);
  });
});

describe('Provisioned Throughput against on-demand', () => {
  const traffic = { inputTokensPerRequest: 1_000, outputTokensPerRequest: 500 };
  const prices = { inputUsdPer1k: 0.002, outputUsdPer1k: 0.006 };

  it('prices a month of model units by the hour (730 hours by default)', () => {
    expect(HOURS_PER_MONTH).toBe(730);
    // 2 units x $20 an hour x 730 hours = $29,200.
    expect(provisionedMonthlyUsd(2, 20, HOURS_PER_MONTH)).toBe(29_200);
    // A 31-day month: 1 x $20 x 744 = $14,880.
    expect(provisionedMonthlyUsd(1, 20, 744)).toBe(14_880);
    // A 6-month term commits to 6 months: 14,600 x 6 = $87,600; no commitment commits to nothing.
    expect(commitmentTotalUsd(14_600, 'six-months')).toBe(87_600);
    expect(commitmentTotalUsd(14_600, 'none')).toBe(0);
  });

  it('prices on-demand per request and per month', () => {
    // 1,000 in x $0.002/1K = $0.002; 500 out x $0.006/1K = $0.003; together $0.005 a request.
    expect(onDemandCostPerRequestUsd(traffic, prices)).toBeCloseTo(0.005, 12);
    // 1,000,000 requests x $0.005 = $5,000 a month.
    expect(onDemandMonthlyUsd({ ...traffic, requests: 1_000_000 }, prices)).toBeCloseTo(5_000, 6);
  });

  it('finds the break-even volume where both cost the same', () => {
    // One unit at $10 an hour x 730 = $7,300 a month; $7,300 / $0.005 = 1,460,000 requests.
    const monthly = provisionedMonthlyUsd(1, 10);
    expect(monthly).toBe(7_300);
    expect(breakEvenRequests(monthly, traffic, prices)).toBeCloseTo(1_460_000, 3);
    // At that volume on-demand costs the same $7,300.
    expect(onDemandMonthlyUsd({ ...traffic, requests: 1_460_000 }, prices)).toBeCloseTo(7_300, 6);
    expect(breakEvenRequests(monthly, traffic, { inputUsdPer1k: 0, outputUsdPer1k: 0 })).toBeNull();
  });

  it('compares each term with a known price and says which is cheaper', () => {
    // Illustrative hourly prices: none $10, 1 month $8, 6 months $6; traffic 1,200,000 requests.
    // On-demand: 1,200,000 x $0.005 = $6,000.
    // none: 10 x 730 = 7,300 (on-demand cheaper), break-even 7,300 / 0.005 = 1,460,000.
    // 1 month: 8 x 730 = 5,840 (provisioned cheaper), break-even 1,168,000, commitment 5,840.
    // 6 months: 6 x 730 = 4,380, break-even 876,000, commitment 4,380 x 6 = 26,280.
    const rows = compareServing(
      1,
      { none: 10, 'one-month': 8, 'six-months': 6 },
      { ...traffic, requests: 1_200_000 },
      prices,
    );
    expect(rows.map((r) => [r.term, r.provisionedMonthlyUsd, r.commitmentUsd, r.cheaper])).toEqual([
      ['none', 7_300, 0, 'on-demand'],
      ['one-month', 5_840, 5_840, 'provisioned'],
      ['six-months', 4_380, 26_280, 'provisioned'],
    ]);
    expect(rows.map((r) => Math.round(r.breakEvenRequests ?? 0))).toEqual([
      1_460_000, 1_168_000, 876_000,
    ]);
    expect(rows.every((r) => Math.abs(r.onDemandMonthlyUsd - 6_000) < 1e-6)).toBe(true);
    // A term without a confirmed price is left out rather than guessed.
    expect(
      compareServing(
        1,
        { none: null, 'one-month': 8, 'six-months': null },
        { ...traffic, requests: 1 },
        prices,
      ).map((r) => r.term),
    ).toEqual(['one-month']);
  });

  it('gives chart points from zero to the chosen volume', () => {
    // 5 points to 2,000,000 requests: 0, 500k, 1M, 1.5M, 2M; on-demand 0, 2,500, 5,000, 7,500, 10,000.
    const points = breakEvenSeries(7_300, traffic, prices, 2_000_000, 5);
    expect(points.map((p) => p.requests)).toEqual([0, 500_000, 1_000_000, 1_500_000, 2_000_000]);
    expect(points.map((p) => Math.round(p.onDemandUsd))).toEqual([0, 2_500, 5_000, 7_500, 10_000]);
    expect(points.every((p) => p.provisionedUsd === 7_300)).toBe(true);
  });
});

describe('the dated price table and the serving note', () => {
  it('leaves every unconfirmed price null, with a dated note and the source page', () => {
    for (const model of CUSTOMIZATION_MODELS) {
      const p = CUSTOMIZATION_PRICES[model.id];
      expect(p.trainingUsdPer1kTokens).toBeNull();
      expect(p.storageUsdPerModelMonth).toBeNull();
      expect(Object.values(p.provisionedUsdPerUnitHour)).toEqual([null, null, null]);
      expect(p.checkedOn).toBe('2026-12-04');
      expect(p.note).toMatch(/^Not confirmed/);
      expect(p.source).toBe('https://aws.amazon.com/bedrock/pricing/');
    }
  });

  it('states the exam answer and what AWS now offers for on-demand custom models', () => {
    expect(CUSTOM_MODEL_SERVING.examAnswer).toMatch(/Provisioned Throughput/);
    expect(CUSTOM_MODEL_SERVING.onDemandNow).toMatch(/Nova Micro, Lite and Pro/);
    expect(CUSTOM_MODEL_SERVING.onDemandNow).toMatch(/2025-07-16/);
    expect(CUSTOM_MODEL_SERVING.checkedOn).toBe('2026-12-04');
  });
});
