/** The AWS connection form's draft: what the learner is editing, before it is saved. */
import { RegionId } from '../../../../shared/regions';
import {
  EndpointUrl,
  ModelId,
  type Settings,
  type SettingsPatch,
} from '../../../../shared/settings';

type Aws = Settings['aws'];

export interface Draft {
  profile: string; // '' = default chain
  region: string;
  endpoint: string;
  model: string;
}

export type DraftErrors = Partial<Record<keyof Draft, string>>;

export const toDraft = (aws: Aws): Draft => ({
  profile: aws.profile ?? '',
  region: aws.region,
  endpoint: aws.endpoint ?? '',
  model: aws.defaultTextModel,
});

export const toPatch = (d: Draft): SettingsPatch => ({
  aws: {
    profile: d.profile || null,
    region: d.region.trim(),
    endpoint: d.endpoint.trim() || null,
    defaultTextModel: d.model,
  },
});

export const sameDraft = (a: Draft, b: Draft) =>
  a.profile === b.profile &&
  a.region === b.region &&
  a.endpoint === b.endpoint &&
  a.model === b.model;

/** The same rules main applies (shared schemas), so the message shows by the field at once. */
export function validate(d: Draft): DraftErrors {
  const errors: DraftErrors = {};
  const region = RegionId.safeParse(d.region.trim());
  if (!region.success) errors.region = region.error.issues[0]?.message ?? 'Invalid region.';
  if (d.endpoint.trim()) {
    const endpoint = EndpointUrl.safeParse(d.endpoint);
    if (!endpoint.success) errors.endpoint = endpoint.error.issues[0]?.message ?? 'Invalid URL.';
  }
  const model = ModelId.safeParse(d.model);
  if (!model.success) errors.model = model.error.issues[0]?.message ?? 'Invalid model id.';
  return errors;
}
