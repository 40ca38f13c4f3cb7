import { useEffect, useMemo } from 'react';
import { Link, useLocation, useParams } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { Note } from '../../../../shared/notes';
import { markOpened, setBookmarked, setRead } from '../../db/note-progress';
import type { NoteProgress } from '../../db/schema';
import { AVAILABLE_LABS } from '../../app/labs';
import { ScreenHeading } from '../../components/ScreenHeading';
import { CORPUS, notesForTask } from '../../content/corpus';
import { Markdown } from './Markdown';
import { useProgress } from './progress';
import './notes.css';

const taskTitle = new Map(EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.title])));
const domainTitle = new Map(EXAM_GUIDE.domains.map((d) => [d.id, d.title]));

function NoteTree({
  current,
  progress,
}: {
  current: string | null;
  progress?: Map<string, NoteProgress>;
}) {
  const currentDomain = current ? CORPUS.noteById.get(current)?.domain : undefined;
  return (
    <nav className="note-tree" aria-label="Notes by exam domain">
      {EXAM_GUIDE.domains.map((d) => {
        const ids = CORPUS.notes.filter((n) => n.domain === d.id).map((n) => n.id);
        const read = ids.filter((id) => progress?.get(id)?.read).length;
        return (
          <details key={d.id} open={currentDomain === undefined || currentDomain === d.id}>
            <summary>
              <span>
                {d.id}. {d.title}
              </span>
              <span className="count" aria-label={`${read} of ${ids.length} read`}>
                {read}/{ids.length}
              </span>
            </summary>
            {d.tasks.map((t) => (
              <div key={t.id} className="tree-task">
                <p className="tree-task-title">
                  {t.id} {t.title}
                </p>
                <ul>
                  {notesForTask(t.id).map((n) => (
                    <li key={n.id}>
                      <Link
                        href={`/notes/${n.id}`}
                        className={n.id === current ? 'tree-link active' : 'tree-link'}
                        aria-current={n.id === current ? 'page' : undefined}
                      >
                        <span
                          className={progress?.get(n.id)?.read ? 'dot read' : 'dot'}
                          aria-hidden="true"
                        />
                        <span>{n.title}</span>
                        {progress?.get(n.id)?.read ? (
                          <span className="sr-only"> (read)</span>
                        ) : null}
                      </Link>
                    </li>
                  ))}
                </ul>
              </div>
            ))}
          </details>
        );
      })}
    </nav>
  );
}

function Toc({ note }: { note: Note }) {
  if (note.headings.length < 2) return null;
  return (
    <nav className="toc" aria-label="On this page">
      <p className="toc-title">On this page</p>
      <ul>
        {note.headings.map((h) => (
          <li key={h.slug} className={`toc-${h.depth}`}>
            <a
              href={`#${h.slug}`}
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

function NoteView({ note, progress }: { note: Note; progress?: NoteProgress }) {
  const [, navigate] = useLocation();
  const index = CORPUS.notes.indexOf(note);
  const prev = CORPUS.notes[index - 1];
  const next = CORPUS.notes[index + 1];
  const bySlug = useMemo(() => CORPUS.termIndex, []);

  useEffect(() => {
    void markOpened(note.id);
    document.querySelector('.content')?.scrollTo({ top: 0 });
  }, [note.id]);

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

  const read = progress?.read ?? false;
  const bookmarked = progress?.bookmarked ?? false;
  const minutes = Math.max(1, Math.round(note.wordCount / 220));
  const labs = (note.labs ?? []).flatMap((id) => AVAILABLE_LABS[id] ?? []);

  return (
    <article className="note" aria-labelledby="note-title">
      <p className="breadcrumb">
        Domain {note.domain}: {domainTitle.get(note.domain)} · Task {note.tasks.join(', ')}
      </p>
      <ScreenHeading id="note-title">{note.title}</ScreenHeading>
      <p className="lede">{note.summary}</p>
      <div className="note-meta">
        <span className="muted small">
          {minutes} min read · reviewed {note.lastReviewed}
          {note.asOf ? ` · facts as of ${note.asOf}` : ''}
        </span>
        <div className="actions">
          <button
            type="button"
            className={read ? 'toggled' : 'primary'}
            aria-pressed={read}
            onClick={() => void setRead(note.id, !read)}
          >
            {read ? '✓ Read' : 'Mark as read'}
          </button>
          <button
            type="button"
            aria-pressed={bookmarked}
            className={bookmarked ? 'toggled' : ''}
            onClick={() => void setBookmarked(note.id, !bookmarked)}
          >
            {bookmarked ? '★ Bookmarked' : '☆ Bookmark'}
          </button>
        </div>
      </div>
      <ul className="chips" aria-label="Key terms">
        {note.keyTerms.map((t) => {
          const entry = bySlug.get(t.toLowerCase());
          return (
            <li key={t}>
              {entry ? (
                <Link href={`/glossary/${entry.slug}`} title={entry.definition}>
                  {t}
                </Link>
              ) : (
                t
              )}
            </li>
          );
        })}
      </ul>
      <div className="prose">
        <Markdown>{note.body}</Markdown>
      </div>
      {labs.length > 0 ? (
        <aside className="card try-it" aria-label="Try it">
          <strong>Try it:</strong>{' '}
          {labs.map((lab) => (
            <Link key={lab.path} href={lab.path} className="button">
              {lab.label}
            </Link>
          ))}
        </aside>
      ) : null}
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
      <p className="muted small">
        Keys: [ previous note · ] next note · {navigator.platform.includes('Mac') ? '⌘' : 'Ctrl'}+K
        search
      </p>
    </article>
  );
}

function NotesHome({ progress }: { progress?: Map<string, NoteProgress> }) {
  const lastOpened = [...(progress?.values() ?? [])]
    .filter((p) => p.lastOpenedAt && CORPUS.noteById.has(p.noteId))
    .sort((a, b) => (b.lastOpenedAt ?? '').localeCompare(a.lastOpenedAt ?? ''))[0];
  const resume = lastOpened ? CORPUS.noteById.get(lastOpened.noteId) : CORPUS.notes[0];
  const bookmarks = [...(progress?.values() ?? [])]
    .filter((p) => p.bookmarked && CORPUS.noteById.has(p.noteId))
    .sort((a, b) => (b.bookmarkedAt ?? '').localeCompare(a.bookmarkedAt ?? ''));
  const readCount = CORPUS.notes.filter((n) => progress?.get(n.id)?.read).length;
  return (
    <div className="notes-home">
      <ScreenHeading>Notes</ScreenHeading>
      <p className="lede">
        {CORPUS.notes.length} notes cover every task statement of the exam; {CORPUS.glossary.length}{' '}
        terms are in the <Link href="/glossary">glossary</Link>. You have read {readCount} of{' '}
        {CORPUS.notes.length}.
      </p>
      {resume ? (
        <section className="card">
          <h2>{lastOpened ? 'Continue reading' : 'Start here'}</h2>
          <Link href={`/notes/${resume.id}`} className="resume">
            <strong>{resume.title}</strong>
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
                  <span className="muted small">{taskTitle.get(n.tasks[0] ?? '')}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </div>
  );
}

export default function NotesScreen() {
  const params = useParams<{ id?: string }>();
  const progress = useProgress();
  const note = params.id ? CORPUS.noteById.get(params.id) : undefined;
  return (
    <div className="notes-layout">
      <NoteTree current={note?.id ?? null} progress={progress} />
      <div className="notes-main">
        {params.id && !note ? (
          <section>
            <ScreenHeading>Note not found</ScreenHeading>
            <p>
              There is no note called “{params.id}”. <Link href="/notes">Back to all notes</Link>.
            </p>
          </section>
        ) : note ? (
          <NoteView key={note.id} note={note} progress={progress?.get(note.id)} />
        ) : (
          <NotesHome progress={progress} />
        )}
      </div>
      {note ? <Toc note={note} /> : <span />}
    </div>
  );
}
