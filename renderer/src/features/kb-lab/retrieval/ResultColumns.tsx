/** The three lists side by side (vector, lexical, hybrid) and the reranked list, where the eye is. */
import { ResultsRegion } from '../../../components/ResultsRegion';
import { plural } from '../../../lib/format';
import { HitColumn } from './HitColumn';
import { RerankPanel } from './RerankPanel';
import type { RetrievalRun } from './use-retrieval';

export function ResultColumns({ run }: { run: RetrievalRun }) {
  const { lists } = run;
  const vectorCount = Array.isArray(lists.vector) ? lists.vector.length : 0;
  const announce = `${plural(lists.lexical.length, 'lexical hit')}, ${plural(vectorCount, 'vector hit')}.`;
  return (
    <ResultsRegion
      label="Retrieved chunks"
      revealKey={run.id}
      announce={announce}
      className="kb-results"
    >
      <div className="kb-columns">
        <HitColumn
          title="Vector (cosine)"
          explain={
            lists.index
              ? 'The question’s embedding against every chunk’s: cosine similarity, 1 is the same direction.'
              : 'Chunks whose embeddings point the way the question’s does.'
          }
          hits={lists.vector}
          scoreLabel="cosine"
          digits={3}
          testId="kb-col-vector"
        />
        <HitColumn
          title="Lexical (BM25)"
          explain="Chunks that share the question’s words, rare words weighing more. Needs no Bedrock."
          hits={lists.lexical}
          scoreLabel="BM25"
          digits={2}
          testId="kb-col-lexical"
        />
        <HitColumn
          title="Hybrid (rank fusion)"
          explain="Both lists merged by reciprocal rank fusion: each chunk scores 1/(60 + rank) per list."
          hits={lists.hybrid}
          scoreLabel="RRF"
          digits={4}
          testId="kb-col-hybrid"
        />
      </div>
      {run.rerank ? <RerankPanel rerank={run.rerank} /> : null}
    </ResultsRegion>
  );
}
