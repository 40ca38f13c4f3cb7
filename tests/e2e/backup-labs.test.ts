/**
 * The backup holds the labs' work, in Chromium against the fake Bedrock: a playground chat and a
 * customization dataset made through the app, and a knowledge-base index with two vectors put into
 * IndexedDB as the lab stores them (Float32Array); Settings → Backup exports them (version 4,
 * vectors as base64) and a fresh window imports them through the worker: the chat and the dataset
 * are listed there and the vectors come back bit for bit. The card is looked at in light and dark.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const QUESTION = 'Which knob makes the answers of a model repeatable?';
const VECTORS = [
  [0.5, -0.25, 1e-40, -0],
  [0.1, 0.2, 0.3, 0.4],
];

let app: RunningApp;
let page: Page;
let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({ path: '#/playground', heading: 'Playground' });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

/** Puts a knowledge-base index and its vectors into this page's IndexedDB, as the lab does. */
function seedIndex(p: Page): Promise<string> {
  return p.evaluate(
    (vectors) =>
      new Promise<string>((resolve) => {
        const open = indexedDB.open('stratum');
        open.onerror = () => resolve(`open failed: ${String(open.error)}`);
        open.onsuccess = () => {
          const db = open.result;
          const tx = db.transaction(['ragIndexes', 'ragVectors'], 'readwrite');
          tx.objectStore('ragIndexes').put({
            id: 'rag-e2e',
            createdAt: '2026-12-01T10:00:00.000Z',
            updatedAt: '2026-12-01T10:05:00.000Z',
            modelId: 'amazon.titan-embed-text-v2:0',
            dimensions: 4,
            chunking: { strategy: 'FIXED_SIZE', maxTokens: 300, overlapPercentage: 20 },
            contentHash: 'e2e',
            chunkCount: 2,
            costUsd: 0.0001,
            inputTokens: 500,
          });
          vectors.forEach((v, i) =>
            tx
              .objectStore('ragVectors')
              .put({ indexId: 'rag-e2e', chunkId: `chunk-${i}`, vector: new Float32Array(v) }),
          );
          tx.oncomplete = () => {
            db.close();
            resolve('ok');
          };
          tx.onerror = () => resolve(`put failed: ${String(tx.error)}`);
        };
      }),
    VECTORS,
  );
}

/** The bits of the index's stored vectors, as hex words, in key order. */
function storedVectorBits(p: Page): Promise<string[][]> {
  return p.evaluate(
    () =>
      new Promise<string[][]>((resolve, reject) => {
        const open = indexedDB.open('stratum');
        open.onerror = () => reject(open.error ?? new Error('open failed'));
        open.onsuccess = () => {
          const req = open.result.transaction('ragVectors').objectStore('ragVectors').getAll();
          req.onsuccess = () => {
            open.result.close();
            resolve(
              (req.result as { vector: Float32Array }[]).map((r) =>
                [...new Uint32Array(r.vector.buffer)].map((w) => w.toString(16)),
              ),
            );
          };
          req.onerror = () => reject(req.error ?? new Error('read failed'));
        };
      }),
  );
}

let exported = '';

describe('the labs in a backup', () => {
  it('makes a chat and a customization dataset through the app', async () => {
    app.fake.reset();
    app.fake.setBehavior({ kind: 'reply', text: 'Lower the temperature.', deltaDelayMs: 1 });
    const composer = page.getByRole('textbox', { name: 'Message' });
    await composer.fill(QUESTION);
    await composer.press('Enter');
    await page.locator('[data-testid="assistant-turn"][data-status="complete"]').waitFor();
    await page
      .getByTestId('conversation-list')
      .getByRole('button', { name: new RegExp(`^${QUESTION.slice(0, 20)}`) })
      .waitFor();

    await page.keyboard.press('Control+U');
    await page.getByRole('heading', { level: 1, name: 'Customization lab' }).waitFor();
    await page.getByLabel('Model', { exact: true }).first().selectOption('nova-micro');
    await page.getByLabel('Questions from the bank').fill('12');
    await page.getByRole('button', { name: 'Build from the question bank' }).click();
    await page.getByText('All 12 records pass the checks.').waitFor();
    await page.getByLabel('Dataset name').fill('Backup three');
    await page.getByRole('button', { name: 'Save dataset' }).click();
    await page.getByRole('button', { name: 'Open Backup three' }).waitFor();
    expect(await seedIndex(page)).toBe('ok');
  });

  it('exports them from Settings → Backup, vectors as base64', async () => {
    await page.keyboard.press('Control+,');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const card = page.getByRole('region', { name: 'Backup', exact: true });
    expect(await card.innerText()).toMatch(
      /saved chats[\s\S]*customization datasets[\s\S]*knowledge-base indexes[\s\S]*Not in it: generated questions still waiting for your review[\s\S]*Credentials are never stored here/,
    );
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything' }).click();
    exported = readFileSync(await (await download).path(), 'utf8');
    const file = JSON.parse(exported) as {
      version: number;
      tables: Record<string, Record<string, unknown>[]>;
    };
    expect(file.version).toBe(4);
    expect(file.tables.conversations).toHaveLength(1);
    expect(file.tables.customDatasets!.map((d) => d.name)).toEqual(['Backup three']);
    expect(file.tables.ragIndexes).toHaveLength(1);
    expect(file.tables.ragVectors!.map((v) => v.vector)).toEqual([
      'AAAAPwAAgL7CFgEAAAAAgA==',
      'zczMPc3MTD6amZk+zczMPg==',
    ]);
    expect(await page.getByText(/^Saved stratum-backup-.*1 saved chat/).count()).toBe(1);
  });

  it('imports them into a fresh window, where they are listed and the vectors are exact', async () => {
    // The Knowledge bases lab is opened first: its index list is read once per window, so this
    // checks it is read again after the import instead of keeping the empty list.
    const fresh = await opened!.newPage({
      path: '#/knowledge-bases',
      heading: 'Knowledge bases lab',
    });
    await openTab(fresh, 'Embeddings');
    await fresh.getByText('No index yet.', { exact: false }).waitFor();
    await fresh.keyboard.press('Control+,');
    await fresh.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    await fresh.getByLabel('Backup file to import').setInputFiles({
      name: 'labs.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    expect(await fresh.getByTestId('import-confirm').innerText()).toMatch(
      /1 saved chat added, 1 customization dataset added, 1 knowledge-base index added, 2 index vectors added/,
    );
    await fresh.getByRole('button', { name: 'Import', exact: true }).click();
    await fresh.getByTestId('import-done').waitFor();
    await fresh.screenshot({
      path: `${SCREENS}/settings-backup-imported-light.png`,
      fullPage: true,
    });
    expect(await storedVectorBits(fresh)).toEqual(await storedVectorBits(page));

    await fresh.keyboard.press('Control+9');
    await fresh.getByRole('heading', { level: 1, name: 'Knowledge bases lab' }).waitFor();
    await openTab(fresh, 'Embeddings');
    await fresh.locator('.kb-index-table tbody tr').first().waitFor();
    expect(await fresh.locator('.kb-index-table tbody tr').count()).toBe(1);

    await fresh.keyboard.press('Control+U');
    await fresh.getByRole('heading', { level: 1, name: 'Customization lab' }).waitFor();
    await fresh.getByRole('button', { name: 'Open Backup three' }).waitFor();
    await fresh.keyboard.press('Control+8');
    await fresh.getByRole('heading', { level: 1, name: 'Playground' }).waitFor();
    await fresh
      .getByTestId('conversation-list')
      .getByRole('button', { name: new RegExp(`^${QUESTION.slice(0, 20)}`) })
      .click();
    expect(await fresh.getByTestId('assistant-text').innerText()).toContain(
      'Lower the temperature.',
    );
    await fresh.context().close();
  });

  it('shows the Backup card soundly in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/settings',
      heading: 'Settings',
      colorScheme: 'dark',
    });
    await dark.getByRole('heading', { level: 2, name: 'Backup' }).scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/settings-backup-dark.png`, fullPage: true });
    await expectSoundLayout(dark, 'Settings / Backup / dark');
    await dark.context().close();
  });
});
