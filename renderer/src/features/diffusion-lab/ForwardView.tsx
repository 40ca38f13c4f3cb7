/**
 * Forward diffusion, live: pick or drop an image, choose a schedule and T, scrub t. Shows x_0,
 * the seeded noise, x_t = sqrt(ab) x_0 + sqrt(1 - ab) eps with both coefficients, the signal-to-
 * noise curve, and a filmstrip of steps.
 */
import { IntegerField, RangeField } from '../../components/fields';
import { useId, useMemo, useState, type DragEvent } from 'react';
import {
  alphaBarAt,
  cosineSchedule,
  forwardSample,
  gaussianArray,
  linearSchedule,
  snr,
  toRgba,
  toSignedPixels,
  type Schedule,
} from '../../lib/diffusion';
import { CLASSES, draw } from '../../lib/drawings';
import { PixelCanvas } from './PixelCanvas';

export const IMAGE_SIZE = 96;
/** Files larger than this are refused before decoding (a photo this big is not a picture to noise). */
const MAX_FILE_BYTES = 40 * 1024 * 1024;

export function makeSchedule(kind: 'linear' | 'cosine', T: number): Schedule {
  return kind === 'linear' ? linearSchedule(T) : cosineSchedule(T);
}

/** Decodes an image file and scales it (cover-cropped) to size x size; throws a learner-facing error. */
async function loadImageFile(file: File, size: number): Promise<Float32Array> {
  if (file.size > MAX_FILE_BYTES)
    throw new Error(`The file is ${(file.size / 1e6).toFixed(0)} MB; the limit is 40 MB.`);
  let bitmap: ImageBitmap;
  try {
    bitmap = await createImageBitmap(file);
  } catch {
    throw new Error(
      `“${file.name}” is not an image Stratum can read (PNG, JPEG, GIF, WebP or BMP).`,
    );
  }
  const canvas = document.createElement('canvas');
  canvas.width = size;
  canvas.height = size;
  const ctx = canvas.getContext('2d');
  if (!ctx) throw new Error('This browser cannot draw images.');
  const side = Math.min(bitmap.width, bitmap.height);
  ctx.drawImage(
    bitmap,
    (bitmap.width - side) / 2,
    (bitmap.height - side) / 2,
    side,
    side,
    0,
    0,
    size,
    size,
  );
  bitmap.close();
  return toSignedPixels(ctx.getImageData(0, 0, size, size).data);
}

function SnrChart({ schedule, t }: { schedule: Schedule; t: number }) {
  const W = 320;
  const H = 140;
  const points = (f: (t: number) => number, lo: number, hi: number) =>
    Array.from({ length: 101 }, (_, i) => {
      const tt = Math.max(1, Math.round((i / 100) * schedule.T));
      const y = Math.min(hi, Math.max(lo, f(tt)));
      return `${((tt / schedule.T) * W).toFixed(1)},${(H - ((y - lo) / (hi - lo)) * H).toFixed(1)}`;
    }).join(' ');
  const x = (t / schedule.T) * W;
  return (
    <svg
      viewBox={`0 0 ${W} ${H + 18}`}
      className="snr-chart"
      role="img"
      aria-label="Signal and noise over the steps"
    >
      <polyline
        points={points((tt) => Math.log10(snr(schedule, tt)), -5, 4)}
        className="line-snr"
      />
      <polyline
        points={points((tt) => Math.sqrt(alphaBarAt(schedule, tt)), 0, 1)}
        className="line-signal"
      />
      <polyline
        points={points((tt) => Math.sqrt(1 - alphaBarAt(schedule, tt)), 0, 1)}
        className="line-noise"
      />
      <line x1={x} x2={x} y1={0} y2={H} className="cursor" />
      <text x={4} y={H + 14} className="axis">
        t = 1
      </text>
      <text x={W - 4} y={H + 14} textAnchor="end" className="axis">
        t = {schedule.T}
      </text>
    </svg>
  );
}

export function ForwardView() {
  const [source, setSource] = useState<string>('house');
  const [custom, setCustom] = useState<{ name: string; pixels: Float32Array } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [kind, setKind] = useState<'linear' | 'cosine'>('linear');
  const [T, setT] = useState(1000);
  const [t, setStep] = useState(250);
  const [seed, setSeed] = useState(1);
  const ids = { src: useId(), kind: useId(), t: useId(), file: useId() };

  const x0 = useMemo(
    () =>
      source === 'custom' && custom
        ? custom.pixels
        : draw(CLASSES.find((c) => c === source) ?? 'house', IMAGE_SIZE, 0).pixels,
    [source, custom],
  );
  const schedule = useMemo(() => makeSchedule(kind, T), [kind, T]);
  const eps = useMemo(() => gaussianArray(IMAGE_SIZE * IMAGE_SIZE * 3, seed), [seed]);
  const tt = Math.min(t, T);
  const xt = useMemo(() => forwardSample(x0, eps, schedule, tt), [x0, eps, schedule, tt]);
  const ab = alphaBarAt(schedule, tt);
  const strip = useMemo(
    () =>
      Array.from({ length: 9 }, (_, i) => {
        const st = Math.max(1, Math.round((i / 8) * T));
        return {
          t: i === 0 ? 0 : st,
          rgba: i === 0 ? toRgba(x0) : toRgba(forwardSample(x0, eps, schedule, st)),
        };
      }),
    [x0, eps, schedule, T],
  );

  const accept = async (file: File | undefined) => {
    if (!file) return;
    setError(null);
    try {
      const pixels = await loadImageFile(file, IMAGE_SIZE);
      setCustom({ name: file.name, pixels });
      setSource('custom');
    } catch (e) {
      setError(`${e instanceof Error ? e.message : String(e)} Nothing was changed.`);
    }
  };

  return (
    <div className="lab-grid">
      <aside className="card lab-side" aria-label="Forward diffusion settings">
        <h2>Adding noise</h2>
        <div className="field">
          <label htmlFor={ids.src}>Image</label>
          <select id={ids.src} value={source} onChange={(e) => setSource(e.target.value)}>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                A {c} (drawn by Stratum)
              </option>
            ))}
            {custom ? <option value="custom">Your image: {custom.name}</option> : null}
          </select>
        </div>
        <div
          className="dropzone"
          onDragOver={(e) => e.preventDefault()}
          onDrop={(e: DragEvent) => {
            e.preventDefault();
            void accept(e.dataTransfer.files[0]);
          }}
        >
          <label htmlFor={ids.file}>Open or drop your own image</label>
          <input
            id={ids.file}
            type="file"
            accept="image/*"
            onChange={(e) => void accept(e.target.files?.[0])}
          />
          <p className="muted small">
            Scaled to {IMAGE_SIZE}×{IMAGE_SIZE}; it stays on this computer.
          </p>
        </div>
        {error ? (
          <p className="field-error" role="alert">
            {error}
          </p>
        ) : null}
        <div className="field">
          <label htmlFor={ids.kind}>Noise schedule</label>
          <select
            id={ids.kind}
            value={kind}
            onChange={(e) => setKind(e.target.value === 'cosine' ? 'cosine' : 'linear')}
          >
            <option value="linear">Linear (beta 1e-4 to 0.02, rescaled for T)</option>
            <option value="cosine">Cosine (Nichol and Dhariwal, s = 0.008)</option>
          </select>
        </div>
        <RangeField label="Steps T" value={T} min={50} max={1000} step={10} onChange={setT} />
        <IntegerField label="Noise seed" value={seed} min={0} max={2147483647} onChange={setSeed} />
      </aside>
      <div className="lab-main">
        <section className="card">
          <div className="field">
            <label htmlFor={ids.t}>
              Step t{' '}
              <output className="value" data-testid="forward-t">
                {tt}
              </output>
            </label>
            <input
              id={ids.t}
              type="range"
              min={1}
              max={T}
              step={1}
              value={tt}
              onChange={(e) => setStep(Number(e.target.value))}
            />
          </div>
          <div className="equation" aria-live="polite">
            <figure>
              <PixelCanvas rgba={toRgba(x0)} size={IMAGE_SIZE} label="The clean image x0" />
              <figcaption>x₀ (clean)</figcaption>
            </figure>
            <span className="op">× {Math.sqrt(ab).toFixed(4)} +</span>
            <figure>
              <PixelCanvas
                rgba={toRgba(eps.map((v) => v / 2))}
                size={IMAGE_SIZE}
                label="The noise epsilon"
              />
              <figcaption>ε (noise, seed {seed})</figcaption>
            </figure>
            <span className="op">× {Math.sqrt(1 - ab).toFixed(4)} =</span>
            <figure>
              <PixelCanvas
                rgba={toRgba(xt)}
                size={IMAGE_SIZE}
                label={`The noisy image at step ${tt}`}
              />
              <figcaption>x_t at t = {tt}</figcaption>
            </figure>
          </div>
          <p className="muted small" data-testid="forward-numbers">
            √ᾱ_t = {Math.sqrt(ab).toFixed(4)} (signal) · √(1 − ᾱ_t) = {Math.sqrt(1 - ab).toFixed(4)}{' '}
            (noise) · ᾱ_t = {ab.toExponential(3)} · SNR = {snr(schedule, tt).toExponential(2)}
          </p>
        </section>
        <section className="card">
          <h2>Signal and noise over the steps</h2>
          <SnrChart schedule={schedule} t={tt} />
          <p className="legend small">
            <span className="key key-signal" /> √ᾱ_t signal <span className="key key-noise" /> √(1 −
            ᾱ_t) noise <span className="key key-snr" /> log₁₀ SNR (−5 to 4)
          </p>
          <div className="filmstrip" aria-label="Filmstrip of steps">
            {strip.map((f) => (
              <figure key={f.t}>
                <PixelCanvas rgba={f.rgba} size={IMAGE_SIZE} display={72} label={`Step ${f.t}`} />
                <figcaption>t = {f.t}</figcaption>
              </figure>
            ))}
          </div>
          <p className="muted small">
            Training adds noise like this, one small step at a time, until nothing of the image is
            left; the model learns to predict the noise so that generation can run the process
            backwards.
          </p>
        </section>
      </div>
    </div>
  );
}
