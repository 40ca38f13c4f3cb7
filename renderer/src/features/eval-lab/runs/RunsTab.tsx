/** The Runs and metrics tab: the run form, the current run's status, saved runs and the results. */
import { currentRun, useEvalRuns } from '../runs-store';
import { MetricFitPanel } from './MetricFitPanel';
import { ResultsPanel } from './ResultsPanel';
import { RunForm } from './RunForm';
import { RunPicker } from './RunPicker';
import { RunStatus } from './RunStatus';
import './runs.css';

export function RunsTab() {
  const state = useEvalRuns();
  const run = currentRun(state);
  return (
    <div className="eval-runs lab-grid">
      <div className="lab-side stack">
        <RunForm />
      </div>
      <div className="stack">
        <RunPicker state={state} />
        {run ? <RunStatus run={run} active={state.active} /> : null}
        {run ? <ResultsPanel run={run} /> : null}
        {!run && state.loaded ? (
          <p className="card muted">
            No run yet: pick a dataset and candidates, then Run. Every call is logged in the
            invocation log with its cost.
          </p>
        ) : null}
        <MetricFitPanel />
      </div>
    </div>
  );
}
