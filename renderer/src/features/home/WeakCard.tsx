/** The three weakest task statements (Stats' Wilson ranking), each with Read and Practise. */
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { plural } from '../../lib/format';
import type { WeakArea } from '../../lib/stats';
import { PracticeLink } from '../quiz/PracticeLink';

const TITLE = new Map(EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => [t.id, t.title])));

export function WeakCard({ weak, answered }: { weak: readonly WeakArea[]; answered: number }) {
  return (
    <section className="card weak-card" aria-labelledby="weak-heading">
      <h2 id="weak-heading">Work on next</h2>
      {weak.length === 0 ? (
        <p className="muted">
          {answered === 0
            ? 'Answer a few questions and your weakest task statements show here.'
            : 'No weak task statement so far: every task you practised scores well.'}
        </p>
      ) : (
        <ol className="weak-list" data-testid="home-weak">
          {weak.map((w) => {
            const note = w.notes[0];
            return (
              <li key={w.task}>
                <span className="weak-title">
                  <strong>{w.task}</strong> {TITLE.get(w.task)}
                </span>
                <span className="muted small">
                  {w.tally.questionsCorrect} of {plural(w.tally.questions, 'question')} right
                </span>
                <span className="weak-actions">
                  {note ? <Link href={`/notes/${note.id}`}>Read</Link> : null}
                  <PracticeLink intent={{ task: w.task }}>Practise</PracticeLink>
                </span>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
