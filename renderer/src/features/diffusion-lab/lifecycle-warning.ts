/**
 * The lab's lifecycle words for a model, worked out from the catalog's `lifecycle` and `note`
 * (shared/catalog.ts), the same data the Models screen shows: every image model the lab offers
 * gets what its catalog entry calls for, none is special-cased. The picker names the state once
 * ("Legacy: new customers cannot use it", "End of life"); the note under it gives the catalog's
 * details without saying the state again. Pure, so a test can pin it.
 */
import type { ModelEntry } from '../../../../shared/catalog-schema';
import { imageModelFamily } from '../../../../shared/image-models';
import {
  findModel,
  modelDisplayName,
  modelOptions,
  type ModelOption,
} from '../../../../shared/models';

export type LifecycleStatus = Exclude<ModelEntry['lifecycle'], 'active'>;

/**
 * The picker's words for each state. "New customers can't use Legacy models" is from AWS's
 * Model lifecycle page.
 */
export const LIFECYCLE_LABEL: Record<ModelEntry['lifecycle'], string> = {
  active: 'Active',
  legacy: 'Legacy: new customers cannot use it',
  'end-of-life': 'End of life',
};

const RANK: Record<ModelEntry['lifecycle'], number> = { active: 0, legacy: 1, 'end-of-life': 2 };

/** The lab's image models for `region`: active ones first, then legacy, then end of life. */
export function imageModelOptions(region: string): ModelOption[] {
  return modelOptions(region, (m) => imageModelFamily(m.id) !== null).sort(
    (a, b) => RANK[a.model.lifecycle] - RANK[b.model.lifecycle],
  );
}

export interface LifecycleWarning {
  status: LifecycleStatus;
  text: string;
}

/** The note under the picker for `modelId`, or null for an active or unknown model. */
export function lifecycleWarning(modelId: string): LifecycleWarning | null {
  const model = findModel(modelId);
  if (!model || model.lifecycle === 'active') return null;
  const status = model.lifecycle;
  const lead =
    status === 'legacy'
      ? `Only existing customers can call ${modelDisplayName(model)}, and only until its end-of-life date.`
      : `Calls to ${modelDisplayName(model)} are likely to fail.`;
  const parts = [lead, model.note ?? '', 'Check that it is offered in your Region (Models).'];
  return { status, text: parts.filter(Boolean).join(' ') };
}
