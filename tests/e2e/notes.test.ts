/** Notes, search and reading progress in Chromium (browser mode). */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';
import { loadCorpus } from '../support/corpus';

const SCREENS = 'test-results/screens';
const corpus = loadCorpus();
const title = (id: string) => corpus.noteById.get(id)!.title;

let app: RunningApp;
let browser: Browser;
let page: Page;

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({ heading: null, viewport: { width: 1400, height: 900 } });
  ({ app, browser, page } = opened);
});
afterAll(() => opened?.close());

describe('the notes reader', () => {
  it('opens a note from the sidebar tree', async () => {
    await page
      .getByRole('navigation', { name: 'Main' })
      .getByRole('link', { name: /Notes/ })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    const tree = page.getByRole('navigation', { name: 'Notes by exam domain' });
    await tree.getByRole('link', { name: title('genai-building-blocks') }).click();
    await page.getByRole('heading', { level: 1, name: title('genai-building-blocks') }).waitFor();
    // Tables, callouts and the table of contents render.
    expect(
      await page.locator('.prose aside.callout-tip .callout-title').first().innerText(),
    ).toMatch(/exam tip/i);
    expect(
      await page.getByRole('navigation', { name: 'On this page' }).getByRole('link').count(),
    ).toBeGreaterThan(1);
    await page.screenshot({ path: `${SCREENS}/note-light.png` });
  });

  it('marks the section being read in "On this page"', async () => {
    const toc = page.getByRole('navigation', { name: 'On this page' });
    const current = toc.locator('a[aria-current="true"]');
    await expect.poll(() => current.count()).toBe(1);
    const third = corpus.noteById.get('genai-building-blocks')!.headings[2]!;
    await toc.getByRole('link', { name: third.text, exact: true }).click();
    await expect.poll(() => current.innerText()).toBe(third.text);
    await page.screenshot({ path: `${SCREENS}/note-toc-light.png` });
    // A jump (no smooth scroll through the headings in between) still moves the mark.
    const fourth = corpus.noteById.get('genai-building-blocks')!.headings[3]!;
    await page.evaluate((id) => document.getElementById(id)?.scrollIntoView(), fourth.slug);
    await expect.poll(() => current.innerText()).toBe(fourth.text);
    await page.evaluate(() => document.querySelector('.content')?.scrollTo({ top: 0 }));
    const first = corpus.noteById.get('genai-building-blocks')!.headings[0]!;
    await expect.poll(() => current.innerText()).toBe(first.text);
  });

  it('moves to the next note with ] and back with [', async () => {
    const index = corpus.notes.findIndex((n) => n.id === 'genai-building-blocks');
    await page.locator('body').press(']');
    await page.getByRole('heading', { level: 1, name: corpus.notes[index + 1]!.title }).waitFor();
    await page.locator('body').press('[');
    await page.getByRole('heading', { level: 1, name: title('genai-building-blocks') }).waitFor();
  });

  it('searches with Ctrl+K and lands in the right note', async () => {
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox');
    await input.waitFor();
    await input.fill('provisioned throughput');
    const first = page.getByRole('option').first();
    await first.waitFor();
    expect(await first.locator('mark').count()).toBeGreaterThan(0);
    await page.screenshot({ path: `${SCREENS}/search-light.png` });
    await input.press('Enter');
    await page.getByRole('heading', { level: 1, name: title('bedrock-pricing') }).waitFor();
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('says plainly when nothing matches and offers the nearest terms', async () => {
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox');
    await input.fill('kubernetes helm chart');
    const dialog = page.getByRole('dialog', { name: 'Search notes and glossary' });
    await dialog.getByRole('status').filter({ hasText: 'No notes or terms match' }).waitFor();
    expect(await dialog.getByRole('status').innerText()).toBe(
      'No notes or terms match “kubernetes helm chart”.',
    );
    expect(await page.getByRole('option').count()).toBe(0);
    await input.fill('finetuning');
    const nearest = dialog.getByRole('group', { name: 'Nearest terms' });
    await nearest.getByRole('button', { name: 'fine-tuning' }).waitFor();
    await page.screenshot({ path: `${SCREENS}/search-nothing-light.png` });
    // Tab reaches the suggestion; Enter on it searches for the term.
    await input.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('fine-tuning');
    await page.keyboard.press('Enter');
    expect(await input.inputValue()).toBe('fine-tuning');
    await page.getByRole('option').first().waitFor();
    // A glossary hit shows the first sentence of its definition.
    await input.fill('ROUGE');
    const term = corpus.glossary.find((g) => g.term === 'ROUGE')!;
    const firstSentence = /^(.+?[.!?])(?:\s|$)/.exec(term.definition)![1]!;
    const termHit = page.getByRole('option').filter({ hasText: 'Term' }).first();
    expect(await termHit.locator('.hit-snippet').innerText()).toBe(firstSentence);
    await page.keyboard.press('Escape');
    expect(await page.getByRole('dialog').count()).toBe(0);
  });

  it('marks a note read, and the progress survives a reload', async () => {
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByRole('button', { name: /Read/, pressed: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: title('bedrock-pricing') }).waitFor();
    await page.getByRole('button', { name: /Read/, pressed: true }).waitFor();
    await page.keyboard.press('Control+1');
    const domain = corpus.noteById.get('bedrock-pricing')!.domain;
    const inDomain = corpus.notes.filter((n) => n.domain === domain).length;
    await expect
      .poll(() => page.getByTestId(`domain-progress-${domain}`).innerText())
      .toContain(`1/${inDomain}`);
    expect(await page.getByTestId('reading-total').innerText()).toBe(
      `1 of ${corpus.notes.length} notes read.`,
    );
    await page.screenshot({ path: `${SCREENS}/home-progress-light.png`, fullPage: true });
    // "Continue reading" skips the note just marked read for the latest one still unread.
    await page.keyboard.press('Control+2');
    const resume = page.getByTestId('resume');
    await resume.waitFor();
    // Shown only once the reading progress is read (no "Start here" flash before it).
    expect(await resume.innerText()).toContain(title('genai-building-blocks'));
    expect(await resume.innerText()).not.toContain(title('bedrock-pricing'));
    await page.getByRole('heading', { level: 2, name: 'Continue reading' }).waitFor();
    await page.screenshot({ path: `${SCREENS}/notes-home-light.png` });
  });

  it('bookmarks a note and lists it on the notes page', async () => {
    await page.goto(`${app.server.url}#/notes/rag-and-knowledge-bases`);
    await page.getByRole('button', { name: '☆ Bookmark' }).click();
    await page.getByRole('button', { name: '★ Bookmarked' }).waitFor();
    await page.goto(`${app.server.url}#/notes`);
    const bookmarks = page.locator('section', {
      has: page.getByRole('heading', { name: 'Bookmarks' }),
    });
    await bookmarks.getByRole('link', { name: title('rag-and-knowledge-bases') }).waitFor();
  });

  it('shows the glossary and links each term to its note', async () => {
    await page.keyboard.press('Control+3');
    await page.getByRole('heading', { level: 1, name: 'Glossary' }).waitFor();
    await page.getByLabel('Filter').fill('ROUGE');
    const term = corpus.glossary.find((g) => g.term.toUpperCase().startsWith('ROUGE'))!;
    const entry = page.locator(`#term-${term.slug}`);
    await entry.waitFor();
    await page.screenshot({ path: `${SCREENS}/glossary-light.png` });
    await entry.getByRole('link').click();
    await page.getByRole('heading', { level: 1, name: title(term.note) }).waitFor();
  });

  it('opens a note at a passage (?passage=start-end), marked and scrolled into view', async () => {
    const note = corpus.noteById.get('vector-stores')!;
    const words = 'S3 Vectors';
    const start = note.body.lastIndexOf(words);
    const end = start + words.length;
    await page.goto(`${app.server.url}?passage=${start}-${end}#/notes/vector-stores`);
    await page.getByRole('heading', { level: 1, name: title('vector-stores') }).waitFor();
    const mark = page.locator('mark.passage-target');
    await mark.first().waitFor();
    expect((await mark.allInnerTexts()).join('')).toBe(words);
    await page.waitForFunction(() => {
      const r = document.querySelector('mark.passage-target')!.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    // The range belonged to this visit: the address drops it, and other notes mark nothing.
    expect(new URL(page.url()).search).toBe('');
    await page.keyboard.press(']');
    await page
      .getByRole('heading', { level: 1 })
      .filter({ hasNotText: title('vector-stores') })
      .waitFor();
    expect(await page.locator('mark.passage-target').count()).toBe(0);
  });

  it('says so when a note does not exist', async () => {
    await page.goto(`${app.server.url}#/notes/no-such-note`);
    await page.getByRole('heading', { level: 1, name: 'Note not found' }).waitFor();
  });

  it('lists About the exam first, opens it, and finds it by search', async () => {
    await page.goto(`${app.server.url}#/notes`);
    const tree = page.getByRole('navigation', { name: 'Notes by exam domain' });
    const first = tree.getByRole('link').first();
    expect(await first.innerText()).toContain(title('about-the-exam'));
    await first.click();
    await page.getByRole('heading', { level: 1, name: title('about-the-exam') }).waitFor();
    expect(await page.locator('.notes-layout .breadcrumb').innerText()).toMatch(/whole exam/i);
    await page.getByRole('heading', { level: 3, name: 'Case study' }).waitFor();
    await page.screenshot({ path: `${SCREENS}/about-the-exam-light.png`, fullPage: true });
    await expectSoundLayout(page, 'Notes / About the exam / light');
    await page.keyboard.press('Control+k');
    const input = page.getByRole('combobox');
    await input.fill('passing score unscored questions');
    // The note is among the results (a glossary term may come first).
    await page
      .getByRole('option')
      .filter({ hasText: title('about-the-exam') })
      .first()
      .waitFor();
    await page.keyboard.press('Escape');
  });
});

describe('dark theme', () => {
  it('renders a note and the palette in dark', async () => {
    const dark = await (
      await browser.newContext({ colorScheme: 'dark', viewport: { width: 1400, height: 900 } })
    ).newPage();
    await dark.goto(`${app.server.url}#/notes/inference-parameters`);
    await dark.getByRole('heading', { level: 1, name: title('inference-parameters') }).waitFor();
    await dark.screenshot({ path: `${SCREENS}/note-dark.png` });
    // "Try it:" stays on one line beside its lab button.
    const label = await dark.locator('.try-it > strong').boundingBox();
    expect(label!.height).toBeLessThan(30);
    await dark.locator('.try-it').screenshot({ path: `${SCREENS}/note-try-it-dark.png` });
    await dark.goto(`${app.server.url}#/notes`);
    await dark.getByRole('heading', { level: 2, name: 'Continue reading' }).waitFor();
    expect(await dark.getByTestId('resume').innerText()).toContain(title('inference-parameters'));
    await dark.screenshot({ path: `${SCREENS}/notes-home-dark.png` });
    await dark.goto(`${app.server.url}#/notes/about-the-exam`);
    await dark.getByRole('heading', { level: 1, name: title('about-the-exam') }).waitFor();
    await dark.screenshot({ path: `${SCREENS}/about-the-exam-dark.png` });
    await expectSoundLayout(dark, 'Notes / About the exam / dark');
    await dark.goto(`${app.server.url}#/notes/inference-parameters`);
    await dark.getByRole('heading', { level: 1, name: title('inference-parameters') }).waitFor();
    await expectSoundLayout(dark, 'Notes / a note / dark');
    await dark.keyboard.press('Control+k');
    await dark.getByRole('combobox').fill('temperature');
    await dark.getByRole('option').first().waitFor();
    await dark.screenshot({ path: `${SCREENS}/search-dark.png` });
    await dark.getByRole('combobox').fill('finetuning');
    await dark.getByRole('button', { name: 'fine-tuning' }).waitFor();
    await dark.screenshot({ path: `${SCREENS}/search-nothing-dark.png` });
    await expectSoundLayout(dark, 'Notes / search palette / dark');
    await dark.context().close();
  });
});
