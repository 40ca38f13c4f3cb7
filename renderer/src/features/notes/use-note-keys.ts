import { useEffect } from 'react';
import { useLocation } from 'wouter';
import type { Note } from '../../../../shared/notes';

/** [ and ] open the previous and next note (not while typing in a field). */
export function useNoteKeys(prev: Note | undefined, next: Note | undefined) {
  const [, navigate] = useLocation();
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      const typing =
        e.target instanceof HTMLElement &&
        e.target.closest('input, textarea, select, [contenteditable]');
      if (typing || e.ctrlKey || e.metaKey || e.altKey) return;
      if (e.key === '[' && prev) navigate(`/notes/${prev.id}`);
      if (e.key === ']' && next) navigate(`/notes/${next.id}`);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [prev, next, navigate]);
}
