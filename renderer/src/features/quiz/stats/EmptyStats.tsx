/** The Stats tab before any answer: what will appear here, and where to start. */
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';

export function EmptyStats() {
  const heaviest = [...EXAM_GUIDE.domains].sort((a, b) => b.weight - a.weight)[0]!;
  return (
    <section className="card stats-empty" aria-labelledby="stats-empty-heading">
      <h2 id="stats-empty-heading">No answers yet</h2>
      <p>
        Your statistics appear here once you answer questions: accuracy by exam domain and task
        statement, a calendar of the days you practised, reviews coming due, and the task statements
        to work on next, with the notes that teach them.
      </p>
      <ol className="stats-steps">
        <li>
          Open <Link href="/practice">Quick practice</Link> and answer 10 questions from all
          domains, to see where you stand.
        </li>
        <li>
          Come back here: the weakest task statements link to the notes to read before trying again.
        </li>
        <li>
          Domain {heaviest.id}, {heaviest.title}, carries the most weight ({heaviest.weight}% of the
          scored content), so it is a good place to start if you are unsure.
        </li>
      </ol>
      <div className="actions">
        <Link href="/practice" className="button primary">
          Start quick practice
        </Link>
      </div>
    </section>
  );
}
