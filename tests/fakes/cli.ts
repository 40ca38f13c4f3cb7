/**
 * Runs the fake Bedrock until killed, for manual runs of the app against it:
 *
 *   tsx tests/fakes/cli.ts --port 4599 [--mode throttle] [--host 127.0.0.1] [--delta-delay 5]
 *
 * Then start the app with AWS_ENDPOINT_URL_BEDROCK_RUNTIME / AWS_ENDPOINT_URL_BEDROCK /
 * AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME set to the printed URL and any static fake credentials.
 * The knowledge base FAKEKB0001 (us-east-1) answers Retrieve and RetrieveAndGenerate.
 */
import { parseArgs } from 'node:util';
import { startFakeBedrock, type Behavior, type RecordedRequest } from './bedrock.js';

/** Modes that start with a queue: `throttleMidRun` answers 5 model calls, then throttles. */
const QUEUES: Record<string, Behavior[]> = {
  throttleMidRun: [{ kind: 'ok' }, { kind: 'ok' }, { kind: 'ok' }, { kind: 'ok' }, { kind: 'ok' }],
};

const MODES: Record<string, Behavior> = {
  ok: { kind: 'ok' },
  slow: { kind: 'ok', deltaDelayMs: 150 },
  throttle: { kind: 'throttle' },
  accessDenied: { kind: 'accessDenied' },
  malformed: { kind: 'malformed' },
  cutStream: { kind: 'cutStream', afterDeltas: 3 },
  streamException: {
    kind: 'streamException',
    afterDeltas: 3,
    exception: 'modelStreamErrorException',
  },
  hang: { kind: 'hang' },
  stall: { kind: 'stall', afterDeltas: 3 },
  modelNotReady: { kind: 'modelNotReady' },
  throttleMidRun: { kind: 'throttle' },
  streamThrottle: { kind: 'streamException', afterDeltas: 3, exception: 'throttlingException' },
  unavailable: {
    kind: 'error',
    status: 503,
    name: 'ServiceUnavailableException',
    message: 'The service is temporarily unable to handle the request.',
  },
};

function usage(message: string): never {
  process.stderr.write(
    `${message}\nusage: tsx tests/fakes/cli.ts [--port N] [--host H] [--delta-delay MS] [--mode ${Object.keys(MODES).join('|')}]\n`,
  );
  process.exit(2);
}

function describeRequest(r: RecordedRequest): string {
  const flags = [r.aborted ? 'aborted' : '', r.cut ? 'cut' : ''].filter(Boolean).join(',');
  return [
    new Date(r.at).toISOString(),
    `HTTP/${r.http}`,
    r.operation,
    r.modelId ?? '-',
    r.region ?? '-',
    String(r.status),
    r.errorName ?? '',
    r.deltasSent > 0 ? `deltas=${r.deltasSent}` : '',
    flags,
  ]
    .filter((p) => p !== '')
    .join(' ');
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      host: { type: 'string', default: '127.0.0.1' },
      mode: { type: 'string', default: 'ok' },
      'delta-delay': { type: 'string' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) usage(`invalid --port ${values.port}`);
  const behavior = MODES[values.mode];
  if (!behavior) usage(`unknown --mode ${values.mode}`);
  const deltaDelay =
    values['delta-delay'] === undefined ? undefined : Number(values['delta-delay']);
  if (deltaDelay !== undefined && !(deltaDelay >= 0)) usage('invalid --delta-delay');

  const fake = await startFakeBedrock({
    port,
    host: values.host,
    behavior,
    ...(deltaDelay !== undefined ? { deltaDelayMs: deltaDelay } : {}),
    onRequestDone: (r) => {
      process.stdout.write(`${describeRequest(r)}\n`);
      // A long-running server should not accumulate bodies (images can be megabytes).
      fake.clearRequests();
    },
  });
  fake.enqueue(...(QUEUES[values.mode] ?? []));
  process.stdout.write(`Fake Bedrock listening on ${fake.url} (mode ${values.mode})\n`);
  process.stdout.write(`  AWS_ENDPOINT_URL_BEDROCK_RUNTIME=${fake.url}\n`);
  process.stdout.write(`  AWS_ENDPOINT_URL_BEDROCK=${fake.url}\n`);
  process.stdout.write(`  AWS_ENDPOINT_URL_BEDROCK_AGENT_RUNTIME=${fake.url}\n`);

  const stop = (): void => {
    void fake.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

void main();
