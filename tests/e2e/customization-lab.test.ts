/**
 * The customization lab in Chromium: a conversational dataset built from the bank, two planted
 * errors seen with their line numbers, fixed in place and exported; costs compared on a
 * break-even chart from prices the test enters (illustrative, as a learner would type them); the
 * ladder linked to its notes. Every tab in light and dark at 1280x800, with a sound layout.
 */
import { readFile } from 'node:fs/promises';
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };
let opened: OpenedApp | undefined;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    path: '#/customization',
    heading: 'Customization lab',
    viewport: VIEWPORT,
  });
  page = opened.page;
});
afterAll(() => opened?.close());

/** Serious and critical axe-core violations on the page as it is (with content, unlike the app-wide scan). */
async function axeProblems(p: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page: p })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${where}: ${v.id} ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
}

async function buildFromBank(p: Page, count: number): Promise<void> {
  await p.getByLabel('Model', { exact: true }).first().selectOption('nova-micro');
  await p.getByLabel('Questions from the bank').fill(String(count));
  await p.getByRole('button', { name: 'Build from the question bank' }).click();
  await p.getByText(`All ${count} records pass the checks.`).waitFor();
}

async function editLine(p: Page, line: number, text: (before: string) => string): Promise<void> {
  await p.getByRole('button', { name: `Edit line ${line}`, exact: true }).click();
  const box = p.getByLabel(`Line ${line} (one JSON object)`);
  await box.fill(text(await box.inputValue()));
  await p.getByRole('button', { name: `Save line ${line}` }).click();
  await p.getByRole('heading', { name: `Fixing line ${line}` }).waitFor({ state: 'detached' });
}

/** Illustrative prices, typed as a learner would from the pricing page (not AWS's prices). */
async function enterPrices(p: Page): Promise<void> {
  await p.getByLabel(/^Training \(USD per 1,000 tokens\)/).fill('0.008');
  await p.getByLabel(/^Custom model storage/).fill('1.95');
  await p.getByLabel(/^No commitment/).fill('20');
  await p.getByLabel(/^1-month commitment/).fill('15');
  await p.getByLabel(/^6-month commitment/).fill('10');
  await p.getByLabel(/^Input \(USD/).fill('0.0001');
  await p.getByLabel(/^Output \(USD/).fill('0.0004');
}

describe('dataset builder', () => {
  it('builds a conversational dataset from the bank, shows two planted errors by line, fixes them and exports', async () => {
    await buildFromBank(page, 12);
    let line5 = '';
    await editLine(page, 3, () => '{"schemaVersion": "bedrock-conversation-2024", "messages": [');
    await editLine(page, 5, (before) => {
      line5 = before;
      return before.replace('"role":"user"', '"role":"assistant"');
    });
    const problems = page.getByRole('list', { name: 'Problems' });
    await problems.getByText('Line 3', { exact: true }).waitFor();
    const text = await problems.innerText();
    expect(text).toMatch(/Line 3[\s\S]*not valid JSON/);
    expect(text).toMatch(/Line 5[\s\S]*messages\[0\]\.role/);
    await page.getByText('2 problems to fix before Bedrock would accept this file.').waitFor();
    await expectSoundLayout(page, 'Customization lab / Dataset / light');
    await page.screenshot({ path: `${SCREENS}/customization-dataset-light.png` });
    const found = await axeProblems(page, 'Dataset with problems / light');
    expect(found, found.join('\n')).toEqual([]);

    await page.getByRole('button', { name: 'Fix line 3' }).click();
    await page.getByLabel('Line 3 (one JSON object)').fill(line5);
    await page.getByRole('button', { name: 'Save line 3' }).click();
    await page.getByRole('button', { name: 'Fix line 5' }).click();
    await page.getByLabel('Line 5 (one JSON object)').fill(line5);
    await page.getByRole('button', { name: 'Save line 5' }).click();
    await page.getByText('All 12 records pass the checks.').waitFor();
    await page.getByRole('heading', { name: 'Export' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/customization-dataset-export-light.png` });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('button', { name: 'Download 12 training records (JSONL)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('dataset-train.jsonl');
    const lines = (await readFile(await download.path(), 'utf8')).trimEnd().split('\n');
    expect(lines).toHaveLength(12);
    for (const l of lines) {
      const record = JSON.parse(l) as { schemaVersion: string; messages: { role: string }[] };
      expect(record.schemaVersion).toBe('bedrock-conversation-2024');
      expect(record.messages.map((m) => m.role)).toEqual(['user', 'assistant']);
    }
  });

  it('saves the dataset in this browser and lists it', async () => {
    await page.getByLabel('Dataset name').fill('Bank twelve');
    await page.getByRole('button', { name: 'Save dataset' }).click();
    await page.getByRole('button', { name: 'Open Bank twelve' }).waitFor();
  });
});

describe('costs', () => {
  it('compares Provisioned Throughput with on-demand on a break-even chart from the prices entered', async () => {
    await openTab(page, 'Costs');
    await expect(page.getByText('Prices not entered yet').isVisible()).resolves.toBe(true);
    await page.getByRole('button', { name: /Use the dataset builder’s/ }).click();
    await enterPrices(page);
    const chart = page.getByRole('img', {
      name: /Monthly cost against requests per month, from prices you entered/,
    });
    await chart.waitFor();
    // $0.00013 a request on demand; 1 unit x $20 x 730 h = $14,600 a month -> 112,307,692 requests.
    expect(await chart.getAttribute('aria-label')).toMatch(
      /No commitment \(hourly\) breaks even at 112,307,692 requests/,
    );
    const table = page.getByRole('table', { name: /Provisioned Throughput against on-demand/ });
    expect(await table.innerText()).toMatch(/\$14,600\.00/);
    expect(await page.locator('.cl-cost-table').innerText()).toMatch(/from prices you entered/);
    await expectSoundLayout(page, 'Customization lab / Costs / light');
    await chart.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/customization-costs-light.png` });
  });
});

describe('ladder', () => {
  it('places each way on cost, effort, data and what changes, linked to its note', async () => {
    await openTab(page, 'The ladder');
    const link = page
      .getByRole('link', { name: 'Fine-tuning and continued pre-training in Bedrock' })
      .first();
    await link.waitFor();
    expect(await page.getByRole('img', { name: 'Relative cost: 5 of 5' }).count()).toBe(1);
    await expectSoundLayout(page, 'Customization lab / Ladder / light');
    await page.screenshot({ path: `${SCREENS}/customization-ladder-light.png` });
    await link.click();
    await page
      .getByRole('heading', { level: 1, name: 'Fine-tuning and continued pre-training in Bedrock' })
      .waitFor();
  });
});

describe('dark theme', () => {
  it('draws every tab soundly in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/customization',
      heading: 'Customization lab',
      viewport: VIEWPORT,
      colorScheme: 'dark',
    });
    await buildFromBank(dark, 8);
    await editLine(dark, 2, () => '{"prompt": "wrong shape"}');
    // 7 valid records: the line's problem, and Nova's minimum of 8 records.
    await dark.getByText('2 problems to fix before Bedrock would accept this file.').waitFor();
    await expectSoundLayout(dark, 'Customization lab / Dataset / dark');
    await dark.screenshot({ path: `${SCREENS}/customization-dataset-dark.png` });
    const found = await axeProblems(dark, 'Dataset / dark');
    await openTab(dark, 'Costs');
    await enterPrices(dark);
    const chart = dark.getByRole('img', { name: /Monthly cost against requests/ });
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    await expectSoundLayout(dark, 'Customization lab / Costs / dark');
    await dark.screenshot({ path: `${SCREENS}/customization-costs-dark.png` });
    found.push(...(await axeProblems(dark, 'Costs / dark')));
    await openTab(dark, 'The ladder');
    await expectSoundLayout(dark, 'Customization lab / Ladder / dark');
    await dark.screenshot({ path: `${SCREENS}/customization-ladder-dark.png` });
    found.push(...(await axeProblems(dark, 'Ladder / dark')));
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('a 50 MB import', () => {
  it('is checked in a worker with progress while the page keeps responding', async () => {
    const { writeFile } = await import('node:fs/promises');
    const { tmpdir } = await import('node:os');
    const { join } = await import('node:path');
    const record = (n: number) =>
      JSON.stringify({
        schemaVersion: 'bedrock-conversation-2024',
        messages: [
          {
            role: 'user',
            content: [{ text: `Question ${n}: ${'What does Bedrock bill? '.repeat(12)}` }],
          },
          {
            role: 'assistant',
            content: [{ text: `Answer ${n}: ${'Tokens in and out. '.repeat(10)}` }],
          },
        ],
      });
    const lines: string[] = [];
    let bytes = 0;
    for (let n = 1; bytes < 50 * 1024 * 1024; n++) {
      const line = n % 25_000 === 0 ? `{"broken": ${n}` : record(n);
      lines.push(line);
      bytes += line.length + 1;
    }
    const file = join(tmpdir(), 'stratum-50mb.jsonl');
    await writeFile(file, `${lines.join('\n')}\n`);

    // The ladder test followed a note link: come back to the lab.
    await page.evaluate(() => (location.hash = '#/customization'));
    await page.getByRole('heading', { level: 1, name: 'Customization lab' }).waitFor();
    await openTab(page, 'Dataset builder');
    await page.getByLabel('Import a JSON Lines file').setInputFiles(file);
    await page.getByText(/Checking stratum-50mb\.jsonl: [\d,]+ of [\d,]+ bytes/).waitFor();
    // The page answers while the worker reads: a frame comes back quickly.
    const frameMs = await page.evaluate(
      () =>
        new Promise<number>((resolve) => {
          const start = performance.now();
          requestAnimationFrame(() => resolve(performance.now() - start));
        }),
    );
    expect(frameMs).toBeLessThan(500);
    await page.getByText('Imported from stratum-50mb.jsonl').waitFor({ timeout: 120_000 });
    const problems = await page.getByRole('list', { name: 'Problems' }).innerText();
    expect(problems).toMatch(/Line 25000[\s\S]*not valid JSON/);
    expect(problems).toMatch(/Amazon Nova Micro takes at most 20,000/);
    await expectSoundLayout(page, 'Customization lab / Dataset / 50 MB');
  }, 180_000);
});
