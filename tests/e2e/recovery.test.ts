/** A corrupt settings file never stops the app: it opens with defaults and says what happened. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from '../support/e2e';

let opened: OpenedApp | undefined;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    start: { settingsFileText: '{"version": 1, "aws": {"region": "us-east-1", ' },
    path: '#/settings',
    heading: 'Settings',
  });
  page = opened.page;
});
afterAll(() => opened?.close());

describe('a corrupt settings file', () => {
  it('opens with defaults, shows where the old file went, and clears the notice once saved', async () => {
    const notice = page.getByRole('alert').filter({ hasText: 'Settings were reset' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/not valid JSON/);
    expect(await notice.innerText()).toMatch(/settings\.invalid-.*\.json/);
    expect(await page.getByLabel('Region', { exact: true }).inputValue()).toBe('us-east-1');
    await page.screenshot({
      path: 'test-results/screens/settings-recovered-light.png',
      fullPage: true,
    });

    await page.getByLabel('Region', { exact: true }).selectOption('us-west-2');
    await page.getByRole('button', { name: 'Save', exact: true }).click();
    await page.getByText('Saved.').waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    expect(await page.getByRole('alert').count()).toBe(0);
  });
});
