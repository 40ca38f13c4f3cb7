/** One retriever's list: each hit's note, score and text with the question's words marked; or why it is empty. */
import { ErrorPanel } from '../../../components/ConnectionStatus';
import type { KbRetrievalError, LocalHit } from '../retrieval-api';
import { HitCard } from './HitCard';

const BEDROCK_ONLY = new Set([
  'no_credentials',
  'sso_expired',
  'invalid_credentials',
  'offline',
  'timeout',
]);

function WhyEmpty({ error }: { error: KbRetrievalError }) {
  if (error.reason === 'bedrock')
    return (
      <>
        <ErrorPanel error={error.error} />
        {BEDROCK_ONLY.has(error.error.code) ? (
          <p className="muted small">
            Vector search needs Bedrock to embed the question; the lexical column works without it.
          </p>
        ) : null}
      </>
    );
  return (
    <div className="status status-idle" role="status">
      <div>
        <p>{error.error.message}</p>
        {error.error.remedy ? <p>{error.error.remedy}</p> : null}
      </div>
    </div>
  );
}

export function HitColumn({
  title,
  explain,
  hits,
  scoreLabel,
  digits,
  testId,
}: {
  title: string;
  explain: string;
  hits: LocalHit[] | KbRetrievalError;
  scoreLabel: string;
  digits: number;
  testId: string;
}) {
  return (
    <section className="card kb-column" aria-label={title} data-testid={testId}>
      <h3>{title}</h3>
      <p className="muted small">{explain}</p>
      {!Array.isArray(hits) ? <WhyEmpty error={hits} /> : null}
      {Array.isArray(hits) && hits.length === 0 ? (
        <p className="empty">No chunk shares a word with the question.</p>
      ) : null}
      {Array.isArray(hits) ? (
        <ol className="kb-hits">
          {hits.map((h) => (
            <HitCard key={h.chunk.id} hit={h} scoreLabel={scoreLabel} digits={digits} />
          ))}
        </ol>
      ) : null}
    </section>
  );
}
