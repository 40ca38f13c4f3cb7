/**
 * The token lab's imported-model panel in Chromium against the fake Bedrock: the learner's
 * imported models are listed, a run shows every token with its real probability on a confidence
 * strip (hover, keyboard and the alternatives table), a malformed answer is an error that says
 * what was wrong, and an account without imported models gets a plain note. Light and dark.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const IMPORTED = 'Your imported model: real token probabilities';
let app: RunningApp;
let page: Page;
let opened: OpenedApp | undefined;

beforeAll(async () => {
  opened = await openApp({ path: '#/token-lab', heading: 'Token lab', tab: /real model/ });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

async function openImported(p: Page): Promise<void> {
  await p.getByRole('radio', { name: IMPORTED }).check();
  await p.getByRole('complementary', { name: 'Imported model settings' }).waitFor();
}

const strip = () => page.getByTestId('confidence-strip');

describe('an imported model with log probabilities', () => {
  it('lists the imported model and shows each generated token with its probability', async () => {
    app.fake.reset();
    await openImported(page);
    const select = page.getByLabel('Imported model', { exact: true });
    await expect.poll(() => select.inputValue()).toMatch(/imported-model\/k3v9x2m8q4tz$/);
    expect(await select.locator('option:checked').innerText()).toBe('stratum-llama-3-2-1b-tutor');
    await page.getByLabel('Prompt').fill('How is the rainbow formed?');
    await page.getByRole('button', { name: 'Generate up to 40 tokens' }).click();
    await strip().waitFor();
    const tokens = strip().getByRole('button');
    expect(await tokens.count()).toBeGreaterThan(5);
    const first = (await tokens.first().getAttribute('aria-label')) ?? '';
    expect(first).toMatch(/^Token 1: “The”, \d+\.\d%$/);
    const p = Number(await tokens.first().getAttribute('data-probability'));
    expect(p).toBeGreaterThan(0);
    expect(p).toBeLessThanOrEqual(1);
    expect(first).toContain(`${(p * 100).toFixed(1)}%`);
    expect(await page.getByTestId('imported-summary').innerText()).toMatch(/Average probability/);
    const sent = app.fake.modelCalls().at(-1);
    expect(sent?.body).toMatchObject({ logprobs: true, top_logprobs: 3, max_tokens: 40 });

    const rows = page.getByTestId('alternatives').locator('tbody tr');
    expect(await rows.count()).toBeGreaterThan(0);
    expect(await rows.count()).toBeLessThanOrEqual(3);
    await page.screenshot({ path: `${SCREENS}/token-lab-imported-light.png`, fullPage: true });
    await expectSoundLayout(page, 'Token lab imported, light');
  });

  it('shows the number on hover and moves along the strip with the keyboard', async () => {
    const second = strip().getByRole('button').nth(1);
    await second.hover();
    await expect.poll(() => second.locator('.tok-tip').isVisible()).toBe(true);
    expect(await second.locator('.tok-tip').innerText()).toMatch(/^\d+\.\d%$/);
    await strip().getByRole('button').first().focus();
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    const third = strip().getByRole('button').nth(2);
    expect(await third.evaluate((el) => el === document.activeElement)).toBe(true);
    expect(await third.getAttribute('aria-pressed')).toBe('true');
    await page.getByRole('heading', { name: /^Token 3:/ }).waitFor();
    await page.keyboard.press('End');
    expect(await strip().getByRole('button').last().getAttribute('aria-pressed')).toBe('true');
  });

  it('reports a malformed answer with what was wrong', async () => {
    app.fake.setBehavior({ kind: 'malformed' });
    await page.getByRole('button', { name: 'Generate up to 40 tokens' }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'not in the expected shape' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/logprob/);
    expect(await alert.innerText()).toMatch(/imported after 2025-11-11/);
    await page.screenshot({ path: `${SCREENS}/token-lab-imported-malformed-light.png` });
    app.fake.setBehavior({ kind: 'ok' });
  });

  it('explains Custom Model Import when the account has no imported model', async () => {
    app.fake.importedModelStore.set([]);
    await page.getByRole('radio', { name: /catalog model/ }).check();
    await openImported(page);
    const note = page.getByRole('note').filter({ hasText: 'No imported models in us-east-1' });
    await note.waitFor();
    expect(await note.innerText()).toMatch(/Custom Model Import/);
    await page.screenshot({ path: `${SCREENS}/token-lab-imported-empty-light.png` });
    expect(await page.getByLabel('Imported model', { exact: true }).count()).toBe(0);
    app.fake.importedModelStore.set([
      { id: 'old0model001', name: 'older-import', createdAt: '2025-06-02T10:00:00Z' },
    ]);
    await note.getByRole('button', { name: 'Reload the list' }).click();
    const select = page.getByLabel('Imported model', { exact: true });
    await select.waitFor();
    expect(await page.getByText(/imported before 11 November 2025/).count()).toBe(1);
    app.fake.importedModelStore.reset();
  });

  it('renders the strip in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/token-lab',
      heading: 'Token lab',
      tab: /real model/,
      colorScheme: 'dark',
    });
    await openImported(dark);
    await dark.getByRole('button', { name: 'Generate up to 40 tokens' }).click();
    await dark.getByTestId('confidence-strip').waitFor();
    await dark.getByTestId('confidence-strip').getByRole('button').nth(3).hover();
    await dark.screenshot({ path: `${SCREENS}/token-lab-imported-dark.png`, fullPage: true });
    await expectSoundLayout(dark, 'Token lab imported, dark');
  });
});
