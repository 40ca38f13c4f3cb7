import type { JudgeMetric } from '../../../../../shared/eval-judge-contract';
import { useRunRatings, type PreferenceRow, type RatingRow } from '../../../db/eval-ratings';
import { cohenKappa, describeKappa, type KappaResult } from '../../../lib/eval/agreement';
import { METRIC_INFO, type ScoresEvent, type VerdictEvent } from '../../../lib/eval/judge';
import { formatPercent, plural } from '../../../lib/format';

/** Judge score and learner score for each response both rated (single mode, one metric). */
function scorePairs(
  events: readonly ScoresEvent[],
  ratings: readonly RatingRow[],
  metric: JudgeMetric,
) {
  const judge: number[] = [];
  const learner: number[] = [];
  for (const r of ratings) {
    const e = events.find((x) => x.itemId === r.itemId && x.responseKey === r.candidateId);
    const s = e?.scores.find((x) => x.metric === metric)?.score;
    if (typeof s === 'number') {
      judge.push(s);
      learner.push(r.score);
    }
  }
  return { judge, learner };
}

/** The judge's original-order preference and the learner's, for each item both compared. */
function preferencePairs(verdicts: readonly VerdictEvent[], prefs: readonly PreferenceRow[]) {
  const judge: string[] = [];
  const learner: string[] = [];
  for (const p of prefs) {
    const v = verdicts.find((x) => x.itemId === p.itemId && x.order === 'original');
    if (v?.preferredKey && v.preferredKey !== null) {
      judge.push(v.preferredKey);
      learner.push(p.preferred);
    }
  }
  return { judge, learner };
}

function KappaLine({ label, result }: { label: string; result: KappaResult }) {
  if (!result.ok) return <p>{`${label}: ${result.reason}`}</p>;
  const { kappa, n, observed } = result.value;
  return (
    <p>
      <strong>{`${label}: κ = ${kappa.toFixed(2)}`}</strong>
      {` (${describeKappa(kappa)}; ${plural(n, 'response')} rated by both, the same in ${formatPercent(observed)})`}
    </p>
  );
}

/** Cohen's kappa between the judge and the learner's own ratings (Human review tab). */
export function AgreementPanel({
  runId,
  mode,
  metrics,
  scores,
  verdicts,
}: {
  runId: string;
  mode: 'single' | 'pairwise';
  metrics: readonly JudgeMetric[];
  scores: readonly ScoresEvent[];
  verdicts: readonly VerdictEvent[];
}) {
  const ratings = useRunRatings(runId);
  if (!ratings) return null;
  const metric = metrics[0];
  return (
    <section className="card agreement" aria-labelledby="agreement-heading">
      <h3 id="agreement-heading">Agreement with your ratings</h3>
      <p className="hint">
        Cohen&apos;s kappa corrects the share of matching ratings for the matches chance alone would
        give: 1 is perfect agreement, 0 no better than chance.
      </p>
      {mode === 'single' && metric ? (
        <>
          <KappaLine
            label={`${METRIC_INFO[metric].label} vs your 1-5 ratings, exact`}
            result={(() => {
              const p = scorePairs(scores, ratings.ratings, metric);
              return p.judge.length === 0
                ? { ok: false, reason: 'rate responses on the Human review tab (1-5) to compare' }
                : cohenKappa(p.judge, p.learner);
            })()}
          />
          <KappaLine
            label="Quadratic-weighted (near misses count partly)"
            result={(() => {
              const p = scorePairs(scores, ratings.ratings, metric);
              return p.judge.length === 0
                ? { ok: false, reason: 'no response rated by both yet' }
                : cohenKappa(p.judge, p.learner, 'quadratic');
            })()}
          />
        </>
      ) : (
        <KappaLine
          label="Judge's preference vs your A/B choices"
          result={(() => {
            const p = preferencePairs(verdicts, ratings.preferences);
            return p.judge.length === 0
              ? { ok: false, reason: 'compare responses on the Human review tab (A/B) to compare' }
              : cohenKappa(p.judge, p.learner);
          })()}
        />
      )}
    </section>
  );
}
