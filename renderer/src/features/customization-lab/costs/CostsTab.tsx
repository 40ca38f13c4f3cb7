/** The Costs tab: training, storage and serving costs from the learner's prices, with a break-even chart. */
import { BreakEvenChart } from './BreakEvenChart';
import { CostTable } from './CostTable';
import { PriceForm } from './PriceForm';
import { ServingNote } from './ServingNote';
import { VolumeForm } from './VolumeForm';
import { costFigures } from './cost-figures';
import { useCostInputs } from './costs-store';
import './costs.css';

export function CostsTab() {
  const inputs = useCostInputs();
  const figures = costFigures(inputs);
  return (
    <div className="cl-costs lab-grid">
      <div className="lab-side stack">
        <VolumeForm inputs={inputs} />
        <PriceForm inputs={inputs} />
      </div>
      <div className="stack">
        <CostTable figures={figures} volume={inputs.requestsPerMonth} />
        {figures.perRequestUsd !== null && figures.provisioned.length > 0 ? (
          <BreakEvenChart
            input={{
              provisioned: figures.provisioned,
              perRequestUsd: figures.perRequestUsd,
              volume: inputs.requestsPerMonth,
            }}
          />
        ) : (
          <p className="status status-idle">
            The break-even chart appears once an on-demand price (input and output) and at least one
            Provisioned Throughput price are entered.
          </p>
        )}
        <ServingNote />
      </div>
    </div>
  );
}
