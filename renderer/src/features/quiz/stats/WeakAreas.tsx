/** The weakest task statements with the notes that teach them, and those not practised yet. */
import { Link } from 'wouter';
import { wilsonInterval } from '../../../../../shared/statistics';
import { notesForTask, ratio, type NoteFacts, type WeakArea } from '../../../lib/stats';
import { PracticeLink } from '../PracticeLink';
import { NOTES, percent, TASK_TITLE, tallyText } from './common';

function NoteLinks({ notes }: { notes: readonly NoteFacts[] }) {
  return (
    <ul className="stats-notes">
      {notes.map((n) => (
        <li key={n.id}>
          Read: <Link href={`/notes/${n.id}`}>{n.title}</Link>
        </li>
      ))}
    </ul>
  );
}

export function WeakAreas({ weak, unpractised }: { weak: WeakArea[]; unpractised: string[] }) {
  return (
    <section className="card" aria-labelledby="stats-weak-heading">
      <h2 id="stats-weak-heading">Work on next</h2>
      <p className="muted small">
        Ranked by the lowest accuracy you could plausibly have on each task statement: the lower end
        of a 95% range around your latest-answer accuracy. With few answers the range is wide, so a
        task with one right answer still ranks here until you answer more.
      </p>
      {weak.length === 0 ? (
        <p className="empty">
          No weak task statement among those you have practised: each is likely above 70%.
        </p>
      ) : (
        <ol className="weak-list" data-testid="stats-weak">
          {weak.map((w) => {
            const range = wilsonInterval(w.tally.questionsCorrect, w.tally.questions);
            return (
              <li key={w.task} data-testid={`stats-weak-${w.task}`}>
                <div>
                  <strong>
                    {w.task} {TASK_TITLE.get(w.task)}
                  </strong>
                </div>
                <div className="muted small">
                  {tallyText(w.tally)} (
                  {percent(ratio(w.tally.questionsCorrect, w.tally.questions))}; likely between{' '}
                  {percent(range.low)} and {percent(range.high)})
                </div>
                <NoteLinks notes={w.notes} />
                <div className="small">
                  Then{' '}
                  <PracticeLink intent={{ domain: Number(w.task[0]), task: w.task }}>
                    practise task {w.task}
                  </PracticeLink>
                  .
                </div>
              </li>
            );
          })}
        </ol>
      )}
      {unpractised.length > 0 ? (
        <>
          <h3>Not practised yet</h3>
          <ul className="unpractised">
            {unpractised.map((task) => {
              const note = notesForTask(task, NOTES, [], new Map(), 1)[0];
              return (
                <li key={task}>
                  <span>
                    {task} {TASK_TITLE.get(task)}
                  </span>
                  {note ? (
                    <span className="small">
                      {' '}
                      · Read: <Link href={`/notes/${note.id}`}>{note.title}</Link>
                    </span>
                  ) : null}
                </li>
              );
            })}
          </ul>
        </>
      ) : null}
    </section>
  );
}
