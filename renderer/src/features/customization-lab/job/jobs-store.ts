/**
 * The Job on Bedrock tab's jobs, outside React: the account's customization jobs in the Region,
 * each job's latest detail and loss metrics, the send in progress (upload with progress, then
 * CreateModelCustomizationJob) and the last error. Nothing is sent before `confirmSend`, which the
 * confirmation (with the estimated cost) calls.
 */
import { useSyncExternalStore } from 'react';
import type {
  CustomizationJobDetail,
  CustomizationJobRequest,
  CustomizationJobSummary,
  JobMetrics,
} from '../../../../../shared/customization-jobs-contract';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';

export interface UploadProgress {
  file: 'train.jsonl' | 'validation.jsonl';
  /** Bytes of both files sent so far, and in all. */
  doneBytes: number;
  totalBytes: number;
}

export interface JobsState {
  jobs: CustomizationJobSummary[];
  details: Record<string, CustomizationJobDetail>;
  metrics: Record<string, JobMetrics>;
  listed: boolean;
  phase: 'idle' | 'confirming' | 'uploading' | 'creating';
  progress: UploadProgress | null;
  error: AppError | null;
  /** The job started from this tab last (the results region's key). */
  startedArn: string | null;
  /** The job whose Stop is waiting for a confirmation. */
  stopping: string | null;
}

let state: JobsState = {
  jobs: [],
  details: {},
  metrics: {},
  listed: false,
  phase: 'idle',
  progress: null,
  error: null,
  startedArn: null,
  stopping: null,
};
const listeners = new Set<() => void>();

function set(patch: Partial<JobsState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useJobsState(): JobsState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export const askToSend = () => set({ phase: 'confirming', error: null });
export const cancelSend = () => set({ phase: 'idle' });
export const askToStop = (jobArn: string | null) => set({ stopping: jobArn });

/** Finished jobs whose detail (failure message, loss) is read when they are listed. */
const DETAILS_ON_LIST = 5;

export async function refreshJobs(): Promise<void> {
  const result = await call('listCustomizationJobs', {});
  if (!result.ok) {
    set({ error: result.error, listed: true });
    return;
  }
  set({ jobs: result.value.jobs, listed: true });
  const finished = result.value.jobs
    .filter((j) => j.status !== 'InProgress' && j.status !== 'Stopping' && !state.details[j.jobArn])
    .slice(0, DETAILS_ON_LIST);
  for (const j of finished) await pollJob(j.jobArn);
}

export async function readMetrics(jobArn: string, outputS3Uri: string): Promise<void> {
  const result = await call('readCustomizationMetrics', { jobIdentifier: jobArn, outputS3Uri });
  if (result.ok) set({ metrics: { ...state.metrics, [jobArn]: result.value } });
  else set({ error: result.error });
}

/** One status check; a job that has just completed has its loss metrics read once. */
export async function pollJob(jobArn: string): Promise<void> {
  const result = await call('getCustomizationJob', { jobIdentifier: jobArn });
  if (!result.ok) {
    set({ error: result.error });
    return;
  }
  const d = result.value;
  set({
    details: { ...state.details, [jobArn]: d },
    jobs: state.jobs.map((j) => (j.jobArn === jobArn ? { ...j, status: d.status } : j)),
  });
  if (d.status === 'Completed' && d.outputS3Uri && !state.metrics[jobArn]) {
    await readMetrics(jobArn, d.outputS3Uri);
  }
}

export async function confirmStop(jobArn: string): Promise<void> {
  set({ stopping: null });
  const result = await call('stopCustomizationJob', { jobIdentifier: jobArn });
  if (!result.ok) set({ error: result.error });
  else await pollJob(jobArn);
}

export interface SendPlan {
  bucket: string;
  prefix: string;
  trainingJsonl: string;
  validationJsonl: string;
  request: CustomizationJobRequest;
}

const bytesOf = (text: string) => new TextEncoder().encode(text).length;

/**
 * Uploads the files (progress file by file), then creates the job, calls `onStarted` (the form
 * suggests fresh names: job and custom model names are unique) and lists it.
 */
export async function confirmSend(plan: SendPlan, onStarted: () => void): Promise<void> {
  const files = [
    { file: 'train' as const, name: 'train.jsonl' as const, jsonl: plan.trainingJsonl },
    ...(plan.validationJsonl
      ? [
          {
            file: 'validation' as const,
            name: 'validation.jsonl' as const,
            jsonl: plan.validationJsonl,
          },
        ]
      : []),
  ];
  const totalBytes = files.reduce((sum, f) => sum + bytesOf(f.jsonl), 0);
  let doneBytes = 0;
  set({ phase: 'uploading', error: null, startedArn: null });
  for (const f of files) {
    set({ progress: { file: f.name, doneBytes, totalBytes } });
    const { bucket, prefix } = plan;
    const result = await call('uploadCustomizationFile', {
      bucket,
      prefix,
      file: f.file,
      jsonl: f.jsonl,
    });
    if (!result.ok) {
      set({ phase: 'idle', progress: null, error: result.error });
      return;
    }
    doneBytes += result.value.bytes;
    set({ progress: { file: f.name, doneBytes, totalBytes } });
  }
  set({ phase: 'creating' });
  const created = await call('startCustomizationJob', { request: plan.request });
  if (!created.ok) {
    set({ phase: 'idle', progress: null, error: created.error });
    return;
  }
  set({ phase: 'idle', progress: null, startedArn: created.value.jobArn });
  onStarted();
  await refreshJobs();
  await pollJob(created.value.jobArn);
}
