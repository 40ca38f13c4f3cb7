/**
 * The Costs tab's figures from the learner's inputs (shared/customization/costs.ts does the
 * arithmetic): each is null until the prices it needs are entered, and `missing` names them.
 */
import {
  compareServing,
  onDemandCostPerRequestUsd,
  provisionedMonthlyUsd,
  storageCostUsd,
  trainingCostUsd,
  type CommitmentTerm,
  type ServingRow,
} from '../../../../../shared/customization';
import type { CostInputs } from './costs-store';

export interface CostFigures {
  trainingUsd: number | null;
  storagePerMonthUsd: number | null;
  perRequestUsd: number | null;
  onDemandMonthlyUsd: number | null;
  /** Monthly Provisioned Throughput by term, for terms with a price. */
  provisioned: { term: CommitmentTerm; monthlyUsd: number }[];
  /** Provisioned against on-demand (empty until on-demand prices are entered). */
  rows: ServingRow[];
  /** The prices still to enter, by name. */
  missing: string[];
}

export function costFigures(i: CostInputs): CostFigures {
  const missing: string[] = [];
  if (i.trainingUsdPer1k === null) missing.push('training');
  if (i.storageUsdPerMonth === null) missing.push('storage');
  const terms = (Object.keys(i.hourly) as CommitmentTerm[]).filter((t) => i.hourly[t] !== null);
  if (terms.length === 0) missing.push('Provisioned Throughput (at least one term)');
  const onDemand =
    i.onDemandInputUsdPer1k !== null && i.onDemandOutputUsdPer1k !== null
      ? { inputUsdPer1k: i.onDemandInputUsdPer1k, outputUsdPer1k: i.onDemandOutputUsdPer1k }
      : null;
  if (!onDemand) missing.push('on-demand input and output');
  const traffic = {
    requests: i.requestsPerMonth,
    inputTokensPerRequest: i.inputTokensPerRequest,
    outputTokensPerRequest: i.outputTokensPerRequest,
  };
  return {
    trainingUsd:
      i.trainingUsdPer1k === null
        ? null
        : trainingCostUsd(i.trainingTokens, i.epochs, i.trainingUsdPer1k),
    storagePerMonthUsd:
      i.storageUsdPerMonth === null ? null : storageCostUsd(1, i.storageUsdPerMonth),
    perRequestUsd: onDemand ? onDemandCostPerRequestUsd(traffic, onDemand) : null,
    onDemandMonthlyUsd: onDemand
      ? onDemandCostPerRequestUsd(traffic, onDemand) * traffic.requests
      : null,
    provisioned: terms.map((term) => ({
      term,
      monthlyUsd: provisionedMonthlyUsd(i.modelUnits, i.hourly[term]!),
    })),
    rows: onDemand ? compareServing(i.modelUnits, i.hourly, traffic, onDemand) : [],
    missing,
  };
}
