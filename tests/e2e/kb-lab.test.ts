/**
 * The knowledge bases lab's first three tabs in Chromium against the fake Bedrock: the chunking
 * view follows the strategy; the notes are indexed with exact progress and the index is still
 * there after a reload; a question shows vector, lexical and hybrid columns with scores; a throttled
 * embedding mid-index keeps the finished chunks and Resume sends only the rest; an empty and a
 * 1,001-character question are refused. Screenshots of the three tabs in light and dark at
 * 1280x800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };
const QUESTION = 'Which vector stores can a knowledge base keep its embeddings in?';

let opened: OpenedApp | undefined;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    path: '#/knowledge-bases',
    heading: 'Knowledge bases lab',
    tab: 'Chunking',
    viewport: VIEWPORT,
  });
  ({ app, page } = opened);
}, 60_000);
afterAll(() => opened?.close());

const count = async (p: Page, id: string) =>
  Number((await p.getByTestId(id).innerText()).replace(/,/g, ''));

async function screenshotBoth(p: Page, name: string, what: string) {
  await p.screenshot({ path: `${SCREENS}/kb-lab-${name}-light.png` });
  await expectSoundLayout(p, `Knowledge bases lab / ${what} / light`);
  await p.emulateMedia({ colorScheme: 'dark' });
  await p.screenshot({ path: `${SCREENS}/kb-lab-${name}-dark.png` });
  await expectSoundLayout(p, `Knowledge bases lab / ${what} / dark`);
  await p.emulateMedia({ colorScheme: 'light' });
}

/** Waits until the progress line says the run finished, and returns it. */
async function runEnds(p: Page, pattern: RegExp) {
  const progress = p.getByTestId('kb-progress');
  await p.waitForFunction(
    ([source, flags]) =>
      new RegExp(source!, flags).test(
        document.querySelector('[data-testid="kb-progress"]')?.textContent ?? '',
      ),
    [pattern.source, pattern.flags],
    { timeout: 60_000 },
  );
  return progress.innerText();
}

describe('chunking', () => {
  it('shows the chunks of the strategy chosen, and changes with it', async () => {
    const fixed = await count(page, 'kb-chunk-count');
    expect(fixed).toBeGreaterThan(100);
    await page.getByLabel('Strategy', { exact: true }).selectOption('NONE');
    expect(await count(page, 'kb-chunk-count')).toBe(40);
    await page.getByLabel('Strategy', { exact: true }).selectOption('FIXED_SIZE');
    await page.getByLabel('Max chunk size (tokens)', { exact: true }).fill('150');
    await page.waitForFunction(
      (before) =>
        Number(
          document.querySelector('[data-testid="kb-chunk-count"]')?.textContent?.replace(/,/g, ''),
        ) > before,
      fixed,
    );
    // Overlap is marked in the note's text, and each chunk's start is labelled.
    expect(await page.locator('.kb-chunked-text mark.kb-overlap').count()).toBeGreaterThan(0);
    expect(await page.locator('.kb-chunked-text .kb-chunk-label').first().innerText()).toMatch(
      /^#1 · \d+ tok$/,
    );
    await page.locator('.kb-chunked-text mark.kb-overlap').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/kb-lab-chunking-overlap-light.png` });
    // An impossible hierarchical setting is explained, and the chunks keep the last valid one.
    await page.getByLabel('Strategy', { exact: true }).selectOption('HIERARCHICAL');
    await page.getByLabel('Child chunk size (tokens)', { exact: true }).fill('2000');
    await page.getByRole('alert').filter({ hasText: 'must not exceed parent' }).waitFor();
    await page.getByLabel('Child chunk size (tokens)', { exact: true }).fill('300');
    expect(
      await page.getByRole('alert').filter({ hasText: 'must not exceed parent' }).count(),
    ).toBe(0);
    await page.getByLabel('Layer', { exact: true }).selectOption('parents');
    await page.locator('.kb-chunked-text').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/kb-lab-chunking-hierarchical-light.png` });
    await page.getByLabel('Strategy', { exact: true }).selectOption('FIXED_SIZE');
    expect(await count(page, 'kb-chunk-count')).toBe(fixed);
    await screenshotBoth(page, 'chunking', 'Chunking');
  });
});

describe('embeddings', () => {
  it('indexes every chunk with exact progress, and the index is there after a reload', async () => {
    const chunks = await count(page, 'kb-chunk-count');
    await openTab(page, 'Embeddings');
    expect(await page.getByTestId('kb-estimate').innerText()).toMatch(
      /\$0\.\d+ for about [\d,]+ tokens/,
    );
    app.fake.clearRequests();
    await page.getByRole('button', { name: `Build index of ${chunks} chunks` }).click();
    const done = await runEnds(page, /^Done:/);
    expect(done).toBe(`Done: ${chunks} of ${chunks} chunks embedded.`);
    expect(app.fake.modelCalls().filter((r) => r.status === 200)).toHaveLength(chunks);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Knowledge bases lab' }).waitFor();
    await openTab(page, 'Embeddings');
    const row = page.locator('.kb-index-table tbody tr');
    await row.first().waitFor();
    expect(await row.count()).toBe(1);
    expect(await row.first().innerText()).toContain(`${chunks} of ${chunks}`);
    expect(await row.first().innerText()).toContain('Ready');
    expect(await row.first().getByRole('radio').isChecked()).toBe(true);
    await page.locator('.kb-index-table').scrollIntoViewIfNeeded();
    await screenshotBoth(page, 'embeddings', 'Embeddings');
  });

  it('keeps the finished chunks when throttling stops a run, and Resume after a reload sends only the rest', async () => {
    await openTab(page, 'Chunking');
    await page.getByLabel('Strategy', { exact: true }).selectOption('SEMANTIC');
    const chunks = await count(page, 'kb-chunk-count');
    await openTab(page, 'Embeddings');
    app.fake.clearRequests();
    app.fake.enqueue(...Array.from({ length: 12 }, () => ({ kind: 'ok' as const })));
    app.fake.setBehavior({ kind: 'throttle' });
    await page.getByRole('button', { name: `Build index of ${chunks} chunks` }).click();
    const stopped = await runEnds(page, /^Stopped by an error/);
    const kept = Number(/at ([\d,]+) of/.exec(stopped)![1]!.replace(/,/g, ''));
    expect(kept).toBeGreaterThanOrEqual(1);
    expect(kept).toBeLessThan(chunks);
    expect(kept).toBe(app.fake.modelCalls().filter((r) => r.status === 200).length);
    await page
      .getByRole('alert')
      .filter({ hasText: /throttl|too many|rate/i })
      .first()
      .waitFor();
    await page.screenshot({ path: `${SCREENS}/kb-lab-embeddings-throttled-light.png` });
    app.fake.setBehavior({ kind: 'ok' });
    app.fake.clearRequests();
    // Resume after a restart: the incomplete index is listed with what is left.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Knowledge bases lab' }).waitFor();
    await openTab(page, 'Embeddings');
    const row = page.locator('.kb-index-table tbody tr').filter({ hasText: 'Semantic' });
    await row.getByText(`Incomplete: ${chunks - kept} chunks to go`).waitFor();
    await row.getByRole('button', { name: 'Resume', exact: true }).click();
    expect(await runEnds(page, /^Done:/)).toBe(`Done: ${chunks} of ${chunks} chunks embedded.`);
    expect(app.fake.modelCalls().filter((r) => r.status === 200)).toHaveLength(chunks - kept);
    // Back to the first index's chunking for retrieval.
    await openTab(page, 'Chunking');
    await page.getByLabel('Strategy', { exact: true }).selectOption('FIXED_SIZE');
  });
});

describe('retrieval', () => {
  it('refuses an empty and a 1,001-character question with the limit', async () => {
    await openTab(page, 'Embeddings');
    await page
      .locator('.kb-index-table tbody tr')
      .filter({ hasText: 'Fixed size' })
      .getByRole('radio')
      .check();
    await openTab(page, /^Retrieval$/);
    await page.getByRole('button', { name: 'Retrieve' }).click();
    await page.getByRole('alert').filter({ hasText: 'Type a question first.' }).waitFor();
    await page.getByLabel('Question', { exact: true }).fill('x'.repeat(1001));
    await page.getByRole('button', { name: 'Retrieve' }).click();
    await page.getByRole('alert').filter({ hasText: 'at most 1,000 characters' }).waitFor();
    expect(await page.getByTestId('kb-col-lexical').count()).toBe(0);
  });

  it('shows vector, lexical and hybrid top-k side by side with scores and marked words', async () => {
    await page.getByLabel('Question', { exact: true }).fill(QUESTION);
    await page.getByLabel('Results to retrieve (k)', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Retrieve' }).click();
    const vector = page.getByTestId('kb-col-vector');
    const lexical = page.getByTestId('kb-col-lexical');
    const hybrid = page.getByTestId('kb-col-hybrid');
    await vector.locator('.kb-hit').first().waitFor();
    for (const col of [vector, lexical, hybrid])
      expect(await col.locator('.kb-hit').count()).toBe(5);
    expect(await vector.locator('.kb-score').first().innerText()).toMatch(/^cosine 0\.\d{3}$/);
    expect(await lexical.locator('.kb-score').first().innerText()).toMatch(/^BM25 \d+\.\d{2}$/);
    expect(await hybrid.locator('.kb-score').first().innerText()).toMatch(/^RRF 0\.\d{4}$/);
    expect(await lexical.locator('.kb-hit-text mark').count()).toBeGreaterThan(0);
    expect((await lexical.locator('.kb-hit-text mark').first().innerText()).toLowerCase()).toMatch(
      /vector|stores?|knowledge|base|keep|embeddings/,
    );
    await screenshotBoth(page, 'retrieval', 'Retrieval');
  });

  it('reranks the hybrid list and shows how the order changed, with its cost', async () => {
    await page.getByLabel('Rerank the hybrid list', { exact: true }).check();
    await page.getByRole('button', { name: 'Retrieve' }).click();
    const rerank = page.getByTestId('kb-rerank');
    await rerank.locator('.kb-hit').first().waitFor({ timeout: 20_000 });
    expect(await rerank.locator('.kb-move').count()).toBe(5);
    expect(await rerank.locator('.kb-move').first().innerText()).toMatch(/was #\d, now #1/);
    expect(await rerank.innerText()).toMatch(/Cost (\$|unknown)/);
    await rerank.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/kb-lab-rerank-light.png` });
  });

  it('without an index the lexical column still works and the others say what to do', async () => {
    await page.getByLabel('Rerank the hybrid list', { exact: true }).uncheck();
    await openTab(page, 'Chunking');
    await page.getByLabel('Max chunk size (tokens)', { exact: true }).fill('120');
    await openTab(page, /^Retrieval$/);
    await page.getByLabel('Question', { exact: true }).fill(QUESTION);
    await page.getByRole('button', { name: 'Retrieve' }).click();
    const vector = page.getByTestId('kb-col-vector');
    await vector.getByText(/another chunking/).waitFor();
    expect(await page.getByTestId('kb-col-lexical').locator('.kb-hit').count()).toBe(5);
    expect(await vector.innerText()).toMatch(/Embeddings tab/);
  });
});

describe('when Bedrock refuses', () => {
  it('says so with the remedy, and lexical retrieval still works', async () => {
    await openTab(page, 'Chunking');
    await page.getByLabel('Max chunk size (tokens)', { exact: true }).fill('300');
    app.fake.setBehavior({ kind: 'accessDenied' });
    try {
      await openTab(page, /^Retrieval$/);
      await page.getByLabel('Question', { exact: true }).fill(QUESTION);
      await page.getByRole('button', { name: 'Retrieve' }).click();
      const vector = page.getByTestId('kb-col-vector');
      await vector.getByRole('alert').waitFor();
      expect(await vector.getByRole('alert').innerText()).toMatch(/What to do:/);
      expect(await page.getByTestId('kb-col-lexical').locator('.kb-hit').count()).toBe(5);
      await openTab(page, 'Embeddings');
      await page.getByLabel('Embedding model', { exact: true }).selectOption('titan-256');
      await page.getByRole('button', { name: /^Build index of/ }).click();
      await runEnds(page, /^Stopped by an error/);
      await page.getByText('Vectors need Bedrock.', { exact: false }).waitFor();
      expect(await page.locator('.kb-run').getByRole('alert').innerText()).toMatch(/What to do:/);
    } finally {
      app.fake.setBehavior({ kind: 'ok' });
    }
  });
});

describe('deleting an index', () => {
  it('removes it with Undo, and Undo brings it back', async () => {
    await openTab(page, 'Embeddings');
    const rows = page.locator('.kb-index-table tbody tr');
    const before = await rows.count();
    const row = rows.filter({ hasText: '256 dimensions' });
    await row.getByRole('button', { name: /^Delete / }).click();
    await page.getByRole('status').filter({ hasText: 'Deleted the index' }).waitFor();
    await page.waitForFunction(
      (n) => document.querySelectorAll('.kb-index-table tbody tr').length === n,
      before - 1,
    );
    await page.getByRole('button', { name: 'Undo' }).click();
    await row.waitFor();
    expect(await rows.count()).toBe(before);
  });
});
