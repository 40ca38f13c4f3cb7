/**
 * Lists the profiles of the shared AWS config and credentials files (honouring AWS_CONFIG_FILE
 * and AWS_SHARED_CREDENTIALS_FILE, as the SDK does). Only names, kinds and regions leave this
 * module: never a key, token or role ARN.
 */
import { homedir } from 'node:os';
import { join } from 'node:path';
import { loadSharedConfigFiles } from '@smithy/shared-ini-file-loader';
import type { AwsProfile, ProfileList } from '../../../shared/contract';

type Section = Record<string, string | undefined>;

export function configFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_CONFIG_FILE || join(homedir(), '.aws', 'config');
}
export function credentialsFilePath(env: NodeJS.ProcessEnv = process.env): string {
  return env.AWS_SHARED_CREDENTIALS_FILE || join(homedir(), '.aws', 'credentials');
}

/** Classifies a profile by how it gets credentials (the same precedence the SDK's fromIni uses). */
export function profileKind(section: Section): AwsProfile['kind'] {
  if (section.role_arn && section.web_identity_token_file) return 'web-identity';
  if (section.role_arn) return 'assume-role';
  if (section.sso_session || section.sso_start_url) return 'sso';
  if (section.aws_access_key_id) return 'static';
  if (section.credential_process) return 'process';
  return 'other';
}

/** Keys of the parsed config file that are not profiles (`[sso-session x]`, `[services x]`). */
const NON_PROFILE_PREFIX = /^(sso-session|services)\./;

export async function listProfiles(env: NodeJS.ProcessEnv = process.env): Promise<ProfileList> {
  const configFile = configFilePath(env);
  const credentialsFile = credentialsFilePath(env);
  const files = await loadSharedConfigFiles({
    configFilepath: configFile,
    filepath: credentialsFile,
    ignoreCache: true,
  });

  const byName = new Map<string, { config?: Section; credentials?: Section }>();
  for (const [name, section] of Object.entries(files.configFile)) {
    if (NON_PROFILE_PREFIX.test(name)) continue;
    byName.set(name, { ...byName.get(name), config: section });
  }
  for (const [name, section] of Object.entries(files.credentialsFile)) {
    byName.set(name, { ...byName.get(name), credentials: section });
  }

  const profiles: AwsProfile[] = [...byName.entries()]
    .map(([name, { config, credentials }]) => {
      // As in the SDK, values in the credentials file win over the config file.
      const merged: Section = { ...config, ...credentials };
      const sources: AwsProfile['sources'] = [];
      if (config) sources.push('config');
      if (credentials) sources.push('credentials');
      return { name, kind: profileKind(merged), region: merged.region ?? null, sources };
    })
    .sort((a, b) =>
      a.name === 'default' ? -1 : b.name === 'default' ? 1 : a.name.localeCompare(b.name),
    );

  return {
    profiles,
    configFile,
    credentialsFile,
    environmentProfile: env.AWS_PROFILE || null,
  };
}
