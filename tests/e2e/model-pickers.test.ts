/**
 * One id per model: every model picker lists each model once, and Settings' default model (a
 * bare id such as amazon.nova-micro-v1:0, while the pickers call the region's inference profile)
 * selects that model's own option instead of appearing as a second entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Locator, Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';

let opened: OpenedApp | undefined;
let page: Page;

beforeAll(async () => {
  opened = await openApp();
  page = opened.page;
});
afterAll(() => opened?.close());

async function optionTexts(select: Locator): Promise<string[]> {
  return select.locator('option').allInnerTexts();
}

/** Each model's name once, no "(not in this list)" entry, and the default model selected. */
async function expectOneEntryPerModel(select: Locator) {
  const texts = await optionTexts(select);
  // Names without the tags some pickers add: "Amazon Nova Lite (vision)".
  const names = texts.map((t) => t.replace(/\s*\(.*\)$/, ''));
  expect(names.length).toBeGreaterThan(3);
  expect(new Set(names).size).toBe(names.length);
  expect(texts.some((t) => t.includes('not in this list'))).toBe(false);
  const chosen = await select.locator('option:checked').innerText();
  expect(chosen).toMatch(/^Amazon Nova Micro/);
  expect(await select.inputValue()).toBe('us.amazon.nova-micro-v1:0');
}

describe('model pickers', () => {
  it('Chat', async () => {
    await page.goto(`${opened!.app.server.url}#/playground`);
    await page.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
    await expectOneEntryPerModel(page.getByLabel('Model', { exact: true }));
  });

  it('Compare', async () => {
    await openTab(page, 'Compare');
    await expectOneEntryPerModel(page.getByLabel('Column 1 model'));
  });

  it('Generate with Bedrock', async () => {
    await page.goto(`${opened!.app.server.url}#/practice`);
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await openTab(page, /^Generate/);
    await expectOneEntryPerModel(page.getByLabel('Model', { exact: true }));
  });

  it('Token lab, live', async () => {
    await page.goto(`${opened!.app.server.url}#/token-lab`);
    await page.getByRole('heading', { level: 1, name: 'Token lab' }).waitFor();
    await openTab(page, /Bedrock/);
    await expectOneEntryPerModel(page.getByLabel('Model', { exact: true }));
  });
});
