import { describe, expect, it } from 'vitest';
import { costFigures } from '../../renderer/src/features/customization-lab/costs/cost-figures';
import type { CostInputs } from '../../renderer/src/features/customization-lab/costs/costs-store';
import { asOneLine } from '../../renderer/src/features/customization-lab/dataset/one-line';

const empty: CostInputs = {
  model: 'nova-micro',
  trainingTokens: 1_000_000,
  epochs: 2,
  trainingUsdPer1k: null,
  storageUsdPerMonth: null,
  hourly: { none: null, 'one-month': null, 'six-months': null },
  modelUnits: 2,
  onDemandInputUsdPer1k: null,
  onDemandOutputUsdPer1k: null,
  requestsPerMonth: 1_000,
  inputTokensPerRequest: 1_000,
  outputTokensPerRequest: 500,
};

describe('cost figures', () => {
  it('works nothing out until the prices are entered, and names what is missing', () => {
    const f = costFigures(empty);
    expect([f.trainingUsd, f.storagePerMonthUsd, f.perRequestUsd, f.onDemandMonthlyUsd]).toEqual([
      null,
      null,
      null,
      null,
    ]);
    expect(f.provisioned).toEqual([]);
    expect(f.missing).toHaveLength(4);
  });

  it('works out training, storage and each priced term from the entered prices', () => {
    const f = costFigures({
      ...empty,
      trainingUsdPer1k: 0.01,
      storageUsdPerMonth: 2,
      hourly: { none: 10, 'one-month': null, 'six-months': 5 },
      onDemandInputUsdPer1k: 0.001,
      onDemandOutputUsdPer1k: 0.002,
    });
    expect(f.trainingUsd).toBeCloseTo(20); // 1M tokens x 2 epochs / 1,000 x $0.01
    expect(f.storagePerMonthUsd).toBe(2);
    expect(f.perRequestUsd).toBeCloseTo(0.002); // 1 x 0.001 + 0.5 x 0.002
    expect(f.onDemandMonthlyUsd).toBeCloseTo(2);
    expect(f.provisioned).toEqual([
      { term: 'none', monthlyUsd: 14_600 }, // 2 units x $10 x 730 h
      { term: 'six-months', monthlyUsd: 7_300 },
    ]);
    expect(f.rows.map((r) => r.cheaper)).toEqual(['on-demand', 'on-demand']);
    expect(f.missing).toEqual([]);
  });
});

describe('the line editor', () => {
  it('keeps a record on one line', () => {
    expect(asOneLine('{"a": 1}')).toBe('{"a": 1}');
    expect(asOneLine('{\n  "prompt": "x",\n  "completion": "y"\n}')).toBe(
      '{"prompt":"x","completion":"y"}',
    );
    expect(asOneLine('{"prompt": "x",\n broken')).toBe('{"prompt": "x",  broken');
  });
});
