import { z } from 'zod';
import type { Geography } from './catalog-schema';

/**
 * AWS Regions where Amazon Bedrock Runtime is commonly available, for the region picker. The
 * picker also accepts any other well-formed region code, because AWS adds regions over time.
 */
export const BEDROCK_REGIONS = [
  { id: 'us-east-1', name: 'US East (N. Virginia)' },
  { id: 'us-east-2', name: 'US East (Ohio)' },
  { id: 'us-west-2', name: 'US West (Oregon)' },
  { id: 'ca-central-1', name: 'Canada (Central)' },
  { id: 'sa-east-1', name: 'South America (São Paulo)' },
  { id: 'eu-central-1', name: 'Europe (Frankfurt)' },
  { id: 'eu-west-1', name: 'Europe (Ireland)' },
  { id: 'eu-west-2', name: 'Europe (London)' },
  { id: 'eu-west-3', name: 'Europe (Paris)' },
  { id: 'eu-north-1', name: 'Europe (Stockholm)' },
  { id: 'ap-northeast-1', name: 'Asia Pacific (Tokyo)' },
  { id: 'ap-northeast-2', name: 'Asia Pacific (Seoul)' },
  { id: 'ap-south-1', name: 'Asia Pacific (Mumbai)' },
  { id: 'ap-southeast-1', name: 'Asia Pacific (Singapore)' },
  { id: 'ap-southeast-2', name: 'Asia Pacific (Sydney)' },
] as const;

export const RegionId = z
  .string()
  .regex(/^[a-z]{2}(-gov)?-[a-z]+-\d$/, 'A region code looks like us-east-1 or eu-west-2.');

/**
 * The cross-region inference-profile geographies to try for a region, most specific first.
 * `global.` profiles route anywhere and are the last resort.
 */
export function geographiesFor(region: string): Geography[] {
  if (region.startsWith('us-gov-')) return ['us-gov'];
  if (region.startsWith('us-')) return ['us', 'global'];
  if (region.startsWith('eu-')) return ['eu', 'global'];
  if (region === 'ap-northeast-1' || region === 'ap-northeast-3') return ['jp', 'apac', 'global'];
  if (region === 'ap-southeast-2' || region === 'ap-southeast-4') return ['au', 'apac', 'global'];
  if (region.startsWith('ap-')) return ['apac', 'global'];
  if (region.startsWith('ca-')) return ['ca', 'global'];
  return ['global'];
}
