/** Home's reading card: notes read per exam domain, and where to continue. */
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { CORPUS } from '../../content/corpus';
import { useProgress } from './progress';
import './notes.css';

export default function ReadingProgress() {
  const progress = useProgress();
  const total = CORPUS.notes.filter((n) => progress?.get(n.id)?.read).length;
  return (
    <section className="card reading-progress" aria-labelledby="reading-heading">
      <h2 id="reading-heading">Your reading</h2>
      <p className="muted" data-testid="reading-total">
        {total} of {CORPUS.notes.length} notes read.
      </p>
      <ul className="domain-progress">
        {EXAM_GUIDE.domains.map((d) => {
          const notes = CORPUS.notes.filter((n) => n.domain === d.id);
          const read = notes.filter((n) => progress?.get(n.id)?.read).length;
          return (
            <li key={d.id} data-testid={`domain-progress-${d.id}`}>
              <div className="domain-label">
                <span>
                  {d.id}. {d.title}
                </span>
                <span className="weight">
                  {read}/{notes.length}
                </span>
              </div>
              <div
                className="bar"
                role="progressbar"
                aria-valuemin={0}
                aria-valuemax={notes.length}
                aria-valuenow={read}
                aria-label={`Domain ${d.id}: ${read} of ${notes.length} notes read`}
              >
                <span style={{ width: `${notes.length ? (read / notes.length) * 100 : 0}%` }} />
              </div>
            </li>
          );
        })}
      </ul>
      <div className="actions">
        <Link href="/notes" className="button">
          Open notes
        </Link>
      </div>
    </section>
  );
}
