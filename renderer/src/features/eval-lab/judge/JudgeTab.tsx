import { useMemo } from 'react';
import { useSettings } from '../../../app/settings-context';
import { ResultsRegion } from '../../../components/ResultsRegion';
import { isCallableTextModel, modelOptions } from '../../../../../shared/models';
import type { ScoresEvent, VerdictEvent } from '../../../lib/eval/judge';
import { plural } from '../../../lib/format';
import { useCurrentRun } from '../runs-store';
import { AgreementPanel } from './AgreementPanel';
import { JudgeForm } from './JudgeForm';
import { MetricPicker } from './MetricPicker';
import { PairwiseResults } from './PairwiseResults';
import { RunPicker } from './RunPicker';
import { ScoreTable } from './ScoreTable';
import { useJudge, type JudgeRunState } from './judge-store';
import './judge.css';

function status(r: JudgeRunState): string {
  const done = r.events.length;
  if (r.status === 'running') return `Judging… ${done} of ${plural(r.total, 'result')}.`;
  if (r.status === 'complete') return `Judged: ${plural(done, 'result')}.`;
  if (r.status === 'stopped') return `Stopped after ${plural(done, 'result')}; they are kept.`;
  return `Stopped by an error after ${plural(done, 'result')}.`;
}

/** Model as judge: a judge model scores a run's responses against editable rubrics. */
export function JudgeTab() {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(
    () => modelOptions(region, (m) => isCallableTextModel(m) && m.features.toolUse),
    [region],
  );
  const run = useCurrentRun();
  const { settings, run: judged } = useJudge();
  const shown = judged && run && judged.runId === run.id ? judged : null;
  const prompts = new Map(run?.items.map((i) => [i.id, i.prompt]) ?? []);
  const labels = new Map(run?.candidates.map((c) => [c.id, c.label]) ?? []);
  const scores = shown?.events.filter((e): e is ScoresEvent => e.kind === 'scores') ?? [];
  const verdicts = shown?.events.filter((e): e is VerdictEvent => e.kind === 'verdict') ?? [];
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
            <MetricPicker settings={settings} />
            <JudgeForm
              run={run}
              settings={settings}
              models={models}
              running={shown?.status === 'running'}
            />
          </>
        ) : null}
      </section>
      {shown && run ? (
        <ResultsRegion
          label="Judge results"
          revealKey={shown.startedAt}
          announce={shown.status === 'running' ? null : status(shown)}
        >
          <section className="card" aria-labelledby="judge-results-heading">
            <h3 id="judge-results-heading">Judge results</h3>
            <p role="status">{status(shown)}</p>
            {shown.error ? (
              <p className="error" role="alert">
                {`${shown.error.message} ${shown.error.remedy ?? ''}`}
              </p>
            ) : null}
            {shown.mode === 'single' ? (
              <ScoreTable
                events={scores}
                metrics={shown.metrics}
                prompts={prompts}
                labels={labels}
              />
            ) : (
              <PairwiseResults verdicts={verdicts} prompts={prompts} labels={labels} />
            )}
          </section>
          <AgreementPanel
            runId={run.id}
            mode={shown.mode}
            metrics={shown.metrics}
            scores={scores}
            verdicts={verdicts}
          />
        </ResultsRegion>
      ) : null}
    </div>
  );
}
