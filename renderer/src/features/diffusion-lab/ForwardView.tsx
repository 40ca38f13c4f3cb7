/**
 * Forward diffusion, live: pick or drop an image, choose a schedule and T, scrub t. Shows x_0,
 * the seeded noise, x_t = sqrt(ab) x_0 + sqrt(1 - ab) eps with both coefficients, the signal-to-
 * noise curve, and a filmstrip of steps. A container: state in `useForwardDiffusion`.
 */
import { RangeField } from '../../components/fields';
import { snr, toRgba } from '../../lib/diffusion';
import { ForwardSettingsPanel } from './ForwardSettingsPanel';
import { PixelCanvas } from './PixelCanvas';
import { SnrChart } from './SnrChart';
import { IMAGE_SIZE, useForwardDiffusion } from './use-forward-diffusion';

/** Three significant digits as a plain decimal (0.524, 1.10, 0.0000403), never "5.241e-1". */
const threeDigits = new Intl.NumberFormat('en-US', {
  minimumSignificantDigits: 3,
  maximumSignificantDigits: 3,
});

export function ForwardView() {
  const lab = useForwardDiffusion();
  const { settings, set, t, alphaBar: ab, schedule } = lab;
  return (
    <div className="lab-grid">
      <ForwardSettingsPanel
        settings={settings}
        set={set}
        customName={lab.customName}
        error={lab.error}
        accept={lab.accept}
      />
      <div className="lab-main">
        <section className="card">
          <RangeField
            label="Step t"
            value={t}
            min={1}
            max={settings.T}
            step={1}
            onChange={(value) => set({ t: value })}
          />
          <div className="equation forward-equation" aria-live="polite">
            <figure>
              <PixelCanvas
                rgba={toRgba(lab.x0)}
                size={IMAGE_SIZE}
                fluid
                label="The clean image x0"
              />
              <figcaption>x₀ (clean)</figcaption>
            </figure>
            <span className="op">× {Math.sqrt(ab).toFixed(4)} +</span>
            <figure>
              <PixelCanvas
                rgba={toRgba(lab.eps.map((v) => v / 2))}
                size={IMAGE_SIZE}
                fluid
                label="The noise epsilon"
              />
              <figcaption>ε (noise, seed {settings.seed})</figcaption>
            </figure>
            <span className="op">× {Math.sqrt(1 - ab).toFixed(4)} =</span>
            <figure>
              <PixelCanvas
                rgba={toRgba(lab.xt)}
                size={IMAGE_SIZE}
                fluid
                label={`The noisy image at step ${t}`}
              />
              <figcaption>x_t at t = {t}</figcaption>
            </figure>
          </div>
          <p className="muted small" data-testid="forward-numbers">
            √ᾱ_t = {Math.sqrt(ab).toFixed(4)} (signal) · √(1 − ᾱ_t) = {Math.sqrt(1 - ab).toFixed(4)}{' '}
            (noise) · ᾱ_t = {threeDigits.format(ab)} · SNR = {threeDigits.format(snr(schedule, t))}
          </p>
        </section>
        <section className="card">
          <h2>Signal and noise over the steps</h2>
          <SnrChart schedule={schedule} t={t} />
          <p className="legend small">
            <span className="key key-signal" /> √ᾱ_t signal <span className="key key-noise" /> √(1 −
            ᾱ_t) noise <span className="key key-snr" /> log₁₀ SNR (−5 to 4)
          </p>
          <div className="filmstrip" aria-label="Filmstrip of steps">
            {lab.strip.map((f) => (
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
