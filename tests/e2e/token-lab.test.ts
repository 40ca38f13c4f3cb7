/** The token lab in Chromium: the pipeline, seeded sampling, the notes model and a live run. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
let app: RunningApp;
let browser: Browser;
let page: Page;

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({
    path: '#/token-lab',
    heading: 'Token lab',
    viewport: { width: 1400, height: 1000 },
  });
  ({ app, browser, page } = opened);
});
afterAll(() => opened?.close());

const finalOf = (token: string) =>
  page
    .locator('table.pipeline tbody tr', { has: page.locator(`code:text-is("${token}")`) })
    .locator('td.final');

describe('the pipeline', () => {
  it('shows the seed example as illustrative, with its exact probabilities at T = 1', async () => {
    expect(await page.getByRole('note').innerText()).toMatch(/Illustrative numbers/);
    expect(await finalOf('wet').innerText()).toContain('40.00%');
    expect(await finalOf('flooded').innerText()).toContain('25.00%');
    await page.screenshot({ path: `${SCREENS}/token-lab-light.png` });
  });

  it('makes the top token 100% and greedy at temperature 0', async () => {
    await page.getByLabel(/^Temperature/).fill('0');
    await page.getByText('greedy', { exact: true }).first().waitFor();
    expect(await finalOf('wet').innerText()).toContain('100.00%');
    expect(await finalOf('flooded').innerText()).toContain('0');
    await page.getByRole('button', { name: 'Sample', exact: true }).click();
    await page.getByRole('status').filter({ hasText: 'Sampled “wet” (100.00%)' }).waitFor();
    await page.getByLabel(/^Temperature/).fill('1');
  });

  it('steps into the next table and rewinds', async () => {
    await page
      .getByLabel(/^Top-k/)
      .first()
      .waitFor();
    // Find a seed whose first draw is "flooded" by drawing until it comes up.
    for (let i = 0; i < 30; i++) {
      await page.getByRole('button', { name: 'Sample', exact: true }).click();
      if (
        (
          await page
            .getByRole('status')
            .filter({ hasText: /Sampled/ })
            .innerText()
        ).includes('flooded')
      )
        break;
    }
    await page.getByRole('button', { name: /Step \(append “flooded”\)/ }).click();
    expect(await page.getByTestId('lab-text').innerText()).toContain('were flooded');
    expect(await finalOf('and').innerText()).toContain('40.00%');
    await page.getByRole('button', { name: 'Rewind' }).click();
    expect(await page.getByTestId('lab-text').innerText()).not.toContain('flooded');
  });
});

describe('repeated sampling', () => {
  it('is reproducible from the seed, also after a reload', async () => {
    await page.getByLabel('Seed').fill('7');
    await page.getByLabel('Draws (N)').fill('500');
    await page.getByRole('button', { name: /Draw 500 times/ }).click();
    const first = await page.getByTestId('sampling-runs').innerText();
    expect(first).toMatch(/500 draws/);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Token lab' }).waitFor();
    expect(await page.getByLabel('Seed').inputValue()).toBe('7');
    await page.getByLabel('Draws (N)').fill('500');
    await page.getByRole('button', { name: /Draw 500 times/ }).click();
    expect(await page.getByTestId('sampling-runs').innerText()).toBe(first);
  });

  it('compares two temperatures side by side', async () => {
    await page.getByLabel('Compare with a second setting').check();
    await page.getByRole('button', { name: /Draw 500 times/ }).click();
    const runs = page.getByTestId('sampling-runs');
    expect(await runs.getByRole('figure').count()).toBe(2);
    expect(await runs.innerText()).toMatch(/T 1\.20/);
    await page.screenshot({ path: `${SCREENS}/token-lab-compare-light.png`, fullPage: true });
  });
});

describe('the notes model', () => {
  it('predicts from any prompt, and greedy continues "provisioned" with "throughput"', async () => {
    await page.getByRole('tab', { name: /small model/ }).click();
    await page.getByLabel('Prompt').fill('You can buy provisioned');
    await page.getByRole('button', { name: 'Greedy' }).click();
    await page.getByRole('status').filter({ hasText: 'Greedy picked “throughput”' }).waitFor();
    expect(await page.locator('table.pipeline tr.rest').innerText()).toMatch(/other tokens/);
    await page.getByLabel('Prompt').fill('日本語のテキスト 🙂');
    await page.getByRole('button', { name: 'Sample', exact: true }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /Sampled/ })
      .waitFor();
    await page.screenshot({ path: `${SCREENS}/token-lab-ngram-light.png` });
  });
});

describe('the live experiment', () => {
  it('runs 20 samples against Bedrock, plots them and saves the run', async () => {
    app.fake.reset();
    let call = 0;
    const words = ['wet', 'Wet.', 'flooded', 'wet', 'slippery', 'wet and shiny'];
    app.fake.setBehavior({ kind: 'reply', text: () => words[call++ % words.length]! });
    await page.getByRole('tab', { name: /real model/ }).click();
    await page.getByLabel('Samples (N)').fill('20');
    expect(await page.getByTestId('estimate').innerText()).toMatch(
      /input and at most 100 output tokens/,
    );
    await page.getByRole('button', { name: 'Run 20 samples' }).click();
    const results = page.getByTestId('live-results');
    await results.getByText(/First word of 20 replies/).waitFor();
    expect(app.fake.modelCalls()).toHaveLength(20);
    expect(await results.innerText()).toMatch(/replies with more than one word/);
    const counts = await results
      .getByTestId('histogram-row')
      .evaluateAll((rows) => rows.map((r) => Number(r.getAttribute('data-count'))));
    const total = counts.reduce((a, b) => a + b, 0);
    expect(total).toBe(20);
    await page
      .getByTestId('saved-experiments')
      .getByRole('button', { name: /After the rain/ })
      .waitFor();
    await page.screenshot({ path: `${SCREENS}/token-lab-live-light.png`, fullPage: true });

    await page.reload();
    await page.getByRole('tab', { name: /real model/ }).click();
    await page
      .getByTestId('saved-experiments')
      .getByRole('button', { name: /After the rain/ })
      .click();
    await results.getByText(/First word of 20 replies/).waitFor();
  });

  it('keeps the completed samples when a call fails midway', async () => {
    app.fake.reset();
    app.fake.enqueue({ kind: 'ok' }, { kind: 'ok' }, { kind: 'ok' }, { kind: 'accessDenied' });
    app.fake.setBehavior({ kind: 'accessDenied' });
    await page.getByLabel('Calls at once').fill('1');
    await page.getByRole('button', { name: 'Run 20 samples' }).click();
    await page.getByRole('alert').filter({ hasText: 'Access denied' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/3 samples that completed are kept/);
    expect(await page.getByTestId('live-results').innerText()).toMatch(/First word of 3 replies/);
  });
});

describe('the picture first, at 1280x800', () => {
  it('shows the distribution chart beside the sliders, above the fold, and redraws it', async () => {
    for (const colorScheme of ['light', 'dark'] as const) {
      const small = await opened!.newPage({
        path: '#/token-lab',
        heading: 'Token lab',
        colorScheme,
        viewport: { width: 1280, height: 800 },
      });
      await small.evaluate(() => localStorage.removeItem('stratum.tokenLab.settings'));
      await small.reload();
      await small.getByRole('heading', { level: 1, name: 'Token lab' }).waitFor();
      const chart = small.getByTestId('distribution-chart');
      const box = (await chart.boundingBox())!;
      const sliders = (await small
        .getByRole('complementary', { name: 'Sampling settings' })
        .boundingBox())!;
      expect(box.y + box.height).toBeLessThanOrEqual(800);
      expect(box.x).toBeGreaterThan(sliders.x + sliders.width);
      expect(box.y).toBeLessThan(sliders.y + sliders.height);
      const row = (token: string) =>
        chart.locator('li', { has: small.locator(`code:text-is("${token}")`) });
      expect(await row('wet').innerText()).toContain('40.0%');
      // Top-k 2 cuts the third word; the chart says so at once.
      await small.getByLabel('off', { exact: true }).uncheck();
      await small.getByLabel(/^Top-k/).fill('2');
      expect(await row('slippery').innerText()).toContain('cut by top-k');
      expect(await row('wet').innerText()).toContain('61.5%');
      await small.getByRole('button', { name: 'Sample', exact: true }).click();
      expect(await chart.locator('li.picked').count()).toBe(1);
      await small.screenshot({ path: `${SCREENS}/token-lab-picture-${colorScheme}.png` });
      await expectSoundLayout(small, `Token lab / picture / ${colorScheme}`);
      // Compare two settings: both runs fit their card, no word cut short.
      await small.getByLabel('Compare with a second setting').check();
      await small.getByRole('button', { name: /Draw 1,000 times/ }).click();
      await small.getByTestId('sampling-runs').scrollIntoViewIfNeeded();
      await small.screenshot({ path: `${SCREENS}/token-lab-compare-${colorScheme}-1280.png` });
      await expectSoundLayout(small, `Token lab / compare / ${colorScheme}`);
      // The small model with a long prompt: it wraps in its card; the table fits.
      await small.getByRole('tab', { name: /small model/ }).click();
      await small
        .getByLabel('Prompt')
        .fill(
          'Amazon Bedrock is a fully managed service that offers foundation models from leading companies through a single API along with the capabilities to build generative applications and it',
        );
      await small.getByRole('button', { name: 'Sample', exact: true }).click();
      await small.screenshot({ path: `${SCREENS}/token-lab-ngram-${colorScheme}-1280.png` });
      await expectSoundLayout(small, `Token lab / small model / ${colorScheme}`);
      await small.context().close();
    }
  });
});

describe('dark theme', () => {
  it('renders the lab in dark', async () => {
    const dark = await (
      await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 1000 } })
    ).newPage();
    await dark.goto(`${app.server.url}#/token-lab`);
    await dark.getByRole('heading', { level: 1, name: 'Token lab' }).waitFor();
    await dark.getByRole('button', { name: /Draw 1,000 times/ }).click();
    await dark.screenshot({ path: `${SCREENS}/token-lab-dark.png`, fullPage: true });
    await expectSoundLayout(dark, 'Token lab / Illustrative examples, 1,000 draws / dark');
    await dark.context().close();
  });
});
