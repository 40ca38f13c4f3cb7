/**
 * The Evaluation jobs tab's state, outside React: the job the learner is planning (S3 locations,
 * role, metrics), the jobs Bedrock lists, and polling. A job starts only after a confirmation;
 * InProgress jobs are polled (GetEvaluationJob) every few seconds while the tab is open.
 */
import { useSyncExternalStore } from 'react';
import {
  AUTOMATIC_METRICS,
  buildJobRequest,
  suggestJobName,
  type EvaluationJobDetail,
  type EvaluationJobSummary,
  type EvaluationTaskType,
  type JobPlan,
} from '../../../../../shared/eval-jobs';
import type { AppError } from '../../../../../shared/result';
import { call } from '../../../api';
import type { EvalRunRow } from '../runs-store';

export const TASK_TYPE: Record<EvalRunRow['dataset']['task'], EvaluationTaskType> = {
  qa: 'QuestionAndAnswer',
  summarisation: 'Summarization',
  classification: 'Classification',
  open: 'Generation',
};

export type PlanFields = Pick<
  JobPlan,
  | 'kind'
  | 'jobName'
  | 'datasetS3Uri'
  | 'outputS3Uri'
  | 'roleArn'
  | 'judgeMetrics'
  | 'evaluatorModel'
>;

export interface JobsState {
  fields: PlanFields;
  confirming: boolean;
  starting: boolean;
  jobs: EvaluationJobSummary[];
  details: Record<string, EvaluationJobDetail>;
  listed: boolean;
  error: AppError | null;
  /** The last job started here (for the results region). */
  startedArn: string | null;
}

let state: JobsState = {
  fields: {
    kind: 'automatic',
    jobName: '',
    datasetS3Uri: '',
    outputS3Uri: '',
    roleArn: '',
    judgeMetrics: ['correctness', 'completeness', 'helpfulness'],
    evaluatorModel: 'anthropic.claude-3-5-sonnet-20240620-v1:0',
  },
  confirming: false,
  starting: false,
  jobs: [],
  details: {},
  listed: false,
  error: null,
  startedArn: null,
};
const listeners = new Set<() => void>();

function set(patch: Partial<JobsState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useJobs(): JobsState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

export function setFields(patch: Partial<PlanFields>): void {
  set({ fields: { ...state.fields, ...patch }, confirming: false });
}

/** The plan for `run`: its dataset's task type, its models (at most two), the fields. */
export function planFor(run: EvalRunRow, fields: PlanFields): JobPlan {
  const taskType = TASK_TYPE[run.dataset.task];
  const first = run.candidates[0];
  return {
    ...fields,
    jobName: fields.jobName || suggestJobName(`stratum-${run.dataset.id}`, run.id.slice(-6)),
    taskType,
    datasetName: run.dataset.id.replace(/[^0-9a-zA-Z-_.]/g, '-').slice(0, 63) || 'stratum-dataset',
    models: [...new Set(run.candidates.map((c) => c.modelId))].slice(0, 2),
    automaticMetrics: AUTOMATIC_METRICS[taskType],
    maxTokens: first?.maxTokens ?? 512,
    temperature: first?.temperature ?? 0,
  };
}

export function requestFor(run: EvalRunRow, fields: PlanFields) {
  return buildJobRequest(planFor(run, fields));
}

export function askToStart(): void {
  set({ confirming: true, error: null });
}

export function cancelStart(): void {
  set({ confirming: false });
}

export async function refreshJobs(): Promise<void> {
  const result = await call('listEvaluationJobs');
  if (result.ok) set({ jobs: result.value.jobs, listed: true, error: null });
  else set({ error: result.error, listed: true });
}

export async function confirmStart(run: EvalRunRow): Promise<void> {
  set({ starting: true, confirming: false, error: null });
  const result = await call('startEvaluationJob', { request: requestFor(run, state.fields) });
  set({ starting: false });
  if (!result.ok) {
    set({ error: result.error });
    return;
  }
  set({ startedArn: result.value.jobArn });
  await refreshJobs();
}

export async function pollJob(jobArn: string): Promise<void> {
  const result = await call('getEvaluationJob', { jobIdentifier: jobArn });
  if (!result.ok) {
    set({ error: result.error });
    return;
  }
  const detail = result.value;
  set({
    details: { ...state.details, [jobArn]: detail },
    jobs: state.jobs.map((j) => (j.jobArn === jobArn ? { ...j, status: detail.status } : j)),
  });
}

export async function stopJob(jobArn: string): Promise<void> {
  const result = await call('stopEvaluationJob', { jobIdentifier: jobArn });
  if (!result.ok) set({ error: result.error });
  else await pollJob(jobArn);
}
