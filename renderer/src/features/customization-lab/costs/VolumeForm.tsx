/** The model, the training volume and the expected traffic the costs are worked out for. */
import {
  CUSTOMIZATION_MODELS,
  HYPERPARAMETERS,
  type CustomizationModelId,
} from '../../../../../shared/customization';
import { SelectField } from '../../../components/choice-fields';
import { IntegerField } from '../../../components/fields';
import { formatCount } from '../../../lib/format';
import { useDataset } from '../dataset/dataset-store';
import { setCostInputs, setCostModel, type CostInputs } from './costs-store';

const MODELS = CUSTOMIZATION_MODELS.map((m) => ({ value: m.id, label: m.label }));

export function VolumeForm({ inputs }: { inputs: CostInputs }) {
  const dataset = useDataset().report;
  const epochRange = HYPERPARAMETERS[inputs.model]?.find((r) => r.name === 'epochCount');
  return (
    <section className="card cl-volume" aria-labelledby="cl-volume-h">
      <h2 id="cl-volume-h">Model and volume</h2>
      <SelectField
        label="Model"
        value={inputs.model}
        options={MODELS}
        onChange={(id: CustomizationModelId) => setCostModel(id)}
      />
      <IntegerField
        label="Training tokens"
        value={inputs.trainingTokens}
        min={0}
        max={10_000_000_000}
        onChange={(v) => setCostInputs({ trainingTokens: v })}
      />
      {dataset && dataset.totals.totalTokens > 0 ? (
        <button
          type="button"
          className="link"
          onClick={() => setCostInputs({ trainingTokens: dataset.totals.totalTokens })}
        >
          Use the dataset builder’s {formatCount(dataset.totals.totalTokens)} estimated tokens
        </button>
      ) : null}
      <IntegerField
        label="Epochs"
        value={inputs.epochs}
        min={epochRange?.min ?? 1}
        max={epochRange?.max ?? 10}
        onChange={(v) => setCostInputs({ epochs: v })}
        hint={
          epochRange
            ? `The model's documented range is ${epochRange.min} to ${epochRange.max}; each epoch processes the whole training set once.`
            : 'Stratum has no published epoch range for this model.'
        }
      />
      <IntegerField
        label="Model units"
        value={inputs.modelUnits}
        min={1}
        max={100}
        onChange={(v) => setCostInputs({ modelUnits: v })}
      />
      <IntegerField
        label="Requests per month"
        value={inputs.requestsPerMonth}
        hint={`${formatCount(inputs.requestsPerMonth)} requests a month.`}
        min={0}
        max={1_000_000_000}
        onChange={(v) => setCostInputs({ requestsPerMonth: v })}
      />
      <IntegerField
        label="Input tokens per request"
        value={inputs.inputTokensPerRequest}
        hint={`${formatCount(inputs.inputTokensPerRequest)} input tokens a request.`}
        min={0}
        max={1_000_000}
        onChange={(v) => setCostInputs({ inputTokensPerRequest: v })}
      />
      <IntegerField
        label="Output tokens per request"
        value={inputs.outputTokensPerRequest}
        hint={`${formatCount(inputs.outputTokensPerRequest)} output tokens a request.`}
        min={0}
        max={1_000_000}
        onChange={(v) => setCostInputs({ outputTokensPerRequest: v })}
      />
      <p className="hint">
        AWS does not publish how many requests a model unit carries for every model: check that your
        units can serve this volume.
      </p>
    </section>
  );
}
