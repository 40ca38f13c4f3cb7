/** Names and choices the invocation log's parts share. */
import { InvocationRecord, type InvocationFeature } from '../../../../shared/invocations';
import { formatDate, formatTime } from '../../lib/format';

export const FEATURE_LABELS: Record<InvocationFeature, string> = {
  chat: 'Chat',
  compare: 'Compare',
  'token-lab': 'Token lab',
  images: 'Images',
  quiz: 'Quiz generation',
  connection: 'Connection test',
  'knowledge-bases': 'Knowledge bases',
  agents: 'Agents',
  guardrails: 'Guardrails',
  evaluation: 'Evaluation',
  models: 'Models (region check)',
  customization: 'Customization',
};

export type Operation = InvocationRecord['operation'];

/** Every operation the log records, in the contract's order (a new one shows up by itself). */
export const OPERATIONS: readonly Operation[] = InvocationRecord.shape.operation.options;

/**
 * An operation as the log shows it: the API's name, and for InvokeModel what it was used for
 * (the app calls it for image generation and for embeddings).
 */
export function operationLabel(operation: Operation, feature: InvocationFeature): string {
  if (operation !== 'InvokeModel') return operation;
  if (feature === 'knowledge-bases') return 'InvokeModel (embeddings)';
  if (feature === 'images') return 'InvokeModel (image)';
  return operation;
}

/** What each operation does, in a line (the per-operation table's second line). */
export const OPERATION_NOTES: Partial<Record<string, string>> = {
  Converse: 'one message and its whole answer',
  ConverseStream: 'an answer streamed as it is written',
  InvokeModel: 'a model’s own request format',
  'InvokeModel (image)': 'image generation',
  'InvokeModel (embeddings)': 'texts turned into vectors',
  Retrieve: 'chunks from a knowledge base',
  RetrieveAndGenerate: 'chunks from a knowledge base, then an answer citing them',
  Rerank: 'documents reordered by relevance to a query',
  InvokeAgent: 'a Bedrock agent’s answer, with its trace',
  ApplyGuardrail: 'a text checked by a guardrail, no model called',
  ListGuardrails: 'control plane: your guardrails, or one guardrail’s versions',
  GetGuardrail: 'control plane: one guardrail’s definition',
  CreateGuardrail: 'control plane: a new guardrail',
  UpdateGuardrail: 'control plane: a guardrail’s working draft replaced',
  CreateGuardrailVersion: 'control plane: a numbered snapshot of a guardrail',
  DeleteGuardrail: 'control plane: a guardrail or one of its versions deleted',
  CreateEvaluationJob: 'control plane: a model evaluation job started',
  GetEvaluationJob: 'control plane: an evaluation job’s status',
  ListEvaluationJobs: 'control plane: your evaluation jobs',
  StopEvaluationJob: 'control plane: an evaluation job stopped',
  GetInferenceProfile: 'control plane: an inference profile’s ARN looked up',
  ListFoundationModels: 'control plane: the models offered in the Region',
  ListInferenceProfiles: 'control plane: the inference profiles offered in the Region',
  ListImportedModels: 'control plane: your imported models (Custom Model Import)',
  CreateModelCustomizationJob: 'control plane: a model customization job started',
  GetModelCustomizationJob: 'control plane: a customization job’s status',
  ListModelCustomizationJobs: 'control plane: your customization jobs',
  StopModelCustomizationJob: 'control plane: a customization job stopped',
  PutObject: 'Amazon S3: a dataset file uploaded to your bucket',
  GetObject: 'Amazon S3: a customization job’s metrics read from your bucket',
};

/**
 * Why a control-plane call has no cost in the log: it invokes no model (what a job it starts
 * does is billed by Bedrock as the job runs, not per call here).
 */
export const CONTROL_PLANE_COST =
  'not applicable: a control-plane call, which invokes no model (a job it starts is billed for its own work as it runs)';

/** Why a request to the learner's S3 bucket has no cost in the log: Amazon S3 bills it. */
export const S3_COST =
  'not a Bedrock charge: a request to your S3 bucket, which Amazon S3 bills itself (requests and storage)';

export const PERIODS = [
  { id: '7', label: 'Last 7 days', days: 7 },
  { id: '30', label: 'Last 30 days', days: 30 },
  { id: 'all', label: 'Everything in the log', days: null },
] as const;
export type PeriodId = (typeof PERIODS)[number]['id'];

/** Rows of the recent-calls table shown at first; "Show more" adds this many again. */
export const PAGE = 50;

/** When a call was made, to the second (calls are often seconds apart). */
export function formatCallTime(iso: string): string {
  return `${formatDate(iso)}, ${formatTime(iso, { seconds: true })}`;
}
