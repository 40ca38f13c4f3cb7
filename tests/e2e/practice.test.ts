/** Quick practice in Chromium: filter, answer by keyboard, see explanations, missed-only. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from '../support/e2e';

let page: Page;
/** How many of the first practice's five answers were wrong. */
let wrong = 0;

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1300, height: 950 } });
  ({ page } = opened);
  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
});
afterAll(() => opened?.close());

describe('quick practice', () => {
  it('answers five multiple-choice questions from the keyboard and scores them', async () => {
    await page.getByLabel('Type').selectOption('single');
    // The count is a number field that says when it brings a value into range.
    const count = page.getByLabel('Questions', { exact: true });
    await count.fill('-3');
    await page.getByText('1 is the least; using 1.').waitFor();
    await page.getByRole('button', { name: 'Start 1 question', exact: true }).waitFor();
    await count.fill('5');
    await page.getByRole('button', { name: /Start 5 questions/ }).click();
    for (let i = 1; i <= 5; i++) {
      await page.getByRole('heading', { level: 2, name: `Question ${i} of 5` }).waitFor();
      // Always pick the first option, with the keyboard: Tab into the group, Space to choose.
      await page.getByRole('radio').first().focus();
      await page.keyboard.press('Space');
      await page.keyboard.press('Enter');
      await page.getByTestId('quiz-feedback').waitFor();
      if (i === 1) {
        // The verdict is a results region: scrolled into view and announced.
        const verdict = page.getByRole('region', { name: 'Your answer' });
        expect(await verdict.locator('[aria-live="polite"]').innerText()).toMatch(
          /^(Correct\.|Not quite: see the explanation\.)$/,
        );
        // Explanations, why-wrong notes and the source quote are shown.
        expect(await page.locator('.explanation blockquote').innerText()).toMatch(/Read the note/);
        expect(await page.locator('.why').count()).toBeGreaterThanOrEqual(1);
        await page.screenshot({ path: 'test-results/screens/practice-light.png', fullPage: true });
      }
      await page.keyboard.press('Enter');
    }
    const result = page.getByRole('region', { name: 'Practice result' });
    expect(await result.locator('[aria-live="polite"]').innerText()).toMatch(
      /^Practice finished: \d of 5 correct/,
    );
    const score = await page.getByTestId('quiz-score').innerText();
    expect(score).toMatch(/^\d of 5 correct/);
    wrong = 5 - Number(score[0]);
  });

  it('offers the questions missed last time, and they survive a reload', async () => {
    await page.getByRole('button', { name: 'New practice' }).click();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    // The attempts load from IndexedDB: wait until the count shows the first practice's misses.
    await page.getByText(`Only questions I got wrong last time (${wrong})`).waitFor();
    await page.getByLabel(/Only questions I got wrong/).check();
    if (wrong === 0) {
      await page.getByText(/nothing missed yet/).waitFor();
    } else {
      const matches = wrong === 1 ? '1 question matches.' : `${wrong} questions match.`;
      expect(await page.getByText(matches).count()).toBe(1);
    }
  });

  it('handles ordering and matching questions', async () => {
    await page.getByLabel(/Only questions I got wrong/).uncheck();
    for (const type of ['ordering', 'matching'] as const) {
      await page.getByLabel('Type').selectOption(type);
      await page.getByRole('button', { name: /Start \d+ questions/ }).click();
      if (type === 'ordering') {
        await page
          .getByRole('button', { name: /Move .* down/ })
          .first()
          .click();
      } else {
        const selects = page.locator('.matching select');
        for (let i = 0; i < (await selects.count()); i++)
          await selects.nth(i).selectOption({ index: 1 });
      }
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page.getByTestId('quiz-feedback').waitFor();
      await page.screenshot({
        path: `test-results/screens/practice-${type}-light.png`,
        fullPage: true,
      });
      await page.getByRole('button', { name: 'End practice' }).click();
      // Ending shows the summary of what was answered; "New practice" goes back to the set-up.
      expect(await page.getByTestId('quiz-score').textContent()).toMatch(/of 1 correct/);
      await page.getByRole('button', { name: 'New practice' }).click();
    }
  });
});
