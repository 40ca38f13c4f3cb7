/**
 * What the learner fills in on the Job on Bedrock tab, outside React so it survives switching
 * tabs. The S3 location, the service role and the polling interval are kept in localStorage (read
 * with zod: a damaged value falls back to empty), so they are there after a reload; the rest
 * (dataset, model, names, hyperparameters) is for this window only.
 */
import { useSyncExternalStore } from 'react';
import { z } from 'zod';
import {
  CUSTOMIZATION_MODELS,
  HYPERPARAMETERS,
  customizationModel,
  decimalString,
  type CustomizationModelId,
} from '../../../../../shared/customization';
import {
  buildCustomizationJobRequest,
  type CustomizationJobRequest,
  type LabCustomizationType,
} from '../../../../../shared/customization-jobs-contract';

const KEY = 'stratum.customization-lab.job';

/** Seconds between status checks of running jobs: Bedrock's jobs take an hour or more. */
export const POLL_SECONDS = { min: 5, max: 600, default: 30 } as const;

const Kept = z.object({
  bucket: z.string().max(63),
  prefix: z.string().max(900),
  roleArn: z.string().max(2048),
  pollSeconds: z.number().int().min(POLL_SECONDS.min).max(POLL_SECONDS.max),
});
type Kept = z.infer<typeof Kept>;

export interface JobForm extends Kept {
  datasetId: string | null;
  model: CustomizationModelId;
  method: LabCustomizationType;
  jobName: string;
  customModelName: string;
  /** The learner's values by API name; a missing one takes the model's default. */
  hyper: Record<string, number>;
  /** Share of the valid records held out as the validation file (0 for none). */
  validationShare: number;
}

function readKept(): Kept {
  const empty: Kept = {
    bucket: '',
    prefix: 'stratum-customization',
    roleArn: '',
    pollSeconds: POLL_SECONDS.default,
  };
  try {
    const raw = globalThis.localStorage?.getItem(KEY);
    const parsed = raw ? Kept.safeParse(JSON.parse(raw)) : null;
    return parsed?.success ? parsed.data : empty;
  } catch {
    return empty;
  }
}

const stamp = () => new Date().toISOString().slice(0, 19).replace(/[-:T]/g, '');

let form: JobForm | null = null;
const listeners = new Set<() => void>();

function current(): JobForm {
  form ??= {
    ...readKept(),
    datasetId: null,
    model: 'nova-micro',
    method: 'FINE_TUNING',
    jobName: `stratum-ft-${stamp()}`,
    customModelName: `stratum-model-${stamp()}`,
    hyper: {},
    validationShare: 0.1,
  };
  return form;
}

export function setJobForm(patch: Partial<JobForm>): void {
  form = { ...current(), ...patch };
  const { bucket, prefix, roleArn, pollSeconds } = form;
  try {
    globalThis.localStorage?.setItem(KEY, JSON.stringify({ bucket, prefix, roleArn, pollSeconds }));
  } catch {
    // Storage full or blocked: the values still hold for this window.
  }
  for (const l of listeners) l();
}

/** New suggested job and custom model names (after a job was created with the old ones). */
export function freshNames(): void {
  setJobForm({ jobName: `stratum-ft-${stamp()}`, customModelName: `stratum-model-${stamp()}` });
}

export function useJobForm(): JobForm {
  return useSyncExternalStore((l) => {
    listeners.add(l);
    return () => listeners.delete(l);
  }, current);
}

/** The models a job can be sent for: a customization id and hyperparameter ranges in the table. */
export const JOB_MODELS = CUSTOMIZATION_MODELS.filter(
  (m) => m.baseModelIdentifier !== null && HYPERPARAMETERS[m.id],
);

/** The hyperparameters map for the form's model: the learner's values, else the defaults. */
export function hyperParametersOf(f: JobForm): Record<string, string> {
  const ranges = HYPERPARAMETERS[f.model] ?? [];
  return Object.fromEntries(
    ranges.map((r) => [r.name, decimalString(f.hyper[r.name] ?? r.default)]),
  );
}

/** Epochs the job would run (for the cost): the form's value or the model's default. */
export function epochsOf(f: JobForm): number {
  const range = HYPERPARAMETERS[f.model]?.find((r) => r.name === 'epochCount');
  return f.hyper['epochCount'] ?? range?.default ?? 1;
}

/** The exact CreateModelCustomizationJob request the form stands for. */
export function requestOf(f: JobForm, hasValidation: boolean): CustomizationJobRequest {
  return buildCustomizationJobRequest({
    bucket: f.bucket.trim(),
    prefix: f.prefix.trim().replace(/^\/+|\/+$/g, ''),
    roleArn: f.roleArn.trim(),
    jobName: f.jobName.trim(),
    customModelName: f.customModelName.trim(),
    baseModelIdentifier: customizationModel(f.model).baseModelIdentifier ?? '',
    customizationType: f.method,
    hyperParameters: hyperParametersOf(f),
    hasValidation,
  });
}
