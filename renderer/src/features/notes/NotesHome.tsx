import { Link } from 'wouter';
import { isExamWide } from '../../../../shared/notes';
import { CORPUS } from '../../content/corpus';
import type { NoteProgress } from '../../db/schema';
import { ScreenHeading } from '../../components/ScreenHeading';
import { taskTitle } from './note-titles';

/** The notes' start page: how much is read, where to continue, and the bookmarks. */
export function NotesHome({ progress }: { progress?: Map<string, NoteProgress> }) {
  const opened = [...(progress?.values() ?? [])]
    .filter((p) => p.lastOpenedAt && CORPUS.noteById.has(p.noteId))
    .sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''));
  // Continue with the latest note opened and not yet marked read; before any, start at the first.
  // Nothing while the progress is still being read: "Start here" would flash for a returning
  // learner before their place appears.
  const unread = opened.find((p) => !p.read);
  const resume = !progress
    ? undefined
    : unread
      ? CORPUS.noteById.get(unread.noteId)
      : opened.length === 0
        ? CORPUS.notes[0]
        : undefined;
  const bookmarks = [...(progress?.values() ?? [])]
    .filter((p) => p.bookmarked && CORPUS.noteById.has(p.noteId))
    .sort((a, b) => (b.bookmarkedAt ?? '').localeCompare(a.bookmarkedAt ?? ''));
  const readCount = CORPUS.notes.filter((n) => progress?.get(n.id)?.read).length;
  return (
    <div className="notes-home">
      <ScreenHeading>Notes</ScreenHeading>
      <p className="lede">
        {CORPUS.notes.length} notes cover every task statement of the exam; {CORPUS.glossary.length}{' '}
        terms are in the <Link href="/glossary">glossary</Link>.
        {progress ? ` You have read ${readCount} of ${CORPUS.notes.length}.` : ''}
      </p>
      {resume ? (
        <section className="card">
          <h2 id="resume-heading">{unread ? 'Continue reading' : 'Start here'}</h2>
          <Link
            href={`/notes/${resume.id}`}
            className="resume"
            aria-describedby="resume-heading"
            data-testid="resume"
          >
            <strong>
              {resume.title} <span aria-hidden="true">→</span>
            </strong>
            <span className="muted">{resume.summary}</span>
          </Link>
        </section>
      ) : null}
      <section className="card">
        <h2>Bookmarks</h2>
        {bookmarks.length === 0 ? (
          <p className="muted">No bookmarks yet. Use ☆ Bookmark on any note to keep it here.</p>
        ) : (
          <ul className="links">
            {bookmarks.map((b) => {
              const n = CORPUS.noteById.get(b.noteId)!;
              return (
                <li key={n.id}>
                  <Link href={`/notes/${n.id}`}>{n.title}</Link>
                  <span className="muted small">
                    {isExamWide(n) ? 'The whole exam' : taskTitle.get(n.tasks[0] ?? '')}
                  </span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}
