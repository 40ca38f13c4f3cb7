/**
 * A checked answer and its attempt are stored together or not at all (quick practice). CI once
 * lost an attempt: the session row ("question 5, checked") reached IndexedDB before the attempt,
 * and a reload in between showed the verdict while Stats and spaced review never saw the answer.
 *
 * The test makes the attempt's write slow the way a busy machine does, but for certain: a second
 * connection holds a read-write transaction on `attempts` open (re-arming a read on each success),
 * so the app's attempt write waits behind it while other stores stay free. The reload then lands
 * between the two writes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';

let page: Page;
let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({});
  ({ page } = opened);
  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
});
afterAll(() => opened?.close());

/** Holds `attempts` busy from another connection for `ms` (resolves once the hold has begun). */
function holdAttempts(p: Page, ms: number): Promise<string> {
  return p.evaluate(
    (holdMs) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('stratum');
        open.onerror = () => resolve(`open failed: ${String(open.error)}`);
        open.onsuccess = () => {
          const tx = open.result.transaction('attempts', 'readwrite');
          const store = tx.objectStore('attempts');
          const until = Date.now() + holdMs;
          const spin = () => {
            if (Date.now() < until) store.count().onsuccess = spin;
          };
          spin();
          resolve('holding');
        };
      }),
    ms,
  );
}

/** Waits up to `ms` for the stored practice session to say its question is checked. */
function sessionChecked(p: Page, ms: number): Promise<boolean> {
  return p.evaluate(
    (waitMs) =>
      new Promise<boolean>((resolve) => {
        const until = Date.now() + waitMs;
        const open = indexedDB.open('stratum');
        open.onerror = () => resolve(false);
        open.onsuccess = () => {
          const look = () => {
            const req = open.result.transaction('sessions').objectStore('sessions').get('practice');
            req.onsuccess = () => {
              const row = req.result as { checked?: boolean } | undefined;
              if (row?.checked === true || Date.now() >= until) {
                open.result.close();
                resolve(row?.checked === true);
              } else setTimeout(look, 20);
            };
            req.onerror = () => resolve(false);
          };
          look();
        };
      }),
    ms,
  );
}

/** How many attempts the database holds. */
function attemptCount(p: Page): Promise<number> {
  return p.evaluate(
    () =>
      new Promise<number>((resolve, reject) => {
        const open = indexedDB.open('stratum');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const req = open.result.transaction('attempts').objectStore('attempts').count();
          req.onsuccess = () => {
            open.result.close();
            resolve(req.result);
          };
          req.onerror = () => reject(req.error ?? new Error('count failed'));
        };
      }),
  );
}

describe('a checked answer and its attempt', () => {
  it('are never split by a reload while the attempt is still being written', async () => {
    await openTab(page, 'Quick practice');
    await page.getByLabel('Type').selectOption('single');
    await page.getByLabel('Questions', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Start 3 questions' }).click();
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();
    expect(await attemptCount(page)).toBe(0);

    expect(await holdAttempts(page, 1_500)).toBe('holding');
    await page.getByRole('radio').first().check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    // The verdict shows at once, while the attempt is still waiting to be written.
    await page.getByTestId('quiz-feedback').waitFor();
    // Reload once the session row says "checked", or after 700 ms (the hold lasts 1.5 s): without
    // the fix that row is written within milliseconds, ahead of the attempt.
    await sessionChecked(page, 700);
    await page.reload();
    await page.getByRole('heading', { name: 'Question 1 of 3' }).waitFor();

    // Either both were stored (verdict shown, one attempt) or neither (no verdict, none).
    const checked = (await page.getByTestId('quiz-feedback').count()) === 1;
    expect({ checked, attempts: await attemptCount(page) }).toEqual(
      checked ? { checked: true, attempts: 1 } : { checked: false, attempts: 0 },
    );
  });
});
