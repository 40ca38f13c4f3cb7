/**
 * The diffusion lab's "A trained network" tab, training in Chromium: a run cancelled midway keeps
 * the steps done as the learner's model (the code promises "a Cancel that keeps the weights so
 * far"), says so, leaves nothing running, and a new run can start; fine-tuning from the shipped
 * weights saves the learner's model, selects it, samples from it (images differ from the shipped
 * model's at the same seed, and come back the same after a reload).
 *
 * Training steps take about 100 ms on a quiet core (more on a busy one): the cancelled run asks for
 * 300 steps and is stopped after its first report (every 10 steps); the fine-tune is 15 steps.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const TAB = /trained network/;
let page: Page;
let opened: OpenedApp | undefined;

beforeAll(async () => {
  opened = await openApp({
    path: '#/diffusion-lab',
    heading: 'Diffusion lab',
    tab: TAB,
    viewport: { width: 1400, height: 1000 },
  });
  ({ page } = opened);
});
afterAll(() => opened?.close());

/** The saved learner models in IndexedDB: id, name, steps and whether the run was cancelled. */
function savedModels(): Promise<{ id: string; name: string; steps: number; cancelled: boolean }[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stratum');
    open.onerror = () => reject(new Error('IndexedDB did not open'));
    open.onsuccess = () => {
      const all = open.result
        .transaction('diffusionModels')
        .objectStore('diffusionModels')
        .getAll();
      all.onsuccess = () => {
        const rows = all.result as {
          id: string;
          name: string;
          training: { steps: number; cancelled: boolean };
        }[];
        resolve(
          rows.map((r) => ({
            id: r.id,
            name: r.name,
            steps: r.training.steps,
            cancelled: r.training.cancelled,
          })),
        );
        open.result.close();
      };
    };
  });
}

const picker = () => page.getByLabel('Model', { exact: true });
const chosenModel = () => picker().locator('option:checked').innerText();
const trainPanel = () => page.locator('.train-panel');

/** The 24 sample images' accessible names (validity and distance of each), joined. */
const sampleLabels = async () =>
  (
    await page
      .getByRole('img', { name: /^Sample \d+: / })
      .evaluateAll((els) => els.map((el) => el.getAttribute('aria-label') ?? ''))
  ).join('\n');

/** Presses Sample new images and waits for the run to finish (the button is back). */
async function sample(): Promise<string> {
  const button = page.getByRole('button', { name: /^(Sample new images|Sampling…)$/ });
  await page.getByRole('button', { name: 'Sample new images' }).click();
  await expect.poll(() => button.innerText(), { timeout: 90_000 }).toBe('Sample new images');
  expect(await page.getByRole('img', { name: /^Sample \d+: / }).count()).toBe(24);
  return sampleLabels();
}

let stoppedAt = 0;
let leftAt = 0;
let shippedLabels = '';
let tunedLabels = '';

describe('training in the app', () => {
  it('cancels a run midway: the steps done are kept as your model, and nothing is left running', async () => {
    await page.getByLabel('Training steps').fill('300');
    await page.getByRole('button', { name: 'Train for 300 steps' }).click();
    const running = page.getByRole('button', { name: 'Training…' });
    expect(await running.isDisabled()).toBe(true);
    // The first report (every 10 steps), then Cancel: the worker stops at its next report.
    await page
      .getByTestId('train-progress')
      .filter({ hasText: /Step \d+ of 300/ })
      .waitFor({ timeout: 90_000 });
    await page.getByRole('button', { name: 'Cancel training' }).click();
    const status = trainPanel()
      .getByRole('status')
      .filter({ hasText: /^Stopped after \d+ steps/ });
    await status.waitFor({ timeout: 90_000 });
    const said = await status.innerText();
    expect(said).toMatch(/^Stopped after \d+ steps; saved as your model and selected\.$/);
    stoppedAt = Number(/after (\d+) steps/.exec(said)![1]);
    expect(stoppedAt).toBeGreaterThanOrEqual(10);
    expect(stoppedAt).toBeLessThan(300);

    // Nothing left running: Train is back (enabled), Cancel gone, the progress line and the
    // loss chart stop at the step the run was stopped.
    const train = page.getByRole('button', { name: 'Train for 300 steps' });
    expect(await train.isEnabled()).toBe(true);
    expect(await page.getByRole('button', { name: 'Cancel training' }).count()).toBe(0);
    expect(await running.count()).toBe(0);
    expect(await page.getByTestId('train-progress').innerText()).toMatch(
      new RegExp(`^Step ${stoppedAt} of 300 · `),
    );
    await trainPanel()
      .getByRole('img', { name: `Training loss over ${stoppedAt} steps` })
      .waitFor();
    expect(await trainPanel().getByRole('alert').count()).toBe(0);

    // What was kept: the weights so far, saved as the learner's model, marked as cancelled.
    expect(await chosenModel()).toBe(`Yours: ${stoppedAt} steps`);
    expect(await page.locator('.trained-view .lab-side').innerText()).toContain(
      `${stoppedAt} of 300 steps from scratch (stopped)`,
    );
    const rows = await page.evaluate(savedModels);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ steps: stoppedAt, cancelled: true });
    await page.screenshot({ path: `${SCREENS}/diffusion-train-cancelled-light.png` });
    await expectSoundLayout(page, 'Diffusion lab / Trained network / cancelled run');
  });

  it('keeps a run going while the learner looks at another tab; Cancel still reaches it', async () => {
    await page.getByRole('button', { name: 'Train for 300 steps' }).click();
    const progress = page.getByTestId('train-progress');
    await progress.filter({ hasText: /Step \d+ of 300/ }).waitFor({ timeout: 90_000 });
    await openTab(page, 'Adding noise');
    await openTab(page, TAB);
    // Back on the tab: the run is still shown, counting, with its Cancel (no second run offered).
    await page.getByRole('button', { name: 'Cancel training' }).waitFor();
    expect(await page.getByRole('button', { name: 'Training…' }).isDisabled()).toBe(true);
    const before = Number(/Step (\d+)/.exec(await progress.innerText())![1]);
    await expect
      .poll(async () => Number(/Step (\d+)/.exec(await progress.innerText())![1]), {
        timeout: 90_000,
      })
      .toBeGreaterThan(before);
    await page.getByRole('button', { name: 'Cancel training' }).click();
    const status = trainPanel()
      .getByRole('status')
      .filter({ hasText: /^Stopped after \d+ steps/ });
    await status.waitFor({ timeout: 90_000 });
    leftAt = Number(/after (\d+) steps/.exec(await status.innerText())![1]);
    expect(await chosenModel()).toBe(`Yours: ${leftAt} steps`);
    expect(await page.getByRole('button', { name: 'Cancel training' }).count()).toBe(0);
    expect(await page.evaluate(savedModels)).toHaveLength(2);
  });

  it('fine-tunes from the shipped weights: saved as yours, selected, and sampled from', async () => {
    // The shipped model's images at the default seed, to compare with.
    await picker().selectOption({ label: 'Shipped' });
    shippedLabels = await sample();
    const drewThem = page.locator('#sample-grid-title');
    expect(await drewThem.textContent()).toBe(
      '24 new images from the shipped model, same settings',
    );

    // A new run starts after the cancelled one.
    await page.getByLabel('Start from').selectOption({ label: 'The shipped weights' });
    await page.getByLabel('Training steps').fill('15');
    await page.getByRole('button', { name: 'Train for 15 steps' }).click();
    const status = trainPanel()
      .getByRole('status')
      .filter({ hasText: /^Trained after 15 steps/ });
    await status.waitFor({ timeout: 90_000 });
    expect(await status.innerText()).toBe(
      'Trained after 15 steps; saved as your model and selected.',
    );
    expect(await page.getByTestId('train-progress').innerText()).toMatch(/^Step 15 of 15 · /);
    expect(await chosenModel()).toBe('Yours: 15 steps');
    expect(await page.locator('.trained-view .lab-side').innerText()).toContain(
      '15 steps from the shipped weights',
    );
    // Newest first.
    expect(await picker().locator('option').allInnerTexts()).toEqual([
      'Shipped',
      'Yours: 15 steps',
      `Yours: ${leftAt} steps`,
      `Yours: ${stoppedAt} steps`,
    ]);
    const rows = await page.evaluate(savedModels);
    expect(rows.find((r) => r.steps === 15)).toMatchObject({ cancelled: false });

    // The images on screen still say which model drew them (not the one now selected).
    expect(await drewThem.textContent()).toMatch(/from the shipped model/);
    // Sampled from the fine-tuned weights: the same seed and settings give other images.
    tunedLabels = await sample();
    expect(await drewThem.textContent()).toMatch(
      /^24 new images from your model “15 steps from the shipped weights, .+”, same settings$/,
    );
    expect(tunedLabels).not.toBe(shippedLabels);
    expect(await page.getByTestId('net-figures').innerText()).toMatch(/Valid: \d+%.*New: \d+%/s);
  });

  it('keeps both models after a reload; the fine-tuned one samples the same images again', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Diffusion lab' }).waitFor();
    await openTab(page, TAB);
    await expect
      .poll(() => picker().locator('option').allInnerTexts())
      .toEqual([
        'Shipped',
        'Yours: 15 steps',
        `Yours: ${leftAt} steps`,
        `Yours: ${stoppedAt} steps`,
      ]);
    await picker().selectOption({ label: 'Yours: 15 steps' });
    expect(await page.locator('.trained-view .lab-side').innerText()).toContain(
      '15 steps from the shipped weights',
    );
    expect(await sample()).toBe(tunedLabels);
    expect(await page.locator('#sample-grid-title').textContent()).toMatch(
      /^24 new images from your model “15 steps from the shipped weights/,
    );
    await page.screenshot({
      path: `${SCREENS}/diffusion-train-finetuned-light.png`,
      fullPage: true,
    });
  });
});
