import { mkdir, mkdtemp, readdir, readFile, rm, rmdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { openSettingsStore, SETTINGS_FILE } from '../../electron/main/settings-store';
import { DEFAULT_SETTINGS, SettingsPatch } from '../../shared/settings';

let dir: string;
beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-settings-'));
});

const okCheck = {
  ok: true as const,
  at: '2026-11-23T10:00:00.000Z',
  modelId: 'amazon.nova-micro-v1:0',
  region: 'us-east-1',
  profile: null,
  latencyMs: 120,
  replyText: 'Hi',
};

describe('settings store', () => {
  it('starts with defaults when there is no file, and writes nothing until asked', async () => {
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    expect(store.state().notice).toBeNull();
    expect(await readdir(dir)).toEqual([]);
  });

  it('persists an update as validated JSON and reads it back', async () => {
    const store = await openSettingsStore(dir);
    await store.update({ aws: { profile: 'work-sso', region: 'eu-west-1' } });
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as unknown;
    expect(onDisk).toMatchObject({ version: 1, aws: { profile: 'work-sso', region: 'eu-west-1' } });
    const again = await openSettingsStore(dir);
    expect(again.get().aws.profile).toBe('work-sso');
    expect(again.get().aws.region).toBe('eu-west-1');
    // Atomic write: no temp files left behind.
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE]);
  });

  it('keeps a corrupt file aside, starts with defaults, and says so', async () => {
    await writeFile(join(dir, SETTINGS_FILE), '{ "version": 1, "aws": { "profile": ');
    const store = await openSettingsStore(dir);
    expect(store.get()).toEqual(DEFAULT_SETTINGS);
    const notice = store.state().notice;
    expect(notice?.message).toMatch(/not valid JSON/);
    expect(notice?.movedTo).toMatch(/settings\.invalid-.*\.json$/);
    expect(await readFile(notice!.movedTo!, 'utf8')).toContain('"profile": ');
    expect(await readdir(dir)).not.toContain(SETTINGS_FILE);
  });

  it('treats a hand-edited invalid value the same way, naming the field', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({ ...DEFAULT_SETTINGS, aws: { ...DEFAULT_SETTINGS.aws, region: 'Mars 1' } }),
    );
    const store = await openSettingsStore(dir);
    expect(store.get().aws.region).toBe('us-east-1');
    expect(store.state().notice?.message).toMatch(/aws\.region/);
  });

  it('clears the last connection result when the AWS target changes, not otherwise', async () => {
    const store = await openSettingsStore(dir);
    await store.recordConnection(okCheck);
    await store.update({ aws: { region: 'us-east-1' } });
    expect(store.get().lastConnection).toEqual(okCheck);
    await store.update({ aws: { region: 'us-west-2' } });
    expect(store.get().lastConnection).toBeNull();
  });

  it('serialises quick successive writes (the last one wins on disk)', async () => {
    const store = await openSettingsStore(dir);
    await Promise.all([
      store.update({ aws: { region: 'us-west-2' } }),
      store.update({ aws: { region: 'eu-central-1' } }),
      store.update({ aws: { region: 'ap-northeast-1' } }),
    ]);
    const onDisk = JSON.parse(await readFile(join(dir, SETTINGS_FILE), 'utf8')) as {
      aws: { region: string };
    };
    expect(onDisk.aws.region).toBe('ap-northeast-1');
  });

  it('notifies listeners of changes', async () => {
    const store = await openSettingsStore(dir);
    const seen: string[] = [];
    store.onChange((s) => seen.push(s.aws.region));
    await store.update({ aws: { region: 'eu-west-2' } });
    expect(seen).toEqual(['eu-west-2']);
  });

  it('recovers after a write that fails once: memory unchanged, no temp file, next save works', async () => {
    const store = await openSettingsStore(dir);
    await store.update({ aws: { region: 'eu-west-1' } });
    const seen: string[] = [];
    store.onChange((s) => seen.push(s.aws.region));
    // settings.json is briefly a folder: the rename cannot replace it.
    const file = join(dir, SETTINGS_FILE);
    await rm(file);
    await mkdir(file);
    await expect(store.update({ aws: { region: 'us-west-2' } })).rejects.toThrow();
    // What the UI reads is what is on disk (the last successful write), not the failed change.
    expect(store.get().aws.region).toBe('eu-west-1');
    expect(seen).toEqual([]);
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
    // The folder goes away: the very next save works (the chain is not stuck on the old error).
    await rmdir(file);
    const state = await store.update({ aws: { region: 'ap-south-1' } });
    expect(state.settings.aws.region).toBe('ap-south-1');
    expect(seen).toEqual(['ap-south-1']);
    const onDisk = JSON.parse(await readFile(file, 'utf8')) as { aws: { region: string } };
    expect(onDisk.aws.region).toBe('ap-south-1');
    expect((await readdir(dir)).sort()).toEqual([SETTINGS_FILE]);
  });

  it('says why a save failed, with a remedy, as an AppError the renderer receives', async () => {
    const store = await openSettingsStore(dir);
    await mkdir(join(dir, SETTINGS_FILE));
    await expect(store.update({ aws: { region: 'us-west-2' } })).rejects.toMatchObject({
      appError: {
        code: 'save_failed',
        message: expect.stringMatching(/settings\.json could not be written: .*\(EISDIR\)/),
        remedy: expect.stringMatching(/not a folder/),
      },
    });
  });

  it('rejects bad values before they reach the disk', async () => {
    const store = await openSettingsStore(dir);
    await expect(store.update({ aws: { region: 'nowhere' } })).rejects.toThrow();
    expect(store.get().aws.region).toBe('us-east-1');
  });
});

describe('the endpoint: cleartext http only for loopback', () => {
  const endpoint = (url: string) => SettingsPatch.safeParse({ aws: { endpoint: url } });
  const message = (url: string) => {
    const result = endpoint(url);
    return result.success ? null : result.error.issues[0]?.message;
  };

  it.each([
    'https://bedrock-runtime.us-east-1.amazonaws.com',
    'https://vpce-0abc.bedrock-runtime.us-east-1.vpce.amazonaws.com',
    'https://10.0.0.5:8443',
    'http://127.0.0.1:4599',
    'http://127.8.9.10',
    'http://localhost:4599',
    'http://LOCALHOST',
    'http://[::1]:4599',
  ])('accepts %s', (url) => {
    expect(endpoint(url).success).toBe(true);
  });

  it.each([
    'http://bedrock-runtime.us-east-1.amazonaws.com',
    'http://10.0.0.5:8080',
    'http://192.168.1.20',
    'http://128.0.0.1',
    'http://localhost.example.com',
    'http://[::2]',
    'http://proxy.corp',
  ])('refuses cleartext %s, saying to use https', (url) => {
    expect(message(url)).toMatch(
      /Use https:\/\/ for .*: cleartext http:\/\/ is allowed only for this computer/,
    );
  });

  it('refuses other schemes and non-URLs', () => {
    expect(message('ftp://127.0.0.1')).toMatch(/https:\/\//);
    expect(endpoint('file:///etc/passwd').success).toBe(false);
    expect(endpoint('not a url').success).toBe(false);
  });

  it('loads an older file with a cleartext remote endpoint, dropping only the endpoint', async () => {
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({
        ...DEFAULT_SETTINGS,
        aws: { ...DEFAULT_SETTINGS.aws, region: 'eu-west-1', endpoint: 'http://proxy.corp:8080' },
      }),
    );
    const store = await openSettingsStore(dir);
    expect(store.get().aws).toMatchObject({ region: 'eu-west-1', endpoint: null });
    expect(store.state().notice).toMatchObject({ kind: 'recovered', movedTo: null });
    expect(store.state().notice?.message).toMatch(/http:\/\/proxy\.corp:8080 was not used/);
    expect(await readdir(dir)).toEqual([SETTINGS_FILE]);
  });
});

describe('SettingsPatch', () => {
  it('refuses unknown keys and renderer writes to lastConnection', () => {
    expect(SettingsPatch.safeParse({ aws: { region: 'us-east-1' } }).success).toBe(true);
    expect(SettingsPatch.safeParse({ lastConnection: null }).success).toBe(false);
    expect(SettingsPatch.safeParse({ aws: { secretAccessKey: 'x' } }).success).toBe(false);
    expect(SettingsPatch.safeParse({ aws: { endpoint: 'file:///etc/passwd' } }).success).toBe(
      false,
    );
    expect(SettingsPatch.safeParse({ aws: { endpoint: 'http://127.0.0.1:4599' } }).success).toBe(
      true,
    );
  });
});
