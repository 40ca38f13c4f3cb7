/** What the exam expects about serving a custom model, and what AWS offers now (dated). */
import { CUSTOM_MODEL_SERVING } from '../../../../../shared/customization';
import { formatDate } from '../../../lib/format';

export function ServingNote() {
  return (
    <section className="card cl-serving" aria-labelledby="cl-serving-h">
      <h2 id="cl-serving-h">Serving a custom model: what the exam expects</h2>
      <p>{CUSTOM_MODEL_SERVING.examAnswer}</p>
      <p>
        <strong>As checked on {formatDate(CUSTOM_MODEL_SERVING.checkedOn)}:</strong>{' '}
        {CUSTOM_MODEL_SERVING.onDemandNow}
      </p>
      <ul className="small">
        {CUSTOM_MODEL_SERVING.sources.map((s) => (
          <li key={s}>
            <a href={s} target="_blank" rel="noreferrer noopener">
              {s.replace('https://docs.aws.amazon.com/', '')}
            </a>
          </li>
        ))}
      </ul>
    </section>
  );
}
