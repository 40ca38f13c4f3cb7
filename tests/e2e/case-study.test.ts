/**
 * Case studies in the mock exam: an exam holds whole sets, and each of a set's questions shows
 * the shared scenario beside it, in both themes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { expectSoundLayout } from '../support/layout';
import { openApp, openTab, type OpenedApp } from '../support/e2e';

const SCREENS = 'test-results/screens';
let page: Page;
let opened: OpenedApp | undefined;

beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1400, height: 1000 } });
  await opened.page.keyboard.press('Control+4');
  ({ page } = opened);
});
afterAll(() => opened?.close());

describe('a case study in the mock exam', () => {
  it('shows the scenario beside each question of the set', async () => {
    await openTab(page, 'Mock exam');
    await page.getByRole('button', { name: /Start a 65-question mock exam/ }).click();
    let first = 0;
    for (let i = 1; i <= 65 && first === 0; i++) {
      await page.getByRole('heading', { name: `Question ${i} of 65` }).waitFor();
      if ((await page.getByTestId('case-scenario').count()) > 0) first = i;
      else await page.getByRole('button', { name: 'Next →' }).click();
    }
    expect(first).toBeGreaterThan(0);
    const scenario = page.getByTestId('case-scenario');
    const label = await scenario.getAttribute('aria-label');
    expect(label).toMatch(/^Case study: /);
    expect((await scenario.innerText()).length).toBeGreaterThan(200);
    await page.screenshot({ path: `${SCREENS}/exam-case-study-light.png` });
    await expectSoundLayout(page, 'Practice / Mock exam, a case study / light');
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENS}/exam-case-study-dark.png` });
    await expectSoundLayout(page, 'Practice / Mock exam, a case study / dark');
    await page.emulateMedia({ colorScheme: 'light' });
    // The set is kept together: the next question has the same scenario.
    await page.getByRole('button', { name: 'Next →' }).click();
    await page.getByRole('heading', { name: `Question ${first + 1} of 65` }).waitFor();
    expect(await page.getByTestId('case-scenario').getAttribute('aria-label')).toBe(label);
  });
});
