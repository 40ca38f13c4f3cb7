/**
 * The only place that builds AWS clients. Credentials come from @aws-sdk/credential-providers and
 * stay inside these client objects; nothing here returns or logs them. Clients are cached per
 * (profile, region, endpoint) and dropped when settings change, because the SDK memoises
 * credentials per provider and a profile switch needs a new one.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import type { Settings } from '../../../shared/settings';

export interface AwsTarget {
  profile: string | null;
  region: string;
  endpoint: string | null;
}

export function targetOf(settings: Settings): AwsTarget {
  const { profile, region, endpoint } = settings.aws;
  return { profile, region, endpoint };
}

function credentialsFor(target: AwsTarget) {
  return target.profile
    ? fromIni({ profile: target.profile, ignoreCache: true })
    : fromNodeProviderChain({ ignoreCache: true });
}

export class BedrockClients {
  private runtime = new Map<string, BedrockRuntimeClient>();
  private control = new Map<string, BedrockClient>();

  private static key(t: AwsTarget): string {
    return JSON.stringify([t.profile, t.region, t.endpoint]);
  }

  runtimeFor(target: AwsTarget): BedrockRuntimeClient {
    const key = BedrockClients.key(target);
    let client = this.runtime.get(key);
    if (!client) {
      client = new BedrockRuntimeClient({
        region: target.region,
        credentials: credentialsFor(target),
        // Without an explicit endpoint the SDK honours AWS_ENDPOINT_URL_BEDROCK_RUNTIME.
        ...(target.endpoint ? { endpoint: target.endpoint } : {}),
        maxAttempts: 3,
      });
      this.runtime.set(key, client);
    }
    return client;
  }

  controlFor(target: AwsTarget): BedrockClient {
    const key = BedrockClients.key(target);
    let client = this.control.get(key);
    if (!client) {
      client = new BedrockClient({
        region: target.region,
        credentials: credentialsFor(target),
        maxAttempts: 3,
      });
      this.control.set(key, client);
    }
    return client;
  }

  /** Drops every cached client (call when profile, region or endpoint change). */
  reset(): void {
    for (const c of this.runtime.values()) c.destroy();
    for (const c of this.control.values()) c.destroy();
    this.runtime.clear();
    this.control.clear();
  }
}

/** True when the SDK will send Bedrock Runtime calls somewhere other than AWS's default endpoint. */
export function endpointFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME || env.AWS_ENDPOINT_URL);
}
