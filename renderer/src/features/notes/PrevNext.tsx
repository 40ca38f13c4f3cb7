import { Link } from 'wouter';
import type { Note } from '../../../../shared/notes';

/** Links to the previous and next note, in corpus order ([ and ] do the same). */
export function PrevNext({ prev, next }: { prev?: Note; next?: Note }) {
  return (
    <nav className="prev-next" aria-label="Previous and next note">
      {prev ? (
        <Link href={`/notes/${prev.id}`} className="button" aria-keyshortcuts="[">
          ← {prev.title}
        </Link>
      ) : (
        <span />
      )}
      {next ? (
        <Link href={`/notes/${next.id}`} className="button" aria-keyshortcuts="]">
          {next.title} →
        </Link>
      ) : null}
    </nav>
  );
}
