/** "Undo last rating", shown once a rating was made in the session (also Ctrl/⌘+Z). */
import type { Session } from './session';

export function UndoRatingButton({ session, onUndo }: { session: Session; onUndo: () => void }) {
  if (session.done.length === 0) return null;
  return (
    <button type="button" onClick={onUndo} disabled={session.busy}>
      Undo last rating
    </button>
  );
}
