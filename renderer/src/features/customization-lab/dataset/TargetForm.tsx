/** The model and customization method a dataset is built and checked for, with the record shape they take. */
import {
  CUSTOMIZATION_MODELS,
  customizationModel,
  methodSupport,
  SHAPE_LABELS,
  type CustomizationMethod,
  type CustomizationModelId,
  type DatasetTarget,
} from '../../../../../shared/customization';
import { formatDate } from '../../../lib/format';
import { SelectField } from '../../../components/choice-fields';
import { setTarget } from './dataset-store';

export const METHOD_LABELS: Record<CustomizationMethod, string> = {
  FINE_TUNING: 'Fine-tuning',
  CONTINUED_PRE_TRAINING: 'Continued pre-training',
  DISTILLATION: 'Distillation (student prompts)',
};

const MODEL_CHOICES = CUSTOMIZATION_MODELS.map((m) => ({
  value: m.id,
  label: m.baseModelIdentifier ? m.label : `${m.label} (not listed for new jobs)`,
}));

export function TargetForm({ target, disabled }: { target: DatasetTarget; disabled: boolean }) {
  const model = customizationModel(target.model);
  const methods = (Object.keys(model.methods) as CustomizationMethod[]).map((m) => ({
    value: m,
    label: METHOD_LABELS[m],
  }));
  const support = methodSupport(target.model, target.method);
  return (
    <section className="card" aria-labelledby="cl-target-heading">
      <h2 id="cl-target-heading">Model and method</h2>
      <SelectField
        label="Model"
        value={target.model}
        options={MODEL_CHOICES}
        disabled={disabled}
        onChange={(id: CustomizationModelId) => setTarget(id, target.method)}
      />
      <SelectField
        label="Method"
        value={target.method}
        options={methods}
        disabled={disabled}
        onChange={(m) => setTarget(target.model, m)}
      />
      {support ? (
        <p className="hint">
          Record shape: {SHAPE_LABELS[support.shape]}.{' '}
          <a href={support.limits.source} target="_blank" rel="noreferrer noopener">
            AWS page for the limits
          </a>{' '}
          (as checked on {formatDate(support.limits.checkedOn)}).
        </p>
      ) : null}
      {model.baseModelIdentifier ? null : (
        <p className="hint">
          AWS no longer lists this model for new fine-tuning jobs; its data requirements are still
          documented, so the checks still apply.
        </p>
      )}
    </section>
  );
}
