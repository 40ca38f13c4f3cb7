import type { EvalJudgementRow } from '../../../db/eval-judgements';
import type { ScoresEvent, VerdictEvent } from '../../../lib/eval/judge';
import { plural } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { AgreementPanel } from './AgreementPanel';
import { JudgeEstimate } from './JudgeEstimate';
import { resumeJudge } from './judge-runs';
import { resumeLabel, resumePlan } from './judge-store';
import { PairwiseResults } from './PairwiseResults';
import { judgeRunTitle } from './SavedJudgeRuns';
import { ScoreTable } from './ScoreTable';

export function judgeStatus(r: EvalJudgementRow): string {
  const done = r.judgements.length;
  if (r.status === 'running') return `Judging… ${done} of ${plural(r.total, 'result')}.`;
  if (r.status === 'complete') return `Judged: ${plural(done, 'result')}.`;
  if (r.status === 'stopped') return `Stopped after ${plural(done, 'result')}; they are kept.`;
  return `Stopped by an error after ${plural(done, 'result')}; they are kept.`;
}

/** Resume, with what it sends and what that can cost. */
function ResumeButton({ run, judged }: { run: EvalRunRow; judged: EvalJudgementRow }) {
  if (judged.status === 'running' || judged.status === 'complete') return null;
  const plan = resumePlan(run, judged);
  if (plan.calls === 0) return null;
  return (
    <>
      <div className="actions">
        <button type="button" className="primary" onClick={() => resumeJudge(run, judged.id)}>
          {resumeLabel(plan)}
        </button>
      </div>
      <JudgeEstimate estimate={plan.estimate} />
      {plan.redone > 0 ? (
        <p className="hint">
          {`Pairwise judges an item's two orders together: ${plural(plan.redone, 'verdict')} already in will be judged again.`}
        </p>
      ) : null}
    </>
  );
}

/** One judge run's results (saved or streaming), its Resume, and the agreement with the learner. */
export function JudgeResults({
  run,
  judged,
  busy,
}: {
  run: EvalRunRow;
  judged: EvalJudgementRow;
  /** Another judge run is streaming (Resume waits for it). */
  busy: boolean;
}) {
  const prompts = new Map(run.items.map((i) => [i.id, i.prompt]));
  const labels = new Map(run.candidates.map((c) => [c.id, c.label]));
  const scores = judged.judgements.filter((e): e is ScoresEvent => e.kind === 'scores');
  const verdicts = judged.judgements.filter((e): e is VerdictEvent => e.kind === 'verdict');
  const metrics = judged.metrics.map((m) => m.metric);
  return (
    <>
      <section className="card" aria-labelledby="judge-results-heading">
        <h3 id="judge-results-heading">Judge results</h3>
        <p className="hint">{judgeRunTitle(judged)}</p>
        <p role="status">{judgeStatus(judged)}</p>
        {judged.error ? (
          <p className="error" role="alert">
            {`${judged.error.message} ${judged.error.remedy ?? ''}`}
          </p>
        ) : null}
        {busy ? null : <ResumeButton run={run} judged={judged} />}
        {judged.mode === 'single' ? (
          <ScoreTable events={scores} metrics={metrics} prompts={prompts} labels={labels} />
        ) : (
          <PairwiseResults verdicts={verdicts} prompts={prompts} labels={labels} />
        )}
      </section>
      <AgreementPanel
        runId={run.id}
        mode={judged.mode}
        metrics={metrics}
        scores={scores}
        verdicts={verdicts}
      />
    </>
  );
}
