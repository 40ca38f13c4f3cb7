/**
 * The models a Compare column can call: text models that stream and can still be called, each
 * listed once under the id it is called by in the region (shared/models.ts `modelOptions`).
 */
import { useMemo } from 'react';
import { isCallableTextModel, modelOptions, type ModelOption } from '../../../../../shared/models';

export function useCompareModels(region: string): ModelOption[] {
  return useMemo(
    () => modelOptions(region, (m) => isCallableTextModel(m) && m.features.streaming),
    [region],
  );
}
