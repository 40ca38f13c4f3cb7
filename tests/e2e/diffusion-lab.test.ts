/** The diffusion lab in Chromium: forward noising, reverse denoising, 2-D samples, Bedrock images. */
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
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
    path: '#/diffusion-lab',
    heading: 'Diffusion lab',
    viewport: { width: 1400, height: 1000 },
  });
  ({ app, browser, page } = opened);
});
afterAll(() => opened?.close());

/** Buttons, tabs, links and fields in the lab with no accessible name (icon-only ones included). */
const unnamedControls = (p: Page) =>
  p.evaluate(() =>
    [
      ...document.querySelectorAll(
        'main button, main [role="button"], main a, main input, main select',
      ),
    ]
      .filter((el) => {
        const h = el as HTMLInputElement;
        const named =
          h.getAttribute('aria-label') ||
          h.getAttribute('aria-labelledby') ||
          h.getAttribute('title') ||
          (h.labels?.length ?? 0) > 0 ||
          /[\p{L}\p{N}]/u.test(h.innerText ?? '');
        return !named;
      })
      .map((el) => el.outerHTML.slice(0, 120)),
  );

describe('forward diffusion', () => {
  it('updates x_t and its coefficients as t is scrubbed', async () => {
    const numbers = page.getByTestId('forward-numbers');
    await page.getByLabel(/^Step t/).fill('1');
    expect(await numbers.innerText()).toMatch(/√ᾱ_t = 0\.9999/);
    await page.getByLabel(/^Step t/).fill('1000');
    // Linear schedule, T = 1000: alpha-bar_T is about 4.04e-5, so sqrt is about 0.0064.
    expect(await numbers.innerText()).toMatch(/√ᾱ_t = 0\.0064/);
    await page.getByLabel(/^Step t/).fill('500');
    expect(await numbers.innerText()).toMatch(/ᾱ_t = 0\.0786 /);
    await page.screenshot({ path: `${SCREENS}/diffusion-forward-light.png` });
  });

  it('refuses a file that is not an image, and changes nothing', async () => {
    const bogus = join(tmpdir(), 'not-an-image.png');
    await writeFile(bogus, 'this is text, not a PNG');
    await page.getByLabel('Open or drop your own image').setInputFiles(bogus);
    await page.getByRole('alert').filter({ hasText: 'is not an image Stratum can read' }).waitFor();
    expect(await page.getByRole('alert').innerText()).toMatch(/Nothing was changed/);
    expect(await page.getByLabel('Image', { exact: true }).inputValue()).toBe('house');
  });
});

describe('reverse diffusion', () => {
  it('runs to the end and ends on a training image of the chosen class', async () => {
    await page.getByRole('tab', { name: 'Removing noise' }).click();
    await page.getByLabel('“Prompt” (class)').selectOption('house');
    await page.getByRole('button', { name: 'Generate' }).click();
    await page.getByRole('button', { name: 'Pause' }).click();
    await page.getByRole('button', { name: 'Step' }).click();
    // The step slider runs over the 50 steps and shows where it is: "3 / 50".
    const slider = page.getByRole('slider', { name: 'Step', exact: true });
    expect(await slider.getAttribute('max')).toBe('50');
    await page.getByText(/^\d+ \/ 50$/).waitFor();
    await page.screenshot({ path: `${SCREENS}/diffusion-reverse-midway-light.png` });
    await page.getByRole('button', { name: 'Skip to end' }).click();
    const note = page.getByTestId('memorised');
    await note.waitFor();
    expect(await note.innerText()).toMatch(/\(a house\)/);
    expect(await note.innerText()).toMatch(/memorises/);
  });
});

describe('a trained network', () => {
  it('samples new images from the shipped model, beside the exact denoiser, with validity and novelty', async () => {
    await page.getByRole('tab', { name: /trained network/ }).click();
    await page.getByLabel('“Prompt” (shape)').selectOption('square');
    await page.getByRole('button', { name: 'Sample new images' }).click();
    const figures = page.getByTestId('net-figures');
    await figures.waitFor({ timeout: 60_000 });
    expect(await figures.innerText()).toMatch(/Valid: \d+%.*New: \d+%/s);
    // The exact denoiser lands on a training picture; the network's image is compared with one.
    expect(await page.getByTestId('exact-column').innerText()).toMatch(
      /0\.0\d\d RMS from a training picture/,
    );
    expect(await page.getByTestId('net-column').innerText()).toMatch(/RMS from its nearest/);
    expect(await page.getByRole('img', { name: /^Sample \d+: / }).count()).toBe(24);
    await page.getByRole('region', { name: 'How small this model is' }).waitFor();
    expect(await page.getByText(/543,744 weights/).count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENS}/diffusion-trained-light.png`, fullPage: true });
    await expectSoundLayout(page, 'Diffusion lab / Trained network / light');
  });

  it('trains a few steps with a live loss curve, saves the model and finds it after a reload', async () => {
    await page.getByLabel('Training steps').fill('30');
    await page.getByRole('button', { name: 'Train for 30 steps' }).click();
    await page
      .getByTestId('train-progress')
      .filter({ hasText: /Step (10|20) of 30/ })
      .waitFor({ timeout: 60_000 });
    const line = page.locator('.train-panel .loss-line');
    const early = await line.getAttribute('points');
    await page
      .getByRole('status')
      .filter({ hasText: /saved as your model/ })
      .waitFor({ timeout: 120_000 });
    const late = await line.getAttribute('points');
    expect(late?.split(' ').length).toBe(3);
    expect(late).not.toBe(early);
    const picker = page.getByLabel('Model', { exact: true });
    expect(await picker.locator('option:checked').innerText()).toMatch(/^Yours: 30 steps/);
    await page.screenshot({
      path: `${SCREENS}/diffusion-trained-after-training-light.png`,
      fullPage: true,
    });
    await page.reload();
    await page.getByRole('tab', { name: /trained network/ }).click();
    await expect
      .poll(async () => (await picker.locator('option').allInnerTexts()).join('\n'))
      .toMatch(/Yours: 30 steps/);
    await picker.selectOption({
      label: (await picker.locator('option').nth(1).innerText()).trim(),
    });
    await page.getByRole('button', { name: 'Sample new images' }).click();
    await page.getByTestId('net-figures').waitFor({ timeout: 60_000 });

    // Deleting it goes back to the shipped weights; Undo puts it back, selected.
    await page.getByRole('button', { name: 'Delete this model' }).click();
    await page
      .getByRole('status')
      .filter({ hasText: /^Deleted “30 steps/ })
      .waitFor();
    expect(await picker.locator('option:checked').innerText()).toBe('Shipped');
    expect(await picker.locator('option').allInnerTexts()).not.toContain('Yours: 30 steps');
    await page.getByRole('button', { name: 'Undo' }).click();
    await expect
      .poll(async () => picker.locator('option:checked').innerText())
      .toMatch(/^Yours: 30 steps/);
  });

  it('renders in dark, with the samples and the loss chart', async () => {
    const dark = await opened!.newPage({
      colorScheme: 'dark',
      path: '#/diffusion-lab',
      heading: 'Diffusion lab',
    });
    await dark.getByRole('tab', { name: /trained network/ }).click();
    await dark.getByRole('button', { name: 'Sample new images' }).click();
    await dark.getByTestId('net-figures').waitFor({ timeout: 60_000 });
    await dark.getByLabel('Training steps').fill('10');
    await dark.getByRole('button', { name: 'Train for 10 steps' }).click();
    await dark
      .getByRole('status')
      .filter({ hasText: /saved as your model/ })
      .waitFor({ timeout: 60_000 });
    await dark.screenshot({ path: `${SCREENS}/diffusion-trained-dark.png`, fullPage: true });
    await expectSoundLayout(dark, 'Diffusion lab / Trained network / dark');
    await dark.context().close();
  });
});

describe('2-D samples', () => {
  it('releases particles that end as new samples', async () => {
    await page.getByRole('tab', { name: /2-D/ }).click();
    await page.getByRole('button', { name: 'Release particles' }).click();
    await page.getByText(/done: every particle is a new sample/).waitFor({ timeout: 20_000 });
    await page.screenshot({ path: `${SCREENS}/diffusion-particles-light.png` });
  });
});

describe('images on Bedrock', () => {
  it('generates an image through Bedrock and finds it in the gallery after a reload', async () => {
    app.fake.reset();
    await page.getByRole('tab', { name: /Bedrock/ }).click();
    const form = page.locator('.form-grid').first();
    // An active model is the default: Stable Image Core, with an aspect ratio instead of a size.
    expect(await form.getByLabel('Model', { exact: true }).inputValue()).toBe(
      'stability.stable-image-core-v1:1',
    );
    expect(await form.getByLabel('Size').count()).toBe(0);
    expect(await page.getByTestId('region-note').innerText()).toMatch(
      /offered in us-west-2, not in us-east-1 \(your Region in Settings\), so Stratum calls it in us-west-2/,
    );
    expect(await page.getByTestId('image-cost').innerText()).toMatch(/\$0\.04 per image/);
    await form.getByLabel(/^Aspect ratio/).selectOption('16:9');
    await page.getByRole('button', { name: /Generate 1 image/ }).click();
    await page.getByTestId('latest-images').getByRole('img').waitFor();
    const [call] = app.fake.modelCalls();
    expect(call).toMatchObject({
      operation: 'invoke',
      modelId: 'stability.stable-image-core-v1:1',
      body: { prompt: expect.stringMatching(/^A lighthouse/), aspect_ratio: '16:9', seed: 12 },
    });
    await page.reload();
    await page.getByRole('tab', { name: /Bedrock/ }).click();
    const gallery = page.getByTestId('gallery');
    await gallery.getByRole('img').first().waitFor();
    expect(await gallery.innerText()).toMatch(/A lighthouse on a rocky coast/);
    expect(await gallery.innerText()).toMatch(/1344×768 · seed 12/);
    await gallery
      .getByRole('button', { name: /^Delete image: A lighthouse on a rocky coast/ })
      .first()
      .waitFor();
  });

  it('says so when a Stability AI model declines (its content filter)', async () => {
    app.fake.reset();
    const prompt = page.getByRole('textbox', { name: /^Prompt/ });
    const before = await prompt.inputValue();
    await prompt.fill('A lighthouse [[filter:prompt]]');
    await page.getByRole('button', { name: /Generate 1 image/ }).click();
    const alert = page.getByRole('alert').filter({ hasText: 'declined to make this image' });
    await alert.waitFor();
    expect(await alert.innerText()).toMatch(/Rephrase the prompt/);
    await prompt.fill(before);
    app.fake.reset();
  });

  it('still offers Nova Canvas with a size, quality and cfgScale', async () => {
    const form = page.locator('.form-grid').first();
    await form.getByLabel('Model', { exact: true }).selectOption('amazon.nova-canvas-v1:0');
    await form.getByLabel('Size').waitFor();
    expect(await form.getByLabel(/^Aspect ratio/).count()).toBe(0);
    await page.getByRole('button', { name: /Generate 1 image/ }).click();
    await page.getByTestId('latest-images').getByRole('img').waitFor();
    const call = app.fake.modelCalls().at(-1);
    expect(call).toMatchObject({
      modelId: 'amazon.nova-canvas-v1:0',
      body: {
        taskType: 'TEXT_IMAGE',
        imageGenerationConfig: { width: 512, height: 512, numberOfImages: 1 },
      },
    });
  });

  it('names every control, on every tab (no icon-only button without a name)', async () => {
    for (const tab of await page.getByRole('tab').all()) {
      await tab.click();
      expect(await unnamedControls(page)).toEqual([]);
    }
  });

  it('warns about each image model from the catalog lifecycle (Titan v2 and Nova Canvas)', async () => {
    const form = page.locator('.form-grid').first();
    const picker = form.getByLabel('Model', { exact: true });
    const note = form.getByTestId('lifecycle-note');
    const options = await picker.locator('option').allInnerTexts();
    expect(options.slice(0, 3).every((o) => o.endsWith('(Active)'))).toBe(true);
    expect(options).toContain('Amazon Nova Canvas (Legacy: new customers cannot use it)');
    await picker.selectOption('amazon.titan-image-generator-v2:0');
    await expect.poll(() => note.getAttribute('data-lifecycle')).toBe('end-of-life');
    expect(await note.innerText()).toMatch(/Titan Image Generator.*likely to fail/);
    await picker.selectOption('amazon.nova-canvas-v1:0');
    await expect.poll(() => note.getAttribute('data-lifecycle')).toBe('legacy');
    expect(await note.innerText()).toMatch(/Only existing customers can call Amazon Nova Canvas/);
    await picker.selectOption('stability.sd3-5-large-v1:0');
    await expect.poll(() => note.count()).toBe(0);
  });

  it('asks a vision model about the apples picture', async () => {
    app.fake.setBehavior({ kind: 'reply', text: 'There are 3 apples.' });
    await page.getByRole('button', { name: 'Ask' }).click();
    await page.getByTestId('describe-answer').filter({ hasText: 'There are 3 apples.' }).waitFor();
    const call = app.fake.modelCalls().find((c) => c.operation === 'converse');
    expect(JSON.stringify(call?.body)).toContain('"format":"png"');
    await page.screenshot({ path: `${SCREENS}/diffusion-bedrock-light.png` });
  });

  it('explains a failure and keeps the gallery', async () => {
    app.fake.setBehavior({ kind: 'accessDenied' });
    await page.getByRole('button', { name: /Generate 1 image/ }).click();
    await page.getByRole('alert').filter({ hasText: 'Access denied' }).waitFor();
    expect(await page.getByTestId('gallery').getByRole('img').count()).toBeGreaterThan(0);
    app.fake.reset();
  });
});

describe('dark theme', () => {
  it('renders the lab in dark', async () => {
    const dark = await (
      await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 1000 } })
    ).newPage();
    await dark.goto(`${app.server.url}#/diffusion-lab`);
    await dark.getByRole('heading', { level: 1, name: 'Diffusion lab' }).waitFor();
    await dark.screenshot({ path: `${SCREENS}/diffusion-forward-dark.png` });
    await expectSoundLayout(dark, 'Diffusion lab / Forward / dark');
    await dark.getByRole('tab', { name: 'Removing noise' }).click();
    await dark.getByRole('button', { name: 'Generate' }).click();
    await dark.getByRole('button', { name: 'Pause' }).click();
    await dark.getByRole('button', { name: 'Step' }).click();
    await dark.screenshot({ path: `${SCREENS}/diffusion-reverse-dark.png` });
    await expectSoundLayout(dark, 'Diffusion lab / Reverse / dark');
    await dark.context().close();
  });
});
