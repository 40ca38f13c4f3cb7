/**
 * A diffusion model that makes new images: a small denoising network trained here on thousands
 * of generated shape pictures, sampled with the same DDPM/DDIM and guidance controls as the
 * exact denoiser, which it sits beside. The learner can train their own. A container: runs,
 * training and saved models live in hooks.
 */
import { useState } from 'react';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { useDiffusionModels } from '../../../db/diffusion-models';
import { formatPercent } from '../../../lib/format';
import { ModelFacts } from './ModelFacts';
import { NetSettingsPanel } from './NetSettingsPanel';
import { SampleGrid } from './SampleGrid';
import { SideBySide } from './SideBySide';
import { TrainPanel } from './TrainPanel';
import { DEFAULT_NET_SETTINGS, useNetRun, useShippedInfo, type NetSettings } from './use-net-run';
import './trained.css';

export function TrainedView() {
  const [settings, setSettings] = useState<NetSettings>(DEFAULT_NET_SETTINGS);
  const saved = useDiffusionModels();
  const info = useShippedInfo();
  const { result, busy, error, runs, start } = useNetRun();
  const models = saved?.rows ?? [];
  const learner = models.find((m) => m.id === settings.model) ?? null;
  const set = (patch: Partial<NetSettings>) => setSettings((s) => ({ ...s, ...patch }));
  return (
    <div className="lab-grid trained-view">
      <NetSettingsPanel
        settings={
          settings.model === 'shipped' || learner ? settings : { ...settings, model: 'shipped' }
        }
        set={set}
        models={models}
        busy={busy}
        onGenerate={() => void start(settings, learner)}
      />
      <div className="lab-main">
        {error ? (
          <p className="status status-error" role="alert">
            {error}
          </p>
        ) : null}
        <ResultsRegion
          label="New images from the trained network"
          revealKey={runs > 0 ? runs : null}
          announce={
            result
              ? `Sampled ${result.figures.count} images: ${formatPercent(result.figures.validity, 0)} valid, ${formatPercent(result.figures.novelty, 0)} new.`
              : null
          }
        >
          {result ? (
            <>
              <SideBySide key={runs} result={result} />
              <SampleGrid result={result} />
            </>
          ) : (
            <section className="card">
              <p className="empty">
                Pick a shape and press Sample new images. A network trained on generated pictures
                makes pictures nobody drew; beside it, the exact denoiser gives back a training
                picture.
              </p>
            </section>
          )}
        </ResultsRegion>
        <TrainPanel onSaved={(model) => set({ model })} skipped={saved?.skipped ?? []} />
        <ModelFacts info={info} />
      </div>
    </div>
  );
}
