import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { isExamWide, type Note } from '../../../../shared/notes';
import { CORPUS, notesForTask } from '../../content/corpus';
import type { NoteProgress } from '../../db/schema';

/** Notes about the whole exam (domain 0): listed above the domains, counted in none of them. */
const EXAM_WIDE = CORPUS.notes.filter(isExamWide);

function TreeLink({
  note,
  current,
  progress,
}: {
  note: Note;
  current: string | null;
  progress?: Map<string, NoteProgress>;
}) {
  const read = progress?.get(note.id)?.read ?? false;
  return (
    <li>
      <Link
        href={`/notes/${note.id}`}
        className={note.id === current ? 'tree-link active' : 'tree-link'}
        aria-current={note.id === current ? 'page' : undefined}
      >
        <span className={read ? 'dot read' : 'dot'} aria-hidden="true" />
        <span>{note.title}</span>
        {read ? <span className="sr-only"> (read)</span> : null}
      </Link>
    </li>
  );
}

/** The notes by exam domain and task statement, with what has been read; the current note marked. */
export function NoteTree({
  current,
  progress,
}: {
  current: string | null;
  progress?: Map<string, NoteProgress>;
}) {
  const open = current ? CORPUS.noteById.get(current) : undefined;
  // Every domain stays open on the start page and beside an exam-wide note.
  const currentDomain = open && !isExamWide(open) ? open.domain : undefined;
  return (
    <nav className="note-tree" aria-label="Notes by exam domain">
      {EXAM_WIDE.length > 0 ? (
        <div className="tree-exam">
          <p className="tree-task-title">The whole exam</p>
          <ul>
            {EXAM_WIDE.map((n) => (
              <TreeLink key={n.id} note={n} current={current} progress={progress} />
            ))}
          </ul>
        </div>
      ) : null}
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
                    <TreeLink key={n.id} note={n} current={current} progress={progress} />
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
