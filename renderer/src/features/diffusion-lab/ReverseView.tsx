/**
 * Reverse diffusion with the exact optimal denoiser of a small bundled dataset: no neural
 * network, just E[x0 | x_t] as a softmax-weighted average of the training images. DDPM or DDIM,
 * a class "prompt" with classifier-free guidance, and every step viewable. A container: the run
 * and its playback live in `useReverseRun`.
 */
import { useState } from 'react';
import { ResultsRegion } from '../../components/ResultsRegion';
import { ReversePlayer } from './ReversePlayer';
import { ReverseSettingsPanel } from './ReverseSettingsPanel';
import { DEFAULT_REVERSE, useReverseRun, type ReverseSettings } from './use-reverse-run';

export function ReverseView() {
  const [settings, setSettings] = useState<ReverseSettings>(DEFAULT_REVERSE);
  const { run, busy, error, runs, player, start } = useReverseRun();
  return (
    <div className="lab-grid">
      <ReverseSettingsPanel
        settings={settings}
        set={(patch) => setSettings((s) => ({ ...s, ...patch }))}
        busy={busy}
        onGenerate={() => void start(settings)}
      />
      <div className="lab-main">
        {error ? (
          <p className="status status-error" role="alert">
            {error}
          </p>
        ) : null}
        <ResultsRegion
          label="Denoising steps"
          revealKey={runs > 0 ? runs : null}
          announce={run ? `Generated in ${run.frames.length} steps; playing.` : null}
        >
          <section className="card">
            {run ? (
              <ReversePlayer run={run} player={player} />
            ) : (
              <p className="empty">
                Choose a class and press Generate. The dataset is 24 pictures of 32×32 pixels that
                Stratum draws itself: six each of a cat, a tree, a house and a computer.
              </p>
            )}
          </section>
        </ResultsRegion>
      </div>
    </div>
  );
}
