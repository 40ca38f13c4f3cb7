/**
 * The handler table: what each contract request and stream does. Nothing here imports Electron,
 * so browser mode and the unit tests run exactly this code.
 */
import { listProfiles } from './aws/profiles';
import { fetchAvailability } from './bedrock/availability';
import { BedrockClients, endpointFromEnvironment, targetOf } from './bedrock/client';
import { converseStream, testConnection } from './bedrock/converse';
import { AppFailure, toAppError } from './bedrock/errors';
import { describeImage, generateImages } from './bedrock/images';
import { sampleNextWord } from './bedrock/next-word';
import type { RequestHandlers, StreamHandlers } from './dispatch';
import type { SettingsStore } from './settings-store';

export interface HandlerDeps {
  store: SettingsStore;
  mode: 'electron' | 'browser';
  version: string;
  env?: NodeJS.ProcessEnv;
}

export interface Backend {
  requests: RequestHandlers;
  streams: StreamHandlers;
  dispose(): void;
}

export function createBackend({ store, mode, version, env = process.env }: HandlerDeps): Backend {
  const clients = new BedrockClients();
  const unsubscribe = store.onChange(() => clients.reset());

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
      const check = await testConnection(clients.runtimeFor(target), target, model);
      await store.recordConnection(check);
      return check;
    },
    getAvailability: async () => {
      const target = targetOf(store.get());
      try {
        return await fetchAvailability(clients.controlFor(target), target.region);
      } catch (error) {
        throw new AppFailure(toAppError(error, { region: target.region, profile: target.profile }));
      }
    },
    generateImages: async (input) => {
      const target = targetOf(store.get());
      return generateImages(clients.runtimeFor(target), target, input);
    },
    describeImage: async (input) => {
      const target = targetOf(store.get());
      return describeImage(clients.runtimeFor(target), target, input);
    },
  };

  const streams: StreamHandlers = {
    converseStream: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await converseStream(clients.runtimeFor(target), target, input, emit, signal);
    },
    sampleNextWord: async (input, emit, signal) => {
      const target = targetOf(store.get());
      await sampleNextWord(clients.runtimeFor(target), target, input, emit, signal);
    },
  };

  return {
    requests,
    streams,
    dispose() {
      unsubscribe();
      clients.reset();
    },
  };
}
