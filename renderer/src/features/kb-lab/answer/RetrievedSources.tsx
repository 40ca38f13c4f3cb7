/** The chunks retrieval chose, numbered as the prompt numbers them, each linked to its passage. */
import { Link } from 'wouter';
import { formatCount } from '../../../lib/format';
import { countTokens } from '../../../lib/rag/tokens';
import { passageHref } from '../../notes/passage-target';
import type { RetrievalMode } from '../retrieval-api';
import type { Retrieved } from './use-grounded-answer';
import { SourceCard } from './SourceCard';

const SCORE_LABEL: Record<RetrievalMode, string> = {
  lexical: 'BM25',
  vector: 'cosine',
  hybrid: 'RRF',
};

export function RetrievedSources({ retrieved }: { retrieved: Retrieved }) {
  const { hits, mode } = retrieved;
  return (
    <section className="card" aria-labelledby="retrieved-heading">
      <h3 id="retrieved-heading">Retrieved sources ({mode})</h3>
      {hits.length === 0 ? (
        <p>
          Nothing matched: the prompt says no sources were retrieved, so a grounded model should say
          it cannot answer.
        </p>
      ) : (
        <>
          <p className="muted small">
            Each source shows the chunk&rsquo;s text as it is embedded and sent to the model
            (Markdown).
          </p>
          <ol className="source-list" aria-label="Retrieved sources">
            {hits.map((h, i) => {
              const target = h.parent ?? h.chunk;
              return (
                <SourceCard
                  key={h.chunk.id}
                  number={i + 1}
                  source={
                    <Link href={passageHref(h.noteId, target)}>
                      {h.noteTitle}
                      <span className="muted small">
                        {' '}
                        · {h.parent ? `parent of ${h.chunk.id}` : h.chunk.id} ·{' '}
                        {formatCount(countTokens(target.text))} tokens
                      </span>
                    </Link>
                  }
                  score={h.score}
                  scoreLabel={SCORE_LABEL[mode]}
                  text={target.text}
                  terms={h.matchedTerms}
                />
              );
            })}
          </ol>
        </>
      )}
      <details className="prompt-preview">
        <summary>The system prompt as sent (template filled with these sources)</summary>
        <pre>{retrieved.system}</pre>
      </details>
    </section>
  );
}
