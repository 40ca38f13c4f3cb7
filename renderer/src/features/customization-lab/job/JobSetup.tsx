/** Step 2: which saved dataset, for which base model, the validation share and the names. */
import { SelectField } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import type { CustomDatasetRow } from '../../../db/schema';
import { formatCount, plural } from '../../../lib/format';
import type { CustomizationModelId } from '../../../../../shared/customization';
import { JOB_MODELS, setJobForm, type JobForm } from './job-form-store';
import { TextField } from '../../../components/TextField';
import type { Preparation } from './use-prepared-dataset';

const MODEL_CHOICES = JOB_MODELS.map((m) => ({ value: m.id, label: m.label }));

function PreparationNote({ prep }: { prep: Preparation }) {
  if (prep.status === 'none') {
    return <p className="hint">Pick a dataset you saved on the Dataset builder tab.</p>;
  }
  if (prep.status === 'checking') {
    return (
      <p className="hint" role="status">
        {`Checking the dataset for this model… ${formatCount(prep.done)} of ${formatCount(prep.total)} characters.`}
      </p>
    );
  }
  if (prep.status === 'failed') return <p className="field-error">{prep.message}</p>;
  const p = prep.prepared;
  return (
    <p className="hint" role="status">
      {`${plural(p.records, 'valid record')} (${plural(p.split.training.length, 'training record')}, ${plural(p.split.validation.length, 'validation record')}); about ${formatCount(p.trainingTokens)} training tokens (estimated).`}
      {p.invalidLines > 0
        ? ` ${plural(p.invalidLines, 'line')} with problems for this model will not be uploaded: fix them on the Dataset builder tab.`
        : ''}
    </p>
  );
}

export function JobSetup({
  form,
  rows,
  prep,
}: {
  form: JobForm;
  rows: CustomDatasetRow[];
  prep: Preparation;
}) {
  const datasets = rows.filter((r) => r.method !== 'DISTILLATION');
  const choices = [
    { value: '', label: datasets.length ? 'Choose a saved dataset' : 'No saved datasets yet' },
    ...datasets.map((r) => ({
      value: r.id,
      label: `${r.name} (${plural(r.validRecords, 'record')})`,
    })),
  ];
  const pick = (id: string) => {
    const row = datasets.find((r) => r.id === id);
    const model = JOB_MODELS.find((m) => m.id === row?.model)?.id;
    setJobForm({
      datasetId: id || null,
      ...(model ? { model } : {}),
      ...(row && row.method !== 'DISTILLATION' ? { method: row.method } : {}),
    });
  };
  return (
    <section className="card cl-job-setup" aria-labelledby="cl-job-setup-h">
      <h2 id="cl-job-setup-h">2. Dataset, base model and names</h2>
      <div className="cl-job-grid">
        <SelectField
          label="Saved dataset"
          value={form.datasetId ?? ''}
          options={choices}
          onChange={pick}
        />
        <SelectField<CustomizationModelId>
          label="Base model"
          value={form.model}
          options={MODEL_CHOICES}
          onChange={(model) => setJobForm({ model, hyper: {} })}
        />
        <IntegerField
          label="Held out for validation"
          unit="%"
          min={0}
          max={50}
          value={Math.round(form.validationShare * 100)}
          onChange={(n) => setJobForm({ validationShare: n / 100 })}
        />
        <TextField
          label="Job name"
          value={form.jobName}
          onChange={(jobName) => setJobForm({ jobName })}
        />
        <TextField
          label="Custom model name"
          value={form.customModelName}
          onChange={(customModelName) => setJobForm({ customModelName })}
        />
      </div>
      <PreparationNote prep={prep} />
    </section>
  );
}
