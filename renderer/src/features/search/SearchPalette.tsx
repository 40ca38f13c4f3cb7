/**
 * The search palette (Ctrl/Cmd+K): notes and glossary, fully keyboard-driven. Up/Down move,
 * Enter opens, Escape closes, Tab cycles inside the dialog. Snippets are highlighted with <mark>,
 * built from text parts. A query that matches nothing says so and offers the nearest terms.
 */
import { useEffect, useId, useMemo, useRef, useState } from 'react';
import { useLocation } from 'wouter';
import type { SearchHit } from '../../lib/search';
import { trapTab } from '../../components/focus';
import { notesIndex } from '../../content/corpus';
import SearchResults from './SearchResults';
import NoMatch from './NoMatch';
import './search.css';

/** Keeps Tab and Shift+Tab inside the dialog. */
export default function SearchPalette({ onClose }: { onClose: () => void }) {
  const [query, setQuery] = useState('');
  const [active, setActive] = useState(0);
  const [, navigate] = useLocation();
  const input = useRef<HTMLInputElement>(null);
  const listId = useId();
  const hits = useMemo(() => notesIndex().search(query, 12), [query]);
  const suggestions = useMemo(
    () => (query.trim() && hits.length === 0 ? notesIndex().suggest(query, 4) : []),
    [query, hits],
  );

  useEffect(() => {
    const previous = document.activeElement as HTMLElement | null;
    input.current?.focus();
    return () => previous?.focus();
  }, []);

  const open = (hit: SearchHit) => {
    onClose();
    navigate(hit.kind === 'term' && hit.slug ? `/glossary/${hit.slug}` : `/notes/${hit.noteId}`);
  };
  const searchFor = (text: string) => {
    setQuery(text);
    setActive(0);
    input.current?.focus();
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
        onKeyDown={(e) => {
          if (e.key === 'Escape' && !e.defaultPrevented) onClose();
          trapTab(e, 'input, button');
        }}
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
          onChange={(e) => searchFor(e.target.value)}
          onKeyDown={onKeyDown}
        />
        <SearchResults
          listId={listId}
          hits={hits}
          active={active}
          onActivate={setActive}
          onOpen={open}
        />
        {query.trim() && hits.length === 0 ? (
          <NoMatch query={query} suggestions={suggestions} onPick={searchFor} />
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
