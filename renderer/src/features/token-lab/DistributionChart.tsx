/**
 * The lab's picture: the next-token distribution as large bars, one per candidate (the most
 * probable first, the rest summed in one row). The light bar is the probability after
 * temperature; the solid bar what is left to sample from after top-k and top-p and
 * renormalising; a token cut by top-k or top-p keeps only a hatched bar and says which cut it;
 * the sampled (or greedy) token is marked. It repaints on every slider move.
 */
import { formatCount, formatPercent } from '../../lib/format';
import type { Candidate, PipelineResult } from '../../lib/sampling';
import { shownRows } from './candidate-order';

const pct = (p: number) => (p === 0 ? '0%' : p < 0.0001 ? '<0.01%' : formatPercent(p, 1));

type RowState = 'kept' | 'cut-k' | 'cut-p';

function rowState(result: PipelineResult, i: number): RowState {
  if (!result.keptByTopK[i]) return 'cut-k';
  return result.kept[i] ? 'kept' : 'cut-p';
}

const CUT_TEXT: Record<RowState, string> = {
  kept: '',
  'cut-k': 'cut by top-k',
  'cut-p': 'cut by top-p',
};

function Bar({ before, after, scale }: { before: number; after: number; scale: number }) {
  return (
    <span className="dist-track" aria-hidden="true">
      {/* scaleX, not width: a slider move then restyles the bars without a new layout. */}
      <span
        className="dist-before"
        style={{ transform: `scaleX(${Math.min(1, before / scale)})` }}
      />
      <span className="dist-final" style={{ transform: `scaleX(${Math.min(1, after / scale)})` }} />
    </span>
  );
}

export function DistributionChart({
  candidates,
  order,
  result,
  chosen,
  how,
  rows = 10,
}: {
  candidates: readonly Candidate[];
  /** Candidate indices, most probable first (see candidate-order.ts). */
  order: readonly number[];
  result: PipelineResult;
  chosen: number | null;
  how: 'sampled' | 'greedy' | null;
  rows?: number;
}) {
  const shown = shownRows(order, rows, chosen);
  const restCount = candidates.length - shown.length;
  let restBefore = 1;
  let restAfter = 1;
  for (const i of shown) {
    restBefore -= result.probs[i] ?? 0;
    restAfter -= result.final[i] ?? 0;
  }
  const top = order[0] ?? 0;
  const scale = Math.max(result.final[top] ?? 0, result.probs[top] ?? 0, 1e-9);
  return (
    <figure className="dist-chart" aria-labelledby="dist-caption">
      <figcaption id="dist-caption" className="dist-legend">
        <strong>Next-token probabilities</strong>
        <span>
          <i className="key key-before" /> after temperature
        </span>
        <span>
          <i className="key key-final" /> what is sampled from
        </span>
        <span>
          <i className="key key-cut" /> cut by top-k or top-p
        </span>
      </figcaption>
      <ol className="dist-rows" data-testid="distribution-chart">
        {shown.map((i) => {
          const state = rowState(result, i);
          const picked = i === chosen;
          return (
            <li key={i} className={`dist-row ${state}${picked ? ' picked' : ''}`}>
              <span className="dist-token">
                <code>{candidates[i]?.token}</code>
              </span>
              <Bar before={result.probs[i] ?? 0} after={result.final[i] ?? 0} scale={scale} />
              <span className="dist-value">
                {state === 'kept' ? pct(result.final[i] ?? 0) : CUT_TEXT[state]}
                {picked ? (
                  <span className="badge dist-picked">
                    {how === 'greedy' ? 'greedy' : 'sampled'}
                  </span>
                ) : null}
              </span>
            </li>
          );
        })}
        {restCount > 0 ? (
          <li className="dist-row rest">
            <span className="dist-token">{formatCount(restCount)} others</span>
            <Bar before={Math.max(0, restBefore)} after={Math.max(0, restAfter)} scale={scale} />
            <span className="dist-value">{pct(restAfter < 1e-9 ? 0 : restAfter)}</span>
          </li>
        ) : null}
      </ol>
    </figure>
  );
}
