/**
 * A model's answer with its numbered citations: a number that names a retrieved source links to
 * that passage of its note; a number that names no source ([9] of 5) is flagged, not linked.
 */
import { Fragment } from 'react';
import { Link } from 'wouter';
import { parseCitations } from '../../../lib/rag/citations';
import { passageHref } from '../../notes/passage-target';
import type { LocalHit } from '../retrieval-api';

export function CitedText({ text, sources }: { text: string; sources: readonly LocalHit[] }) {
  const { parts } = parseCitations(text, sources.length);
  return (
    <p className="cited-text">
      {parts.map((part, i) =>
        part.kind === 'text' ? (
          <Fragment key={i}>{part.text}</Fragment>
        ) : (
          <span key={i} className="citation">
            [
            {part.refs.map((ref, j) => {
              const hit = ref.known ? sources[ref.n - 1] : undefined;
              const target = hit ? (hit.parent ?? hit.chunk) : null;
              return (
                <Fragment key={j}>
                  {j > 0 ? ', ' : null}
                  {hit && target ? (
                    <Link
                      href={passageHref(hit.noteId, target)}
                      aria-label={`Source ${ref.n}: ${hit.noteTitle}`}
                      title={`Open “${hit.noteTitle}” at the cited passage`}
                    >
                      {ref.n}
                    </Link>
                  ) : (
                    <span
                      className="citation-unknown"
                      data-testid="citation-unknown"
                      title={`No source ${ref.n}: the model was given ${sources.length}.`}
                    >
                      {ref.n}
                      <span aria-hidden="true">?</span>
                      <span className="sr-only"> (names no retrieved source)</span>
                    </span>
                  )}
                </Fragment>
              );
            })}
            ]
          </span>
        ),
      )}
    </p>
  );
}
