/**
 * The keys and the feedback every question screen shares, in Chromium: letters pick options,
 * Enter checks an Ordering and a Matching question (the focus on a move button or in a drop-down
 * list), the verdict is at the top with "Your answer" / "Correct answer" in words, the "?"
 * overlay is a modal dialog that opens and closes, and the exam grid's cells say their state.
 * Screenshots in both themes for the looks.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

let opened: OpenedApp | undefined;
let page: Page;
let dark: Page;

/** A full-page screenshot, then no overflow and no text under WCAG AA contrast. */
async function shot(p: Page, name: string) {
  await p.screenshot({ path: `test-results/screens/${name}.png`, fullPage: true });
  await expectSoundLayout(p, name);
}

async function startPractice(p: Page, type: string) {
  await p.keyboard.press('Control+1');
  await p.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
  await p.keyboard.press('Control+4');
  await p.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
  await p.getByRole('tab', { name: 'Quick practice' }).click();
  // An unfinished session from an earlier test: start afresh.
  const fresh = p.getByRole('button', { name: /Start a new session|New practice/ });
  if (await fresh.count()) await fresh.first().click();
  await p.getByLabel('Type').selectOption(type);
  await p.getByLabel('Questions', { exact: true }).fill('2');
  await p.getByRole('button', { name: /Start 2 questions/ }).click();
  await p.getByRole('heading', { level: 2, name: 'Question 1 of 2' }).waitFor();
}

/** True when the verdict is in the viewport and above the question's stem. */
async function verdictOnTop(p: Page): Promise<boolean> {
  return p.evaluate(() => {
    const v = document.querySelector('.verdict-region')!.getBoundingClientRect();
    const stem = document.querySelector('fieldset.quiz-question legend')!.getBoundingClientRect();
    return v.top >= 0 && v.bottom <= window.innerHeight && v.bottom <= stem.top;
  });
}

async function endPractice(p: Page) {
  await p.getByRole('button', { name: 'End practice' }).click();
  await p.getByTestId('quiz-score').waitFor();
}

beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1300, height: 900 } });
  page = opened.page;
  dark = await opened.newPage({ colorScheme: 'dark', viewport: { width: 1300, height: 900 } });
});
afterAll(() => opened?.close());

describe('answer keys and feedback', () => {
  it('picks options with letters, checks with Enter, and labels the answers in words', async () => {
    for (const [p, theme] of [
      [page, 'light'],
      [dark, 'dark'],
    ] as const) {
      await startPractice(p, 'single');
      await p.keyboard.press('b');
      expect(await p.getByRole('radio').nth(1).isChecked()).toBe(true);
      await p.keyboard.press('a');
      expect(await p.getByRole('radio').nth(0).isChecked()).toBe(true);
      expect(await p.locator('.choices li.chosen').count()).toBe(1);
      await p.keyboard.press('Enter');
      await p.getByTestId('quiz-feedback').waitFor();
      expect(await verdictOnTop(p)).toBe(true);
      const yours = p.locator('.choices li', { hasText: 'Your answer' });
      expect(await yours.count()).toBe(1);
      expect(await p.locator('.choices li', { hasText: 'Correct answer' }).count()).toBe(1);
      expect(await yours.innerText()).toMatch(/^A\b/);
      await shot(p, `keys-practice-single-${theme}`);
      // Enter moves on; digits pick before checking.
      await p.keyboard.press('Enter');
      await p.getByRole('heading', { level: 2, name: 'Question 2 of 2' }).waitFor();
      await p.keyboard.press('3');
      expect(await p.getByRole('radio').nth(2).isChecked()).toBe(true);
      await endPractice(p);
    }
  });

  it('Enter checks an ordering question with the focus on a move button', async () => {
    for (const [p, theme] of [
      [page, 'light'],
      [dark, 'dark'],
    ] as const) {
      await startPractice(p, 'ordering');
      const down = p.getByRole('button', { name: /Move .* down/ }).first();
      await down.focus();
      await p.keyboard.press('Space'); // Space moves the step
      const before = await p.locator('.ordering li').allInnerTexts();
      await p.keyboard.press('Enter'); // Enter checks, it does not move the step again
      await p.getByTestId('quiz-feedback').waitFor();
      expect(await verdictOnTop(p)).toBe(true);
      const yourOrder = p.getByRole('region', { name: 'Your order' });
      const steps = await yourOrder.locator('li').allInnerTexts();
      expect(steps.map((s) => s.split('\n')[1])).toEqual(before.map((s) => s.split('\n')[1]));
      expect(await yourOrder.innerText()).toMatch(/Right place|Belongs at step \d/);
      expect(await p.getByRole('region', { name: 'Correct order' }).locator('li').count()).toBe(
        steps.length,
      );
      await shot(p, `keys-practice-ordering-${theme}`);
      await endPractice(p);
    }
  });

  it('Enter checks a matching question with the focus in a drop-down list', async () => {
    for (const [p, theme] of [
      [page, 'light'],
      [dark, 'dark'],
    ] as const) {
      await startPractice(p, 'matching');
      const selects = p.locator('.matching select');
      const n = await selects.count();
      for (let i = 0; i < n; i++) await selects.nth(i).selectOption({ index: 1 });
      await selects.nth(n - 1).focus();
      await p.keyboard.press('Enter');
      await p.getByTestId('quiz-feedback').waitFor();
      expect(await verdictOnTop(p)).toBe(true);
      const rows = p.locator('.matching-feedback li');
      expect(await rows.count()).toBe(n);
      expect(await rows.first().innerText()).toMatch(/Your answer/);
      await shot(p, `keys-practice-matching-${theme}`);
      await endPractice(p);
    }
  });

  it('"?" opens the keys of the screen in a modal dialog; Escape closes it', async () => {
    await startPractice(page, 'single');
    const focusedOption = () =>
      page.evaluate(() => document.activeElement?.getAttribute('data-option') ?? null);
    const before = await focusedOption();
    expect(before).toBe('a');
    await page.keyboard.press('Shift+?');
    const dialog = page.getByRole('dialog', { name: 'Keyboard shortcuts' });
    await dialog.waitFor();
    expect(await dialog.getAttribute('aria-modal')).toBe('true');
    expect(await dialog.getByRole('region', { name: 'Quick practice' }).innerText()).toMatch(
      /Enter/,
    );
    expect(await dialog.getByRole('region', { name: 'Everywhere' }).innerText()).toMatch(/Ctrl\+K/);
    // Letters pressed in the dialog do not reach the question behind it; Tab stays inside.
    await page.keyboard.press('b');
    for (let i = 0; i < 4; i++) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => !!document.activeElement?.closest('[role="dialog"]'))).toBe(
      true,
    );
    await shot(page, 'keys-overlay-light');
    await page.keyboard.press('Escape');
    await dialog.waitFor({ state: 'detached' });
    expect(await focusedOption()).toBe(before);
    expect(await page.locator('.choices li.chosen').count()).toBe(0);
    // The visible button opens the same dialog.
    await dark.getByRole('button', { name: 'End practice' }).waitFor({ state: 'detached' });
    await startPractice(dark, 'single');
    await dark.getByRole('button', { name: 'Keyboard shortcuts (?)' }).click();
    await dark.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await shot(dark, 'keys-overlay-dark');
    await dark.getByRole('button', { name: /Close/ }).click();
    await dark.getByRole('dialog').waitFor({ state: 'detached' });
    await endPractice(page);
    await endPractice(dark);
  });

  it('spaced review: letters pick, Enter checks, the verdict and ratings are on top, 1-4 rate', async () => {
    for (const [p, theme] of [
      [page, 'light'],
      [dark, 'dark'],
    ] as const) {
      await p.getByRole('tab', { name: 'Spaced review' }).click();
      await p.getByRole('button', { name: /^Start review/ }).click();
      await p.getByRole('heading', { name: /^Review 1 of \d+/ }).waitFor();
      const radios = p.locator('.quiz-question input[type="radio"]');
      const boxes = p.locator('.quiz-question input[type="checkbox"]');
      if (await radios.count()) await p.keyboard.press('a');
      else {
        const need = await p.evaluate(() =>
          Number(
            /choose (\d)/i.exec(document.querySelector('legend')?.textContent ?? '')?.[1] ?? 2,
          ),
        );
        for (const k of ['a', 'b', 'c'].slice(0, need)) await p.keyboard.press(k);
        expect(await boxes.first().isChecked()).toBe(true);
      }
      await p.keyboard.press('Enter');
      await p.getByTestId('review-feedback').waitFor();
      expect(await verdictOnTop(p)).toBe(true);
      expect(await p.getByRole('group', { name: 'Rate your answer' }).isVisible()).toBe(true);
      await shot(p, `keys-review-feedback-${theme}`);
      await p.keyboard.press('1'); // Again: allowed after any answer
      await p.getByRole('heading', { name: /^Review 2 of \d+/ }).waitFor();
      await p.getByRole('button', { name: 'End review' }).click();
    }
  });

  it('the mock exam: letters pick a whole row; the grid says answered, flagged, unanswered', async () => {
    for (const [p, theme] of [
      [page, 'light'],
      [dark, 'dark'],
    ] as const) {
      await p.getByRole('tab', { name: 'Mock exam' }).click();
      await p.getByRole('button', { name: /Start a 65-question mock exam/ }).click();
      await p.getByRole('heading', { name: 'Question 1 of 65' }).waitFor();
      let picked = 0;
      for (let i = 1; i <= 4; i++) {
        if ((await p.locator('.quiz-question input[type="radio"]').count()) > 0) {
          await p.keyboard.press('b');
          picked++;
          expect(await p.locator('.choices li.chosen').count()).toBe(1);
          if (picked === 1) {
            await shot(p, `keys-exam-chosen-${theme}`);
          }
        }
        if (i === 2) await p.keyboard.press('f');
        await p.keyboard.press('n');
        await p.getByRole('heading', { name: `Question ${i + 1} of 65` }).waitFor();
      }
      const grid = p.getByRole('group', { name: 'Question navigator' });
      expect(await grid.getByRole('button', { name: /, answered/ }).count()).toBe(picked);
      expect(
        (await grid.getByRole('button', { name: 'Question 2, answered, flagged' }).count()) +
          (await grid.getByRole('button', { name: 'Question 2, unanswered, flagged' }).count()),
      ).toBe(1);
      expect(await grid.getByRole('button', { name: 'Question 60, unanswered' }).count()).toBe(1);
      expect(await p.getByRole('list', { name: 'Legend' }).innerText()).toMatch(
        /Answered[\s\S]*Unanswered[\s\S]*Flagged/,
      );
      await grid.scrollIntoViewIfNeeded();
      await p
        .locator('.exam-grid')
        .screenshot({ path: `test-results/screens/keys-exam-grid-${theme}.png` });
    }
  });
});
