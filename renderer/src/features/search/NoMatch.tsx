/**
 * What the palette says when a query matches nothing: a plain sentence, and the glossary terms
 * whose names are nearest the query as buttons that search for them instead.
 */
import type { TermSuggestion } from '../../lib/search';

export default function NoMatch({
  query,
  suggestions,
  onPick,
}: {
  query: string;
  suggestions: TermSuggestion[];
  onPick: (term: string) => void;
}) {
  return (
    <div className="palette-empty">
      <p role="status" className="empty">
        No notes or terms match “{query.trim()}”.
      </p>
      {suggestions.length > 0 ? (
        <div className="suggestions" role="group" aria-label="Nearest terms">
          <span className="muted small">Nearest terms:</span>
          {suggestions.map((s) => (
            <button
              key={s.slug}
              type="button"
              className="suggestion"
              onClick={() => onPick(s.term)}
            >
              {s.term}
            </button>
          ))}
        </div>
      ) : null}
    </div>
  );
}
