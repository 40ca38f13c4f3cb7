import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { listProfiles, profileKind } from '../../electron/main/aws/profiles';

const CONFIG = `
[default]
region = us-east-1

[profile work-sso]
sso_session = corp
sso_account_id = 111122223333
sso_role_name = Learner
region = eu-west-1

[profile legacy-sso]
sso_start_url = https://example.awsapps.com/start
sso_region = us-east-1
sso_account_id = 111122223333
sso_role_name = Learner

[profile admin]
role_arn = arn:aws:iam::111122223333:role/Admin
source_profile = default

[profile tool]
credential_process = /usr/local/bin/get-creds

[sso-session corp]
sso_start_url = https://corp.awsapps.com/start
sso_region = eu-west-1

[services local]
bedrock_runtime =
  endpoint_url = http://127.0.0.1:4599
`;

const CREDENTIALS = `
[default]
aws_access_key_id = AKIAEXAMPLEEXAMPLE01
aws_secret_access_key = very-secret-value-that-must-not-leak

[keys-only]
aws_access_key_id = AKIAEXAMPLEEXAMPLE02
aws_secret_access_key = another-secret
`;

async function files() {
  const dir = await mkdtemp(join(tmpdir(), 'stratum-aws-'));
  const config = join(dir, 'config');
  const credentials = join(dir, 'credentials');
  await writeFile(config, CONFIG);
  await writeFile(credentials, CREDENTIALS);
  return { AWS_CONFIG_FILE: config, AWS_SHARED_CREDENTIALS_FILE: credentials };
}

describe('listProfiles', () => {
  it('reads the files named by AWS_CONFIG_FILE and AWS_SHARED_CREDENTIALS_FILE', async () => {
    const env = await files();
    const list = await listProfiles(env);
    expect(list.configFile).toBe(env.AWS_CONFIG_FILE);
    expect(list.credentialsFile).toBe(env.AWS_SHARED_CREDENTIALS_FILE);
    expect(list.profiles.map((p) => [p.name, p.kind, p.region])).toEqual([
      ['default', 'static', 'us-east-1'],
      ['admin', 'assume-role', null],
      ['keys-only', 'static', null],
      ['legacy-sso', 'sso', null],
      ['tool', 'process', null],
      ['work-sso', 'sso', 'eu-west-1'],
    ]);
  });

  it('records which file defines each profile', async () => {
    const list = await listProfiles(await files());
    const byName = new Map(list.profiles.map((p) => [p.name, p.sources]));
    expect(byName.get('default')).toEqual(['config', 'credentials']);
    expect(byName.get('keys-only')).toEqual(['credentials']);
    expect(byName.get('work-sso')).toEqual(['config']);
  });

  it('does not list sso-session or services sections as profiles', async () => {
    const names = (await listProfiles(await files())).profiles.map((p) => p.name);
    expect(names).not.toContain('corp');
    expect(names.some((n) => n.includes('sso-session') || n.includes('services'))).toBe(false);
  });

  it('never returns keys, secrets or role ARNs', async () => {
    const text = JSON.stringify(await listProfiles(await files()));
    for (const secret of [
      'very-secret-value',
      'another-secret',
      'AKIAEXAMPLE',
      'arn:aws:iam',
      'get-creds',
    ]) {
      expect(text).not.toContain(secret);
    }
  });

  it('returns an empty list when the files do not exist', async () => {
    const list = await listProfiles({
      AWS_CONFIG_FILE: '/nonexistent/config',
      AWS_SHARED_CREDENTIALS_FILE: '/nonexistent/credentials',
    });
    expect(list.profiles).toEqual([]);
  });

  it('reports AWS_PROFILE from the environment', async () => {
    const list = await listProfiles({ ...(await files()), AWS_PROFILE: 'work-sso' });
    expect(list.environmentProfile).toBe('work-sso');
  });
});

describe('profileKind', () => {
  it('follows the SDK precedence: role before SSO before static keys', () => {
    expect(profileKind({ role_arn: 'x', sso_session: 'y' })).toBe('assume-role');
    expect(profileKind({ role_arn: 'x', web_identity_token_file: '/t' })).toBe('web-identity');
    expect(profileKind({ sso_session: 'y', aws_access_key_id: 'k' })).toBe('sso');
    expect(profileKind({ region: 'us-east-1' })).toBe('other');
  });
});
