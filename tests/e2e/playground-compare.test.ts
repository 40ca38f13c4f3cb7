/**
 * The Playground's Compare view and Invocation log in Chromium against the fake Bedrock: two
 * models streamed side by side with their metrics, columns running in parallel, "Run 5 times",
 * an error in one column, then the log dashboard counting exactly those calls, the budget
 * warning, and clearing the log with undo.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { AppBackend } from '../../electron/main/handlers';
import type { RunningApp } from '../support/app';
import { openApp, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
let app: RunningApp;
let page: Page;

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({
    path: '#/playground/compare',
    heading: 'Playground',
    viewport: { width: 1400, height: 3200 },
  });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

const columns = () => page.getByTestId('compare-column');
const runs = () => page.getByTestId('compare-run');

/** Waits until every run on screen has finished one way or another. */
async function waitForRuns(count: number): Promise<void> {
  await page.waitForFunction(
    (n) => {
      const all = [...document.querySelectorAll('[data-testid="compare-run"]')];
      return (
        all.length === n &&
        all.every((r) => ['done', 'failed', 'cancelled'].includes(r.getAttribute('data-status')!))
      );
    },
    count,
    { timeout: 20_000 },
  );
  await page.getByTestId('compare-wall').filter({ hasText: 'All columns finished' }).waitFor();
}

const metric = (scope: Locator, name: string) =>
  scope.locator(`[data-metric="${name}"]`).first().innerText();

/** The fake counts tokens as ceil(characters / 4). */
const fakeTokens = (text: string) => Math.ceil(text.length / 4);

/** Calls counted in the log at the end: compare runs 2 + 3 + 10 + 2 + 2 + 3. */
let expectedCalls = 0;

describe('compare', () => {
  it('streams two models side by side with time to first token, tokens, cost and stop reason', async () => {
    app.fake.reset();
    const reply = (model: string) => `**${model}** says: a foundation model is trained broadly.`;
    app.fake.setBehavior({
      kind: 'reply',
      text: (req) => reply(req.modelId),
      deltaDelayMs: 15,
    });
    const prompt = 'Explain in two sentences what a foundation model is, for a beginner.';
    expect(await page.getByLabel('Prompt', { exact: true }).inputValue()).toBe(prompt);
    expect(await page.getByTestId('compare-estimate').innerText()).toMatch(
      /at most \$[\d.]+ for one run of 2 columns/,
    );
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRuns(2);
    expectedCalls += 2;

    const calls = app.fake.modelCalls();
    expect(calls).toHaveLength(2);
    const ids = calls.map((c) => c.modelId ?? '').sort();
    expect(ids).toEqual(['us.amazon.nova-lite-v1:0', 'us.amazon.nova-micro-v1:0']);
    for (const c of calls) {
      expect(c.operation).toBe('converse-stream');
      expect(c.body).toMatchObject({ inferenceConfig: { maxTokens: 400, temperature: 0.7 } });
    }

    expect(await columns().count()).toBe(2);
    for (const id of ids) {
      const column = columns().filter({ hasText: id });
      const text = reply(id);
      // Markdown rendered: the bold model id is a <strong>, not asterisks.
      expect(await column.locator('.compare-text strong').innerText()).toBe(id);
      expect(await column.locator('.compare-text').innerText()).toContain('says: a foundation');
      expect(await metric(column, 'first-token')).toMatch(/^\d+ ms$/);
      expect(await metric(column, 'total')).toMatch(/^\d+ ms$/);
      const inputTokens = fakeTokens(prompt);
      expect(await metric(column, 'tokens')).toBe(`${inputTokens} / ${fakeTokens(text)}`);
      expect(await metric(column, 'cost')).toMatch(/^\$0\.0000\d+$/);
      expect(await metric(column, 'stop')).toBe('end_turn');
    }
    await page.locator('.compare').screenshot({ path: `${SCREENS}/playground-compare-light.png` });
  });

  it('runs the columns in parallel: the wall time is near the slowest column, not the sum', async () => {
    // A functional parallelism check with generous bounds, not a benchmark: each model's reply
    // is held back 300, 600 and 900 ms before it starts. Run one after another, the three columns
    // would take at least 1.8 s; in parallel, a little over 0.9 s.
    app.fake.reset();
    app.fake.enqueue(
      { kind: 'delay', ms: 300 },
      { kind: 'delay', ms: 600 },
      { kind: 'delay', ms: 900 },
    );
    await page.getByLabel('Columns', { exact: true }).selectOption('3');
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRuns(3);
    expectedCalls += 3;

    const calls = app.fake.modelCalls();
    expect(calls).toHaveLength(3);
    const arrivals = calls.map((c) => c.at);
    // All three requests reached the server before the quickest (300 ms) could have finished.
    expect(Math.max(...arrivals) - Math.min(...arrivals)).toBeLessThan(300);
    const wall = await page.getByTestId('compare-wall').innerText();
    const wallMs = Number(/finished in (\d+) ms/.exec(wall)?.[1]);
    expect(wallMs).toBeGreaterThanOrEqual(900);
    expect(wallMs).toBeLessThan(1800 - 300);
    await page
      .locator('.compare')
      .screenshot({ path: `${SCREENS}/playground-compare-3-light.png` });
  });

  it('runs each column 5 times, one after another per column, and counts distinct replies', async () => {
    app.fake.reset();
    const perModel = new Map<string, number>();
    const variants = ['Paris.', 'Paris.', 'It is Paris.', 'paris. ', 'The capital is Paris.'];
    app.fake.setBehavior({
      kind: 'reply',
      text: (req) => {
        const n = perModel.get(req.modelId) ?? 0;
        perModel.set(req.modelId, n + 1);
        return variants[n % variants.length]!;
      },
    });
    await page.getByLabel('Columns', { exact: true }).selectOption('2');
    await page.getByLabel('Prompt', { exact: true }).fill('What is the capital of France?');
    await page.getByRole('button', { name: 'Run 5 times' }).click();
    await waitForRuns(10);
    expectedCalls += 10;

    const calls = app.fake.modelCalls();
    expect(calls).toHaveLength(10);
    for (const id of ['us.amazon.nova-micro-v1:0', 'us.amazon.nova-lite-v1:0']) {
      const mine = calls.filter((c) => c.modelId === id).sort((a, b) => a.at - b.at);
      expect(mine).toHaveLength(5);
      // Within a column, each call starts only after the previous one finished.
      for (let i = 1; i < mine.length; i++) {
        const prev = mine[i - 1]!;
        expect(mine[i]!.at).toBeGreaterThanOrEqual(prev.at + (prev.durationMs ?? 0) - 5);
      }
    }
    for (const column of await columns().all()) {
      expect(await column.getByTestId('compare-run').count()).toBe(5);
      // 'Paris.' and 'paris. ' are the same reply ignoring case and spacing: 3 distinct.
      expect(await column.getByTestId('compare-summary').innerText()).toMatch(
        /5 of 5 runs finished · 3 distinct replies · mean word difference 0\.\d\d/,
      );
    }
    await page
      .locator('.compare')
      .screenshot({ path: `${SCREENS}/playground-compare-5x-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page
      .locator('.compare')
      .screenshot({ path: `${SCREENS}/playground-compare-5x-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('shows an error with its remedy in one column and keeps the other', async () => {
    app.fake.reset();
    app.fake.enqueue({ kind: 'accessDenied' });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRuns(2);
    expectedCalls += 2;
    expect(await runs().evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))).toEqual(
      expect.arrayContaining(['done', 'failed']),
    );
    const alert = page.locator('.compare').getByRole('alert');
    expect(await alert.count()).toBe(1);
    expect(await alert.innerText()).toMatch(/Access denied[\s\S]*What to do:/);
    await page
      .locator('.compare')
      .screenshot({ path: `${SCREENS}/playground-compare-error-light.png` });
  });

  it('stops every column with Stop all', async () => {
    app.fake.reset();
    app.fake.setBehavior({ kind: 'delay', ms: 5000 });
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await app.fake.waitFor(
      (rs) => rs.filter((r) => r.operation === 'converse-stream').length === 2,
    );
    await page.getByRole('button', { name: 'Stop all' }).click();
    await waitForRuns(2);
    expectedCalls += 2;
    expect(await runs().evaluateAll((rs) => rs.map((r) => r.getAttribute('data-status')))).toEqual([
      'cancelled',
      'cancelled',
    ]);
    await app.fake.waitFor((rs) => rs.every((r) => r.aborted || r.completed));
  });

  it('sends one model at three temperatures', async () => {
    app.fake.reset();
    await page.getByLabel('One model, different temperatures').check();
    await page.getByLabel('Columns', { exact: true }).selectOption('3');
    // The default model in Settings is the bare id; the picker holds the id chosen for the
    // region (its inference profile), listed once.
    expect(await page.getByLabel('Model', { exact: true }).inputValue()).toBe(
      'us.amazon.nova-micro-v1:0',
    );
    expect(
      await page
        .getByLabel('Model', { exact: true })
        .locator('option', { hasText: 'Nova Micro' })
        .count(),
    ).toBe(1);
    await page.getByRole('button', { name: 'Run', exact: true }).click();
    await waitForRuns(3);
    expectedCalls += 3;
    const calls = app.fake.modelCalls();
    expect(calls.map((c) => c.modelId)).toEqual(Array(3).fill('us.amazon.nova-micro-v1:0'));
    const temperatures = calls
      .map((c) => (c.body as { inferenceConfig: { temperature: number } }).inferenceConfig)
      .map((config) => config.temperature)
      .sort();
    expect(temperatures).toEqual([0, 0.5, 1]);
    expect(await columns().locator('h3').allInnerTexts()).toEqual([
      'Temperature 0',
      'Temperature 0.5',
      'Temperature 1',
    ]);
    await page
      .locator('.compare')
      .screenshot({ path: `${SCREENS}/playground-compare-temps-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page
      .locator('.compare')
      .screenshot({ path: `${SCREENS}/playground-compare-temps-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('invocation log', () => {
  it('counts exactly the calls compare made, per model and by error type', async () => {
    // The log is its own screen (Ctrl+L), no longer a Playground tab.
    expect(await page.getByRole('tab', { name: 'Invocation log' }).count()).toBe(0);
    await page.keyboard.press('Control+L');
    await page.getByRole('heading', { level: 1, name: 'Invocation log' }).waitFor();
    expect(page.url()).toMatch(/#\/invocation-log$/);
    const summary = page.getByTestId('log-summary');
    await summary.waitFor();
    const records = (await app.backend.requests.listInvocations(undefined)).records;
    expect(records).toHaveLength(expectedCalls);
    expect(records.every((r) => r.feature === 'compare')).toBe(true);
    expect(await page.getByTestId('kpi-invocations').innerText()).toBe(String(expectedCalls));
    expect(await page.getByTestId('kpi-errors').innerText()).toBe('1');
    expect(await page.getByTestId('log-errors').innerText()).toMatch(
      /access_denied\s+Access denied\s+1/,
    );
    const inTokens = records.reduce((s, r) => s + (r.inputTokens ?? 0), 0);
    const outTokens = records.reduce((s, r) => s + (r.outputTokens ?? 0), 0);
    expect(await page.getByTestId('kpi-tokens').innerText()).toBe(
      `${inTokens.toLocaleString('en-US')} / ${outTokens.toLocaleString('en-US')}`,
    );
    // Per model, by name: Nova Micro had 1 + 1 + 5 + 1 + 1 calls plus 3 from the temperature
    // columns, Nova Lite 9, Claude Haiku 4.5 one (tests/unit/metrics.test.ts checks that a base id
    // and its inference profiles make one row).
    const models = page.getByTestId('log-models');
    const row = (name: string) =>
      models.locator('tr', { has: page.locator(`.log-model-name:text-is("${name}")`) });
    const callsOf = async (name: string) =>
      Number(await row(name).locator('td').first().innerText());
    expect(await callsOf('Amazon Nova Micro')).toBe(12);
    expect(await callsOf('Amazon Nova Lite')).toBe(9);
    expect(await callsOf('Anthropic Claude Haiku 4.5')).toBe(1);
    expect(await models.locator('tbody tr').count()).toBe(3);
    expect(await row('Amazon Nova Micro').locator('code').allInnerTexts()).toEqual([
      'us.amazon.nova-micro-v1:0',
    ]);
    // The model filter lists each model once.
    const modelFilter = page.getByLabel('Model', { exact: true });
    expect(await modelFilter.locator('option').allInnerTexts()).toEqual([
      'All models',
      'Amazon Nova Lite',
      'Amazon Nova Micro',
      'Anthropic Claude Haiku 4.5',
    ]);
    await modelFilter.selectOption({ label: 'Amazon Nova Micro' });
    expect(await page.getByTestId('log-count').innerText()).toBe(`12 of ${expectedCalls} calls`);
    await modelFilter.selectOption('');
    expect(await page.getByTestId('log-count').innerText()).toBe(
      `${expectedCalls} of ${expectedCalls} calls`,
    );
    await page.getByLabel('Status').selectOption('error');
    expect(await page.getByTestId('log-count').innerText()).toBe(`1 of ${expectedCalls} calls`);
    await page.getByLabel('Status').selectOption('');
    // Per operation: every compare call is a ConverseStream.
    const operations = page.getByTestId('log-operations');
    expect(await operations.locator('tbody tr').count()).toBe(1);
    expect(await operations.locator('tbody tr').first().innerText()).toMatch(
      new RegExp(`^ConverseStream\\s+an answer streamed as it is written\\s+${expectedCalls}\\b`),
    );
    expect(
      await page.getByLabel('Operation', { exact: true }).locator('option').allInnerTexts(),
    ).toEqual(['All operations', 'ConverseStream']);
    // No column is cut off at the card's edge (the per-model estimated cost included).
    await expectSoundLayout(page, 'Invocation log / light');
    await page.locator('.log-view').screenshot({ path: `${SCREENS}/playground-log-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.locator('.log-view').screenshot({ path: `${SCREENS}/playground-log-dark.png` });
    await expectSoundLayout(page, 'Invocation log / dark');
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('warns at 80% of a monthly budget and again at 100%', async () => {
    const records = (await app.backend.requests.listInvocations(undefined)).records;
    const spent = records.reduce((s, r) => s + (r.costUsd ?? 0), 0);
    expect(spent).toBeGreaterThan(0);
    const budget = page.getByLabel('Budget in USD per month');
    // 90% of the budget: the warning.
    await budget.fill((spent / 0.9).toFixed(12));
    await page.getByRole('button', { name: 'Save budget' }).click();
    const warning = page.getByTestId('budget-warning');
    await warning.filter({ hasText: 'Close to your monthly budget' }).waitFor();
    expect(await warning.innerText()).toMatch(/\b(89|90)% of your/);
    await warning.screenshot({ path: `${SCREENS}/playground-budget-warning-light.png` });
    // Half the spend: exceeded.
    await budget.fill((spent / 2).toFixed(12));
    await page.getByRole('button', { name: 'Save budget' }).click();
    await warning.filter({ hasText: 'Monthly budget reached' }).waitFor();
    // A generous budget: no banner.
    await budget.fill('100');
    await page.getByRole('button', { name: 'Save budget' }).click();
    await page.getByText('Budget saved: $100.00 a month.').waitFor();
    expect(await warning.count()).toBe(0);
    // A number out of range is brought into range, and the field says so.
    await budget.fill('2000000');
    await page.getByText('1,000,000 is the most; using 1,000,000.').waitFor();
  });

  it('clears the log and undoes the clear', async () => {
    await page.getByRole('button', { name: 'Clear the log' }).click();
    await page.getByTestId('log-empty').waitFor();
    await page
      .locator('.log-view')
      .screenshot({ path: `${SCREENS}/playground-log-empty-light.png` });
    await page.getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('log-summary').waitFor();
    expect(await page.getByTestId('kpi-invocations').innerText()).toBe(String(expectedCalls));
  });

  it('shows the knowledge bases lab’s operations: Retrieve, RetrieveAndGenerate, Rerank, embeddings', async () => {
    const log = (app.backend as AppBackend).log;
    const base = {
      at: new Date().toISOString(),
      feature: 'knowledge-bases' as const,
      region: 'us-east-1',
      latencyMs: 120,
      firstTokenMs: null,
      images: null,
      status: 'ok' as const,
      errorCode: null,
      stopReason: null,
    };
    await log.append({
      ...base,
      operation: 'Retrieve',
      modelId: 'knowledge-base/KBFAKE0001',
      inputTokens: null,
      outputTokens: null,
    });
    await log.append({
      ...base,
      operation: 'RetrieveAndGenerate',
      modelId: 'amazon.nova-lite-v1:0',
      inputTokens: 900,
      outputTokens: 120,
    });
    await log.append({
      ...base,
      operation: 'Rerank',
      modelId: 'amazon.rerank-v1:0',
      inputTokens: null,
      outputTokens: null,
    });
    await log.append({
      ...base,
      operation: 'InvokeModel',
      modelId: 'amazon.titan-embed-text-v2:0',
      inputTokens: 64,
      outputTokens: null,
    });
    await page.getByRole('button', { name: 'Refresh' }).click();
    const operations = page.getByTestId('log-operations');
    await operations.getByText('Rerank', { exact: true }).waitFor();
    const names = await operations.locator('tbody .log-model-name').allInnerTexts();
    expect(names).toEqual([
      'ConverseStream',
      'InvokeModel (embeddings)',
      'Retrieve',
      'RetrieveAndGenerate',
      'Rerank',
    ]);
    expect(
      await page.getByLabel('Operation', { exact: true }).locator('option').allInnerTexts(),
    ).toEqual([
      'All operations',
      'ConverseStream',
      'InvokeModel (embeddings)',
      'Rerank',
      'Retrieve',
      'RetrieveAndGenerate',
    ]);
    await page.getByLabel('Operation', { exact: true }).selectOption('Retrieve');
    const row = page.getByTestId('log-calls').locator('tbody tr');
    expect(await row.count()).toBe(1);
    expect(await row.innerText()).toMatch(/Knowledge bases\s+Retrieve/);
    await page.getByLabel('Operation', { exact: true }).selectOption('');
    await expectSoundLayout(page, 'Invocation log with knowledge bases calls / light');
    await operations.screenshot({ path: `${SCREENS}/invocation-log-operations-light.png` });
    await page.emulateMedia({ colorScheme: 'dark' });
    await expectSoundLayout(page, 'Invocation log with knowledge bases calls / dark');
    await operations.screenshot({ path: `${SCREENS}/invocation-log-operations-dark.png` });
    await page.emulateMedia({ colorScheme: 'light' });
  });
});
