import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import { formatDate } from '../../lib/format';

/** The exam's format and its domains with their weights, from the exam guide. */
export function ExamCard() {
  const { exam, domains } = EXAM_GUIDE;
  return (
    <section className="card" aria-labelledby="exam-heading">
      <h2 id="exam-heading">The exam at a glance</h2>
      <dl className="facts facts-row">
        <div>
          <dt>Questions</dt>
          <dd>
            {exam.questions} <small>({exam.scoredQuestions} scored)</small>
          </dd>
        </div>
        <div>
          <dt>Time</dt>
          <dd>{exam.minutes} min</dd>
        </div>
        <div>
          <dt>Pass mark</dt>
          <dd>
            {exam.passingScore} <small>of {exam.scaledScoreMax}</small>
          </dd>
        </div>
      </dl>
      <h3>Domains and weights</h3>
      <ol className="domains">
        {domains.map((d) => (
          <li key={d.id}>
            <div className="domain-label">
              <span>
                {d.id}. {d.title}
              </span>
              <span className="weight">{d.weight}%</span>
            </div>
            <div
              className="bar"
              role="img"
              aria-label={`Domain ${d.id} is ${d.weight} percent of the scored content`}
            >
              <span style={{ width: `${(d.weight / 30) * 100}%` }} />
            </div>
            <p className="muted small">Tasks {d.tasks.map((t) => t.id).join(', ')}</p>
          </li>
        ))}
      </ol>
      <p className="muted small">
        Exam guide version {exam.guideVersion} ({formatDate(`${exam.guidePublished}T00:00`)}).
        Scoring is compensatory: there is no minimum per domain, and wrong answers cost nothing
        extra.
      </p>
    </section>
  );
}
