/** The mock-exam history: any exam in progress, and each finished one with its estimate. */
import { Link } from 'wouter';
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import { formatDateTime } from '../../../lib/format';
import { ratio, type FinishedExam } from '../../../lib/stats';
import { percent } from './common';

export function ExamHistory({ exams, unfinished }: { exams: FinishedExam[]; unfinished: number }) {
  return (
    <section className="card" aria-labelledby="stats-exams-heading">
      <h2 id="stats-exams-heading">Mock exams</h2>
      {unfinished > 0 ? (
        <p>
          {unfinished === 1 ? 'A mock exam is' : `${unfinished} mock exams are`} in progress:{' '}
          <Link href="/practice/exam">resume it in Mock exam</Link>.
        </p>
      ) : null}
      {exams.length > 0 ? <ExamTable exams={exams} /> : null}
    </section>
  );
}

function ExamTable({ exams }: { exams: FinishedExam[] }) {
  return (
    <>
      <p className="muted small">
        The scaled score is an estimate on the exam’s {EXAM_GUIDE.exam.scaledScoreMin}–
        {EXAM_GUIDE.exam.scaledScoreMax} scale (pass mark {EXAM_GUIDE.exam.passingScore}), not an
        official score.
      </p>
      <div className="table-wrap">
        <table className="stats-table">
          <thead>
            <tr>
              <th scope="col">Finished</th>
              <th scope="col" className="num">
                Right
              </th>
              <th scope="col" className="num">
                Estimate
              </th>
              <th scope="col">By domain</th>
            </tr>
          </thead>
          <tbody>
            {exams.map((e) => (
              <tr key={e.id}>
                <th scope="row">{formatDateTime(e.finishedAt)}</th>
                <td className="num">
                  {e.result.correct} of {e.result.total} (
                  {percent(ratio(e.result.correct, e.result.total))})
                </td>
                <td className="num">
                  {e.result.scaled}{' '}
                  <span className={e.result.passed ? 'badge-ok' : 'badge-below'}>
                    {e.result.passed ? 'pass' : 'below pass'}
                  </span>
                </td>
                <td className="small">
                  {Object.entries(e.result.byDomain)
                    .filter(([, t]) => t.total > 0)
                    .sort(([a], [b]) => a.localeCompare(b))
                    .map(([d, t]) => `D${d} ${t.correct}/${t.total}`)
                    .join(' · ')}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </>
  );
}
