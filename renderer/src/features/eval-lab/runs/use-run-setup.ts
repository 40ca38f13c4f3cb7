/** What the Runs form needs from the app: the picked dataset, the models for the region, the default model. */
import { useMemo } from 'react';
import { isCallableTextModel, modelOptions, type ModelOption } from '../../../../../shared/models';
import { useSettings } from '../../../app/settings-context';
import { datasetById, useDatasets } from '../datasets/datasets-store';
import type { EvalDataset } from '../datasets/builtin-datasets';

export interface RunSetup {
  dataset: EvalDataset | undefined;
  models: ModelOption[];
  defaultModel: string;
}

export function useRunSetup(): RunSetup {
  const datasets = useDatasets();
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => modelOptions(region, isCallableTextModel), [region]);
  const defaultModel = state?.settings.aws.defaultTextModel ?? models[0]?.id ?? '';
  return { dataset: datasetById(datasets.selectedId, datasets), models, defaultModel };
}
