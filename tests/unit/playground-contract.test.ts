/**
 * The playground's contract: image attachments within Converse's limits, guardrail settings in
 * the documented formats, the metadata event's new fields, the guardrail trace summary, and the
 * monthly budget setting (older settings files still load).
 */
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { summarizeGuardrailTrace } from '../../electron/main/bedrock/guardrail-trace';
import { openSettingsStore, SETTINGS_FILE } from '../../electron/main/settings-store';
import { ConverseInput, ConverseStreamEvent, requests } from '../../shared/contract';
import { base64ImageSize } from '../../shared/converse-images';
import { GuardrailSettings } from '../../shared/guardrails';
import { SettingsPatch } from '../../shared/settings';
import { encodePng } from '../fakes/png';

const b64 = (bytes: Uint8Array | number[]) =>
  Buffer.from(Uint8Array.from(bytes)).toString('base64');
const png = (w: number, h: number) => b64(encodePng(w, h, () => [10, 20, 30]));

/** A GIF header (logical screen w×h) and enough bytes to look like a file. */
function gif(w: number, h: number): string {
  return b64([0x47, 0x49, 0x46, 0x38, 0x39, 0x61, w & 255, w >> 8, h & 255, h >> 8, 0, 0, 0]);
}

/** A lossy WebP header (VP8 key frame) of w×h. */
function webp(w: number, h: number): string {
  const bytes = [
    ...Buffer.from('RIFF'),
    30,
    0,
    0,
    0,
    ...Buffer.from('WEBPVP8 '),
    10,
    0,
    0,
    0,
    0x10,
    0x02,
    0x00, // frame tag
    0x9d,
    0x01,
    0x2a, // start code
    w & 255,
    (w >> 8) & 0x3f,
    h & 255,
    (h >> 8) & 0x3f,
    0,
    0,
  ];
  return b64(bytes);
}

/** A lossless WebP header (VP8L): 14 bits of width-1, 14 of height-1. */
function webpLossless(w: number, h: number): string {
  const bits = ((w - 1) & 0x3fff) | (((h - 1) & 0x3fff) << 14);
  return b64([
    ...Buffer.from('RIFF'),
    30,
    0,
    0,
    0,
    ...Buffer.from('WEBPVP8L'),
    10,
    0,
    0,
    0,
    0x2f,
    bits & 255,
    (bits >> 8) & 255,
    (bits >> 16) & 255,
    (bits >>> 24) & 255,
    0,
    0,
    0,
    0,
    0,
  ]);
}

/** A JPEG with an APP0 segment, then a baseline start-of-frame of w×h. */
function jpeg(w: number, h: number): string {
  return b64([
    0xff,
    0xd8,
    0xff,
    0xe0,
    0x00,
    0x10,
    ...Buffer.from('JFIF\0'),
    1,
    1,
    0,
    0,
    1,
    0,
    1,
    0,
    0,
    0xff,
    0xc0,
    0x00,
    0x11,
    8,
    h >> 8,
    h & 255,
    w >> 8,
    w & 255,
    3,
    1,
    0x22,
    0,
    2,
    0x11,
    1,
    3,
    0x11,
    1,
    0xff,
    0xd9,
  ]);
}

const text = (t: string) => ({ text: t });
const image = (format: 'png' | 'jpeg' | 'gif' | 'webp', base64: string) => ({
  image: { format, base64 },
});
const withContent = (modelId: string, content: unknown[]) => ({
  modelId,
  messages: [{ role: 'user', content }],
});
const issues = (input: unknown) => {
  const r = ConverseInput.safeParse(input);
  return r.success ? [] : r.error.issues.map((i) => i.message);
};

describe('image sizes read from headers', () => {
  it('reads PNG, GIF, WebP (lossy and lossless) and JPEG sizes', () => {
    expect(base64ImageSize(png(37, 21))).toEqual({ width: 37, height: 21 });
    expect(base64ImageSize(gif(640, 480))).toEqual({ width: 640, height: 480 });
    expect(base64ImageSize(webp(8001, 300))).toEqual({ width: 8001, height: 300 });
    expect(base64ImageSize(webpLossless(1200, 9000))).toEqual({ width: 1200, height: 9000 });
    expect(base64ImageSize(jpeg(8000, 4500))).toEqual({ width: 8000, height: 4500 });
    expect(base64ImageSize(b64([1, 2, 3, 4]))).toBeUndefined();
  });
});

describe('ConverseInput with images', () => {
  const vision = 'us.amazon.nova-lite-v1:0';

  it('accepts images in user messages of a vision model, with or without text', () => {
    expect(issues(withContent(vision, [image('png', png(8, 8)), text('What is this?')]))).toEqual(
      [],
    );
    expect(issues(withContent(vision, [image('gif', gif(10, 10))]))).toEqual([]);
    expect(issues(withContent(vision, [image('jpeg', jpeg(8000, 8000))]))).toEqual([]);
  });

  it('refuses a model whose catalog entry has no vision, naming it', () => {
    expect(issues(withContent('amazon.nova-micro-v1:0', [image('png', png(8, 8))]))).toEqual([
      expect.stringMatching(/^Amazon Nova Micro does not accept images\. Pick a model with vision/),
    ]);
    // The same model without images is fine; a model the catalog does not know is left to AWS.
    expect(issues(withContent('amazon.nova-micro-v1:0', [text('hi')]))).toEqual([]);
    expect(issues(withContent('example.unknown-model-v1:0', [image('png', png(8, 8))]))).toEqual(
      [],
    );
  });

  it('checks the format against the bytes, the 8000 px sides and the 3.75 MB size', () => {
    expect(issues(withContent(vision, [image('jpeg', png(8, 8))]))).toContain(
      'The format does not match the image bytes.',
    );
    expect(issues(withContent(vision, [image('png', png(8001, 1))]))[0]).toMatch(
      /at most 8,000 pixels/,
    );
    expect(issues(withContent(vision, [image('webp', webp(100, 8001))]))[0]).toMatch(
      /8,000 pixels/,
    );
    expect(issues(withContent(vision, [image('jpeg', jpeg(9000, 10))]))[0]).toMatch(/8,000 pixels/);
    // 3,750,001 bytes of PNG signature + zeros: one byte over the limit.
    const big = new Uint8Array(3_750_001);
    big.set([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(issues(withContent(vision, [image('png', b64(big))]))[0]).toMatch(
      /at most 3,750,000 bytes/,
    );
    expect(
      issues(withContent(vision, [image('png', `data:image/png;base64,${png(2, 2)}`)]))[0],
    ).toMatch(/plain base64/);
  });

  it('allows at most 20 images in the whole conversation', () => {
    const one = png(2, 2);
    const turn = (n: number) => ({
      role: 'user',
      content: [...Array.from({ length: n }, () => image('png', one)), text('and these?')],
    });
    const reply = { role: 'assistant', content: [text('ok')] };
    expect(issues({ modelId: vision, messages: [turn(10), reply, turn(10)] })).toEqual([]);
    expect(issues({ modelId: vision, messages: [turn(10), reply, turn(11)] })[0]).toMatch(
      /at most 20 images/,
    );
  });

  it('refuses images in assistant messages and unknown block shapes', () => {
    const messages = [
      { role: 'user', content: [text('look')] },
      { role: 'assistant', content: [image('png', png(2, 2))] },
      { role: 'user', content: [text('well?')] },
    ];
    expect(issues({ modelId: vision, messages })).toContain(
      'Images can only be attached to your own (user) messages.',
    );
    expect(issues(withContent(vision, [{ text: 'hi', image: { format: 'png' } }])).length).toBe(1);
    expect(issues(withContent(vision, [{ video: {} }])).length).toBe(1);
  });

  it('takes an optional feature for the log: chat or compare only', () => {
    expect(issues({ ...withContent(vision, [text('hi')]), feature: 'compare' })).toEqual([]);
    expect(issues({ ...withContent(vision, [text('hi')]), feature: 'quiz' }).length).toBe(1);
  });
});

describe('guardrail settings', () => {
  const ok = (id: string, version: string) =>
    GuardrailSettings.safeParse({ id, version, trace: true }).success;

  it('accepts the documented id and version formats', () => {
    expect(ok('a1b2c3d4e5f6', 'DRAFT')).toBe(true);
    expect(ok('a1b2c3d4e5f6', '1')).toBe(true);
    expect(ok('a1b2c3d4e5f6', '99999999')).toBe(true);
    expect(ok('arn:aws:bedrock:us-east-1:123456789012:guardrail/a1b2c3d4e5f6', '3')).toBe(true);
  });

  it('refuses what Bedrock would refuse', () => {
    expect(ok('A1B2', '1')).toBe(false);
    expect(ok('my-guardrail', '1')).toBe(false);
    expect(ok('', '1')).toBe(false);
    expect(ok('abc', '0')).toBe(false);
    expect(ok('abc', '01')).toBe(false);
    expect(ok('abc', '100000000')).toBe(false);
    expect(ok('abc', 'draft')).toBe(false);
    expect(ok('arn:aws:bedrock:us-east-1:12345:guardrail/abc', '1')).toBe(false);
    expect(
      GuardrailSettings.safeParse({ id: 'abc', version: '1', trace: true, mode: 'x' }).success,
    ).toBe(false);
  });
});

describe('the metadata event', () => {
  it('defaults the new fields to null for events that lack them', () => {
    const parsed = ConverseStreamEvent.parse({
      type: 'metadata',
      usage: null,
      latencyMs: null,
      firstTokenMs: null,
    });
    expect(parsed).toMatchObject({ guardrailTrace: null, costUsd: null });
  });
});

describe('summarizeGuardrailTrace', () => {
  it('flattens every policy of the input and output assessments', () => {
    const summary = summarizeGuardrailTrace({
      inputAssessment: {
        g1: {
          sensitiveInformationPolicy: {
            piiEntities: [{ match: 'jane@example.com', type: 'EMAIL', action: 'ANONYMIZED' }],
            regexes: [{ name: 'Account id', match: '1234', regex: '\\d+', action: 'NONE' }],
          },
        },
      },
      outputAssessments: {
        g1: [
          {
            wordPolicy: {
              customWords: [{ match: 'forbidden', action: 'BLOCKED', detected: true }],
              managedWordLists: [{ match: 'darn', type: 'PROFANITY', action: 'BLOCKED' }],
            },
            contextualGroundingPolicy: {
              filters: [{ type: 'RELEVANCE', threshold: 0.5, score: 0.9, action: 'NONE' }],
            },
          },
        ],
      },
      modelOutput: ['raw answer'],
    });
    expect(summary.acted).toBe(true);
    expect(summary.actionReason).toBeNull();
    expect(summary.modelOutput).toEqual(['raw answer']);
    expect(summary.findings.map((f) => [f.source, f.policy, f.name, f.action, f.match])).toEqual([
      ['input', 'sensitiveInformation', 'EMAIL', 'ANONYMIZED', 'jane@example.com'],
      ['input', 'regex', 'Account id', 'NONE', '1234'],
      ['output', 'customWord', 'Custom word', 'BLOCKED', 'forbidden'],
      ['output', 'managedWordList', 'PROFANITY', 'BLOCKED', 'darn'],
      ['output', 'contextualGrounding', 'RELEVANCE', 'NONE', null],
    ]);
    expect(summary.findings[4]).toMatchObject({ score: 0.9, threshold: 0.5, detected: null });
  });

  it('says nothing acted when every action is NONE', () => {
    const summary = summarizeGuardrailTrace({
      inputAssessment: {
        g1: {
          contentPolicy: {
            filters: [{ type: 'HATE', confidence: 'NONE', action: 'NONE', filterStrength: 'LOW' }],
          },
        },
      },
    });
    expect(summary).toMatchObject({ acted: false, modelOutput: [] });
    expect(summary.findings).toHaveLength(1);
  });
});

describe('the monthly budget setting', () => {
  it('loads an older settings file without a budget as "no budget"', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'stratum-budget-'));
    await writeFile(
      join(dir, SETTINGS_FILE),
      JSON.stringify({
        version: 1,
        aws: {
          profile: null,
          region: 'us-east-1',
          endpoint: null,
          defaultTextModel: 'amazon.nova-micro-v1:0',
        },
        lastConnection: null,
      }),
    );
    const store = await openSettingsStore(dir);
    expect(store.state().notice).toBeNull();
    expect(store.get().monthlyBudgetUsd).toBeNull();

    const updated = await store.update({ monthlyBudgetUsd: 12.5 });
    expect(updated.settings.monthlyBudgetUsd).toBe(12.5);
    // Changing the region keeps the budget; null removes it.
    await store.update({ aws: { region: 'eu-west-1' } });
    expect(store.get().monthlyBudgetUsd).toBe(12.5);
    expect((await openSettingsStore(dir)).get().monthlyBudgetUsd).toBe(12.5);
    await store.update({ monthlyBudgetUsd: null });
    expect(store.get().monthlyBudgetUsd).toBeNull();
  });

  it('accepts only a positive amount or null', () => {
    expect(SettingsPatch.safeParse({ monthlyBudgetUsd: 0 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ monthlyBudgetUsd: -3 }).success).toBe(false);
    expect(SettingsPatch.safeParse({ monthlyBudgetUsd: 5 }).success).toBe(true);
    expect(SettingsPatch.safeParse({ monthlyBudgetUsd: null }).success).toBe(true);
    expect(requests.updateSettings.input).toBe(SettingsPatch);
  });
});

describe('invocation log requests', () => {
  it('take optional filters and an undo token', () => {
    expect(requests.listInvocations.input.safeParse(undefined).success).toBe(true);
    expect(requests.listInvocations.input.safeParse({ limit: 0 }).success).toBe(false);
    expect(requests.listInvocations.input.safeParse({ since: 'yesterday' }).success).toBe(false);
    expect(
      requests.listInvocations.input.safeParse({ since: '2026-11-01T00:00:00.000Z', limit: 50 })
        .success,
    ).toBe(true);
    expect(requests.restoreInvocations.input.safeParse({}).success).toBe(false);
  });
});
