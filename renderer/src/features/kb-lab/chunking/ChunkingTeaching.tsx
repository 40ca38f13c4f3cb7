/** What chunking is called in the console, the exam task it serves, and Bedrock's vector stores. */
import { formatDate } from '../../../lib/format';

/** When the vector stores listed here were checked against the API reference. */
const VECTOR_STORES_CHECKED_ON = '2026-12-04';
export function ChunkingTeaching() {
  return (
    <aside className="card kb-teaching" aria-labelledby="kb-chunking-teaching">
      <h2 id="kb-chunking-teaching">Chunking in Bedrock</h2>
      <p>
        In the console, <strong>Chunking strategy</strong> is a setting of a knowledge base’s data
        source: Default, Fixed-size, Hierarchical, Semantic or No chunking (API:{' '}
        <code>FIXED_SIZE</code>, <code>HIERARCHICAL</code>, <code>SEMANTIC</code>, <code>NONE</code>
        ).
      </p>
      <p>
        Smaller chunks match a question more precisely; larger ones carry more context. Overlap
        keeps a sentence cut at a boundary whole in one of the two chunks. Hierarchical chunking
        searches small children and returns their larger parents.
      </p>
      <p>
        Sizes here are counted with Stratum’s own token rule (words and punctuation runs), close to
        but not the same as the embedding model’s tokenizer.
      </p>
      <h3>Vector stores a knowledge base can use</h3>
      <p className="small">
        As checked on {formatDate(VECTOR_STORES_CHECKED_ON)} (Bedrock API reference,{' '}
        <code>StorageConfiguration</code>): Amazon OpenSearch Serverless, Amazon OpenSearch Service
        managed clusters, Amazon S3 Vectors, Amazon Aurora PostgreSQL (RDS), Amazon Neptune
        Analytics, MongoDB Atlas, Pinecone and Redis Enterprise Cloud.
      </p>
      <p className="muted small">
        Exam task 3.1: describe design considerations for applications that use foundation models,
        including RAG, vector databases and chunking.
      </p>
    </aside>
  );
}
