/**
 * What a managed knowledge base is and what the console calls its parts. Vector stores: the
 * `StorageConfiguration.type` values of the bedrock-agent API reference, checked 2026-12-04.
 */
import { formatDate } from '../../../lib/format';

/** When the vector stores listed here were checked against the API reference. */
const VECTOR_STORES_CHECKED_ON = '2026-12-04';
const STORES = [
  'Amazon OpenSearch Serverless (the console can create one for you)',
  'Amazon OpenSearch Service managed clusters',
  'Amazon Aurora PostgreSQL (pgvector, through RDS)',
  'Amazon Neptune Analytics (GraphRAG)',
  'Amazon S3 Vectors',
  'Pinecone, Redis Enterprise Cloud and MongoDB Atlas (outside AWS)',
];

export function ManagedTeaching() {
  return (
    <aside className="card kb-teaching" aria-label="About managed knowledge bases">
      <h2>Your own documents, at scale</h2>
      <p>
        The other tabs run the whole pipeline in Stratum over a few dozen notes. A learner’s (or a
        company’s) own documents are served by <strong>Amazon Bedrock Knowledge Bases</strong>: it
        reads a <em>data source</em> (S3, a web crawler, Confluence, SharePoint, Salesforce), chunks
        and embeds it when you <em>sync</em>, and keeps the vectors in a vector store.
      </p>
      <p>
        Vector stores a knowledge base can use (API reference, checked{' '}
        {formatDate(VECTOR_STORES_CHECKED_ON)}):
      </p>
      <ul>
        {STORES.map((s) => (
          <li key={s}>{s}</li>
        ))}
      </ul>
      <p>
        In the console: <strong>Knowledge Bases</strong> lists them with their IDs;{' '}
        <strong>Test knowledge base</strong> opens a test window that makes the same two calls as
        here. With <em>Generate responses</em> off it is <code>Retrieve</code> (chunks with scores
        and source URIs); on, with a model chosen, it is <code>RetrieveAndGenerate</code> (an answer
        whose parts cite the chunks as footnotes).
      </p>
      <p className="muted small">
        Exam task 3.1 (RAG, vector stores, knowledge bases on Bedrock). Calls use your AWS account
        and region from Settings; a knowledge base belongs to one region.
      </p>
    </aside>
  );
}
