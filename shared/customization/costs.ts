/**
 * What customization costs, as Amazon Bedrock bills it (Bedrock pricing page, "Model
 * customization" and "Provisioned Throughput"; hyperparameter pages: "The number of epochs you
 * specify increases your model customization cost by processing more tokens. Each epoch processes
 * the entire training dataset once."), as checked on 2026-12-04:
 * - training = tokens in the training data x epochs x the training price per 1,000 tokens;
 * - storage = a monthly fee per custom model;
 * - serving: Provisioned Throughput (model units x an hourly price, with no commitment, a 1-month
 *   or a 6-month commitment), or, for some models, on-demand per-token inference (below).
 *
 * PRICES: the AWS pricing page draws its numbers client-side, and the stored copies Stratum could
 * search on 2026-12-04 show no numbers for customization, storage or Provisioned Throughput. So
 * every price in CUSTOMIZATION_PRICES is `null` with that note; the functions take prices as
 * arguments and the screen must ask the learner to enter them from the page (labelled as theirs).
 * Nothing here invents a price.
 */
import { CUSTOMIZATION_MODELS, type CustomizationModelId } from './models';

export const PRICES_CHECKED_ON = '2026-12-04';
export const PRICING_PAGE = 'https://aws.amazon.com/bedrock/pricing/';

/**
 * Hours in a month for monthly Provisioned Throughput figures: 730 (365 x 24 / 12), the AWS
 * Pricing Calculator's convention. Bedrock bills model units by the hour, so a real month is 672
 * to 744 hours; pass another figure to match a bill.
 */
export const HOURS_PER_MONTH = 730;

export type CommitmentTerm = 'none' | 'one-month' | 'six-months';

export const COMMITMENT_LABELS: Record<CommitmentTerm, string> = {
  none: 'No commitment (hourly)',
  'one-month': '1-month commitment',
  'six-months': '6-month commitment',
};

/** Months a term commits to (0 for no commitment: stop any hour). */
export const COMMITMENT_MONTHS: Record<CommitmentTerm, number> = {
  none: 0,
  'one-month': 1,
  'six-months': 6,
};

export interface CustomizationPrices {
  trainingUsdPer1kTokens: number | null;
  storageUsdPerModelMonth: number | null;
  /** Per model unit per hour, by term. */
  provisionedUsdPerUnitHour: Record<CommitmentTerm, number | null>;
  note: string;
  source: string;
  checkedOn: string;
}

const NOT_READ: CustomizationPrices = {
  trainingUsdPer1kTokens: null,
  storageUsdPerModelMonth: null,
  provisionedUsdPerUnitHour: { none: null, 'one-month': null, 'six-months': null },
  note: 'Not confirmed: the AWS pricing page shows its prices through client-side rendering and no stored copy searchable on 2026-12-04 carried the numbers. Enter them from the pricing page.',
  source: PRICING_PAGE,
  checkedOn: PRICES_CHECKED_ON,
};

/** Dated price table per customization model (models.ts): every price null until confirmed. */
export const CUSTOMIZATION_PRICES = Object.fromEntries(
  CUSTOMIZATION_MODELS.map((m) => [m.id, NOT_READ]),
) as Readonly<Record<CustomizationModelId, CustomizationPrices>>;

/** What AWS says about serving a custom model, as checked on 2026-12-04. */
export const CUSTOM_MODEL_SERVING = {
  checkedOn: '2026-12-04',
  examAnswer:
    'The exam’s classic answer: to use a custom (fine-tuned or continued pre-trained) model in Amazon Bedrock you purchase Provisioned Throughput for it.',
  onDemandNow:
    'Bedrock now also offers on-demand (per-token) inference for some custom models through a custom model deployment (CreateCustomModelDeployment; the deployment ARN is the modelId). The Bedrock User Guide page "Deploy a custom model for on-demand inference" lists Amazon Nova Micro, Lite and Pro as supported base models (the Amazon Nova User Guide adds Nova Canvas), requires the model to be customized on or after 2025-07-16, and names US East (N. Virginia) and US West (Oregon) as Regions (an older copy of the page lists only US East (N. Virginia)). Other custom models still need Provisioned Throughput.',
  sources: [
    'https://docs.aws.amazon.com/bedrock/latest/userguide/deploy-custom-model-on-demand.html',
    'https://docs.aws.amazon.com/nova/latest/userguide/deploy-custom-model.html',
  ],
} as const;

/** Training cost: tokens x epochs / 1,000 x price per 1,000 tokens. */
export function trainingCostUsd(tokens: number, epochs: number, usdPer1kTokens: number): number {
  return ((tokens * epochs) / 1000) * usdPer1kTokens;
}

/** Storage: models x months x the monthly fee per custom model. */
export function storageCostUsd(months: number, usdPerModelMonth: number, models = 1): number {
  return models * months * usdPerModelMonth;
}

/** Provisioned Throughput for one month: model units x hourly price x hours. */
export function provisionedMonthlyUsd(
  modelUnits: number,
  usdPerUnitHour: number,
  hoursPerMonth = HOURS_PER_MONTH,
): number {
  return modelUnits * usdPerUnitHour * hoursPerMonth;
}

/** The least a term commits you to: a month's cost x the term's months (0 for no commitment). */
export function commitmentTotalUsd(monthlyUsd: number, term: CommitmentTerm): number {
  return monthlyUsd * COMMITMENT_MONTHS[term];
}

export interface Traffic {
  /** Requests per month. */
  requests: number;
  inputTokensPerRequest: number;
  outputTokensPerRequest: number;
}

export interface OnDemandPrices {
  inputUsdPer1k: number;
  outputUsdPer1k: number;
}

/** On-demand cost of one request. */
export function onDemandCostPerRequestUsd(
  traffic: Omit<Traffic, 'requests'>,
  prices: OnDemandPrices,
): number {
  return (
    (traffic.inputTokensPerRequest / 1000) * prices.inputUsdPer1k +
    (traffic.outputTokensPerRequest / 1000) * prices.outputUsdPer1k
  );
}

export function onDemandMonthlyUsd(traffic: Traffic, prices: OnDemandPrices): number {
  return traffic.requests * onDemandCostPerRequestUsd(traffic, prices);
}

/**
 * Requests per month at which on-demand costs as much as Provisioned Throughput (below it
 * on-demand is cheaper, above it Provisioned Throughput is). Storage is left out: a custom model
 * pays it either way. Null when a request costs nothing on demand. It does not check that the
 * model units can carry that volume: AWS does not publish a model unit's throughput for every
 * model, so capacity is the learner's to check.
 */
export function breakEvenRequests(
  provisionedMonthly: number,
  traffic: Omit<Traffic, 'requests'>,
  prices: OnDemandPrices,
): number | null {
  const perRequest = onDemandCostPerRequestUsd(traffic, prices);
  return perRequest > 0 ? provisionedMonthly / perRequest : null;
}

export interface ServingRow {
  term: CommitmentTerm;
  provisionedMonthlyUsd: number;
  commitmentUsd: number;
  onDemandMonthlyUsd: number;
  breakEvenRequests: number | null;
  cheaper: 'provisioned' | 'on-demand' | 'same';
}

/** Provisioned Throughput for each term with a known price, against on-demand at the learner's volume. */
export function compareServing(
  modelUnits: number,
  hourly: Record<CommitmentTerm, number | null>,
  traffic: Traffic,
  prices: OnDemandPrices,
  hoursPerMonth = HOURS_PER_MONTH,
): ServingRow[] {
  const onDemand = onDemandMonthlyUsd(traffic, prices);
  return (Object.keys(COMMITMENT_MONTHS) as CommitmentTerm[]).flatMap((term) => {
    const price = hourly[term];
    if (price === null) return [];
    const monthly = provisionedMonthlyUsd(modelUnits, price, hoursPerMonth);
    const cheaper = monthly < onDemand ? 'provisioned' : monthly > onDemand ? 'on-demand' : 'same';
    return [
      {
        term,
        provisionedMonthlyUsd: monthly,
        commitmentUsd: commitmentTotalUsd(monthly, term),
        onDemandMonthlyUsd: onDemand,
        breakEvenRequests: breakEvenRequests(monthly, traffic, prices),
        cheaper,
      },
    ];
  });
}

/** Points for a break-even chart: on-demand and provisioned monthly cost at volumes 0..maxRequests. */
export function breakEvenSeries(
  provisionedMonthly: number,
  traffic: Omit<Traffic, 'requests'>,
  prices: OnDemandPrices,
  maxRequests: number,
  points = 21,
): { requests: number; onDemandUsd: number; provisionedUsd: number }[] {
  const perRequest = onDemandCostPerRequestUsd(traffic, prices);
  return Array.from({ length: Math.max(2, points) }, (_, i) => {
    const requests = (maxRequests * i) / (Math.max(2, points) - 1);
    return { requests, onDemandUsd: requests * perRequest, provisionedUsd: provisionedMonthly };
  });
}
