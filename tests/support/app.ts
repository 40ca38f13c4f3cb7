/**
 * Starts the app the way end-to-end tests and benchmarks need it: the fake Bedrock, the real
 * main-process handlers over browser mode (with a throwaway data folder and isolated AWS files),
 * and the built renderer. The SDK reaches the fake only through AWS_ENDPOINT_URL_* variables and
 * fake static keys, exactly as a learner's environment would point it somewhere.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { existsSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createBackend, type Backend } from '../../electron/main/handlers';
import { openSettingsStore, SETTINGS_FILE } from '../../electron/main/settings-store';
import { startWebServer, type WebServer } from '../../electron/web/server';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock';
import { S3Store, startFakeS3, type FakeS3 } from '../fakes/s3';

/** The bucket the fake S3 starts with (us-east-1), for the customization lab's job. */
export const FAKE_BUCKET = 'stratum-fake-bucket';

export const FAKE_ACCESS_KEY_ID = 'AKIAFAKEFAKEFAKE0001';
/** A recognisable secret: tests assert it never reaches the renderer. */
export const FAKE_SECRET_ACCESS_KEY = 'fakeSecretKey/DoNotLeak+2026/abcdefghijklmnop';

/**
 * The built renderer. STRATUM_OUT_DIR points at another build (`electron-vite build --outDir X`),
 * so two builds can be tested side by side without overwriting each other's out/.
 */
export const RENDERER_DIR = resolve(
  process.env.STRATUM_OUT_DIR ?? resolve(import.meta.dirname, '../../out'),
  'renderer',
);

export interface RunningApp {
  fake: FakeBedrock;
  s3: FakeS3;
  server: WebServer;
  backend: Backend;
  dataDir: string;
  close(): Promise<void>;
}

const AWS_VARS = [
  'AWS_ENDPOINT_URL',
  'AWS_ENDPOINT_URL_BEDROCK_RUNTIME',
  'AWS_ENDPOINT_URL_BEDROCK',
  'AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME',
  'AWS_ENDPOINT_URL_S3',
  'AWS_ACCESS_KEY_ID',
  'AWS_SECRET_ACCESS_KEY',
  'AWS_SESSION_TOKEN',
  'AWS_PROFILE',
  'AWS_REGION',
  'AWS_DEFAULT_REGION',
  'AWS_CONFIG_FILE',
  'AWS_SHARED_CREDENTIALS_FILE',
  'AWS_EC2_METADATA_DISABLED',
] as const;

/** Points the SDK at the fake with fake static keys and isolated AWS files; returns an undo. */
export function useFakeAwsEnvironment(
  fakeUrl: string,
  files: { configFile: string; credentialsFile: string },
  s3Url?: string,
): () => void {
  const saved = Object.fromEntries(AWS_VARS.map((k) => [k, process.env[k]]));
  for (const key of AWS_VARS) delete process.env[key];
  Object.assign(process.env, {
    AWS_ENDPOINT_URL_BEDROCK_RUNTIME: fakeUrl,
    AWS_ENDPOINT_URL_BEDROCK: fakeUrl,
    AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME: fakeUrl,
    AWS_ACCESS_KEY_ID: FAKE_ACCESS_KEY_ID,
    AWS_SECRET_ACCESS_KEY: FAKE_SECRET_ACCESS_KEY,
    AWS_CONFIG_FILE: files.configFile,
    AWS_SHARED_CREDENTIALS_FILE: files.credentialsFile,
    AWS_EC2_METADATA_DISABLED: 'true',
    ...(s3Url ? { AWS_ENDPOINT_URL_S3: s3Url } : {}),
  });
  return () => {
    for (const key of AWS_VARS) {
      const value = saved[key];
      if (value === undefined) delete process.env[key];
      else process.env[key] = value;
    }
  };
}

export interface FakeAws {
  fake: FakeBedrock;
  /** The fake S3 (path-style, AWS_ENDPOINT_URL_S3), with FAKE_BUCKET in us-east-1. */
  s3: FakeS3;
  /** A folder for the test's own files (the empty AWS config and credentials live here). */
  dir: string;
  close(): Promise<void>;
}

/**
 * A fake Bedrock that checks signatures with the fake keys, and the SDK pointed at it through
 * the standard environment variables, with empty, isolated AWS config files.
 */
export async function startFakeAws(
  options: { config?: string; credentials?: string; deltaDelayMs?: number } = {},
): Promise<FakeAws> {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-aws-'));
  const configFile = join(dir, 'aws-config');
  const credentialsFile = join(dir, 'aws-credentials');
  await writeFile(configFile, options.config ?? '');
  await writeFile(credentialsFile, options.credentials ?? '');
  const s3Store = new S3Store();
  s3Store.createBucket(FAKE_BUCKET, 'us-east-1');
  const s3 = await startFakeS3({ store: s3Store, accessKeyIds: [FAKE_ACCESS_KEY_ID] });
  const fake = await startFakeBedrock({
    s3Store,
    // The fake recomputes every SigV4 signature with this key: the SDK must really sign.
    credentials: [{ accessKeyId: FAKE_ACCESS_KEY_ID, secretAccessKey: FAKE_SECRET_ACCESS_KEY }],
    ...(options.deltaDelayMs !== undefined ? { deltaDelayMs: options.deltaDelayMs } : {}),
  });
  const restoreEnv = useFakeAwsEnvironment(fake.url, { configFile, credentialsFile }, s3.url);
  return {
    fake,
    s3,
    dir,
    async close() {
      restoreEnv();
      await fake.close();
      await s3.close();
      await rm(dir, { recursive: true, force: true });
    },
  };
}

export async function startApp(
  options: { config?: string; credentials?: string; settingsFileText?: string } = {},
): Promise<RunningApp> {
  if (!existsSync(join(RENDERER_DIR, 'index.html'))) {
    throw new Error('out/renderer is missing: run `npm run build` first (npm run test:e2e does).');
  }
  const aws = await startFakeAws(options);
  const { fake, s3, dir: dataDir } = aws;

  const userData = join(dataDir, 'user-data');
  if (options.settingsFileText !== undefined) {
    await mkdir(userData, { recursive: true });
    await writeFile(join(userData, SETTINGS_FILE), options.settingsFileText);
  }
  const store = await openSettingsStore(userData);
  const backend = createBackend({ store, mode: 'browser', version: '0.0.0-test' });
  const server = await startWebServer({ backend, rendererDir: RENDERER_DIR });

  return {
    fake,
    s3,
    server,
    backend,
    dataDir,
    async close() {
      backend.dispose();
      await server.close();
      await aws.close();
    },
  };
}
