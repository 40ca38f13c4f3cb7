/**
 * The break-even chart's geometry, pure so it is tested without a browser: monthly cost against
 * requests per month, one sloped on-demand line and one flat line per Provisioned Throughput term,
 * the volumes where they cross, and "nice" axis ticks (1, 2, 2.5 or 5 times a power of ten).
 */
import type { CommitmentTerm } from '../../../../../shared/customization';

export interface ChartInput {
  /** Monthly Provisioned Throughput cost by term (terms without a price left out). */
  provisioned: { term: CommitmentTerm; monthlyUsd: number }[];
  /** On-demand cost of one request. */
  perRequestUsd: number;
  /** The learner's expected requests per month. */
  volume: number;
}

export interface Plot {
  width: number;
  height: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

export interface ChartGeometry {
  xMax: number;
  yMax: number;
  xTicks: number[];
  yTicks: number[];
  /** Requests per month at which each term's line meets the on-demand line (null: never). */
  crossings: { term: CommitmentTerm; requests: number | null; usd: number }[];
  x: (requests: number) => number;
  y: (usd: number) => number;
}

/** The smallest 1, 2, 2.5 or 5 x 10^k that is at least `n` (1 for n <= 0). */
export function niceCeil(n: number): number {
  if (!(n > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(n));
  for (const step of [1, 2, 2.5, 5, 10]) if (step * power >= n * (1 - 1e-12)) return step * power;
  return 10 * power;
}

/** Evenly spaced ticks from 0 to max inclusive. */
export function ticks(max: number, count = 5): number[] {
  return Array.from({ length: count + 1 }, (_, i) => (max * i) / count);
}

export function chartGeometry(input: ChartInput, plot: Plot): ChartGeometry {
  const crossings = input.provisioned.map(({ term, monthlyUsd }) => ({
    term,
    requests: input.perRequestUsd > 0 ? monthlyUsd / input.perRequestUsd : null,
    usd: monthlyUsd,
  }));
  const furthest = Math.max(0, ...crossings.map((c) => c.requests ?? 0));
  const xMax = niceCeil(Math.max(input.volume * 1.5, furthest * 1.25, 10));
  const flat = Math.max(0, ...input.provisioned.map((p) => p.monthlyUsd));
  const yMax = niceCeil(Math.max(xMax * input.perRequestUsd, flat * 1.1, 0.01));
  const spanX = plot.width - plot.left - plot.right;
  const spanY = plot.height - plot.top - plot.bottom;
  return {
    xMax,
    yMax,
    xTicks: ticks(xMax),
    yTicks: ticks(yMax),
    crossings,
    x: (requests) => plot.left + (Math.min(requests, xMax) / xMax) * spanX,
    y: (usd) => plot.top + spanY - (Math.min(usd, yMax) / yMax) * spanY,
  };
}
