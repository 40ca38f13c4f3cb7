/** Corpus BLEU (brevity penalty and n-gram precisions) and robustness, per candidate. */
import type { CandidateScores } from '../../../lib/eval';
import { formatPercent } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { METRIC_INFO } from './metric-info';

const f3 = (v: number) => v.toFixed(3);

export function CorpusBleuPanel({
  run,
  candidates,
}: {
  run: EvalRunRow;
  candidates: readonly CandidateScores[];
}) {
  const label = (id: string) => run.candidates.find((c) => c.id === id)?.label ?? id;
  return (
    <div className="eval-corpus-bleu">
      <h3>Corpus BLEU</h3>
      <p className="eval-explain">
        Corpus BLEU adds every item's clipped n-gram matches and totals before dividing (it is not
        the mean of sentence scores), then multiplies the geometric mean of the 1-4-gram precisions
        by the brevity penalty exp(1 − r/c) when the responses are shorter than the references
        (sacreBLEU's defaults: 13a tokens, exponential smoothing).
      </p>
      <div className="table-wrap">
        <table>
          <thead>
            <tr>
              <th scope="col">Candidate</th>
              <th scope="col">BLEU</th>
              <th scope="col">Brevity penalty</th>
              <th scope="col">p1 / p2 / p3 / p4</th>
              <th scope="col">Length ratio</th>
            </tr>
          </thead>
          <tbody>
            {candidates.map((c) =>
              c.corpusBleu ? (
                <tr key={c.candidateId}>
                  <td>{label(c.candidateId)}</td>
                  <td>{formatPercent(c.corpusBleu.score)}</td>
                  <td>{f3(c.corpusBleu.brevityPenalty)}</td>
                  <td>{c.corpusBleu.precisions.map(f3).join(' / ')}</td>
                  <td>{f3(c.corpusBleu.ratio)}</td>
                </tr>
              ) : null,
            )}
          </tbody>
        </table>
      </div>
    </div>
  );
}

export function RobustnessPanel({
  run,
  candidates,
}: {
  run: EvalRunRow;
  candidates: readonly CandidateScores[];
}) {
  const label = (id: string) => run.candidates.find((c) => c.id === id)?.label ?? id;
  const any = candidates.find((c) => c.robustness);
  return (
    <div className="eval-robustness">
      <h3>Robustness</h3>
      <p className="eval-explain">
        Robustness is how much a metric moves when the prompt is perturbed in ways that keep its
        meaning (typos, casing, whitespace, word order): for each item, the mean absolute change |s
        − s′| between the original and each perturbed copy, averaged over items, as Bedrock's
        robustness metric reports the change in the task's accuracy score. Lower is more robust.
      </p>
      {!any ? (
        <p className="muted">
          This run asked no perturbed prompts: tick a robustness option in the run form.
        </p>
      ) : (
        <div className="table-wrap">
          <table>
            <thead>
              <tr>
                <th scope="col">Candidate</th>
                <th scope="col">Metric</th>
                <th scope="col">Original → perturbed (mean)</th>
                <th scope="col">Mean absolute change</th>
                <th scope="col">By perturbation</th>
              </tr>
            </thead>
            <tbody>
              {candidates.map((c) =>
                c.robustness ? (
                  <tr key={c.candidateId}>
                    <td>{label(c.candidateId)}</td>
                    <td>{METRIC_INFO[c.robustness.metric].label}</td>
                    <td>
                      {formatPercent(c.robustness.overall.original)} →{' '}
                      {formatPercent(c.robustness.overall.perturbed)}
                    </td>
                    <td>{formatPercent(c.robustness.overall.meanAbsoluteDelta)}</td>
                    <td>
                      {c.robustness.byKind
                        .map((k) => `${k.kind} ${formatPercent(k.delta.meanAbsoluteDelta)}`)
                        .join(', ')}
                    </td>
                  </tr>
                ) : null,
              )}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}
