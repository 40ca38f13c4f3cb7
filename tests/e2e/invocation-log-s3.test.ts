/**
 * The invocation log's S3 requests in Chromium: the customization job's dataset upload (PutObject)
 * and metrics read (GetObject) are billed by Amazon S3, not Bedrock, so their cost reads "n/a"
 * with "billed by Amazon S3" (not "unpriced", not a missing Bedrock price), the per-operation rows
 * of only S3 requests say the same, and the summary sentence counts them apart from calls
 * Stratum cannot price. The log file is seeded as the main process writes it (one JSON line per
 * call). Screenshots in light and dark.
 */
import { appendFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { INVOCATION_LOG_FILE } from '../../electron/main/invocation-log';
import type { InvocationRecord } from '../../shared/invocations';
import { openApp, type OpenedApp } from '../support/e2e';

const SCREENS = 'test-results/screens';
let opened: OpenedApp | undefined;
let page: Page;

const at = new Date(Date.now() - 60_000).toISOString();
const base = {
  at,
  region: 'us-east-1',
  latencyMs: 120,
  firstTokenMs: null,
  inputTokens: null,
  outputTokens: null,
  images: null,
  status: 'ok',
  errorCode: null,
  stopReason: null,
  costUsd: null,
} as const;
const RECORDS: InvocationRecord[] = [
  {
    ...base,
    id: 's3-put',
    feature: 'customization',
    operation: 'PutObject',
    modelId: 's3://stratum-data',
  },
  {
    ...base,
    id: 's3-get',
    feature: 'customization',
    operation: 'GetObject',
    modelId: 's3://stratum-data',
  },
  {
    ...base,
    id: 'job',
    feature: 'customization',
    operation: 'CreateModelCustomizationJob',
    modelId: 'model-customization-job/stratum-e2e',
  },
  {
    ...base,
    id: 'chat',
    feature: 'chat',
    operation: 'Converse',
    modelId: 'amazon.nova-micro-v1:0',
    inputTokens: 1000,
    outputTokens: 2000,
    stopReason: 'end_turn',
    costUsd: 0.000315,
  },
];

beforeAll(async () => {
  opened = await openApp({ path: '#/invocation-log', heading: 'Invocation log' });
  page = opened.page;
  const file = join(opened.app.dataDir, 'user-data', INVOCATION_LOG_FILE);
  await appendFile(file, RECORDS.map((r) => JSON.stringify(r)).join('\n') + '\n');
  await page.getByRole('button', { name: 'Refresh' }).click();
  await page.getByTestId('log-calls').waitFor();
}, 60_000);
afterAll(() => opened?.close());

describe('S3 requests in the invocation log', () => {
  it('shows their cost as n/a, billed by Amazon S3, and counts them apart in the summary', async () => {
    const rows = page.getByTestId('log-calls').locator('tbody tr');
    const put = rows.filter({ hasText: 'PutObject' });
    const putCost = await put.locator('td').last().innerText();
    expect(putCost).toMatch(/^n\/a/);
    expect(putCost).toMatch(/billed by Amazon S3$/);
    expect(await put.locator('td').last().locator('[title]').getAttribute('title')).toMatch(
      /Amazon S3 bills itself/,
    );
    const job = rows.filter({ hasText: 'CreateModelCustomizationJob' });
    const jobCost = await job.locator('td').last().innerText();
    expect(jobCost).toMatch(/^n\/a/);
    expect(jobCost).not.toMatch(/S3/);
    const summary = page.getByText(/Latency is from sending a request/);
    const text = await summary.innerText();
    expect(text).toMatch(
      /2 requests to your S3 bucket \(the customization job’s dataset and metrics\) are billed by Amazon S3, not Bedrock/,
    );
    expect(text).toMatch(/1 control-plane call/);
    expect(text).not.toMatch(/had no price/);
    await summary.scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/invocation-log-s3-summary-light.png` });
    await page.getByTestId('log-calls').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/invocation-log-s3-light.png` });
    const dark = await opened!.newPage({
      path: '#/invocation-log',
      heading: 'Invocation log',
      colorScheme: 'dark',
    });
    await dark.getByTestId('log-calls').scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/invocation-log-s3-dark.png` });
  }, 60_000);
});
