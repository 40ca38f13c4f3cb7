import { describe, expect, it } from 'vitest';
import { estimateTraining } from '../../renderer/src/features/customization-lab/job/job-cost';
import { lossGeometry } from '../../renderer/src/features/customization-lab/job/loss-geometry';

describe('the estimated training cost before a job is sent', () => {
  it('is tokens x epochs x the price per 1,000 tokens entered for the same model', () => {
    const e = estimateTraining('nova-micro', 50_000, 2, {
      model: 'nova-micro',
      trainingUsdPer1k: 0.008,
    });
    expect(e).toEqual({ known: true, usd: 0.8, usdPer1k: 0.008 });
  });

  it('is unknown, naming the pricing page, without a price for that model', () => {
    for (const costs of [
      { model: 'nova-micro' as const, trainingUsdPer1k: null },
      { model: 'nova-lite' as const, trainingUsdPer1k: 0.01 },
    ]) {
      const e = estimateTraining('nova-micro', 50_000, 2, costs);
      expect(e.known).toBe(false);
      if (!e.known) {
        expect(e.reason).toMatch(/cost is unknown/);
        expect(e.reason).toContain('https://aws.amazon.com/bedrock/pricing/');
        expect(e.reason).toContain('Amazon Nova Micro');
      }
    }
  });
});

describe('the loss chart geometry', () => {
  const plot = { width: 200, height: 100, left: 20, right: 0, top: 0, bottom: 20 };
  it('maps step and loss onto the plot, from 0 to rounded-up maxima', () => {
    const g = lossGeometry(
      [
        { step: 0, epoch: 0, loss: 2 },
        { step: 9, epoch: 1, loss: 0.5 },
      ],
      [{ step: 9, epoch: 1, loss: 0.8 }],
      plot,
    );
    expect(g.xMax).toBe(10);
    expect(g.yMax).toBe(2);
    expect(g.x(0)).toBe(20);
    expect(g.x(10)).toBe(200);
    expect(g.y(0)).toBe(80);
    expect(g.y(2)).toBe(0);
    expect(g.training).toBe('M 20.0 0.0 L 182.0 60.0');
    expect(g.validation).toBe('M 182.0 48.0');
    expect(g.yTicks.map((t) => Number(t.toFixed(6)))).toEqual([0, 0.4, 0.8, 1.2, 1.6, 2]);
  });

  it('draws nothing for a series without points', () => {
    expect(lossGeometry([], [], plot).training).toBe('');
  });
});
