/**
 * The lab's lifecycle warning for a model, worked out from the catalog's `lifecycle` and `note`
 * (shared/catalog.ts), the same data the Models screen shows: every image model the lab offers
 * gets the warning its catalog entry calls for, none is special-cased. Pure, so a test can pin it.
 */
import type { ModelEntry } from '../../../../shared/catalog-schema';
import { findModel, modelDisplayName } from '../../../../shared/models';

export type LifecycleStatus = Exclude<ModelEntry['lifecycle'], 'active'>;

/** The picker's suffix for a model: nothing for an active one. */
export const LIFECYCLE_LABEL: Record<ModelEntry['lifecycle'], string | null> = {
  active: null,
  legacy: '(legacy)',
  'end-of-life': '(end of life)',
};

export interface LifecycleWarning {
  status: LifecycleStatus;
  text: string;
}

/** The warning to show beside the picker for `modelId`, or null for an active or unknown model. */
export function lifecycleWarning(modelId: string): LifecycleWarning | null {
  const model = findModel(modelId);
  if (!model || model.lifecycle === 'active') return null;
  const status = model.lifecycle;
  const marked =
    status === 'legacy'
      ? 'is marked legacy in the catalog.'
      : 'is marked end of life in the catalog: calls are likely to fail.';
  const parts = [`${modelDisplayName(model)} ${marked}`, model.note ?? ''];
  parts.push('Check that it is offered in your region (Models).');
  return { status, text: parts.filter(Boolean).join(' ') };
}
