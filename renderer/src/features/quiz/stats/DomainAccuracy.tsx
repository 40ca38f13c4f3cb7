/** Accuracy per exam domain, as meters. */
import { EXAM_GUIDE } from '../../../../../shared/exam-guide';
import { ratio, type Accuracy } from '../../../lib/stats';
import { percent, tallyText } from './common';

export function DomainAccuracy({ acc }: { acc: Accuracy }) {
  return (
    <section className="card" aria-labelledby="stats-domains-heading">
      <h2 id="stats-domains-heading">Accuracy by domain</h2>
      <ul className="stats-domains">
        {EXAM_GUIDE.domains.map((d) => {
          const t = acc.byDomain.get(d.id);
          const share = t ? ratio(t.questionsCorrect, t.questions) : null;
          return (
            <li key={d.id} data-testid={`stats-domain-${d.id}`}>
              <div className="domain-label">
                <span>
                  {d.id}. {d.title} <span className="muted small">({d.weight}% of the exam)</span>
                </span>
                <span className="weight">{percent(share)}</span>
              </div>
              <div
                className="bar"
                role="meter"
                aria-valuemin={0}
                aria-valuemax={100}
                aria-valuenow={share === null ? 0 : Math.round(share * 100)}
                aria-label={`Domain ${d.id} accuracy`}
                aria-valuetext={t ? `${percent(share)}: ${tallyText(t)}` : 'not practised yet'}
              >
                <span style={{ width: `${(share ?? 0) * 100}%` }} />
              </div>
              <p className="muted small">
                {t
                  ? `${tallyText(t)} · all answers: ${t.answersCorrect} of ${t.answers} (${percent(ratio(t.answersCorrect, t.answers))})`
                  : 'Not practised yet.'}
              </p>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
