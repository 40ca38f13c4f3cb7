/**
 * The live experiment: ask a Bedrock model for the next word of a prompt N times and plot the
 * words it chose. Bedrock's Converse API returns no token probabilities, so repeated sampling is
 * how a real model's distribution becomes visible. Runs are saved in IndexedDB. A switch at the
 * top offers the learner's imported model instead (imported/), whose probabilities Bedrock does
 * return.
 *
 * A container: the form lives in `useLiveForm`, the run in `useLiveRun`; the parts are
 * LiveSettings, LiveResults and SavedExperiments.
 */
import { useState } from 'react';
import { ErrorPanel } from '../../components/ConnectionStatus';
import { ResultsRegion } from '../../components/ResultsRegion';
import { plural } from '../../lib/format';
import { LiveResults } from './LiveResults';
import { LiveSettings } from './LiveSettings';
import { SavedExperiments } from './SavedExperiments';
import { useLiveForm } from './use-live-form';
import { useLiveRun } from './use-live-run';
import { ImportedExperiment } from './imported/ImportedExperiment';
import { LiveModeSwitch, type LiveMode } from './imported/LiveModeSwitch';

/** Repeated sampling of a catalog model. */
function CatalogExperiment() {
  const { form, set, models, region } = useLiveForm();
  const run = useLiveRun();
  const { current, error } = run;
  const completed = current ? current.replies.filter((r) => r !== null).length : 0;
  return (
    <div className="lab-grid">
      <LiveSettings
        form={form}
        set={set}
        models={models}
        progress={run.progress}
        onRun={() => run.start(form, region)}
        onCancel={run.cancel}
      />
      <div className="lab-main">
        <ResultsRegion
          label="Live results"
          revealKey={run.reveal}
          announce={
            current && !run.progress ? `${plural(completed, 'reply', 'replies')} counted.` : null
          }
        >
          {error ? (
            <ErrorPanel
              error={error}
              footer={
                current
                  ? `The ${plural(completed, 'sample')} that completed ${completed === 1 ? 'is' : 'are'} kept.`
                  : undefined
              }
            />
          ) : null}
          <section className="card live-tally">
            {current ? (
              <LiveResults experiment={current} />
            ) : (
              <p className="empty">No run yet. Set a prompt and press Run.</p>
            )}
          </section>
        </ResultsRegion>
        <SavedExperiments
          onOpen={run.show}
          onDeleted={(id) => {
            if (current?.id === id) run.show(null);
          }}
        />
      </div>
    </div>
  );
}

export function LiveExperiment() {
  const [mode, setMode] = useState<LiveMode>('catalog');
  return (
    <>
      <LiveModeSwitch value={mode} onChange={setMode} />
      {mode === 'imported' ? <ImportedExperiment /> : <CatalogExperiment />}
    </>
  );
}
