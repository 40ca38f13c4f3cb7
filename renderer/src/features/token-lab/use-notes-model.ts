/**
 * The small notes model, trained once on first use. Training takes a moment, so it starts after
 * a short delay that lets "Training…" paint first; `ready` turns true when it is done.
 */
import { useEffect, useState } from 'react';
import { notesModel } from './ngram-model';

export function useNotesModelReady(): boolean {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    const t = setTimeout(() => {
      notesModel();
      setReady(true);
    }, 20);
    return () => clearTimeout(t);
  }, []);
  return ready;
}
