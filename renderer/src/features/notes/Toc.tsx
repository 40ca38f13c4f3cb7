import type { Note } from '../../../../shared/notes';
import { useActiveHeading } from './use-active-heading';

/** "On this page": the note's headings (shown when it has two or more), the current one marked. */
export function Toc({ note }: { note: Note }) {
  const active = useActiveHeading(note.headings.map((h) => h.slug));
  if (note.headings.length < 2) return null;
  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc-title">On this page</p>
      <ul>
        {note.headings.map((h) => (
          <li key={h.slug} className={`toc-${h.depth}`}>
            <a
              href={`#${h.slug}`}
              aria-current={h.slug === active ? 'true' : undefined}
              onClick={(e) => {
                // Hash routing owns the URL fragment: scroll by hand instead.
                e.preventDefault();
                const target = document.getElementById(h.slug);
                target?.scrollIntoView({ behavior: 'smooth', block: 'start' });
                target?.setAttribute('tabindex', '-1');
                target?.focus({ preventScroll: true });
              }}
            >
              {h.text}
            </a>
          </li>
        ))}
      </ul>
    </nav>
  );
}
