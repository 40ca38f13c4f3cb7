/**
 * Names of the contract's requests and its IPC channels, without zod, so the sandboxed preload
 * stays tiny. `contract.ts` checks at compile time that these names match its schemas.
 */
export const REQUEST_NAMES = [
  'getAppInfo',
  'getSettings',
  'updateSettings',
  'listProfiles',
  'testConnection',
  'cancelConnectionTest',
  'getAvailability',
  'generateImages',
  'describeImage',
  'listInvocations',
  'clearInvocations',
  'restoreInvocations',
  'rerank',
  'kbRetrieve',
  'kbRetrieveAndGenerate',
  'confirmAgentToolCall',
  'startEvaluationJob',
  'listEvaluationJobs',
  'getEvaluationJob',
  'stopEvaluationJob',
  'uploadCustomizationFile',
  'startCustomizationJob',
  'listCustomizationJobs',
  'getCustomizationJob',
  'stopCustomizationJob',
  'readCustomizationMetrics',
  'listGuardrails',
  'getGuardrail',
  'createGuardrail',
  'updateGuardrail',
  'createGuardrailVersion',
  'deleteGuardrail',
  'applyGuardrail',
  'listImportedModels',
  'invokeImportedLogprobs',
] as const;
export type RequestName = (typeof REQUEST_NAMES)[number];

export const STREAM_NAMES = [
  'converseStream',
  'sampleNextWord',
  'generateQuestions',
  'embedTexts',
  'runAgent',
  'invokeAgent',
  'judgeResponses',
  'runEvaluation',
] as const;
export type StreamName = (typeof STREAM_NAMES)[number];

export const channel = {
  request: (name: RequestName) => `stratum:request:${name}`,
  streamStart: 'stratum:stream:start',
  streamCancel: 'stratum:stream:cancel',
  streamMessage: 'stratum:stream:message',
} as const;

/**
 * The object the preload (Electron) or the browser-mode client exposes as `window.stratum`.
 * Results are `unknown` on purpose: the renderer parses them with the contract's schemas.
 */
export interface StratumBridge {
  readonly mode: 'electron' | 'browser';
  readonly request: { readonly [K in RequestName]: (input: unknown) => Promise<unknown> };
  startStream(name: StreamName, streamId: string, input: unknown): Promise<unknown>;
  cancelStream(streamId: string): void;
  onStreamMessage(listener: (message: unknown) => void): () => void;
}
