/**
 * The knowledge bases lab's grounded answer in Chromium against the fake Bedrock: retrieve chunks
 * of the notes (with scores), stream a cited answer, open a citation at its passage, answer the
 * same question without retrieval beside it, and flag a citation to a source that was not given.
 * Screenshots in light and dark at 1280x800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };
const QUESTION = 'How does a knowledge base split documents into chunks before embedding them?';
const GROUNDED =
  'A knowledge base splits each document into chunks [1] and embeds every chunk as a vector [2][3].';
const UNGROUNDED = 'From memory: knowledge bases are a kind of database [1].';
const MADE_UP = 'Chunks are embedded [1] and kept for ever [9].';

let opened: OpenedApp | undefined;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    path: '#/knowledge-bases',
    heading: 'Knowledge bases lab',
    tab: 'Grounded answer',
    viewport: VIEWPORT,
  });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

async function ask(p: Page, reply: string) {
  app.fake.setBehavior({ kind: 'reply', text: reply, deltaDelayMs: 5 });
  await p.getByLabel('Question').fill(QUESTION);
  await p.getByRole('button', { name: 'Retrieve and answer' }).click();
  const grounded = p.getByTestId('grounded-answer');
  await grounded.getByTestId('citation-summary').waitFor();
  return grounded;
}

describe('the notes indexed against the fake', () => {
  it('builds a vector index on the Embeddings tab', async () => {
    await openTab(page, 'Embeddings');
    await page.getByRole('button', { name: /^Build index of/ }).click();
    await page
      .getByTestId('kb-progress')
      .filter({ hasText: /^Done:/ })
      .waitFor({ timeout: 90_000 });
    await openTab(page, 'Grounded answer');
  }, 120_000);
});

describe('a grounded answer over the notes', () => {
  it('retrieves chunks with scores and streams an answer citing them', async () => {
    await page.getByLabel('Retrieval', { exact: true }).selectOption('hybrid');
    await page.getByLabel('Results to retrieve (k)').fill('5');
    const grounded = await ask(page, GROUNDED);
    const sources = page
      .getByRole('list', { name: 'Retrieved sources' })
      .getByTestId('source-card');
    expect(await sources.count()).toBe(5);
    expect(await sources.first().innerText()).toMatch(/RRF 0\.\d{4}/);
    await page.getByLabel('Retrieval', { exact: true }).selectOption('lexical');
    expect(await grounded.innerText()).toContain('splits each document into chunks');
    for (const n of [1, 2, 3])
      expect(await grounded.getByRole('link', { name: new RegExp(`^Source ${n}: `) }).count()).toBe(
        1,
      );
    expect(await grounded.getByTestId('citation-summary').innerText()).toMatch(
      /Cites 3 sources of 5: \[1\] \[2\] \[3\]/,
    );
    expect(await grounded.innerText()).toMatch(/tokens in · \d+ out/);
    expect(await grounded.innerText()).toMatch(/cost \$/);
    // The prompt as sent holds the numbered sources.
    await page.getByText('The system prompt as sent').click();
    expect(await page.locator('.prompt-preview pre').innerText()).toMatch(/^\[1\] \(/m);
  });

  it('answers the same question without retrieval, side by side', async () => {
    app.fake.setBehavior({ kind: 'reply', text: UNGROUNDED, deltaDelayMs: 5 });
    await page.getByRole('button', { name: 'Answer without retrieval' }).click();
    const ungrounded = page.getByTestId('ungrounded-answer');
    await ungrounded.getByTestId('citation-summary').waitFor();
    expect(await ungrounded.innerText()).toContain('kind of database');
    // With no sources given, its [1] names nothing: flagged, not linked.
    expect(await ungrounded.getByRole('link').count()).toBe(0);
    expect(await ungrounded.getByTestId('citation-unknown').count()).toBe(1);
    const grounded = await page.getByTestId('grounded-answer').boundingBox();
    const beside = await ungrounded.boundingBox();
    expect(beside!.x).toBeGreaterThan(grounded!.x + grounded!.width - 1);
    expect(Math.abs(beside!.y - grounded!.y)).toBeLessThan(2);
    await page.getByTestId('grounded-answer').scrollIntoViewIfNeeded();
    await expectSoundLayout(page, 'Grounded answer / light');
    await page.screenshot({ path: `${SCREENS}/kb-answer-light.png` });
  });

  it('flags a citation to a source that was not retrieved ([9] of 5)', async () => {
    const grounded = await ask(page, MADE_UP);
    const flagged = grounded.getByTestId('citation-unknown');
    expect(await flagged.count()).toBe(1);
    expect(await flagged.innerText()).toMatch(/^9/);
    expect(await grounded.getByRole('link', { name: /^Source 9/ }).count()).toBe(0);
    expect(await grounded.getByTestId('citation-summary').innerText()).toMatch(
      /\[9\] names no source/,
    );
    await page.screenshot({ path: `${SCREENS}/kb-answer-flagged-light.png` });
  });

  it('opens a citation at its passage in the note, highlighted', async () => {
    const grounded = await ask(page, GROUNDED);
    const link = grounded.getByRole('link', { name: /^Source 1: / });
    const title = (await link.getAttribute('aria-label'))!.replace(/^Source 1: /, '');
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    const mark = page.locator('mark.passage-target').first();
    await mark.waitFor();
    await page.waitForFunction(() => {
      const m = document.querySelector('mark.passage-target');
      if (!m) return false;
      const r = m.getBoundingClientRect();
      return r.top >= 0 && r.bottom <= window.innerHeight;
    });
    expect(await page.locator('mark.passage-target').count()).toBeGreaterThan(0);
    // The address no longer carries the passage (it belonged to that one visit).
    expect(new URL(page.url()).search).toBe('');
    await page.screenshot({ path: `${SCREENS}/kb-answer-citation-note-light.png` });
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Knowledge bases lab' }).waitFor();
  });

  it('looks right in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/knowledge-bases',
      heading: 'Knowledge bases lab',
      tab: 'Grounded answer',
      colorScheme: 'dark',
      viewport: VIEWPORT,
    });
    await ask(dark, MADE_UP);
    app.fake.setBehavior({ kind: 'reply', text: UNGROUNDED, deltaDelayMs: 5 });
    await dark.getByRole('button', { name: 'Answer without retrieval' }).click();
    await dark.getByTestId('ungrounded-answer').getByTestId('citation-summary').waitFor();
    await dark.getByTestId('grounded-answer').scrollIntoViewIfNeeded();
    await expectSoundLayout(dark, 'Grounded answer / dark');
    await dark.screenshot({ path: `${SCREENS}/kb-answer-dark.png` });
  });
});

describe('retrieval quality', () => {
  it('computes lexical figures offline, then vector, hybrid and reranked on demand', async () => {
    await openTab(page, 'Retrieval quality');
    const table = page.locator('.quality-table');
    await table.waitFor();
    await page.waitForFunction(
      () => !document.querySelector('.quality-table')?.textContent?.includes('computing'),
      undefined,
      { timeout: 60_000 },
    );
    expect(await table.locator('tbody th').count()).toBe(4);
    expect(await table.innerText()).toMatch(/Lexical \(BM25\)\s+\d+\.\d%\s+\d+\.\d%\s+0\.\d{3}/);
    const plan = page.getByTestId('live-plan');
    await page.getByLabel('Rerank model').selectOption('cohere.rerank-v3-5:0');
    expect(await plan.innerText()).toMatch(
      /Embeds \d+ questions \(about [\d,]+ tokens\).*about \$/,
    );
    expect(await plan.innerText()).toMatch(/Reranks [\d,]+ queries/);
    await page.getByRole('button', { name: /^Run on \d+ questions/ }).click();
    await page.getByTestId('live-done').waitFor({ timeout: 90_000 });
    // The embedding cost is counted from what main sent, after the run.
    expect(await page.getByTestId('live-done').innerText()).toMatch(
      /Embedding the questions cost \$[\d.]+ as main/,
    );
    const fixed = await table
      .locator('tbody tr')
      .filter({ hasText: /Reranked/ })
      .first()
      .innerText();
    expect(fixed).toMatch(/\d+\.\d%/);
    expect(await page.locator('.quality-chart rect.bar-reranked').count()).toBeGreaterThan(1);
    await expectSoundLayout(page, 'Retrieval quality / light');
    await page.locator('.quality-chart').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/kb-quality-light.png` });
  }, 150_000);

  it('looks right in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/knowledge-bases',
      heading: 'Knowledge bases lab',
      tab: 'Retrieval quality',
      colorScheme: 'dark',
      viewport: VIEWPORT,
    });
    await dark.waitForFunction(
      () => !document.querySelector('.quality-table')?.textContent?.includes('computing'),
      undefined,
      { timeout: 60_000 },
    );
    await expectSoundLayout(dark, 'Retrieval quality / dark');
    await dark.locator('.quality-chart').scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/kb-quality-dark.png` });
  }, 90_000);
});
