/**
 * The customization lab's Job on Bedrock tab in Chromium, against the fake S3 and the fake
 * Bedrock: a dataset built from the bank and saved, a training price typed on the Costs tab
 * (illustrative, as a learner would type it), the exact request previewed, a confirmation with
 * the estimated cost, the upload, the job followed through its stages to Completed with its loss
 * chart; a job that fails in Bedrock shows its failure message, S3 access denied names the bucket
 * policy and s3:PutObject, Stop asks first; the S3 location survives a reload. Light and dark.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { FAKE_BUCKET } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const ROLE = 'arn:aws:iam::123456789012:role/BedrockCustomization';
let opened: OpenedApp | undefined;
let page: Page;

beforeAll(async () => {
  opened = await openApp({ path: '#/customization', heading: 'Customization lab' });
  page = opened.page;
});
afterAll(() => opened?.close());

async function axeProblems(p: Page, where: string): Promise<string[]> {
  const results = await new AxeBuilder({ page: p })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map(
      (v) => `${where}: ${v.id} ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
    );
}

/** Fills the job name, asks to send and confirms; returns the confirmation's text. */
async function send(p: Page, jobName: string, screenshot?: string): Promise<string> {
  await p.getByLabel('Job name').fill(jobName);
  await p.getByRole('button', { name: 'Upload and start the job…' }).click();
  const dialog = p.getByRole('alertdialog');
  const text = await dialog.innerText();
  if (screenshot) {
    await dialog.scrollIntoViewIfNeeded();
    await p.screenshot({ path: screenshot });
  }
  await dialog.getByRole('button', { name: 'Yes, upload and start' }).click();
  return text;
}

/** Presses the job's Check status until its status badge reads `status`. */
async function checkUntil(p: Page, jobName: string, status: string): Promise<void> {
  const item = p.getByRole('listitem', { name: jobName });
  await item.waitFor();
  for (let i = 0; i < 10; i++) {
    if ((await item.locator('.job-status').innerText()) === status) return;
    await item.getByRole('button', { name: 'Check status' }).click();
    await p.waitForTimeout(150);
  }
  expect(await item.locator('.job-status').innerText()).toBe(status);
}

describe('a real job against the fake', () => {
  it('builds and saves a dataset, and enters a training price on the Costs tab', async () => {
    await page.getByLabel('Model', { exact: true }).first().selectOption('nova-micro');
    await page.getByLabel('Questions from the bank').fill('12');
    await page.getByRole('button', { name: 'Build from the question bank' }).click();
    await page.getByText('All 12 records pass the checks.').waitFor();
    await page.getByLabel('Dataset name').fill('Bank twelve');
    await page.getByRole('button', { name: 'Save dataset' }).click();
    await page.getByRole('button', { name: 'Open Bank twelve' }).waitFor();
    await openTab(page, 'Costs');
    await page.getByLabel(/^Training \(USD per 1,000 tokens\)/).fill('0.008');
  });

  it('previews the request, confirms with the estimated cost, uploads and follows the job to its loss chart', async () => {
    await openTab(page, 'Job on Bedrock');
    await page.getByLabel('S3 bucket').fill(FAKE_BUCKET);
    await page.getByLabel('Key prefix').fill('stratum/run-1');
    await page.getByLabel('Service role ARN').fill(ROLE);
    await page.getByLabel('Saved dataset').selectOption({ label: 'Bank twelve (12 records)' });
    await page
      .getByText(/^12 valid records \(11 training records, 1 validation record\)/)
      .waitFor();
    const request = await page
      .getByLabel('CreateModelCustomizationJob request', { exact: true })
      .innerText();
    expect(JSON.parse(request)).toMatchObject({
      baseModelIdentifier: 'amazon.nova-micro-v1:0:128k',
      trainingDataConfig: { s3Uri: `s3://${FAKE_BUCKET}/stratum/run-1/train.jsonl` },
      outputDataConfig: { s3Uri: `s3://${FAKE_BUCKET}/stratum/run-1/output/` },
      hyperParameters: { epochCount: '2', learningRate: '0.00001', learningRateWarmupSteps: '10' },
    });
    expect(opened!.app.s3.requests).toEqual([]);

    const confirmation = await send(
      page,
      'stratum-e2e-1',
      `${SCREENS}/customization-job-confirm-light.png`,
    );
    expect(confirmation).toMatch(
      /Estimated training cost: \$[\d.]+ \([\d,]+ tokens × 2 epochs × \$0\.008/,
    );
    await checkUntil(page, 'stratum-e2e-1', 'Completed');
    expect(
      opened!.app.s3.store
        .get(FAKE_BUCKET, 'stratum/run-1/train.jsonl')!
        .body.toString()
        .split('\n'),
    ).toHaveLength(12);
    const item = page.getByRole('listitem', { name: 'stratum-e2e-1' });
    await item.getByText('Training: Completed').waitFor();
    await item
      .getByText(/^Final figures from Bedrock: training loss [\d.]+, validation loss [\d.]+\.$/)
      .waitFor();
    const chart = item.getByRole('img', {
      name: /^Loss by training step: training loss [\d.]+ at step \d+, validation loss/,
    });
    await chart.waitFor();
    await chart.scrollIntoViewIfNeeded();
    await expectSoundLayout(page, 'Customization lab / Job / light');
    await page.screenshot({ path: `${SCREENS}/customization-job-light.png` });
    const found = await axeProblems(page, 'Job / light');
    expect(found, found.join('\n')).toEqual([]);
  });

  it('shows the failure message of a job that fails in Bedrock', async () => {
    opened!.app.fake.customizationJobs.failNext('Training failed: the fake ran out of GPUs.');
    await send(page, 'stratum-e2e-failing');
    await checkUntil(page, 'stratum-e2e-failing', 'Failed');
    await page
      .getByRole('listitem', { name: 'stratum-e2e-failing' })
      .getByText('Bedrock says the job failed: Training failed: the fake ran out of GPUs.')
      .waitFor();
  });

  it('stops a job after asking', async () => {
    await send(page, 'stratum-e2e-stop');
    const item = page.getByRole('listitem', { name: 'stratum-e2e-stop' });
    await item.getByRole('button', { name: 'Stop job…' }).click();
    await item.getByRole('alertdialog', { name: 'Stop stratum-e2e-stop' }).waitFor();
    await item.getByRole('button', { name: 'Yes, stop the job' }).click();
    await checkUntil(page, 'stratum-e2e-stop', 'Stopped');
  });

  it('names the bucket policy and s3:PutObject when S3 denies the upload', async () => {
    opened!.app.s3.store.denyAccess(FAKE_BUCKET);
    try {
      await send(page, 'stratum-e2e-denied');
      const alert = page.getByRole('alert').filter({ hasText: 'access denied' });
      await alert.waitFor();
      const text = await alert.innerText();
      expect(text).toContain(`s3://${FAKE_BUCKET}/stratum/run-1/train.jsonl`);
      expect(text).toMatch(/s3:PutObject/);
      expect(text).toMatch(/bucket policy of "stratum-fake-bucket"/);
      await alert.scrollIntoViewIfNeeded();
      await page.screenshot({ path: `${SCREENS}/customization-job-denied-light.png` });
    } finally {
      opened!.app.s3.store.denyAccess(FAKE_BUCKET, false);
    }
  });

  it('keeps the S3 location and role across a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Customization lab' }).waitFor();
    await openTab(page, 'Job on Bedrock');
    expect(await page.getByLabel('S3 bucket').inputValue()).toBe(FAKE_BUCKET);
    expect(await page.getByLabel('Key prefix').inputValue()).toBe('stratum/run-1');
    expect(await page.getByLabel('Service role ARN').inputValue()).toBe(ROLE);
  });
});

describe('dark theme', () => {
  it('draws the tab, the job list and the loss chart soundly in dark', async () => {
    const dark = await opened!.newPage({
      path: '#/customization',
      heading: 'Customization lab',
      colorScheme: 'dark',
      tab: 'Job on Bedrock',
    });
    const item = dark.getByRole('listitem', { name: 'stratum-e2e-1' });
    await item.getByRole('button', { name: 'Check status' }).click();
    const chart = item.getByRole('img', { name: /^Loss by training step/ });
    await chart.waitFor();
    await expectSoundLayout(dark, 'Customization lab / Job / dark');
    await dark.screenshot({ path: `${SCREENS}/customization-job-form-dark.png` });
    await chart.scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/customization-job-dark.png` });
    const found = await axeProblems(dark, 'Job / dark');
    expect(found, found.join('\n')).toEqual([]);
  });
});
