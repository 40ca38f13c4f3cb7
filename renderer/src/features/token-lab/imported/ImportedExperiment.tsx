/**
 * The live tab's imported-model experiment: a model brought in with Custom Model Import answers
 * with the real log probability of every token it generates, shown as a confidence strip with
 * each token's top alternatives. A container: the list lives in `useImportedModels`, the form and
 * run in `useImportedRun`; the parts are ImportedSettings and ImportedResult.
 */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { plural } from '../../../lib/format';
import { ImportedResult } from './ImportedResult';
import { ImportedSettings } from './ImportedSettings';
import { useImportedModels } from './use-imported-models';
import { useImportedRun } from './use-imported-run';
import './imported.css';

export function ImportedExperiment() {
  const list = useImportedModels();
  const run = useImportedRun();
  const models = list.models ?? [];
  const model = models.find((m) => m.arn === run.form.modelArn) ?? models[0] ?? null;
  const { result, error } = run;
  return (
    <div className="lab-grid imported-lab">
      <ImportedSettings
        list={list}
        model={model}
        form={run.form}
        set={run.set}
        running={run.running}
        onRun={() => model && run.run(model.arn)}
      />
      <div className="lab-main">
        {list.error ? (
          <ErrorPanel error={list.error} title="Could not list your imported models" />
        ) : null}
        <ResultsRegion
          label="Imported model results"
          revealKey={run.reveal}
          announce={
            result && !run.running
              ? `${plural(result.tokens.length, 'token')} with probabilities.`
              : null
          }
        >
          {error ? (
            <ErrorPanel
              error={error}
              title={
                error.code === 'model_error' ? 'The model’s answer could not be read' : undefined
              }
            />
          ) : null}
          <section className="card">
            {run.running ? (
              <p role="status">
                Waiting for the model. An imported model that has not run for a while may take some
                time to load.
              </p>
            ) : result ? (
              <ImportedResult result={result} selected={run.selected} onSelect={run.select} />
            ) : error ? (
              <p className="empty">Nothing to show: the run failed (see above).</p>
            ) : (
              <p className="empty">
                No run yet. Pick an imported model, write a prompt and press Generate.
              </p>
            )}
          </section>
        </ResultsRegion>
      </div>
    </div>
  );
}
