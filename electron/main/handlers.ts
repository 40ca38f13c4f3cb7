/**
 * The handler table: what each contract request and stream does. Nothing here imports Electron,
 * so browser mode and the unit tests run exactly this code.
 */
import { dirname } from 'node:path';
import { listProfiles } from './aws/profiles';
import { fetchAvailability } from './bedrock/availability';
import {
  BedrockClients,
  endpointFromEnvironment,
  targetOf,
  type BedrockTimeouts,
} from './bedrock/client';
import { converseStream, testConnection } from './bedrock/converse';
import { AppFailure } from './errors';
import { describeImage, generateImages } from './bedrock/images';
import { embedTexts } from './bedrock/embeddings';
import { judgeResponses } from './bedrock/evaluation-judge';
import {
  getEvaluationJob,
  listEvaluationJobs,
  startEvaluationJob,
  stopEvaluationJob,
} from './bedrock/evaluation-jobs';
import { runEvaluation } from './bedrock/evaluation-runs';
import * as customization from './bedrock/customization-jobs';
import { S3Clients } from './bedrock/s3';
import { kbRetrieve, kbRetrieveAndGenerate, rerank } from './bedrock/knowledge-bases';
import { AgentConfirmations, runAgent } from './bedrock/agent-loop';
import { invokeAgent } from './bedrock/invoke-agent';
import { applyGuardrail } from './bedrock/apply-guardrail';
import * as guardrails from './bedrock/guardrails-control';
import { invokeImportedLogprobs, listImportedModels } from './bedrock/imported-models';
import { generateQuestions } from './bedrock/generate-questions';
import { sampleNextWord } from './bedrock/next-word';
import type { RequestHandlers, StreamHandlers } from './dispatch';
import { InvocationLog } from './invocation-log';
import type { SettingsStore } from './settings-store';
import { imageCallRegion } from '../../shared/image-models';

const CONNECTION_TEST_CANCELLED = {
  code: 'cancelled',
  message: 'The connection test was cancelled.',
} as const;

export interface HandlerDeps {
  store: SettingsStore;
  mode: 'electron' | 'browser';
  version: string;
  env?: NodeJS.ProcessEnv;
  /** Where every Bedrock call is recorded; by default a log next to the settings file. */
  log?: InvocationLog;
  /** Deadlines for Bedrock calls (tests use short ones); by default DEFAULT_TIMEOUTS. */
  timeouts?: Partial<BedrockTimeouts>;
}

export interface Backend {
  requests: RequestHandlers;
  streams: StreamHandlers;
  dispose(): void;
}

/** The backend plus its invocation log (tests read it; shutdown may flush it). */
export interface AppBackend extends Backend {
  log: InvocationLog;
}

/**
 * The contract's handler table: one entry per request and stream the renderer may make, bound to
 * the settings store, the invocation log and the Bedrock calls. Long on purpose: it is the table,
 * one short entry per contract name, and reads best in one place.
 */
export function createBackend({
  store,
  mode,
  version,
  env = process.env,
  log = new InvocationLog(dirname(store.path)),
  timeouts,
}: HandlerDeps): AppBackend {
  const clients = new BedrockClients(timeouts);
  const unsubscribe = store.onChange(() => clients.reset());
  const record = log.record;
  /** The Test connection in flight, so cancelConnectionTest can stop it. */
  let connectionTest: AbortController | null = null;
  /** Agent runs waiting for the learner to confirm a tool call. */
  const confirmations = new AgentConfirmations();
  const jobsCaller = () => {
    const target = targetOf(store.get());
    return { client: clients.controlFor(target), target, record, timeouts: clients.timeouts };
  };
  const controlCaller = () => {
    const target = targetOf(store.get());
    return { control: clients.controlFor(target), target, timeouts: clients.timeouts, record };
  };
  const s3Clients = new S3Clients(clients.timeouts);
  const unsubscribeS3 = store.onChange(() => s3Clients.reset());
  const customizationCaller = (): customization.CustomizationCaller => {
    const target = targetOf(store.get());
    const { timeouts } = clients;
    const s3 = s3Clients.callerFor(target, record);
    return { control: clients.controlFor(target), s3, target, record, timeouts };
  };

  const requests: RequestHandlers = {
    getAppInfo: async () => ({
      name: 'Stratum',
      version,
      mode,
      platform: process.platform,
      endpointFromEnvironment: endpointFromEnvironment(env),
    }),
    getSettings: async () => store.state(),
    updateSettings: async (patch) => store.update(patch),
    listProfiles: async () => listProfiles(env),
    testConnection: async ({ modelId }) => {
      const settings = store.get();
      const target = targetOf(settings);
      const model = modelId ?? settings.aws.defaultTextModel;
      // A new test replaces one still running: only the latest outcome is worth waiting for.
      connectionTest?.abort();
      const controller = new AbortController();
      connectionTest = controller;
      try {
        const check = await testConnection(clients.callerFor(target, record), model, {
          signal: controller.signal,
        }).catch((error: unknown) => {
          throw controller.signal.aborted ? new AppFailure(CONNECTION_TEST_CANCELLED) : error;
        });
        // A cancelled test leaves the last connection result as it was.
        if (controller.signal.aborted) throw new AppFailure(CONNECTION_TEST_CANCELLED);
        await store.recordConnection(check);
        return check;
      } finally {
        if (connectionTest === controller) connectionTest = null;
      }
    },
    cancelConnectionTest: async () => {
      const running = connectionTest;
      connectionTest = null;
      running?.abort();
      return { cancelled: running !== null };
    },
    getAvailability: async () => {
      const target = targetOf(store.get());
      const control = clients.controlFor(target);
      return fetchAvailability({ control, target, record, timeouts: clients.timeouts });
    },
    generateImages: async (input) => {
      const target = targetOf(store.get());
      // A model served only in another Region (Stability AI: us-west-2) is called there.
      const region = imageCallRegion(input.modelId, target.region, target.endpoint);
      return generateImages(clients.callerFor({ ...target, region }, record), input);
    },
    describeImage: async (input) => {
      const target = targetOf(store.get());
      return describeImage(clients.callerFor(target, record), input);
    },
    rerank: async (input) => rerank(clients.agentCallerFor(targetOf(store.get()), record), input),
    kbRetrieve: async (input) =>
      kbRetrieve(clients.agentCallerFor(targetOf(store.get()), record), input),
    kbRetrieveAndGenerate: async (input) =>
      kbRetrieveAndGenerate(clients.agentCallerFor(targetOf(store.get()), record), input),
    listGuardrails: async (input) =>
      guardrails.listGuardrails(controlCaller(), input.guardrailIdentifier),
    getGuardrail: async (input) =>
      guardrails.getGuardrail(controlCaller(), input.guardrailIdentifier, input.version),
    createGuardrail: async (input) => guardrails.createGuardrail(controlCaller(), input.definition),
    updateGuardrail: async (input) =>
      guardrails.updateGuardrail(controlCaller(), input.guardrailIdentifier, input.definition),
    createGuardrailVersion: async (input) =>
      guardrails.createGuardrailVersion(
        controlCaller(),
        input.guardrailIdentifier,
        input.description,
      ),
    deleteGuardrail: async (input) =>
      guardrails.deleteGuardrail(controlCaller(), input.guardrailIdentifier, input.version),
    applyGuardrail: async (input) =>
      applyGuardrail(clients.callerFor(targetOf(store.get()), record), input),
    listImportedModels: async () => listImportedModels(controlCaller()),
    invokeImportedLogprobs: async (input) =>
      invokeImportedLogprobs(clients.callerFor(targetOf(store.get()), record), input),
    startEvaluationJob: async ({ request }) => startEvaluationJob(jobsCaller(), request),
    listEvaluationJobs: async () => listEvaluationJobs(jobsCaller()),
    getEvaluationJob: async ({ jobIdentifier }) => getEvaluationJob(jobsCaller(), jobIdentifier),
    stopEvaluationJob: async ({ jobIdentifier }) => stopEvaluationJob(jobsCaller(), jobIdentifier),
    uploadCustomizationFile: async (input) =>
      customization.uploadDatasetFile(customizationCaller(), input),
    startCustomizationJob: async ({ request }) =>
      customization.startCustomizationJob(customizationCaller(), request),
    listCustomizationJobs: async (filters) =>
      customization.listCustomizationJobs(customizationCaller(), filters),
    getCustomizationJob: async ({ jobIdentifier }) =>
      customization.getCustomizationJob(customizationCaller(), jobIdentifier),
    stopCustomizationJob: async ({ jobIdentifier }) =>
      customization.stopCustomizationJob(customizationCaller(), jobIdentifier),
    readCustomizationMetrics: async ({ jobIdentifier, outputS3Uri }) =>
      customization.readCustomizationMetrics(customizationCaller(), jobIdentifier, outputS3Uri),
    confirmAgentToolCall: async ({ runId, toolUseId, approve }) => ({
      accepted: confirmations.answer(runId, toolUseId, approve),
    }),
    listInvocations: async (input) => log.list(input),
    clearInvocations: async () => log.clear(),
    restoreInvocations: async ({ undoToken }) => log.restore(undoToken),
  };

  const streams: StreamHandlers = {
    converseStream: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await converseStream(clients.callerFor(target, record), input, emit, signal);
    },
    sampleNextWord: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await sampleNextWord(clients.callerFor(target, record), input, emit, signal);
    },
    generateQuestions: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await generateQuestions(clients.callerFor(target, record), input, emit, signal);
    },
    embedTexts: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await embedTexts(clients.callerFor(target, record), input, emit, signal);
    },
    runAgent: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await runAgent(clients.callerFor(target, record), input, emit, signal, { confirmations });
    },
    invokeAgent: async (input, emit, signal) =>
      invokeAgent(clients.agentCallerFor(targetOf(store.get()), record), input, emit, signal),
    judgeResponses: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await judgeResponses(clients.callerFor(target, record), input, emit, signal);
    },
    runEvaluation: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await runEvaluation(clients.callerFor(target, record), input, emit, signal);
    },
  };

  return {
    requests,
    streams,
    log,
    dispose() {
      unsubscribe();
      clients.reset();
      unsubscribeS3();
      s3Clients.reset();
    },
  };
}
