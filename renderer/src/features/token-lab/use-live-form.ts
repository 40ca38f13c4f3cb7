/** The live experiment's settings form, as one piece of state. */
import { useMemo, useState } from 'react';
import {
  choiceFor,
  isCallableTextModel,
  modelOptions,
  type ModelOption,
} from '../../../../shared/models';
import { useSettings } from '../../app/settings-context';

export interface LiveForm {
  modelId: string;
  prompt: string;
  n: number;
  temperature: number;
  topP: number;
  concurrency: number;
}

/** Text models that take a system prompt and are still offered (not end of life). */
const isLiveModel = (m: ModelOption['model']) => isCallableTextModel(m) && m.features.systemPrompt;

export function useLiveForm(): {
  form: LiveForm;
  set: (patch: Partial<LiveForm>) => void;
  models: ModelOption[];
  region: string;
} {
  const { state } = useSettings();
  const region = state?.settings.aws.region ?? 'us-east-1';
  const models = useMemo(() => modelOptions(region, isLiveModel), [region]);
  const [form, setForm] = useState<LiveForm>(() => ({
    modelId: choiceFor(state?.settings.aws.defaultTextModel ?? 'amazon.nova-micro-v1:0', models),
    prompt: 'After the rain, the streets were',
    n: 20,
    temperature: 1,
    topP: 1,
    concurrency: 4,
  }));
  return { form, set: (patch) => setForm((f) => ({ ...f, ...patch })), models, region };
}
