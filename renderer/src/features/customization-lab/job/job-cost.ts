/**
 * The estimated training cost shown before a job is sent: training tokens x epochs x the training
 * price per 1,000 tokens the learner entered on the Costs tab for the same model. Without such a
 * price the cost is unknown (Stratum holds no price it could confirm), and the pricing page is named.
 */
import {
  PRICING_PAGE,
  customizationModel,
  trainingCostUsd,
  type CustomizationModelId,
} from '../../../../../shared/customization';
import type { CostInputs } from '../costs/costs-store';

export type TrainingEstimate =
  { known: true; usd: number; usdPer1k: number } | { known: false; reason: string };

export function estimateTraining(
  model: CustomizationModelId,
  trainingTokens: number,
  epochs: number,
  costs: Pick<CostInputs, 'model' | 'trainingUsdPer1k'>,
): TrainingEstimate {
  const label = customizationModel(model).label;
  if (costs.model !== model || costs.trainingUsdPer1k === null) {
    return {
      known: false,
      reason: `No training price for ${label} is entered on the Costs tab, so the cost is unknown. Enter the price per 1,000 training tokens from the Amazon Bedrock pricing page (${PRICING_PAGE}) on the Costs tab, with ${label} chosen there.`,
    };
  }
  return {
    known: true,
    usd: trainingCostUsd(trainingTokens, epochs, costs.trainingUsdPer1k),
    usdPer1k: costs.trainingUsdPer1k,
  };
}
