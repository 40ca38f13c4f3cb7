/** Semantic similarity on demand, with what it is and is not (BERTScore). */
import { formatPercent, formatUsd, plural } from '../../../lib/format';
import type { EvalRunRow } from '../runs-store';
import { computeSemantic, useSemantic } from './semantic-store';

export function SemanticPanel({ run }: { run: EvalRunRow }) {
  const result = useSemantic(run.id);
  const withReference = run.items.some((i) => !i.perturbation && i.referenceResponse);
  return (
    <div className="eval-semantic">
      <h3>Semantic similarity</h3>
      <p className="eval-explain">
        The cosine between a response's and its reference's sentence embeddings (Amazon Titan Text
        Embeddings V2, 512 dimensions): close to 1 when they mean much the same in other words. This
        is not BERTScore. BERTScore embeds every token in context with a BERT-style model, matches
        each response token to its most similar reference token and reports precision, recall and F1
        of those matches; Bedrock's embedding models return one vector per text, not per token, so
        it cannot be computed from them.
      </p>
      {!withReference ? (
        <p className="muted">This dataset has no references to compare with.</p>
      ) : (
        <button
          type="button"
          disabled={result?.status === 'running'}
          onClick={() => void computeSemantic(run)}
        >
          {result ? 'Compute again' : 'Compute semantic similarity'} (embeds{' '}
          {plural(run.responses.length + run.items.length, 'text')} or fewer)
        </button>
      )}
      {result?.status === 'running' ? <p role="status">Embedding…</p> : null}
      {result?.error ? (
        <p className="status status-error" role="alert">
          {result.error.message} {result.error.remedy ?? ''}
        </p>
      ) : null}
      {result && result.status !== 'running' ? (
        <ul className="eval-semantic-means">
          {run.candidates.map((c) => (
            <li key={c.id}>
              {c.label}:{' '}
              {result.means[c.id] !== undefined ? formatPercent(result.means[c.id] ?? 0) : '–'}
            </li>
          ))}
          <li className="muted small">Embedding cost: {formatUsd(result.costUsd)}</li>
          {result.responses !== run.responses.length ? (
            <li className="muted small">More responses arrived since: compute again.</li>
          ) : null}
        </ul>
      ) : null}
    </div>
  );
}
