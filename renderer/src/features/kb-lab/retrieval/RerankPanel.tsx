/** The reranked list: how each chunk moved (old rank -> new rank), the model's score, the cost. */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import { formatDuration, formatUsdOrUnknown } from '../../../lib/format';
import { HitCard } from './HitCard';
import type { RetrievalRun } from './use-retrieval';

function Move({ from, to }: { from: number; to: number }) {
  const label = from === to ? 'unchanged' : from > to ? 'moved up' : 'moved down';
  const arrow = from === to ? '=' : from > to ? '↑' : '↓';
  return (
    <p className={`kb-move kb-move-${label.replace(' ', '-')}`}>
      <span aria-hidden="true">{arrow}</span> was #{from}, now #{to}
      <span className="sr-only"> ({label})</span>
    </p>
  );
}

export function RerankPanel({ rerank }: { rerank: NonNullable<RetrievalRun['rerank']> }) {
  const { result, error, from } = rerank;
  return (
    <section className="card kb-rerank" aria-label="Reranked" data-testid="kb-rerank">
      <h3>Reranked ({from} list)</h3>
      <p className="muted small">
        A rerank model reads the question and each chunk together and scores how well the chunk
        answers it: slower than vectors, so it only reorders a short list.
        {result
          ? ` Cost ${formatUsdOrUnknown(result.costUsd)}, ${formatDuration(result.latencyMs)}.`
          : ''}
      </p>
      {error ? <ErrorPanel error={error} /> : null}
      {result ? (
        <ol className="kb-hits kb-hits-row">
          {result.hits.map((h) => (
            <HitCard key={h.chunk.id} hit={h} scoreLabel="relevance" digits={3}>
              <Move from={h.previousRank} to={h.rank} />
            </HitCard>
          ))}
        </ol>
      ) : null}
    </section>
  );
}
