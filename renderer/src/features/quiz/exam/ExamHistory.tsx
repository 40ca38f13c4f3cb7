/** The submitted mock exams, newest first as stored, each with its estimate and a Review button. */
import { formatDateTime, formatDuration } from '../../../lib/format';
import type { ExamSession } from '../../../db/schema';
import { PASS_SCORE, timeUsedMs } from '../../../lib/mock-exam';

export function ExamHistory({
  exams,
  onOpen,
}: {
  exams: readonly ExamSession[];
  onOpen: (s: ExamSession) => void;
}) {
  const finished = exams.filter((e) => e.finishedAt !== null);
  return (
    <div className="card">
      <h2>Past mock exams</h2>
      {finished.length === 0 ? (
        <p className="empty">No mock exam submitted yet. Your results will be listed here.</p>
      ) : (
        <table className="exam-history">
          <thead>
            <tr>
              <th scope="col">Taken</th>
              <th scope="col" className="num">
                Correct
              </th>
              <th scope="col" className="num">
                Estimated score
              </th>
              <th scope="col">Estimate vs {PASS_SCORE}</th>
              <th scope="col" className="num">
                Time used
              </th>
              <th scope="col">
                <span className="sr-only">Open</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {finished.map((e) => (
              <tr key={e.id}>
                <td>{formatDateTime(e.startedAt)}</td>
                <td className="num">
                  {e.result ? `${e.result.correct} / ${e.result.total}` : '—'}
                </td>
                <td className="num">{e.result?.scaled ?? '—'}</td>
                <td>
                  {e.result ? (
                    <span className={e.result.passed ? 'badge badge-pass' : 'badge badge-fail'}>
                      {e.result.passed ? 'Pass' : 'Fail'} (estimate)
                    </span>
                  ) : (
                    '—'
                  )}
                </td>
                <td className="num">{formatDuration(timeUsedMs(e))}</td>
                <td>
                  <button type="button" onClick={() => onOpen(e)}>
                    Review
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
