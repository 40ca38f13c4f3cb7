/**
 * The passage a link asked this note to show (`?passage=<start>-<end>`): read once when the note
 * opens, then dropped from the address (wouter keeps search parameters across navigations, and
 * the range belongs to this note only). Once rendered, the first marked piece is scrolled to the
 * middle of the pane.
 */
import { useEffect, useState } from 'react';
import { useLocation, useSearch } from 'wouter';
import type { Note } from '../../../../shared/notes';
import { parsePassage, type PassageRange } from './passage-target';

export function usePassageTarget(note: Note): PassageRange | null {
  const search = useSearch();
  const [, navigate] = useLocation();
  const [range] = useState(() => parsePassage(search, note.body.length));
  useEffect(() => {
    if (search.includes('passage=')) navigate(`/notes/${note.id}?`, { replace: true });
  }, [search, note.id, navigate]);
  useEffect(() => {
    if (!range) return;
    const frame = requestAnimationFrame(() => {
      const first = document.querySelector('.notes-layout mark.passage-target');
      first?.scrollIntoView({ block: 'center' });
    });
    return () => cancelAnimationFrame(frame);
  }, [range]);
  return range;
}
