/**
 * Which Region serves an image model when it is not the learner's (Settings): only for models
 * whose Regions Stratum knows as data (the Stability AI models: the catalog lists them in
 * us-west-2 only). Pure, so a test can pin it.
 */
import {
  imageModelFamily,
  imageModelLabel,
  STABILITY_REGIONS,
} from '../../../../../shared/image-models';

export function regionNote(modelId: string, region: string): string | null {
  if (imageModelFamily(modelId) !== 'stability' || STABILITY_REGIONS.includes(region)) return null;
  const where = STABILITY_REGIONS.join(' or ');
  return `${imageModelLabel(modelId)} is offered in ${where}, not in ${region} (your Region in Settings), so Stratum calls it in ${where}. Your IAM policy must allow bedrock:InvokeModel there.`;
}
