/** The prices, entered by the learner from the AWS pricing page (Stratum's table has none it could confirm). */
import {
  COMMITMENT_LABELS,
  CUSTOMIZATION_PRICES,
  customizationModel,
  PRICING_PAGE,
  type CommitmentTerm,
} from '../../../../../shared/customization';
import { formatDate } from '../../../lib/format';
import { PriceField } from './PriceField';
import { setCostInputs, type CostInputs } from './costs-store';

const TERMS: CommitmentTerm[] = ['none', 'one-month', 'six-months'];

export function PriceForm({ inputs }: { inputs: CostInputs }) {
  const table = CUSTOMIZATION_PRICES[inputs.model];
  const label = customizationModel(inputs.model).label;
  return (
    <section className="card cl-prices" aria-labelledby="cl-prices-h">
      <h2 id="cl-prices-h">Prices for {label}</h2>
      <p className="hint">
        Source:{' '}
        <a href={PRICING_PAGE} target="_blank" rel="noreferrer noopener">
          Amazon Bedrock pricing
        </a>{' '}
        (Model customization and Provisioned Throughput, for your Region). As checked on{' '}
        {formatDate(table.checkedOn)}, Stratum could not read these prices there, so the boxes start
        empty: enter them from the page. Every figure worked out from them is marked as yours.
      </p>
      <PriceField
        label="Training"
        unit="USD per 1,000 tokens"
        value={inputs.trainingUsdPer1k}
        onChange={(v) => setCostInputs({ trainingUsdPer1k: v })}
      />
      <PriceField
        label="Custom model storage"
        unit="USD per model per month"
        value={inputs.storageUsdPerMonth}
        onChange={(v) => setCostInputs({ storageUsdPerMonth: v })}
      />
      <fieldset className="cl-price-group">
        <legend>Provisioned Throughput (USD per model unit per hour)</legend>
        {TERMS.map((term) => (
          <PriceField
            key={term}
            label={COMMITMENT_LABELS[term]}
            unit="USD per unit-hour"
            value={inputs.hourly[term]}
            onChange={(v) => setCostInputs({ hourly: { ...inputs.hourly, [term]: v } })}
          />
        ))}
      </fieldset>
      <fieldset className="cl-price-group">
        <legend>On demand (USD per 1,000 tokens)</legend>
        <PriceField
          label="Input"
          unit="USD per 1,000 input tokens"
          value={inputs.onDemandInputUsdPer1k}
          onChange={(v) => setCostInputs({ onDemandInputUsdPer1k: v })}
        />
        <PriceField
          label="Output"
          unit="USD per 1,000 output tokens"
          value={inputs.onDemandOutputUsdPer1k}
          onChange={(v) => setCostInputs({ onDemandOutputUsdPer1k: v })}
        />
      </fieldset>
      <p className="hint">
        On-demand: the per-token price you would pay instead, for example the base model without
        customization, or a custom model deployment where AWS offers one (see the note on serving).
      </p>
    </section>
  );
}
