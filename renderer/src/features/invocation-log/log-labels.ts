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
  ApplyGuardrail: 'a text checked by a guardrail, no model called',
};

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
