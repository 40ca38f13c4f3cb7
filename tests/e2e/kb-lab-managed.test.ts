/**
 * The knowledge bases lab's "Knowledge base on Bedrock" tab in Chromium against the fake agent
 * runtime: Retrieve and RetrieveAndGenerate on FAKEKB0001, an id that is not valid, one that does
 * not exist, and the id kept across a reload. Screenshots in light and dark at 1280x800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const TAB = 'Knowledge base on Bedrock';
let opened: OpenedApp | undefined;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    path: '#/knowledge-bases',
    heading: 'Knowledge bases lab',
    tab: TAB,
    viewport: { width: 1280, height: 800 },
  });
  page = opened.page;
});
afterAll(() => opened?.close());

const idField = (p: Page) => p.getByLabel('Knowledge base ID');

describe('a knowledge base on Bedrock', () => {
  it('refuses an id that is not 10 letters or digits before calling', async () => {
    expect(await page.getByTestId('kb-managed-blocker').innerText()).toBe(
      'Enter a knowledge base ID to retrieve.',
    );
    await idField(page).fill('kb-1');
    expect(await page.getByTestId('kb-managed-blocker').innerText()).toBe(
      'Correct the knowledge base ID above.',
    );
    await page.getByText('A knowledge base ID is 10 letters or digits').waitFor();
    expect(await page.getByRole('button', { name: 'Retrieve', exact: true }).isDisabled()).toBe(
      true,
    );
    expect(await idField(page).getAttribute('aria-invalid')).toBe('true');
  });

  it('retrieves chunks with scores, source URIs and metadata', async () => {
    await idField(page).fill('FAKEKB0001');
    await page.getByLabel('Question').fill('How does chunking split documents before embedding?');
    await page.getByRole('button', { name: 'Retrieve', exact: true }).click();
    const list = page.getByRole('list', { name: 'Retrieved chunks' });
    await list.waitFor();
    const cards = list.getByTestId('source-card');
    expect(await cards.count()).toBe(5);
    const first = await cards.first().innerText();
    expect(first).toMatch(/s3:\/\/stratum-fake-kb\/aif-c01\/chunking\.md/);
    expect(first).toMatch(/score 0\.\d{4}/);
    expect(first).toMatch(/topic/);
    await expectSoundLayout(page, 'KB on Bedrock, Retrieve / light');
    await page.screenshot({ path: `${SCREENS}/kb-managed-retrieve-light.png`, fullPage: true });
  });

  it('retrieves and generates an answer whose cited spans show their references', async () => {
    await page.getByRole('button', { name: 'Retrieve and generate' }).click();
    const answer = page.getByTestId('managed-answer');
    await answer.waitFor();
    const spans = answer.locator('mark.cited-span');
    expect(await spans.count()).toBeGreaterThan(0);
    expect(await spans.first().innerText()).toMatch(/\[1\]$/);
    const refs = page.getByRole('list', { name: 'References of citation 1' });
    expect(await refs.getByTestId('source-card').count()).toBeGreaterThan(0);
    expect(await refs.innerText()).toMatch(/s3:\/\/stratum-fake-kb/);
    await expectSoundLayout(page, 'KB on Bedrock, RetrieveAndGenerate / light');
    await page.screenshot({ path: `${SCREENS}/kb-managed-generate-light.png`, fullPage: true });
  });

  it('says what to do when the knowledge base does not exist', async () => {
    await idField(page).fill('NOSUCHKB99');
    await page.getByRole('button', { name: 'Retrieve', exact: true }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    const text = await alert.innerText();
    expect(text).toMatch(/NOSUCHKB99 was not found in us-east-1/);
    expect(text).toMatch(/What to do:.*region/s);
  });

  it('keeps the entered id across a reload', async () => {
    await idField(page).fill('FAKEKB0001');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Knowledge bases lab' }).waitFor();
    await openTab(page, TAB);
    expect(await idField(page).inputValue()).toBe('FAKEKB0001');
  });

  it('looks right in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/knowledge-bases',
      heading: 'Knowledge bases lab',
      tab: TAB,
      colorScheme: 'dark',
      viewport: { width: 1280, height: 800 },
    });
    await idField(dark).fill('FAKEKB0001');
    await dark.getByRole('button', { name: 'Retrieve and generate' }).click();
    await dark.getByTestId('managed-answer').waitFor();
    await expectSoundLayout(dark, 'KB on Bedrock / dark');
    await dark.screenshot({ path: `${SCREENS}/kb-managed-generate-dark.png`, fullPage: true });
  });
});
