/**
 * Reverse diffusion with the exact optimal denoiser of a small bundled dataset: no neural
 * network, just E[x0 | x_t] as a softmax-weighted average of the training images. DDPM or DDIM,
 * a class "prompt" with classifier-free guidance, and every step viewable.
 */
import { IntegerField, RangeField } from '../../components/fields';
import { useEffect, useId, useState } from 'react';
import type { SamplerKind } from '../../lib/diffusion';
import type { ReverseResponse } from '../../workers/diffusion.worker';
import { CLASSES } from '../../lib/drawings';
import { PixelCanvas } from './PixelCanvas';
import { runInWorker } from './worker-client';

export function ReverseView() {
  const [label, setLabel] = useState<string>('tree');
  const [guidance, setGuidance] = useState(2);
  const [sampler, setSampler] = useState<SamplerKind>('ddim');
  const [eta, setEta] = useState(0);
  const [steps, setSteps] = useState(50);
  const [seed, setSeed] = useState(3);
  const [scheduleKind, setScheduleKind] = useState<'linear' | 'cosine'>('cosine');
  const [run, setRun] = useState<ReverseResponse | null>(null);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [frame, setFrame] = useState(0);
  const [playing, setPlaying] = useState(false);
  const ids = {
    label: useId(),
    g: useId(),
    sampler: useId(),
    sched: useId(),
    frame: useId(),
  };

  const start = async () => {
    setBusy(true);
    setError(null);
    const res = await runInWorker({
      kind: 'reverse',
      scheduleKind,
      T: 1000,
      steps,
      sampler,
      eta: sampler === 'ddim' ? eta : 1,
      seed,
      classLabel: label || null,
      guidance: label ? guidance : 0,
    });
    setBusy(false);
    if (res.kind === 'error') {
      setError(res.message);
      return;
    }
    if (res.kind !== 'reverse') return;
    setRun(res);
    setFrame(0);
    setPlaying(true);
  };

  // Play: advance one frame every 80 ms until the end.
  useEffect(() => {
    if (!playing || !run) return;
    const id = setInterval(() => {
      setFrame((f) => {
        if (f >= run.frames.length) {
          setPlaying(false);
          return f;
        }
        return f + 1;
      });
    }, 80);
    return () => clearInterval(id);
  }, [playing, run]);

  const atEnd = run ? frame >= run.frames.length : false;
  const current = run && !atEnd ? run.frames[frame] : null;

  return (
    <div className="lab-grid">
      <aside className="card lab-side" aria-label="Reverse diffusion settings">
        <h2>Removing noise</h2>
        <div className="field">
          <label htmlFor={ids.label}>“Prompt” (class)</label>
          <select id={ids.label} value={label} onChange={(e) => setLabel(e.target.value)}>
            <option value="">None (unconditional)</option>
            {CLASSES.map((c) => (
              <option key={c} value={c}>
                {c}
              </option>
            ))}
          </select>
        </div>
        <div className="field">
          <label htmlFor={ids.g}>
            Guidance scale w <output className="value">{guidance.toFixed(1)}</output>
          </label>
          <input
            id={ids.g}
            type="range"
            min={0}
            max={6}
            step={0.5}
            value={guidance}
            disabled={!label}
            onChange={(e) => setGuidance(Number(e.target.value))}
          />
          <p className="hint">
            ε = ε_uncond + w (ε_cond − ε_uncond): 0 ignores the prompt, 1 follows it, more
            exaggerates it.
          </p>
        </div>
        <div className="field">
          <label htmlFor={ids.sampler}>Sampler</label>
          <select
            id={ids.sampler}
            value={sampler}
            onChange={(e) => setSampler(e.target.value === 'ddpm' ? 'ddpm' : 'ddim')}
          >
            <option value="ddim">DDIM (eta = 0 is deterministic)</option>
            <option value="ddpm">DDPM (adds fresh noise each step)</option>
          </select>
        </div>
        {sampler === 'ddim' ? (
          <RangeField
            label="eta"
            value={eta}
            min={0}
            max={1}
            step={0.1}
            display={eta.toFixed(1)}
            onChange={setEta}
          />
        ) : null}
        <RangeField label="Steps" value={steps} min={5} max={200} step={5} onChange={setSteps} />
        <div className="field">
          <label htmlFor={ids.sched}>Schedule (T = 1000)</label>
          <select
            id={ids.sched}
            value={scheduleKind}
            onChange={(e) => setScheduleKind(e.target.value === 'linear' ? 'linear' : 'cosine')}
          >
            <option value="cosine">Cosine</option>
            <option value="linear">Linear</option>
          </select>
        </div>
        <IntegerField label="Seed" value={seed} min={0} max={2147483647} onChange={setSeed} />
        <div className="actions">
          <button type="button" className="primary" onClick={() => void start()} disabled={busy}>
            {busy ? 'Generating…' : 'Generate'}
          </button>
        </div>
      </aside>
      <div className="lab-main">
        {error ? (
          <p className="status status-error" role="alert">
            {error}
          </p>
        ) : null}
        <section className="card">
          {run ? (
            <>
              <div className="equation">
                <figure>
                  <PixelCanvas
                    rgba={current ? current.xt : run.final}
                    size={run.size}
                    display={192}
                    label="The image being denoised"
                  />
                  <figcaption>{current ? `x_t at t = ${current.t}` : 'x₀ (finished)'}</figcaption>
                </figure>
                <figure>
                  <PixelCanvas
                    rgba={current ? current.x0hat : run.final}
                    size={run.size}
                    display={192}
                    label="The denoiser's prediction of the clean image"
                  />
                  <figcaption>predicted x₀</figcaption>
                </figure>
              </div>
              <div className="field">
                <label htmlFor={ids.frame}>
                  Step{' '}
                  <output className="value" data-testid="reverse-step">
                    {Math.min(frame, run.frames.length)} / {run.frames.length}
                  </output>
                </label>
                <input
                  id={ids.frame}
                  type="range"
                  min={0}
                  max={run.frames.length}
                  value={frame}
                  onChange={(e) => {
                    setPlaying(false);
                    setFrame(Number(e.target.value));
                  }}
                />
              </div>
              <div className="actions">
                <button
                  type="button"
                  onClick={() => {
                    if (atEnd) setFrame(0);
                    setPlaying(!playing);
                  }}
                >
                  {playing ? 'Pause' : 'Play'}
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setPlaying(false);
                    setFrame((f) => Math.min(run.frames.length, f + 1));
                  }}
                  disabled={atEnd}
                >
                  Step
                </button>
                <button
                  type="button"
                  onClick={() => {
                    setPlaying(false);
                    setFrame(run.frames.length);
                  }}
                  disabled={atEnd}
                >
                  Skip to end
                </button>
                <span className="muted small">
                  Computed in {run.ms.toFixed(0)} ms in a background worker.
                </span>
              </div>
              {atEnd ? (
                <p className="status status-warn" data-testid="memorised" role="note">
                  The result is training image #{run.nearest.index + 1} (a {run.nearest.label}),
                  reproduced almost exactly (RMS difference {run.nearest.rms.toFixed(4)}). An exact
                  denoiser can only return its training images: it memorises. Real diffusion models
                  learn an approximation that generalises, which is why they make new images (see
                  the 2-D view).
                </p>
              ) : null}
            </>
          ) : (
            <p className="empty">
              Choose a class and press Generate. The dataset is 24 pictures of 32×32 pixels that
              Stratum draws itself: six each of a cat, a tree, a house and a computer.
            </p>
          )}
        </section>
      </div>
    </div>
  );
}
