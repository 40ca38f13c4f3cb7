import { describe, expect, it } from 'vitest';
import {
  chartGeometry,
  niceCeil,
  ticks,
} from '../../renderer/src/features/customization-lab/costs/chart-geometry';

const plot = { width: 600, height: 300, left: 60, right: 20, top: 10, bottom: 40 };

describe('break-even chart geometry', () => {
  it('rounds axis maxima up to 1, 2, 2.5 or 5 times a power of ten', () => {
    expect([0, 0.7, 1, 3, 2.2, 4_100, 260_000].map(niceCeil)).toEqual([
      1, 1, 1, 5, 2.5, 5_000, 500_000,
    ]);
    expect(ticks(100, 4)).toEqual([0, 25, 50, 75, 100]);
  });

  it('places each term where on-demand costs the same, and the axes take in both', () => {
    // $0.002 a request; $1,000 a month provisioned -> break-even at 500,000 requests.
    const g = chartGeometry(
      { provisioned: [{ term: 'none', monthlyUsd: 1_000 }], perRequestUsd: 0.002, volume: 100_000 },
      plot,
    );
    expect(g.crossings).toEqual([{ term: 'none', requests: 500_000, usd: 1_000 }]);
    expect(g.xMax).toBe(1_000_000); // 625,000 rounded up
    expect(g.yMax).toBe(2_000); // on-demand at 1,000,000 requests
    expect(g.x(0)).toBe(60);
    expect(g.x(1_000_000)).toBe(580);
    expect(g.y(0)).toBe(260);
    expect(g.y(2_000)).toBe(10);
  });

  it('has no crossing when a request costs nothing on demand', () => {
    const g = chartGeometry(
      { provisioned: [{ term: 'six-months', monthlyUsd: 50 }], perRequestUsd: 0, volume: 0 },
      plot,
    );
    expect(g.crossings[0]!.requests).toBeNull();
    expect(g.xMax).toBe(10);
  });
});
