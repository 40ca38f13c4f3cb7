/**
 * The 2-D view's data and drawing: a six-blob Gaussian mixture on the plane from -4 to 4, the
 * score field at a step, and the particles of a run.
 */
import { alphaBarAt, cosineSchedule, gmmScore, type Gmm2 } from '../../lib/diffusion';
import type { ParticlesResponse } from '../../workers/diffusion.worker';

export const GMM: Gmm2 = {
  means: Array.from(
    { length: 6 },
    (_, k) =>
      [Math.cos((k * Math.PI) / 3) * 2, Math.sin((k * Math.PI) / 3) * 2] as [number, number],
  ),
  sigma: 0.25,
  weights: [1, 1, 1, 1, 1, 1],
};
export const T = 1000;
export const PLANE_SIZE = 420;
const SCHEDULE = cosineSchedule(T);
const SCALE = PLANE_SIZE / 8; // the plane from -4 to 4

const toCanvas = ([x, y]: readonly [number, number]) =>
  [PLANE_SIZE / 2 + x * SCALE, PLANE_SIZE / 2 - y * SCALE] as const;

/** The step shown at `frame` of `run` (T before a run, 0 once it is done). */
export function stepAt(run: ParticlesResponse | null, frame: number): number {
  return run ? (frame < run.steps.length ? run.steps[frame]! : 0) : T;
}

/** Arrows of the mixture's score at step t: where each point of the plane is pushed. */
function drawScoreField(ctx: CanvasRenderingContext2D, color: string, t: number) {
  const ab = alphaBarAt(SCHEDULE, t);
  ctx.strokeStyle = color;
  ctx.globalAlpha = 0.45;
  for (let gx = -3.75; gx <= 3.76; gx += 0.5) {
    for (let gy = -3.75; gy <= 3.76; gy += 0.5) {
      const [sx, sy] = gmmScore([gx, gy], GMM, ab);
      const len = Math.hypot(sx, sy) || 1;
      const [cx, cy] = toCanvas([gx, gy]);
      const k = (Math.min(len, 4) / len) * 4;
      ctx.beginPath();
      ctx.moveTo(cx, cy);
      ctx.lineTo(cx + sx * k, cy - sy * k);
      ctx.stroke();
    }
  }
  ctx.globalAlpha = 1;
}

/** Draws the plane: score field (optional), the blobs, then the particles at `frame`. */
export function drawPlane(
  ctx: CanvasRenderingContext2D,
  run: ParticlesResponse | null,
  frame: number,
  showField: boolean,
) {
  const style = getComputedStyle(document.body);
  ctx.clearRect(0, 0, PLANE_SIZE, PLANE_SIZE);
  const t = stepAt(run, frame);
  if (showField && t > 0) drawScoreField(ctx, style.getPropertyValue('--muted'), t);
  ctx.fillStyle = style.getPropertyValue('--ok');
  for (const mean of GMM.means) {
    const [cx, cy] = toCanvas(mean);
    ctx.beginPath();
    ctx.arc(cx, cy, GMM.sigma * SCALE * 2, 0, Math.PI * 2);
    ctx.globalAlpha = 0.15;
    ctx.fill();
  }
  ctx.globalAlpha = 1;
  if (!run) return;
  ctx.fillStyle = style.getPropertyValue('--accent');
  for (const trajectory of run.trajectories) {
    const p = trajectory[Math.min(frame, trajectory.length - 1)]!;
    const [cx, cy] = toCanvas(p);
    ctx.fillRect(cx - 1.5, cy - 1.5, 3, 3);
  }
}
