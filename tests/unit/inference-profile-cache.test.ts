import type { BedrockClient } from '@aws-sdk/client-bedrock';
import type { BedrockAgentRuntimeClient } from '@aws-sdk/client-bedrock-agent-runtime';
import { beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_TIMEOUTS, type AgentCaller } from '../../electron/main/bedrock/client';
import {
  forgetInferenceProfileArns,
  generationModelArn,
} from '../../electron/main/bedrock/knowledge-bases';
import type { CallReport } from '../../shared/invocations';

const PROFILE = 'us.amazon.nova-lite-v1:0';
const arnIn = (region: string) =>
  `arn:aws:bedrock:${region}:111122223333:inference-profile/${PROFILE}`;

/** A control client whose GetInferenceProfile answers from `answer`, counting the calls. */
function callerIn(region: string, answer: () => Promise<unknown>) {
  const sent: unknown[] = [];
  const records: CallReport[] = [];
  const control = {
    // The access key the lookups are cached under (tests/integration/inference-profile-account
    // changes it with real clients against the fake).
    config: { credentials: async () => ({ accessKeyId: 'AKIAFAKEFAKEFAKE0001' }) },
    send: (command: { input: unknown }) => {
      sent.push(command.input);
      return answer();
    },
  };
  const caller: AgentCaller = {
    client: {} as BedrockAgentRuntimeClient,
    control: control as unknown as BedrockClient,
    target: { profile: null, region, endpoint: null },
    record: (r) => records.push(r),
    timeouts: DEFAULT_TIMEOUTS,
  };
  return { caller, sent, records };
}

beforeEach(() => forgetInferenceProfileArns());

describe('the inference-profile ARN lookup', () => {
  it('asks GetInferenceProfile once per profile id, then answers from the cache', async () => {
    const { caller, sent, records } = callerIn('us-east-1', async () => ({
      inferenceProfileArn: arnIn('us-east-1'),
    }));
    expect(await generationModelArn(caller, PROFILE)).toBe(arnIn('us-east-1'));
    expect(await generationModelArn(caller, PROFILE)).toBe(arnIn('us-east-1'));
    expect(sent).toEqual([{ inferenceProfileIdentifier: PROFILE }]);
    // The one lookup is in the invocation log, with no cost (it invokes no model).
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({
      feature: 'knowledge-bases',
      operation: 'GetInferenceProfile',
      modelId: PROFILE,
      status: 'ok',
    });
  });

  it('keeps one ARN per Region (the ARN names it) and does not keep a failed lookup', async () => {
    const east = callerIn('us-east-1', async () => ({ inferenceProfileArn: arnIn('us-east-1') }));
    const west = callerIn('us-west-2', async () => ({ inferenceProfileArn: arnIn('us-west-2') }));
    expect(await generationModelArn(east.caller, PROFILE)).toBe(arnIn('us-east-1'));
    expect(await generationModelArn(west.caller, PROFILE)).toBe(arnIn('us-west-2'));
    expect([east.sent.length, west.sent.length]).toEqual([1, 1]);

    forgetInferenceProfileArns();
    let fail = true;
    const flaky = callerIn('us-east-1', async () => {
      if (fail) throw Object.assign(new Error('denied'), { name: 'AccessDeniedException' });
      return { inferenceProfileArn: arnIn('us-east-1') };
    });
    await expect(generationModelArn(flaky.caller, PROFILE)).rejects.toThrow(
      /could not be looked up in us-east-1/,
    );
    fail = false;
    expect(await generationModelArn(flaky.caller, PROFILE)).toBe(arnIn('us-east-1'));
    expect(flaky.sent).toHaveLength(2);
    expect(flaky.records.map((r) => [r.status, r.errorCode])).toEqual([
      ['error', 'access_denied'],
      ['ok', null],
    ]);
  });
});
