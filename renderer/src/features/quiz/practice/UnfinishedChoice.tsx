/**
 * Asked when another screen sends the learner to practise something (a task from Home or Stats)
 * while a quick-practice session is unfinished: keep going, or set it aside (with Undo) and set up
 * the new one.
 */
import type { Session } from './use-practice-session';

export function UnfinishedChoice({
  session,
  onContinue,
  onStartNew,
}: {
  session: Session;
  onContinue: () => void;
  onStartNew: () => void;
}) {
  return (
    <section className="card" aria-labelledby="unfinished-heading">
      <h2 id="unfinished-heading">You have an unfinished practice session</h2>
      <p>
        You are on question {session.index + 1} of {session.questions.length}, with{' '}
        {session.results.filter(Boolean).length} of {session.results.length} right so far. Keep
        going, or set it aside and start the practice you asked for? (Answers already given stay
        recorded either way.)
      </p>
      <div className="actions">
        <button type="button" className="primary" onClick={onContinue}>
          Continue the session
        </button>
        <button type="button" onClick={onStartNew}>
          Start the new practice
        </button>
      </div>
    </section>
  );
}
