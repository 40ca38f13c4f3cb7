/**
 * The loss chart's geometry, pure so it is tested without a browser: loss against training step
 * for the training and validation series, axes from 0 to a rounded-up maximum, ticks at even steps.
 */
import type { LossPoint } from '../../../../../shared/customization-jobs-contract';
import { niceCeil, ticks, type Plot } from '../costs/chart-geometry';

/** The same plot area as the break-even chart's. */
export type LossPlot = Plot;

export interface LossGeometry {
  xMax: number;
  yMax: number;
  xTicks: number[];
  yTicks: number[];
  /** SVG path data ("M x y L x y ...") for each series; '' when it has no points. */
  training: string;
  validation: string;
  x: (step: number) => number;
  y: (loss: number) => number;
}

export function lossGeometry(
  training: readonly LossPoint[],
  validation: readonly LossPoint[],
  plot: LossPlot,
): LossGeometry {
  const all = [...training, ...validation];
  const xMax = niceCeil(Math.max(1, ...all.map((p) => p.step)));
  const yMax = niceCeil(Math.max(0.1, ...all.map((p) => p.loss)));
  const spanX = plot.width - plot.left - plot.right;
  const spanY = plot.height - plot.top - plot.bottom;
  const x = (step: number) => plot.left + (step / xMax) * spanX;
  const y = (loss: number) => plot.top + spanY - (Math.max(0, loss) / yMax) * spanY;
  const path = (points: readonly LossPoint[]) =>
    points
      .map((p, i) => `${i === 0 ? 'M' : 'L'} ${x(p.step).toFixed(1)} ${y(p.loss).toFixed(1)}`)
      .join(' ');
  return {
    xMax,
    yMax,
    xTicks: ticks(xMax, 5),
    yTicks: ticks(yMax, 5),
    training: path(training),
    validation: path(validation),
    x,
    y,
  };
}
