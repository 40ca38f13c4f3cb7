/**
 * The invocation log on disk: validated appends, newest-first reads, cost from the catalog's
 * prices (checked against hand-computed figures), damaged lines skipped, the cap compacting,
 * clear with a real undo.
 */
import { appendFile, mkdtemp, readdir, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { INVOCATION_LOG_FILE, InvocationLog } from '../../electron/main/invocation-log';
import { estimateCallCost, type CallReport } from '../../shared/invocations';

let dir: string;

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'stratum-log-'));
});

function call(overrides: Partial<CallReport> = {}): CallReport {
  return {
    at: '2026-11-20T10:00:00.000Z',
    feature: 'chat',
    operation: 'ConverseStream',
    modelId: 'amazon.nova-micro-v1:0',
    region: 'us-east-1',
    latencyMs: 420,
    firstTokenMs: 180,
    inputTokens: 1000,
    outputTokens: 2000,
    images: null,
    status: 'ok',
    errorCode: null,
    stopReason: 'end_turn',
    ...overrides,
  };
}

function sequentialIds(): () => string {
  let n = 0;
  return () => `rec-${++n}`;
}

async function fileLines(path: string): Promise<string[]> {
  return (await readFile(path, 'utf8')).split('\n').filter((l) => l.length > 0);
}

describe('cost arithmetic (catalog prices, computed by hand)', () => {
  it('prices text calls by input and output tokens', () => {
    // Nova Micro: $0.000035 per 1,000 input tokens, $0.00014 per 1,000 output tokens.
    // 1,000 in + 2,000 out = 0.000035 + 0.00028 = 0.000315.
    expect(estimateCallCost(call())).toBeCloseTo(0.000315, 12);
    // Claude Haiku 4.5 through its us. profile: $0.0011 in, $0.0055 out per 1,000.
    // 250 in + 40 out = 0.000275 + 0.00022 = 0.000495.
    expect(
      estimateCallCost(
        call({
          modelId: 'us.anthropic.claude-haiku-4-5-20251001-v1:0',
          inputTokens: 250,
          outputTokens: 40,
        }),
      ),
    ).toBeCloseTo(0.000495, 12);
  });

  it('prices generated images by their tier', () => {
    const image = {
      operation: 'InvokeModel' as const,
      feature: 'images' as const,
      modelId: 'amazon.nova-canvas-v1:0',
      inputTokens: null,
      outputTokens: null,
      firstTokenMs: null,
    };
    // Nova Canvas, standard, up to 1024×1024: $0.04 each; two images = $0.08.
    expect(
      estimateCallCost(
        call({
          ...image,
          images: 2,
          imagePricing: { width: 1024, height: 1024, quality: 'standard' },
        }),
      ),
    ).toBeCloseTo(0.08, 12);
    // Premium 1280×720 is in the 1024×1024 tier by pixel count: $0.06.
    expect(
      estimateCallCost(
        call({
          ...image,
          images: 1,
          imagePricing: { width: 1280, height: 720, quality: 'premium' },
        }),
      ),
    ).toBeCloseTo(0.06, 12);
  });

  it('has no cost for a request to S3: Amazon S3 bills it, not Bedrock', () => {
    for (const operation of ['PutObject', 'GetObject'] as const) {
      const report = call({ operation, feature: 'customization', modelId: 's3://b/k' });
      expect(estimateCallCost(report)).toBeNull();
      expect(estimateCallCost({ ...report, costUsd: 0.01 })).toBeNull();
    }
  });

  it('is unknown (null), not zero, without usage or for a model the catalog lacks', () => {
    expect(estimateCallCost(call({ inputTokens: null, outputTokens: null }))).toBeNull();
    expect(estimateCallCost(call({ modelId: 'example.unknown-model-v1:0' }))).toBeNull();
  });
});

describe('InvocationLog', () => {
  it('appends one validated JSON line per call, with cost, and lists newest first', async () => {
    const log = new InvocationLog(dir, { newId: sequentialIds() });
    await log.append(call({ at: '2026-11-20T10:00:00.000Z' }));
    await log.append(call({ at: '2026-11-20T12:00:00.000Z', feature: 'compare' }));
    await log.append(call({ at: '2026-11-20T11:00:00.000Z', feature: 'token-lab' }));
    const lines = await fileLines(join(dir, INVOCATION_LOG_FILE));
    expect(lines).toHaveLength(3);
    const first = JSON.parse(lines[0]!) as { id: string; costUsd: number };
    expect(first.id).toBe('rec-1');
    expect(first.costUsd).toBeCloseTo(0.000315, 12);

    const list = await log.list();
    expect(list.records.map((r) => r.feature)).toEqual(['compare', 'token-lab', 'chat']);
    expect(list.skippedLines).toBe(0);
    expect(list.path).toBe(join(dir, INVOCATION_LOG_FILE));
  });

  it('filters by time and limits to the newest', async () => {
    const log = new InvocationLog(dir, { newId: sequentialIds() });
    for (const hour of [8, 9, 10, 11]) {
      await log.append(call({ at: `2026-11-20T${String(hour).padStart(2, '0')}:00:00.000Z` }));
    }
    const since = await log.list({ since: '2026-11-20T09:30:00.000Z' });
    expect(since.records.map((r) => r.at.slice(11, 13))).toEqual(['11', '10']);
    const limited = await log.list({ limit: 1 });
    expect(limited.records.map((r) => r.id)).toEqual(['rec-4']);
  });

  it('stores only the record fields: nothing a caller adds by mistake', async () => {
    const log = new InvocationLog(dir);
    const sloppy = { ...call(), prompt: 'What is my secret plan?', secretAccessKey: 'abc' };
    await log.append(sloppy);
    const text = await readFile(join(dir, INVOCATION_LOG_FILE), 'utf8');
    expect(text).not.toContain('secret plan');
    expect(text).not.toContain('secretAccessKey');
    expect(text).not.toContain('imagePricing');
  });

  it('refuses a report that does not validate, and the recorder never throws', async () => {
    const log = new InvocationLog(dir);
    await expect(log.append(call({ latencyMs: -5 }))).rejects.toThrow();
    const original = console.warn;
    console.warn = () => undefined;
    try {
      expect(() => log.record(call({ at: 'yesterday' }))).not.toThrow();
      await log.flush();
      // The rejection is handled on a later tick.
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      console.warn = original;
    }
    expect(log.failedWrites).toBe(1);
    expect((await log.list()).records).toHaveLength(0);
  });

  it('skips and counts damaged lines, and keeps appending after a torn last line', async () => {
    const path = join(dir, INVOCATION_LOG_FILE);
    const good = new InvocationLog(dir, { newId: sequentialIds() });
    await good.append(call());
    await appendFile(path, 'not json at all\n{"id":"x","feature":"chat"}\n{"id":"torn","at":"2026');
    const log = new InvocationLog(dir, { newId: () => 'after-tear' });
    await log.append(call({ at: '2026-11-21T00:00:00.000Z' }));
    const list = await log.list();
    expect(list.records.map((r) => r.id)).toEqual(['after-tear', 'rec-1']);
    expect(list.skippedLines).toBe(3);
  });

  it('types errorCode by ErrorCode and still reads lines written with the old spelling', async () => {
    const path = join(dir, INVOCATION_LOG_FILE);
    const line = (id: string, errorCode: string | null) =>
      JSON.stringify({
        ...call({ status: errorCode ? 'error' : 'ok' }),
        id,
        costUsd: null,
        errorCode,
      }) + '\n';
    await writeFile(
      path,
      line('old-hyphen', 'access-denied') +
        line('current', 'access_denied') +
        line('unknown-code', 'warp-core-breach') +
        line('no-error', null),
    );
    const list = await new InvocationLog(dir).list();
    expect(list.skippedLines).toBe(0);
    const codes = Object.fromEntries(list.records.map((r) => [r.id, r.errorCode]));
    expect(codes).toEqual({
      'old-hyphen': 'access_denied',
      current: 'access_denied',
      'unknown-code': 'internal',
      'no-error': null,
    });
    // New records are written in the one spelling the code uses.
    const log = new InvocationLog(dir, { newId: () => 'fresh' });
    const fresh = await log.append(call({ status: 'error', errorCode: 'model_not_ready' }));
    expect(fresh.errorCode).toBe('model_not_ready');
    expect((await fileLines(path)).at(-1)).toContain('"errorCode":"model_not_ready"');
  });

  it('compacts to the newest `cap` records once the file grows past it', async () => {
    const log = new InvocationLog(dir, { cap: 10, newId: sequentialIds() });
    const path = join(dir, INVOCATION_LOG_FILE);
    for (let i = 1; i <= 11; i++) {
      await log.append(call({ at: new Date(Date.UTC(2026, 10, 1, 0, i)).toISOString() }));
    }
    // 10 + 10% = 11 lines are allowed before compaction.
    expect(await fileLines(path)).toHaveLength(11);
    await log.append(call({ at: new Date(Date.UTC(2026, 10, 1, 0, 12)).toISOString() }));
    const lines = await fileLines(path);
    expect(lines).toHaveLength(10);
    const ids = lines.map((l) => (JSON.parse(l) as { id: string }).id);
    expect(ids).toEqual([
      'rec-3',
      'rec-4',
      'rec-5',
      'rec-6',
      'rec-7',
      'rec-8',
      'rec-9',
      'rec-10',
      'rec-11',
      'rec-12',
    ]);
    // No temp file is left behind by the atomic rewrite.
    expect((await readdir(dir)).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('clears with an undo that brings the records back, keeping calls made since', async () => {
    const log = new InvocationLog(dir, { newId: sequentialIds() });
    await log.append(call({ at: '2026-11-20T08:00:00.000Z' }));
    await log.append(call({ at: '2026-11-20T09:00:00.000Z' }));
    const cleared = await log.clear();
    expect(cleared.removed).toBe(2);
    expect(cleared.undoToken).toEqual(expect.any(String));
    expect((await log.list()).records).toHaveLength(0);

    await log.append(call({ at: '2026-11-20T10:00:00.000Z' }));
    expect(await log.restore(cleared.undoToken!)).toEqual({ restored: 2 });
    expect((await log.list()).records.map((r) => r.id)).toEqual(['rec-3', 'rec-2', 'rec-1']);

    // An undo works once.
    await expect(log.restore(cleared.undoToken!)).rejects.toThrow(/nothing to undo/);
  });

  it('keeps only the latest cleared batch; an empty log has nothing to clear', async () => {
    const log = new InvocationLog(dir);
    expect(await log.clear()).toEqual({ removed: 0, undoToken: null });
    await log.append(call());
    const first = await log.clear();
    await log.append(call());
    const second = await log.clear();
    await expect(log.restore(first.undoToken!)).rejects.toThrow(/nothing to undo/);
    expect(await log.restore(second.undoToken!)).toEqual({ restored: 1 });
    await expect(log.restore('../settings')).rejects.toThrow(/nothing to undo/);
  });

  it('reads an absent file as an empty log', async () => {
    const log = new InvocationLog(join(dir, 'not-yet'));
    expect(await log.list()).toMatchObject({ records: [], skippedLines: 0 });
  });

  it('serialises concurrent appends: every record lands intact', async () => {
    const log = new InvocationLog(dir, { cap: 50 });
    await Promise.all(Array.from({ length: 120 }, (_, i) => log.append(call({ latencyMs: i }))));
    const list = await log.list();
    expect(list.skippedLines).toBe(0);
    // 120 appends with cap 50: compaction ran and left at most cap + 10% lines.
    expect(list.records.length).toBeGreaterThanOrEqual(50);
    expect(list.records.length).toBeLessThanOrEqual(55);
  });

  it('writes a file that a fresh log reads back identically', async () => {
    const a = new InvocationLog(dir, { newId: sequentialIds() });
    await a.append(call());
    await writeFile(join(dir, 'unrelated.txt'), 'x');
    const b = new InvocationLog(dir);
    expect((await b.list()).records).toEqual((await a.list()).records);
  });
});
