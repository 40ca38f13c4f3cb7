import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { CORPUS, notesForTask } from '../../content/corpus';
import type { NoteProgress } from '../../db/schema';

/** The notes by exam domain and task statement, with what has been read; the current note marked. */
export function NoteTree({
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
