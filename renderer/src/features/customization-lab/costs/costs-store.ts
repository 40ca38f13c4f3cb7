/**
 * What the learner enters on the Costs tab, kept outside React so it survives switching tabs:
 * the model, training volume, the prices they read on the AWS pricing page (empty until entered:
 * Stratum's price table holds none it could confirm) and their expected traffic.
 */
import { useSyncExternalStore } from 'react';
import {
  CUSTOMIZATION_PRICES,
  HYPERPARAMETERS,
  type CommitmentTerm,
  type CustomizationModelId,
} from '../../../../../shared/customization';

export interface CostInputs {
  model: CustomizationModelId;
  trainingTokens: number;
  epochs: number;
  trainingUsdPer1k: number | null;
  storageUsdPerMonth: number | null;
  hourly: Record<CommitmentTerm, number | null>;
  modelUnits: number;
  onDemandInputUsdPer1k: number | null;
  onDemandOutputUsdPer1k: number | null;
  requestsPerMonth: number;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
}

/** The documented default epochs for a model (1 when Stratum has no ranges for it). */
export function defaultEpochs(model: CustomizationModelId): number {
  return HYPERPARAMETERS[model]?.find((r) => r.name === 'epochCount')?.default ?? 1;
}

function pricesFor(model: CustomizationModelId): Partial<CostInputs> {
  const p = CUSTOMIZATION_PRICES[model];
  return {
    trainingUsdPer1k: p.trainingUsdPer1kTokens,
    storageUsdPerMonth: p.storageUsdPerModelMonth,
    hourly: { ...p.provisionedUsdPerUnitHour },
  };
}

let inputs: CostInputs = {
  model: 'nova-micro',
  trainingTokens: 0,
  epochs: defaultEpochs('nova-micro'),
  trainingUsdPer1k: null,
  storageUsdPerMonth: null,
  hourly: { none: null, 'one-month': null, 'six-months': null },
  modelUnits: 1,
  onDemandInputUsdPer1k: null,
  onDemandOutputUsdPer1k: null,
  requestsPerMonth: 100_000,
  inputTokensPerRequest: 500,
  outputTokensPerRequest: 200,
  ...pricesFor('nova-micro'),
};
const listeners = new Set<() => void>();

export function setCostInputs(patch: Partial<CostInputs>): void {
  inputs = { ...inputs, ...patch };
  for (const l of listeners) l();
}

/** A new model: its documented default epochs; prices from the table only where it has them. */
export function setCostModel(model: CustomizationModelId): void {
  const table = pricesFor(model);
  setCostInputs({
    model,
    epochs: defaultEpochs(model),
    trainingUsdPer1k: table.trainingUsdPer1k ?? inputs.trainingUsdPer1k,
    storageUsdPerMonth: table.storageUsdPerMonth ?? inputs.storageUsdPerMonth,
  });
}

export function useCostInputs(): CostInputs {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => inputs,
  );
}
