/**
 * The focus after an action, walked with the keyboard in Chromium. The button pressed is often
 * disabled while busy (or unmounts), and the browser would drop the focus to <body>; after each
 * action here the focus is somewhere useful (the results region, or the control that comes back),
 * and never taken from a control the learner focused meanwhile. Results taller than the view are
 * scrolled to their top. Also the spaced-review rating bar after a wrong answer and the report
 * form's focus and Escape. Each test presses Enter on a focused button, as a keyboard user does,
 * and waits for state (never a fixed sleep). Screenshots of a focused result in light and dark.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';

const SCREENS = 'test-results/screens';

let opened: OpenedApp | undefined;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1280, height: 800 } });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

async function go(p: Page, path: string, heading: string, tab?: string | RegExp) {
  await p.goto(`${app.server.url}#${path}`);
  await p.getByRole('heading', { level: 1, name: heading }).waitFor();
  if (tab !== undefined) await openTab(p, tab);
}

/** Enter on the focused button, as from the keyboard. */
async function press(button: Locator) {
  await button.focus();
  await button.page().keyboard.press('Enter');
}

/** Where the focus is: 'BODY' when the browser dropped it, else the element and its name. */
function focusedAt(p: Page = page): Promise<string> {
  return p.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'BODY';
    const name = el.getAttribute('aria-label') ?? el.innerText.trim().split('\n')[0] ?? '';
    return `${el.tagName} ${name.slice(0, 60)}`;
  });
}

/** The region's top relative to the scrolling content area's top, in pixels. */
function topInView(region: Locator): Promise<number> {
  return region.evaluate((el) => {
    const view = document.querySelector('.content')!.getBoundingClientRect();
    return Math.round(el.getBoundingClientRect().top - view.top);
  });
}

describe('the focus after an action', () => {
  it('Settings: Test connection keeps the focus on its button', async () => {
    await go(page, '/settings', 'Settings');
    await press(page.getByRole('button', { name: 'Test connection' }));
    await expect
      .poll(() => page.getByTestId('connection-result').textContent())
      .toMatch(/Connected/);
    await expect.poll(() => focusedAt()).toBe('BUTTON Test connection');
  });

  it('Quick practice: See results focuses the result', async () => {
    await go(page, '/practice', 'Practice', 'Quick practice');
    await page.getByLabel('Type').selectOption('single');
    await page.getByLabel('Questions', { exact: true }).fill('1');
    await press(page.getByRole('button', { name: 'Start 1 question', exact: true }));
    await page.getByRole('heading', { level: 2, name: 'Question 1 of 1' }).waitFor();
    await page.getByRole('radio').first().focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page.getByTestId('quiz-feedback').waitFor();
    await press(page.getByRole('button', { name: 'See results' }));
    await page.getByTestId('quiz-score').waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Practice result');
  });

  it('Diffusion: Generate focuses the denoising steps', async () => {
    await go(page, '/diffusion-lab', 'Diffusion lab', 'Removing noise');
    await press(page.getByRole('button', { name: 'Generate' }));
    await page.getByRole('button', { name: 'Skip to end' }).waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Denoising steps');
  });

  it('Diffusion: Generate 1 image focuses the new images, unless the learner focused a field', async () => {
    app.fake.reset();
    await go(page, '/diffusion-lab', 'Diffusion lab', /Bedrock/);
    await press(page.getByRole('button', { name: /Generate 1 image/ }));
    const images = page.getByTestId('latest-images').getByRole('img');
    await images.first().waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION New images');
    // While the next one is on its way the learner moves to the prompt: the focus stays there.
    app.fake.setBehavior({ kind: 'delay', ms: 1500 });
    await press(page.getByRole('button', { name: /Generate 1 image/ }));
    const prompt = page.getByLabel(/^Prompt/).first();
    await prompt.focus();
    await expect.poll(() => app.fake.modelCalls().length, { timeout: 15_000 }).toBe(2);
    await expect
      .poll(() => page.getByRole('button', { name: /Generate 1 image/ }).isEnabled())
      .toBe(true);
    expect(await prompt.evaluate((el) => el === document.activeElement)).toBe(true);
    app.fake.reset();
  });

  it('Agent: Run the agent focuses the timeline and shows its first step', async () => {
    await go(page, '/guardrails', 'Guardrails and agents lab', 'Agent, step by step');
    app.fake.reset();
    app.fake.enqueue(
      {
        kind: 'turn',
        text: 'I will do the sum.',
        toolUses: [{ name: 'calculator', input: { expression: '6 * 7' } }],
      },
      { kind: 'turn', text: '6 * 7 = 42.' },
    );
    await page.getByLabel('Question').fill('What is 6 * 7?');
    await press(page.getByRole('button', { name: 'Run the agent' }));
    const timeline = page.getByRole('region', { name: 'Agent timeline' });
    await timeline.getByRole('heading', { name: 'Final answer' }).waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Agent timeline');
    // Step 1 is in view with room under it, not at the bottom edge.
    const step1 = timeline.getByRole('heading', { name: /^Step 1/ }).first();
    await expect.poll(() => topInView(step1)).toBeLessThan(200);
  });

  it('Guardrails: Apply guardrail focuses the result', async () => {
    app.fake.reset();
    await go(page, '/guardrails', 'Guardrails and agents lab', 'Guardrail builder');
    await page.getByLabel('Name', { exact: true }).fill('focus-check');
    await page.getByRole('button', { name: 'Create guardrail' }).click();
    await page.getByText(/Created focus-check/).waitFor();
    await openTab(page, 'Test bench');
    await page.getByLabel('Text to check').fill('Mail jane.doe@example.com please.');
    await press(page.getByRole('button', { name: 'Apply guardrail' }));
    await page.getByTestId('guardrail-output').waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Guardrail result');
  });

  it('Customization: Build from the question bank focuses the dataset check', async () => {
    await go(page, '/customization', 'Customization lab');
    await page.getByLabel('Model', { exact: true }).first().selectOption('nova-micro');
    await page.getByLabel('Questions from the bank').fill('12');
    await press(page.getByRole('button', { name: 'Build from the question bank' }));
    await page.getByText('All 12 records pass the checks.').waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Dataset check');
  });

  it('Evaluation: Run focuses the results, scrolled to their top (they are taller than the view)', async () => {
    app.fake.reset();
    await go(page, '/evaluation', 'Evaluation lab', 'Runs and metrics');
    await page.getByLabel('Dataset', { exact: true }).selectOption('builtin:summarisation');
    await page.getByLabel('Items (a seeded sample; 0 for all)').fill('4');
    await press(page.getByRole('button', { name: /^Run \d+ calls?$/ }));
    await page.getByText(/^Complete: \d+ responses?\./).waitFor({ timeout: 60_000 });
    const results = page.getByRole('region', { name: 'Run results' });
    await results.locator('.eval-summary-table').waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Run results');
    expect(await results.evaluate((el) => el.getBoundingClientRect().height)).toBeGreaterThan(800);
    // Its heading at the top of the view (16 px of scroll margin), not its last row at the bottom.
    await expect.poll(() => topInView(results)).toBe(16);
    await page.screenshot({ path: `${SCREENS}/focus-eval-results-light.png` });
  });
});

describe('dark theme', () => {
  it('shows the focused results region with the focus ring in dark', async () => {
    const dark = await opened!.newPage({
      colorScheme: 'dark',
      viewport: { width: 1280, height: 800 },
    });
    await go(dark, '/guardrails', 'Guardrails and agents lab', 'Agent, step by step');
    app.fake.reset();
    app.fake.enqueue({ kind: 'turn', text: 'An agent trace lists each step.' });
    await dark.getByLabel('Question').fill('What is an agent trace?');
    await press(dark.getByRole('button', { name: 'Run the agent' }));
    const timeline = dark.getByRole('region', { name: 'Agent timeline' });
    await timeline.getByRole('heading', { name: 'Final answer' }).waitFor();
    await expect.poll(() => focusedAt(dark)).toBe('SECTION Agent timeline');
    const ring = await timeline.evaluate((el) => getComputedStyle(el).outlineStyle);
    expect(ring).toBe('solid');
    await dark.screenshot({ path: `${SCREENS}/focus-agent-dark.png` });
    await dark.context().close();
  });
});

/** The starter bank's questions, from the content files. */
function bank(): {
  stem: string;
  type: string;
  answer: unknown;
  options?: { id: string; text: string }[];
}[] {
  const dir = resolve(import.meta.dirname, '../../content/questions');
  return readdirSync(dir)
    .filter((f) => f.endsWith('.json'))
    .flatMap((f) => JSON.parse(readFileSync(join(dir, f), 'utf8')) as ReturnType<typeof bank>);
}

describe('spaced review', () => {
  it('after a wrong answer only Again is offered: Hard, Good and Easy say why; End review focuses the result', async () => {
    await go(page, '/practice', 'Practice', 'Spaced review');
    await press(page.getByRole('button', { name: /^Start review/ }));
    await page.getByRole('heading', { name: 'Review 1 of 20' }).waitFor();
    // The first new question is single choice: choose an option the bank marks wrong.
    const stem = await page.locator('.quiz .stem').innerText();
    const q = bank().find((x) => x.stem === stem);
    expect(q?.type).toBe('single');
    const wrong = q!.options!.find((o) => o.id !== q!.answer)!;
    await page.getByRole('radio', { name: wrong.text }).focus();
    await page.keyboard.press('Space');
    await page.keyboard.press('Enter');
    await page
      .getByTestId('review-feedback')
      .filter({ hasText: /^Not quite/ })
      .waitFor();
    const bar = page.getByRole('group', { name: 'Rate your answer' });
    for (const name of [/Hard/, /Good/, /Easy/]) {
      const button = bar.getByRole('button', { name });
      expect(await button.getAttribute('aria-disabled')).toBe('true');
      expect(await button.evaluate((el) => el.getAttribute('aria-describedby') !== null)).toBe(
        true,
      );
    }
    expect(await bar.getByRole('button', { name: /Again/ }).getAttribute('aria-disabled')).toBe(
      null,
    );
    expect(await page.getByTestId('rating-reason').innerText()).toMatch(
      /^A wrong answer is rated Again\./,
    );
    await page.getByText(/^Key 1 rates it/).waitFor();
    await page.screenshot({ path: `${SCREENS}/focus-review-wrong-light.png` });
    // 3, and Enter on Good, do nothing; 1 rates Again.
    await page.keyboard.press('3');
    await press(bar.getByRole('button', { name: /Good/ }));
    expect(await page.getByRole('heading', { name: 'Review 1 of 20' }).count()).toBe(1);
    await page.keyboard.press('1');
    // Again brings the question back within the session.
    await page.getByRole('heading', { name: 'Review 2 of 21' }).waitFor();
    await press(page.getByRole('button', { name: 'End review' }));
    await page.getByTestId('review-summary').waitFor();
    await expect.poll(() => focusedAt()).toBe('SECTION Review result');
  });
});

describe('My questions: the report form', () => {
  it('takes the focus, closes on Escape back to Report, and saves a report', async () => {
    await go(page, '/practice', 'Practice', 'My questions');
    const item = page.getByTestId('manage-item').first();
    await press(item.getByRole('button', { name: 'Report' }));
    await expect.poll(() => focusedAt()).toMatch(/^SELECT /);
    await page.keyboard.press('Escape');
    await item.getByRole('form').waitFor({ state: 'detached' });
    await expect.poll(() => focusedAt()).toBe('BUTTON Report');
    await page.keyboard.press('Enter');
    await expect.poll(() => focusedAt()).toMatch(/^SELECT /);
    await press(item.getByRole('button', { name: 'Save report' }));
    await item.getByText('Reported').waitFor();
    await expect.poll(() => focusedAt()).toBe('BUTTON Report');
  });
});
