/** The palette's result list: a listbox the search field drives with aria-activedescendant. */
import type { SearchHit } from '../../lib/search';

export default function SearchResults({
  listId,
  hits,
  active,
  onActivate,
  onOpen,
}: {
  listId: string;
  hits: SearchHit[];
  active: number;
  onActivate: (index: number) => void;
  onOpen: (hit: SearchHit) => void;
}) {
  return (
    <ul id={listId} role="listbox" aria-label="Results" className="palette-results">
      {hits.map((hit, i) => (
        <li
          key={hit.id}
          id={`${listId}-${i}`}
          role="option"
          aria-selected={i === active}
          className={i === active ? 'active' : undefined}
          // Movement, not the pointer merely resting where the palette opens, selects.
          onMouseMove={() => onActivate(i)}
          onClick={() => onOpen(hit)}
        >
          <span className="hit-kind">{hit.kind === 'note' ? 'Note' : 'Term'}</span>
          <strong>{hit.title}</strong>
          <span className="hit-snippet">
            {hit.snippet.map((part, j) =>
              part.hit ? <mark key={j}>{part.text}</mark> : <span key={j}>{part.text}</span>,
            )}
          </span>
        </li>
      ))}
    </ul>
  );
}
