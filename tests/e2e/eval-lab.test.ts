/**
 * The evaluation lab's Datasets and Runs and metrics tabs in Chromium against the fake Bedrock:
 * a malformed dataset refused line by line (nothing imported until the valid lines are accepted),
 * a run of two models over a built-in dataset with robustness showing every metric, a drill-down
 * with the overlap highlighted, semantic similarity, CSV and JSON exports, and a classification
 * run with accuracy and its confusion matrix. Screenshots of both tabs in light and dark at
 * 1280x800.
 */
import { readFileSync } from 'node:fs';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConverseRequestInfo } from '../fakes/bedrock-converse';
import type { RunningApp } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };

let opened: OpenedApp | undefined;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    path: '#/evaluation',
    heading: 'Evaluation lab',
    tab: 'Datasets',
    viewport: VIEWPORT,
  });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

/** Serious and critical axe-core violations on the page as it is (none expected). */
async function axe(where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${where}: ${v.id} ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
}

async function shoot(name: string, where: string) {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.screenshot({ path: `${SCREENS}/${name}-light.png` });
  await expectSoundLayout(page, `${where}, light`);
  await page.emulateMedia({ colorScheme: 'dark' });
  await page.screenshot({ path: `${SCREENS}/${name}-dark.png` });
  await expectSoundLayout(page, `${where}, dark`);
  await page.emulateMedia({ colorScheme: 'light' });
}

/** The option value of the model whose id contains `part`. */
async function modelValue(select: string, part: string): Promise<string> {
  const values = await page
    .getByLabel(select, { exact: true })
    .locator('option')
    .evaluateAll((options) => options.map((o) => (o as HTMLOptionElement).value));
  const found = values.find((v) => v.includes(part));
  if (!found) throw new Error(`No ${part} in ${values.join(', ')}`);
  return found;
}

describe('Datasets', () => {
  it('previews the built-in datasets and shows the limits', async () => {
    await expect(
      page.getByRole('heading', { name: 'Question answering (question bank)' }).count(),
    ).resolves.toBe(1);
    await page.getByRole('radio', { name: /Summarisation \(note sections\)/ }).check();
    await page.getByRole('heading', { name: 'Summarisation (note sections)' }).waitFor();
    await page.getByRole('radio', { name: /Open-ended prompts/ }).check();
    expect(await page.locator('.eval-preview').innerText()).toContain('none');
    expect(await page.locator('.eval-limits').innerText()).toMatch(/at most 1,000 prompts/);
    await page.getByRole('radio', { name: /Question answering/ }).check();
    await shoot('eval-datasets', 'Evaluation lab, Datasets');
  });

  it('refuses a malformed file line by line and imports nothing until the valid lines are accepted', async () => {
    const text = [
      '{"prompt": "What is Amazon Bedrock?", "referenceResponse": "A managed service for foundation models."}',
      'not json at all',
      '{"prompt": 42}',
      '{"referenceResponse": "no prompt"}',
      '{"prompt": "Name a vector store.", "referenceResponse": "Amazon OpenSearch Serverless."}',
    ].join('\n');
    await page.getByLabel('Dataset file (.jsonl)').setInputFiles({
      name: 'mine.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(text),
    });
    const refused = page.getByRole('list', { name: 'Refused lines' });
    await refused.waitFor();
    const reasons = await refused.innerText();
    expect(reasons).toMatch(/Line 2: This line is not valid JSON/);
    expect(reasons).toMatch(/Line 3: "prompt" must be text, but it is a number/);
    expect(reasons).toMatch(/Line 4: "prompt" is missing/);
    expect(reasons).not.toMatch(/Line 1:|Line 5:/);
    expect(await page.getByRole('radio', { name: /mine\.jsonl/ }).count()).toBe(0);
    await shoot('eval-datasets-import', 'Evaluation lab, Datasets with a refused file');
    expect(await axe('Datasets with a refused file')).toEqual([]);
    await page.getByRole('button', { name: 'Import 2 valid lines' }).click();
    await page.getByRole('radio', { name: /mine\.jsonl/, checked: true }).waitFor();
    expect(await page.locator('.eval-preview').innerText()).toContain('Name a vector store.');
  });

  it('checks a 5,000-line file in a worker with progress', async () => {
    const line = '{"prompt": "Explain tokens.", "referenceResponse": "Pieces of text."}';
    const big = Array.from({ length: 5000 }, () => line).join('\n');
    await page.getByLabel('Dataset file (.jsonl)').setInputFiles({
      name: 'big.jsonl',
      mimeType: 'application/jsonl',
      buffer: Buffer.from(big),
    });
    await page.getByRole('button', { name: 'Import 5,000 valid lines' }).waitFor();
    expect(await page.locator('.eval-verdict').innerText()).toMatch(/5,000 lines read/);
    await page.getByRole('button', { name: 'Discard the file' }).click();
  });
});

describe('Runs and metrics', () => {
  it('is one click from the empty Human review tab', async () => {
    await openTab(page, 'Human review');
    const empty = page.locator('.eval-empty');
    expect(await empty.innerText()).toMatch(/^No runs yet\. Start one on the Runs and metrics tab/);
    await empty.getByRole('button', { name: 'Runs and metrics' }).click();
    const tab = page.getByRole('tab', { name: 'Runs and metrics' });
    expect(await tab.getAttribute('aria-selected')).toBe('true');
    await expect.poll(() => tab.evaluate((t) => t === document.activeElement)).toBe(true);
  });

  it('runs two models over the summarisation set and shows every metric', async () => {
    // Nova Lite echoes the end of the section, Nova Micro a shorter piece: different scores.
    app.fake.setBehavior({
      kind: 'reply',
      text: (req: ConverseRequestInfo) => {
        const words = req.lastUserText.split(/\s+/);
        return req.modelId.includes('lite')
          ? words.slice(-60).join(' ')
          : `In short: ${words.slice(10, 30).join(' ')}`;
      },
    });
    await openTab(page, 'Runs and metrics');
    await page.getByLabel('Dataset', { exact: true }).selectOption('builtin:summarisation');
    await page.getByLabel('Items (a seeded sample; 0 for all)').fill('4');
    await page.getByLabel('Model 1').selectOption(await modelValue('Model 1', 'nova-micro'));
    await page.getByLabel('Model 2').selectOption(await modelValue('Model 2', 'nova-lite'));
    await page.getByRole('checkbox', { name: 'Typos' }).check();
    expect(await page.locator('.eval-estimate').innerText()).toMatch(/16 calls .*At most \$/s);
    await page.getByRole('button', { name: 'Run 16 calls' }).click();
    await page.getByText(/^Complete: 16 responses\./).waitFor({ timeout: 60_000 });
    const results = page.getByRole('region', { name: 'Run results' });
    await results.locator('.eval-summary-table').waitFor();
    const summary = await results.locator('.eval-summary-table').innerText();
    for (const metric of [
      'Exact match',
      'Token F1',
      'ROUGE-1 F1',
      'ROUGE-2 F1',
      'ROUGE-L F1',
      'Sentence BLEU',
    ]) {
      expect(summary).toContain(metric);
    }
    expect(summary).toMatch(/exponential smoothing/);
    expect(summary).toMatch(/\d+\.\d%–\d+\.\d%/);
    const bleu = await results.locator('.eval-corpus-bleu').innerText();
    expect(bleu).toMatch(/Brevity penalty/);
    expect(bleu).toMatch(/\d\.\d{3} \/ \d\.\d{3} \/ \d\.\d{3} \/ \d\.\d{3}/);
    const robust = await results.locator('.eval-robustness').innerText();
    expect(robust).toMatch(/ROUGE-L F1/);
    expect(robust).toMatch(/typos \d+\.\d%/);
    expect(await results.getByRole('img', { name: /bootstrap 95% intervals/ }).count()).toBe(1);
  }, 90_000);

  it('computes semantic similarity through the embeddings and says it is not BERTScore', async () => {
    const results = page.getByRole('region', { name: 'Run results' });
    expect(await results.locator('.eval-semantic').innerText()).toMatch(/This is not BERTScore/);
    await results.getByRole('button', { name: /Compute semantic similarity/ }).click();
    await results.locator('.eval-semantic-means').waitFor();
    expect(await results.locator('.eval-semantic-means').innerText()).toMatch(
      /Nova Lite.*: \d+\.\d%/,
    );
  });

  it('drills down to an item with the overlap highlighted', async () => {
    const results = page.getByRole('region', { name: 'Run results' });
    await results
      .getByRole('button', { name: /^Details of item / })
      .first()
      .click();
    const drill = page.locator('.eval-drill');
    await drill.waitFor();
    expect(await drill.locator('mark').count()).toBeGreaterThan(0);
    expect(await drill.locator('.eval-item-scores').first().innerText()).toMatch(
      /ROUGE-2\s+\d+%\s+\d+%\s+\d+%/,
    );
    await page.getByLabel('Highlight the overlap counted by').selectOption('bleu');
    expect(await drill.locator('mark').count()).toBeGreaterThan(0);
    await page.getByLabel('Highlight the overlap counted by').selectOption('rougeL');
    await drill.locator('.eval-drill-response').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/eval-runs-drill-light.png` });
    await page
      .getByRole('region', { name: 'Run results' })
      .locator('.eval-chart')
      .screenshot({ path: `${SCREENS}/eval-runs-chart-light.png` });
    await shoot('eval-runs', 'Evaluation lab, Runs and metrics');
    expect(await axe('Runs with results and a drill-down')).toEqual([]);
  });

  it('exports the run as CSV and JSON', async () => {
    const csv = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export CSV' }).click();
    const csvText = readFileSync(await (await csv).path(), 'utf8');
    expect(csvText.split('\r\n')[0]).toMatch(/^itemId,perturbation,candidate,modelId/);
    expect(csvText.split('\r\n').filter(Boolean)).toHaveLength(17);
    const json = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export JSON' }).click();
    const parsed = JSON.parse(readFileSync(await (await json).path(), 'utf8')) as {
      run: { responses: unknown[] };
      scores: { candidates: unknown[] };
    };
    expect(parsed.run.responses).toHaveLength(16);
    expect(parsed.scores.candidates).toHaveLength(2);
  });

  it('runs a classification set and shows accuracy, per-class scores and the confusion matrix', async () => {
    app.fake.setBehavior({
      kind: 'reply',
      text: (req: ConverseRequestInfo) => (req.lastUserText.length % 2 ? 'Domain 3.' : 'Domain 1'),
    });
    await page.getByLabel('Dataset', { exact: true }).selectOption('builtin:domain');
    await page.getByRole('checkbox', { name: 'Typos' }).uncheck();
    await page.getByLabel('Items (a seeded sample; 0 for all)').fill('6');
    await page.getByLabel('Model 2').selectOption('');
    await page.getByRole('button', { name: 'Run 6 calls' }).click();
    await page.getByText(/^Complete: 6 responses\./).waitFor({ timeout: 60_000 });
    const results = page.getByRole('region', { name: 'Run results' });
    await results.locator('.eval-classification').waitFor();
    expect(await results.locator('.eval-classification h3').innerText()).toMatch(
      /accuracy \d+\.\d% of 6/i,
    );
    expect(await results.getByRole('table', { name: /Confusion matrix/ }).count()).toBe(1);
    await shoot('eval-runs-classification', 'Evaluation lab, classification run');
    expect(await axe('Classification run')).toEqual([]);
  }, 90_000);

  it('keeps what arrived when throttled midway, then Resume asks only for the missing responses', async () => {
    app.fake.reset();
    app.fake.enqueue({ kind: 'ok' }, { kind: 'ok' }, { kind: 'ok' });
    app.fake.setBehavior({ kind: 'throttle' });
    await page.getByLabel('Items (a seeded sample; 0 for all)').fill('5');
    await page.getByLabel('Calls in flight').fill('1');
    await page.getByRole('button', { name: 'Run 5 calls' }).click();
    await page
      .getByText(/^Failed with 2 responses missing; the 3 responses received are kept\./)
      .waitFor({
        timeout: 60_000,
      });
    expect(await page.locator('.eval-run-status [role="alert"]').innerText()).toMatch(/./);
    app.fake.setBehavior({ kind: 'ok' });
    const before = app.fake.requests.filter((r) => r.operation === 'converse').length;
    await page.getByRole('button', { name: 'Resume: ask for the 2 missing responses' }).click();
    await page.getByText(/^Complete: 5 responses\./).waitFor({ timeout: 60_000 });
    expect(app.fake.requests.filter((r) => r.operation === 'converse').length - before).toBe(2);
  }, 90_000);

  it('deletes a run with Undo, which puts it back selected with its results', async () => {
    const picker = page.locator('.eval-run-picker');
    const pick = picker.getByLabel('Run to show');
    const chosen = await pick.inputValue();
    const runs = await pick.locator('option').count();
    await picker.getByRole('button', { name: 'Delete this run' }).click();
    const undo = picker.getByRole('status').filter({ hasText: /^Deleted the run “/ });
    await undo.waitFor();
    expect(await pick.locator('option').count()).toBe(runs - 1);
    expect(await pick.locator(`option[value="${chosen}"]`).count()).toBe(0);
    await undo.getByRole('button', { name: 'Undo' }).click();
    await undo.waitFor({ state: 'detached' });
    await expect.poll(() => pick.inputValue()).toBe(chosen);
    expect(await pick.locator('option').count()).toBe(runs);
    await page.getByText(/^Complete: 5 responses\./).waitFor();
    // After a reload it is still there: Undo wrote it back, not only the screen.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evaluation lab' }).waitFor();
    await openTab(page, 'Runs and metrics');
    await expect.poll(() => pick.locator(`option[value="${chosen}"]`).count()).toBe(1);
  });
});
