/**
 * The search palette (Ctrl/Cmd+K): notes and glossary, fully keyboard-driven. Up/Down move,
 * Enter opens, Escape closes. Snippets are highlighted with <mark>, built from text parts.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../lib/search';
import { notesIndex } from '../../content/corpus';
import './search.css';

export default function SearchPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => notesIndex().search(query, 12), [query]);

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previous?.focus();
  }, []);

  const open = (hit: SearchHit) => {
    onClose();
    navigate(hit.kind === 'term' && hit.slug ? `/glossary/${hit.slug}` : `/notes/${hit.noteId}`);
  };

  const onKeyDown = (e: React.KeyboardEvent) => {
    if (e.key === 'ArrowDown') {
      e.preventDefault();
      setActive((a) => Math.min(a + 1, hits.length - 1));
    } else if (e.key === 'ArrowUp') {
      e.preventDefault();
      setActive((a) => Math.max(a - 1, 0));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const hit = hits[active];
      if (hit) open(hit);
    } else if (e.key === 'Escape') {
      e.preventDefault();
      onClose();
    } else if (e.key === 'Tab') {
      e.preventDefault(); // focus stays in the dialog
    }
  };

  return (
    <div className="palette-backdrop" onMouseDown={onClose}>
      <div
        className="palette"
        role="dialog"
        aria-modal="true"
        aria-label="Search notes and glossary"
        onMouseDown={(e) => e.stopPropagation()}
      >
        <input
          ref={input}
          type="search"
          role="combobox"
          aria-expanded={hits.length > 0}
          aria-controls={listId}
          aria-activedescendant={hits[active] ? `${listId}-${active}` : undefined}
          aria-autocomplete="list"
          placeholder="Search notes and glossary…"
          value={query}
          onChange={(e) => {
            setQuery(e.target.value);
            setActive(0);
          }}
          onKeyDown={onKeyDown}
        />
        <ul id={listId} role="listbox" aria-label="Results" className="palette-results">
          {hits.map((hit, i) => (
            <li
              key={hit.id}
              id={`${listId}-${i}`}
              role="option"
              aria-selected={i === active}
              className={i === active ? 'active' : undefined}
              // Movement, not the pointer merely resting where the palette opens, selects.
              onMouseMove={() => setActive(i)}
              onClick={() => open(hit)}
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
        {query.trim() && hits.length === 0 ? (
          <p className="empty">Nothing matches “{query}”.</p>
        ) : null}
        {!query.trim() ? (
          <p className="muted small palette-hint">
            Type a term such as “provisioned throughput”, “RAG” or “ROUGE”. ↑↓ to move, Enter to
            open, Esc to close.
          </p>
        ) : null}
      </div>
    </div>
  );
}
