/**
 * Every stage of one decoding step, with exact numbers: logit, logit ÷ T, softmax, the top-k and
 * top-p filters, and the renormalised distribution. Long vocabularies show their top rows and
 * one row for everything else (the maths always runs over the whole vocabulary).
 */
import { formatCount, formatPercent } from '../../lib/format';
import type { Candidate, PipelineResult } from '../../lib/sampling';
import { shownRows } from './candidate-order';

const pct = (p: number) => (p === 0 ? '0' : p < 0.0001 ? '<0.01%' : formatPercent(p, 2));
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : x > 0 ? '∞' : '−∞');

export function PipelineTable({
  candidates,
  order,
  result,
  chosen,
  rows = 12,
  settings,
}: {
  candidates: readonly Candidate[];
  /** Candidate indices, most probable first (see candidate-order.ts). */
  order: readonly number[];
  result: PipelineResult;
  chosen: number | null;
  rows?: number;
  settings: { temperature: number; topK: number | null; topP: number };
}) {
  // Rows in descending order of probability; the rest summarised in one row.
  const shown = shownRows(order, rows, chosen);
  const inShown = new Set(shown);
  const restCount = candidates.length - shown.length;
  // The rest in one row: totals minus the shown rows (no pass over the rest's closures).
  const shownSum = (xs: readonly number[]) => shown.reduce((t, i) => t + (xs[i] ?? 0), 0);
  // Rounding leaves ~1e-16 where the rest holds nothing: show that as 0.
  const restOf = (xs: readonly number[]) => {
    const left = 1 - shownSum(xs);
    return left < 1e-9 ? 0 : left;
  };
  const restProbs = restOf(result.probs);
  const restFinal = restOf(result.final);
  // One pass for the counts kept and the probability top-k keeps (top-p's denominator).
  let keptK = 0;
  let kept = 0;
  let keptKTotal = 0;
  for (let i = 0; i < candidates.length; i++) {
    if (result.keptByTopK[i]) {
      keptK += 1;
      keptKTotal += result.probs[i] ?? 0;
    }
    if (result.kept[i]) kept += 1;
  }
  const restKeptK = keptK - shown.filter((i) => result.keptByTopK[i]).length;
  const restKept = kept - shown.filter((i) => result.kept[i]).length;
  // Cumulative probability after top-k, in descending order: what top-p compares against p.
  // Only as far down the order as the last shown row.
  const cumulative = new Map<number, number>();
  let running = 0;
  for (let j = 0, left = shown.length; j < order.length && left > 0; j++) {
    const i = order[j]!;
    if (result.keptByTopK[i]) running += (result.probs[i] ?? 0) / keptKTotal;
    if (inShown.has(i)) {
      cumulative.set(i, running);
      left -= 1;
    }
  }

  return (
    <div className="table-wrap">
      <p className="pipeline-legend small muted">
        ÷ T: logit divided by the temperature ({settings.temperature.toFixed(2)}
        {result.greedy ? ', greedy: the top token takes everything' : ''}) · Top-k:{' '}
        {settings.topK === null ? 'off' : `k = ${settings.topK}`} · Top-p cum.: cumulative share
        after top-k, compared with p = {settings.topP.toFixed(2)} · Final: renormalised, what is
        sampled from.
      </p>
      <table className="pipeline" aria-label="Decoding pipeline for the next token">
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col" className="num">
              Logit
            </th>
            <th scope="col" className="num">
              {result.greedy ? 'Greedy' : '÷ T'}
            </th>
            <th scope="col" className="num">
              Softmax
            </th>
            <th scope="col">Top-k</th>
            <th scope="col" className="num">
              Top-p cum.
            </th>
            <th scope="col">Final</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((i) => {
            const c = candidates[i]!;
            const final = result.final[i] ?? 0;
            return (
              <tr
                key={i}
                className={i === chosen ? 'chosen' : result.kept[i] ? undefined : 'dropped'}
              >
                <th scope="row">
                  <code>{c.token}</code>
                  {i === chosen ? <span className="badge badge-chosen">chosen</span> : null}
                </th>
                <td className="num">{num(c.logit)}</td>
                <td className="num">{result.greedy ? '—' : num(result.scaled[i] ?? 0)}</td>
                <td className="num">{pct(result.probs[i] ?? 0)}</td>
                <td>{result.keptByTopK[i] ? 'kept' : <s>cut</s>}</td>
                <td className="num">
                  {result.keptByTopK[i] ? (
                    result.keptByTopP[i] ? (
                      pct(cumulative.get(i) ?? 0)
                    ) : (
                      <s>{pct(cumulative.get(i) ?? 0)}</s>
                    )
                  ) : (
                    '—'
                  )}
                </td>
                <td className="final">
                  <span className="final-cell">
                    <span className="bar-cell">
                      <span className="bar-fill" style={{ width: `${final * 100}%` }} />
                    </span>
                    <span className="num">{pct(final)}</span>
                  </span>
                </td>
              </tr>
            );
          })}
          {restCount > 0 ? (
            <tr className="rest">
              <th scope="row">{formatCount(restCount)} other tokens</th>
              <td />
              <td />
              <td className="num">{pct(restProbs)}</td>
              <td>{formatCount(restKeptK)} kept</td>
              <td>{formatCount(restKept)} kept</td>
              <td className="num">{pct(restFinal)}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
