/** Step 3: the model's hyperparameters, each within the range AWS documents for it. */
import { NumberField } from '../../../components/fields';
import { formatDate } from '../../../lib/format';
import {
  HYPERPARAMETERS,
  HYPERPARAMETERS_CHECKED_ON,
  customizationModel,
  decimalString,
} from '../../../../../shared/customization';
import { setJobForm, type JobForm } from './job-form-store';

export function HyperParameterFields({ form }: { form: JobForm }) {
  const ranges = HYPERPARAMETERS[form.model] ?? [];
  const label = customizationModel(form.model).label;
  return (
    <section className="card cl-job-hyper" aria-labelledby="cl-job-hyper-h">
      <h2 id="cl-job-hyper-h">3. Hyperparameters</h2>
      <p className="hint">
        {`The ranges and defaults AWS documents for ${label} (Custom model hyperparameters, as checked on ${formatDate(HYPERPARAMETERS_CHECKED_ON)}). Each epoch processes the whole training file once, so epochs multiply the training cost.`}
      </p>
      <div className="cl-job-grid">
        {ranges.map((r) => (
          <NumberField
            key={`${form.model}-${r.name}`}
            label={r.label}
            min={r.min}
            max={r.max}
            integer={r.type === 'integer'}
            value={form.hyper[r.name] ?? r.default}
            onChange={(value) => setJobForm({ hyper: { ...form.hyper, [r.name]: value } })}
            hint={`${r.name}: ${decimalString(r.min)} to ${decimalString(r.max)}, default ${decimalString(r.default)}`}
          />
        ))}
      </div>
    </section>
  );
}
