import { useLiveQuery } from 'dexie-react-hooks';
import type { NoteProgress } from '../../db/schema';
import { allProgress } from '../../db/note-progress';

/** Live read/bookmark state for every note (undefined while loading). */
export function useProgress(): Map<string, NoteProgress> | undefined {
  return useLiveQuery(allProgress, []);
}
