/**
 * One retrieved chunk as the lab shows it wherever chunks come back (the local pipeline's grounded
 * answer and a Bedrock knowledge base's Retrieve): its number, where it came from, its score, its
 * text (with the question's words marked) and any metadata.
 */
import type { ReactNode } from 'react';
import { highlightRuns } from '../../../lib/rag/highlight';
import './source-card.css';

export function SourceCard({
  number,
  source,
  score,
  scoreLabel,
  text,
  terms = [],
  details,
}: {
  number: number;
  /** Where the chunk came from: a link to its note, or the document's URI. */
  source: ReactNode;
  score: number | null;
  /** What the score is: "BM25", "cosine", "relevance". */
  scoreLabel: string;
  text: string;
  terms?: readonly string[];
  details?: ReactNode;
}) {
  return (
    <li className="source-card" data-testid="source-card">
      <div className="source-head">
        <span className="source-number" aria-label={`Source ${number}`}>
          [{number}]
        </span>
        <span className="source-name">{source}</span>
        <span className="source-score">
          {score === null ? 'no score sent' : `${scoreLabel} ${score.toFixed(score >= 10 ? 2 : 4)}`}
        </span>
      </div>
      <p className="source-text">
        {highlightRuns(text, terms).map((run, i) =>
          run.mark ? <mark key={i}>{run.text}</mark> : <span key={i}>{run.text}</span>,
        )}
      </p>
      {details}
    </li>
  );
}

/** Metadata as a key/value list (values as the service sent them, JSON text). */
export function MetadataList({ metadata }: { metadata: Record<string, string> }) {
  const entries = Object.entries(metadata);
  if (entries.length === 0) return null;
  return (
    <dl className="source-metadata">
      {entries.map(([k, v]) => (
        <div key={k}>
          <dt>{k}</dt>
          <dd>{v}</dd>
        </div>
      ))}
    </dl>
  );
}
