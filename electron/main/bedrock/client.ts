/**
 * The only place that builds AWS clients. Credentials come from @aws-sdk/credential-providers and
 * stay inside these client objects; nothing here returns or logs them. Clients are cached per
 * (profile, region, endpoint) and dropped when settings change, because the SDK memoises
 * credentials per provider and a profile switch needs a new one.
 *
 * Every client has timeouts, so a stalled proxy or an endpoint that accepts the connection and
 * never answers cannot hold a call forever. Bedrock Runtime uses the SDK's HTTP/2 handler, whose
 * options are `requestTimeout` (no activity on the request's stream) and `sessionTimeout` (an
 * idle session); it has no connect timeout, so its socket brings one (`connectMs`, see
 * connect-timeout.ts): an endpoint that cannot be reached fails in seconds, not at the end of
 * the call's deadline; the control plane uses the HTTP/1.1 handler with `connectionTimeout`,
 * `requestTimeout` (made an error with `throwOnRequestTimeout`) and `socketTimeout`, and so does
 * the agent runtime (knowledge bases: Retrieve, RetrieveAndGenerate, Rerank). On top of
 * these, each call has its own deadline in `recordedCall`, which says what happened.
 */
import { BedrockClient } from '@aws-sdk/client-bedrock';
import { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { BedrockRuntimeClient } from '@aws-sdk/client-bedrock-runtime';
import { fromIni, fromNodeProviderChain } from '@aws-sdk/credential-providers';
import { connectWithTimeout } from './connect-timeout';
import { ignoreCalls, type CallRecorder } from '../../../shared/invocations';
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

/** Deadlines in ms. Tests inject short ones; the app uses `DEFAULT_TIMEOUTS`. */
export interface BedrockTimeouts {
  /** Establishing a connection (TCP, and TLS for https), for every client. */
  connectMs: number;
  /** Test connection: a one-token Converse call. */
  testMs: number;
  /** A short non-streaming call (the token lab's one-word samples). */
  shortMs: number;
  /** A long non-streaming call (question generation, images, image questions). */
  callMs: number;
  /** A stream: the longest silence between two events (and before the first one). */
  streamIdleMs: number;
}

export const DEFAULT_TIMEOUTS: BedrockTimeouts = {
  connectMs: 10_000,
  testMs: 20_000,
  shortMs: 60_000,
  // Non-streaming calls send nothing until the whole answer is ready: 8,000 output tokens from a
  // slow model take minutes.
  callMs: 300_000,
  streamIdleMs: 60_000,
};

/** Everything a Bedrock feature module needs to make recorded calls. */
export interface BedrockCaller {
  client: BedrockRuntimeClient;
  target: AwsTarget;
  /** Where every call is logged. */
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

/** What a control-plane module needs (guardrails, imported models, the region check). */
export interface ControlCaller {
  control: BedrockClient;
  target: AwsTarget;
  /** Where every call is logged. */
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

/** What the knowledge-base calls need: the agent runtime, the control plane, the log. */
export interface AgentCaller {
  client: BedrockAgentRuntimeClient;
  /** The control plane (to look up an inference profile's ARN). */
  control: BedrockClient;
  target: AwsTarget;
  record: CallRecorder;
  timeouts: BedrockTimeouts;
}

export class BedrockClients {
  private runtime = new Map<string, BedrockRuntimeClient>();
  private control = new Map<string, BedrockClient>();
  private agent = new Map<string, BedrockAgentRuntimeClient>();
  readonly timeouts: BedrockTimeouts;

  constructor(timeouts: Partial<BedrockTimeouts> = {}) {
    this.timeouts = { ...DEFAULT_TIMEOUTS, ...timeouts };
  }

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
        // Options for the SDK's NodeHttp2Handler (the runtime's default handler). Each call also
        // passes its own requestTimeout; these are the backstops.
        requestHandler: {
          requestTimeout: this.timeouts.callMs + 5_000,
          sessionTimeout: this.timeouts.callMs + 5_000,
          // What the SDK's own default sets: one request per HTTP/2 session.
          disableConcurrentStreams: true,
          // The handler has no connect timeout option: the socket it connects brings one.
          nodeHttp2ConnectOptions: {
            createConnection: connectWithTimeout(this.timeouts.connectMs),
          },
        },
      });
      this.runtime.set(key, client);
    }
    return client;
  }

  /** The runtime client for `target`, with its deadlines and the log calls are recorded in. */
  callerFor(target: AwsTarget, record: CallRecorder = ignoreCalls): BedrockCaller {
    return { client: this.runtimeFor(target), target, record, timeouts: this.timeouts };
  }

  controlFor(target: AwsTarget): BedrockClient {
    const key = BedrockClients.key(target);
    let client = this.control.get(key);
    if (!client) {
      client = new BedrockClient({
        region: target.region,
        credentials: credentialsFor(target),
        maxAttempts: 3,
        // Options for the SDK's NodeHttpHandler (HTTP/1.1).
        requestHandler: {
          connectionTimeout: this.timeouts.connectMs,
          requestTimeout: this.timeouts.testMs,
          throwOnRequestTimeout: true,
          socketTimeout: this.timeouts.testMs,
        },
      });
      this.control.set(key, client);
    }
    return client;
  }

  /**
   * The agent runtime (knowledge bases, Rerank) for `target`. Without an explicit endpoint the
   * SDK honours AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME (or AWS_ENDPOINT_URL). HTTP/1.1 handler,
   * whose timeouts are the backstops behind each call's own deadline in `recordedCall`.
   */
  agentFor(target: AwsTarget): BedrockAgentRuntimeClient {
    const key = BedrockClients.key(target);
    let client = this.agent.get(key);
    if (!client) {
      const endpoint = agentEndpoint(target);
      client = new BedrockAgentRuntimeClient({
        region: target.region,
        credentials: credentialsFor(target),
        ...(endpoint ? { endpoint } : {}),
        maxAttempts: 3,
        requestHandler: {
          connectionTimeout: this.timeouts.connectMs,
          requestTimeout: this.timeouts.callMs + 5_000,
          throwOnRequestTimeout: true,
          socketTimeout: this.timeouts.callMs + 5_000,
        },
      });
      this.agent.set(key, client);
    }
    return client;
  }

  /** The agent runtime for `target`, with the control plane, deadlines and the log. */
  agentCallerFor(target: AwsTarget, record: CallRecorder = ignoreCalls): AgentCaller {
    return {
      client: this.agentFor(target),
      control: this.controlFor(target),
      target,
      record,
      timeouts: this.timeouts,
    };
  }

  /** Drops every cached client (call when profile, region or endpoint change). */
  reset(): void {
    for (const c of this.runtime.values()) c.destroy();
    for (const c of this.control.values()) c.destroy();
    for (const c of this.agent.values()) c.destroy();
    this.runtime.clear();
    this.control.clear();
    this.agent.clear();
  }
}

/**
 * The endpoint setting, for the agent runtime: it wins (a local fake or proxy serves every
 * Bedrock API), except when it names Bedrock Runtime's own host (`bedrock-runtime.<region>...`,
 * or a VPC endpoint for it), which cannot answer agent-runtime calls; then the SDK's default
 * (and AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME) applies.
 */
export function agentEndpoint(target: AwsTarget): string | undefined {
  if (!target.endpoint) return undefined;
  try {
    if (/(^|[.-])bedrock-runtime\./i.test(new URL(target.endpoint).hostname)) return undefined;
  } catch {
    return undefined;
  }
  return target.endpoint;
}

/** True when the SDK will send Bedrock Runtime calls somewhere other than AWS's default endpoint. */
export function endpointFromEnvironment(env: NodeJS.ProcessEnv = process.env): boolean {
  return Boolean(env.AWS_ENDPOINT_URL_BEDROCK_RUNTIME || env.AWS_ENDPOINT_URL);
}
