import { useMemo } from 'react';
import { useSettings } from '../../../app/settings-context';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { isCallableTextModel, modelOptions } from '../../../../../shared/models';
import { useCurrentRun } from '../runs-store';
import { JudgeForm } from './JudgeForm';
import { JudgeResults, judgeStatus } from './JudgeResults';
import { useJudgeRunsOf } from './judge-runs';
import { shownJudgeRun, useJudge } from './judge-store';
import { MetricPicker } from './MetricPicker';
import { RunPicker } from './RunPicker';
import { SavedJudgeRuns } from './SavedJudgeRuns';
import './judge.css';

/** Model as judge: a judge model scores a run's responses against editable rubrics. */
export function JudgeTab() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(
    () => modelOptions(region, (m) => isCallableTextModel(m) && m.features.toolUse),
    [region],
  );
  const run = useCurrentRun();
  useJudgeRunsOf(run?.id ?? null);
  const judge = useJudge();
  const current = run && judge.forRunId === run.id ? judge : null;
  const shown = current ? shownJudgeRun(current) : null;
  return (
    <div className="judge-tab">
      <section className="card" aria-labelledby="judge-heading">
        <h2 id="judge-heading">Model as judge</h2>
        <p className="hint">
          Like Bedrock&apos;s judge jobs: another model reads each prompt and response, reasons, and
          scores it against a rubric. Its reply must match a JSON schema; one that does not is asked
          for once more and otherwise left unscored.
        </p>
        <RunPicker purpose="judge its responses" />
        {run ? (
          <>
            <MetricPicker settings={judge.settings} />
            <JudgeForm
              run={run}
              settings={judge.settings}
              models={models}
              running={judge.activeId !== null}
            />
          </>
        ) : null}
        {judge.storageError ? (
          <p className="error" role="alert">
            {judge.storageError}
          </p>
        ) : null}
        {current ? <SavedJudgeRuns state={current} /> : null}
      </section>
      {shown && run ? (
        <ResultsRegion
          label="Judge results"
          revealKey={judge.revealKey}
          announce={shown.status === 'running' ? null : judgeStatus(shown)}
        >
          <JudgeResults run={run} judged={shown} busy={judge.activeId !== null} />
        </ResultsRegion>
      ) : null}
    </div>
  );
}
