/**
 * The inference-profile ARN cache (electron/main/bedrock/knowledge-bases.ts) with the real AWS SDK
 * clients against the fake Bedrock: the ARN holds the account id, so when the credentials behind
 * the same AWS profile change to another access key (another account), the next answer looks the
 * profile up again with the new key instead of reusing the ARN looked up with the old one. Two
 * ways credentials change: the credentials file is edited and the profile switched away and back
 * (the clients are rebuilt), and a credential process renews its keys as they expire (SSO does the
 * same) with no settings change at all.
 */
import { chmod, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { forgetInferenceProfileArns } from '../../electron/main/bedrock/knowledge-bases';
import { dispatchRequest } from '../../electron/main/dispatch';
import { createBackend, type AppBackend } from '../../electron/main/handlers';
import { openSettingsStore, type SettingsStore } from '../../electron/main/settings-store';
import { startFakeBedrock, type FakeBedrock } from '../fakes/bedrock';
import { useFakeAwsEnvironment } from '../support/app';

const KEYS = {
  first: { accessKeyId: 'AKIAFIRSTACCOUNT0001', secretAccessKey: 'first/secret/key/for+tests' },
  second: { accessKeyId: 'AKIASECONDACCOUNT002', secretAccessKey: 'second/secret/key/for+tests' },
};

let fake: FakeBedrock;
let dir: string;
let restoreEnv: () => void;
let store: SettingsStore;
let backend: AppBackend;

beforeAll(async () => {
  fake = await startFakeBedrock({ credentials: [KEYS.first, KEYS.second] });
  dir = await mkdtemp(join(tmpdir(), 'stratum-profile-account-'));
  await writeFile(join(dir, 'config'), '');
  await writeFile(join(dir, 'credentials'), '');
  restoreEnv = useFakeAwsEnvironment(fake.url, {
    configFile: join(dir, 'config'),
    credentialsFile: join(dir, 'credentials'),
  });
});
afterAll(async () => {
  restoreEnv();
  await fake.close();
});

beforeEach(async () => {
  fake.reset();
  forgetInferenceProfileArns();
  store = await openSettingsStore(await mkdtemp(join(tmpdir(), 'stratum-profile-settings-')));
  backend = createBackend({ store, mode: 'browser', version: 'test' });
});
afterEach(() => backend.dispose());

async function askWithProfile(): Promise<void> {
  const result = await dispatchRequest(backend.requests, 'kbRetrieveAndGenerate', {
    knowledgeBaseId: 'FAKEKB0001',
    modelId: 'us.amazon.nova-lite-v1:0',
    query: 'How do knowledge bases reduce hallucinations?',
    numberOfResults: 4,
  });
  if (!result.ok) throw new Error(`${result.error.code}: ${result.error.message}`);
}

/** The access keys that signed each GetInferenceProfile, in order. */
const lookups = () =>
  fake.requests.filter((r) => r.operation === 'get-inference-profile').map((r) => r.accessKeyId);

const credentialsFile = (key: { accessKeyId: string; secretAccessKey: string }) =>
  `[study]\naws_access_key_id = ${key.accessKeyId}\naws_secret_access_key = ${key.secretAccessKey}\n`;

describe('the inference-profile ARN after the credentials change account', () => {
  it('is looked up again when the profile, switched away and back, now has another key', async () => {
    await writeFile(join(dir, 'credentials'), credentialsFile(KEYS.first));
    await store.update({ aws: { profile: 'study' } });
    await askWithProfile();
    await askWithProfile();
    expect(lookups()).toEqual([KEYS.first.accessKeyId]);

    await writeFile(join(dir, 'credentials'), credentialsFile(KEYS.second));
    await store.update({ aws: { profile: null } });
    await store.update({ aws: { profile: 'study' } });
    await askWithProfile();
    expect(lookups()).toEqual([KEYS.first.accessKeyId, KEYS.second.accessKeyId]);
  });

  it('is looked up again when a credential process renews its keys from another account', async () => {
    // Keys that expire within the SDK's refresh window, so each call asks the process again.
    const keysFile = join(dir, 'keys.json');
    const script = join(dir, 'keys.cjs');
    await writeFile(
      script,
      `const k = JSON.parse(require('fs').readFileSync(${JSON.stringify(keysFile)}, 'utf8'));
process.stdout.write(JSON.stringify({ Version: 1, AccessKeyId: k.accessKeyId, SecretAccessKey: k.secretAccessKey, Expiration: new Date(Date.now() + 60000).toISOString() }));\n`,
    );
    await chmod(script, 0o755);
    await writeFile(
      join(dir, 'config'),
      `[profile renewing]\ncredential_process = ${process.execPath} ${script}\n`,
    );
    await writeFile(keysFile, JSON.stringify(KEYS.first));
    await store.update({ aws: { profile: 'renewing' } });
    await askWithProfile();
    await askWithProfile();
    expect(lookups()).toEqual([KEYS.first.accessKeyId]);

    await writeFile(keysFile, JSON.stringify(KEYS.second));
    await askWithProfile();
    expect(lookups()).toEqual([KEYS.first.accessKeyId, KEYS.second.accessKeyId]);
    // And the answers themselves were signed with the key of their time.
    const answers = fake.requests.filter((r) => r.operation === 'retrieve-and-generate');
    expect(answers.map((r) => r.accessKeyId)).toEqual([
      KEYS.first.accessKeyId,
      KEYS.first.accessKeyId,
      KEYS.second.accessKeyId,
    ]);
  }, 30_000);
});
