/**
 * Every stage of one decoding step, with exact numbers: logit, logit ÷ T, softmax, the top-k and
 * top-p filters, and the renormalised distribution. Long vocabularies show their top rows and
 * one row for everything else (the maths always runs over the whole vocabulary).
 */
import { formatCount, formatPercent } from '../../lib/format';
import type { Candidate, PipelineResult } from '../../lib/sampling';

const pct = (p: number) => (p === 0 ? '0' : p < 0.0001 ? '<0.01%' : formatPercent(p, 2));
const num = (x: number) => (Number.isFinite(x) ? x.toFixed(3) : x > 0 ? '∞' : '−∞');

export function PipelineTable({
  candidates,
  result,
  chosen,
  rows = 12,
  settings,
}: {
  candidates: readonly Candidate[];
  result: PipelineResult;
  chosen: number | null;
  rows?: number;
  settings: { temperature: number; topK: number | null; topP: number };
}) {
  // Rows in descending order of probability; the rest summarised in one row.
  const order = candidates
    .map((_, i) => i)
    .sort((a, b) => (result.probs[b] ?? 0) - (result.probs[a] ?? 0) || a - b);
  const shown = order.slice(0, rows);
  if (chosen !== null && !shown.includes(chosen)) shown.push(chosen);
  const rest = order.filter((i) => !shown.includes(i));
  const sum = (xs: readonly number[], idx: number[]) => idx.reduce((s, i) => s + (xs[i] ?? 0), 0);
  // Cumulative probability after top-k, in descending order: what top-p compares against p.
  const afterK = order.map((i) => (result.keptByTopK[i] ? (result.probs[i] ?? 0) : 0));
  const keptKTotal = afterK.reduce((a, b) => a + b, 0);
  const cumulative = new Map<number, number>();
  let running = 0;
  order.forEach((i, j) => {
    running += (afterK[j] ?? 0) / keptKTotal;
    cumulative.set(i, running);
  });

  return (
    <div className="table-wrap">
      <table className="pipeline" aria-label="Decoding pipeline for the next token">
        <thead>
          <tr>
            <th scope="col">Token</th>
            <th scope="col">Logit</th>
            <th scope="col">
              {result.greedy ? 'T = 0 (greedy)' : `Logit ÷ ${settings.temperature.toFixed(2)}`}
            </th>
            <th scope="col">Softmax</th>
            <th scope="col">Top-k {settings.topK === null ? '(off)' : `(k = ${settings.topK})`}</th>
            <th scope="col">Top-p cumulative (p = {settings.topP.toFixed(2)})</th>
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
          {rest.length > 0 ? (
            <tr className="rest">
              <th scope="row">{formatCount(rest.length)} other tokens</th>
              <td />
              <td />
              <td className="num">{pct(sum(result.probs, rest))}</td>
              <td>{formatCount(rest.filter((i) => result.keptByTopK[i]).length)} kept</td>
              <td>{formatCount(rest.filter((i) => result.kept[i]).length)} kept</td>
              <td className="num">{pct(sum(result.final, rest))}</td>
            </tr>
          ) : null}
        </tbody>
      </table>
    </div>
  );
}
