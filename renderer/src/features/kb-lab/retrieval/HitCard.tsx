/** One retrieved chunk: rank, note, score, where it came from (hybrid), its text with matches marked. */
import type { ReactNode } from 'react';
import { markdownToPlainText } from '../../../../../shared/question-checks';
import { snippet } from '../../../lib/rag/highlight';
import type { LocalHit } from '../retrieval-api';
import { HighlightedText } from './HighlightedText';

export function HitCard({
  hit,
  scoreLabel,
  digits,
  children,
}: {
  hit: LocalHit;
  scoreLabel: string;
  digits: number;
  children?: ReactNode;
}) {
  const text = snippet(markdownToPlainText(hit.chunk.text), hit.matchedTerms);
  const from = hit.fusedFrom;
  return (
    <li className="kb-hit">
      <div className="kb-hit-head">
        <span className="kb-rank">#{hit.rank}</span>
        <span className="kb-note-title">{hit.noteTitle}</span>
        <span className="kb-score">
          {scoreLabel} {hit.score.toFixed(digits)}
        </span>
      </div>
      {from ? (
        <p className="muted small">
          lexical {from.lexical ? `#${from.lexical}` : '–'} · vector{' '}
          {from.vector ? `#${from.vector}` : '–'}
        </p>
      ) : null}
      {children}
      <p className="kb-hit-text">
        <HighlightedText text={text} terms={hit.matchedTerms} />
      </p>
      <p className="muted small">
        Chunk {hit.chunk.id}, {hit.chunk.tokens} tokens
        {hit.parent
          ? `; returned as its parent ${hit.parent.id} (${hit.parent.tokens} tokens)`
          : ''}
      </p>
    </li>
  );
}
