/**
 * The evaluation lab's Model as judge, Human review and Evaluation jobs tabs in Chromium against
 * the fake Bedrock: a judge run with reasoning, the pairwise check with the order swapped (a
 * position-biased judge changes its winner), a blind A/B round whose model names appear only
 * after the choice, and a Bedrock evaluation job shown as its request, started after a
 * confirmation and polled to Completed. Judge runs are kept: after a reload a judge run's
 * reasoning is still there, a deleted one can be brought back with Undo, and a judge run stopped by
 * an error resumes with only its missing results (the button says how many items and judge calls). A run is seeded into IndexedDB as the Runs tab
 * stores it.
 * Screenshots in light and dark at 1280x800.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { ConverseRequestInfo } from '../fakes/bedrock-converse';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };
let opened: OpenedApp | undefined;
let page: Page;

const at = '2026-12-04T12:00:00.000Z';
const candidate = (id: string, label: string, modelId: string) => ({
  id,
  label,
  modelId,
  temperature: 0,
  maxTokens: 256,
  template: '{{prompt}}',
});
const response = (itemId: string, candidateId: string, text: string) => ({
  itemId,
  candidateId,
  text,
  stopReason: 'end_turn',
  truncated: false,
  empty: false,
  inputTokens: 20,
  outputTokens: 12,
  latencyMs: 300,
  costUsd: 0.00001,
  at,
});
const RUN = {
  id: 'run-e2e-judge',
  createdAt: at,
  updatedAt: at,
  name: 'Two models on exam questions',
  dataset: { id: 'bank-qa', title: 'Exam questions', task: 'qa' },
  items: [
    {
      id: 'q1',
      prompt: 'What does Amazon Bedrock Guardrails filter?',
      referenceResponse: 'Harmful content, denied topics, blocked words and sensitive information.',
      category: 'security',
    },
    {
      id: 'q2',
      prompt: 'What is a foundation model?',
      referenceResponse:
        'A large model pre-trained on broad data that can be adapted to many tasks.',
      category: 'fundamentals',
    },
  ],
  candidates: [
    candidate('nova-micro', 'Nova Micro', 'amazon.nova-micro-v1:0'),
    candidate('nova-lite', 'Nova Lite', 'amazon.nova-lite-v1:0'),
  ],
  concurrency: 2,
  robustness: null,
  responses: [
    response('q1', 'nova-micro', 'It filters harmful content, denied topics and PII.'),
    response('q1', 'nova-lite', 'Guardrails speed up inference.'),
    response('q2', 'nova-micro', 'A large pre-trained model adaptable to many tasks.'),
    response('q2', 'nova-lite', 'A model that only classifies images.'),
  ],
  status: 'complete',
  error: null,
  estimatedCostUsd: 0.0001,
};

/** Puts RUN into this page's IndexedDB (the app has opened it) and reloads. */
async function seedRun(p: Page): Promise<void> {
  // Wait until the app has created its database (opening it first would create an empty one).
  await p.waitForFunction(
    async () =>
      (await indexedDB.databases()).some((d) => d.name === 'stratum' && (d.version ?? 0) > 1),
    undefined,
    { timeout: 20_000, polling: 200 },
  );
  // The database can be listed while the app's upgrade is still creating its stores: a put that
  // finds no evalRuns store is tried again until the upgrade is done.
  const store = () =>
    p.evaluate(async (row) => {
      return new Promise<string>((resolve) => {
        const timer = setTimeout(() => resolve('timed out'), 10_000);
        const done = (result: string) => {
          clearTimeout(timer);
          resolve(result);
        };
        const open = indexedDB.open('stratum');
        open.onerror = () => done(`open failed: ${String(open.error)}`);
        open.onblocked = () => done('open blocked');
        open.onsuccess = () => {
          if (!open.result.objectStoreNames.contains('evalRuns')) {
            open.result.close();
            done('no evalRuns store yet');
            return;
          }
          try {
            const tx = open.result.transaction('evalRuns', 'readwrite');
            tx.objectStore('evalRuns').put(row);
            tx.oncomplete = () => {
              open.result.close();
              done('ok');
            };
            tx.onerror = () => done(`put failed: ${String(tx.error)}`);
          } catch (error) {
            open.result.close();
            done(`transaction failed: ${String(error)}`);
          }
        };
      });
    }, RUN);
  // (seedRun also runs in beforeAll, where expect.poll is not allowed: a plain retry loop.)
  let stored = await store();
  for (let tries = 0; stored === 'no evalRuns store yet' && tries < 100; tries++) {
    await p.waitForTimeout(200);
    stored = await store();
  }
  expect(stored).toBe('ok');
  await p.reload();
  await p.getByRole('heading', { level: 1, name: 'Evaluation lab' }).waitFor();
}

/** A judge that answers every schema, and in pairwise mode always prefers whatever is shown first. */
function judgeReply(req: ConverseRequestInfo): unknown {
  const tool = req.tools[0];
  if (tool?.name === 'record_preference') {
    return { reasoning: 'Response A is more complete and reads better.', preferred: 'A' };
  }
  const required = (tool?.inputSchema['required'] as string[] | undefined) ?? [];
  const good =
    req.lastUserText.includes('filters harmful') || req.lastUserText.includes('adaptable');
  return Object.fromEntries(
    required.map((m) => [
      m,
      {
        reasoning: good
          ? `The response matches the reference on ${m}.`
          : `The response contradicts the reference on ${m}.`,
        score: good ? 5 : 1,
      },
    ]),
  );
}

beforeAll(async () => {
  opened = await openApp({ path: '#/evaluation', heading: 'Evaluation lab', viewport: VIEWPORT });
  page = opened.page;
  await seedRun(page);
  opened.app.fake.setBehavior({ kind: 'toolUse', input: judgeReply });
});
afterAll(() => opened?.close());

async function pickJudge(p: Page): Promise<void> {
  const select = p.getByLabel('Judge model');
  const value = await select.evaluate((el) => {
    const options = [...(el as HTMLSelectElement).options];
    return options.find((o) => /Nova Lite/.test(o.text))?.value ?? options[0]?.value ?? '';
  });
  await select.selectOption(value);
}

describe('model as judge', () => {
  it('scores each response with the judge reasoning', async () => {
    await openTab(page, 'Model as judge');
    await page.getByLabel('Correctness rubric').waitFor();
    await pickJudge(page);
    await page.getByRole('button', { name: /^Judge 2 items \(4 calls\)/ }).click();
    await page.getByRole('status').filter({ hasText: 'Judged: 4 results.' }).waitFor();
    const table = page.getByRole('table', { name: /Judge scores/ });
    expect(await table.getByRole('row').count()).toBe(5);
    await table.locator('summary').first().click();
    await table
      .getByText(/matches the reference on correctness/)
      .first()
      .waitFor();
    const judgeCalls = opened!.app.fake.requests.filter((r) => r.operation === 'converse');
    expect(judgeCalls).toHaveLength(4);
    await expectSoundLayout(page, 'Evaluation lab, judge / light');
    await page.screenshot({ path: `${SCREENS}/eval-judge-single-light.png`, fullPage: true });
  });

  it('keeps the judge run: after a reload its scores and reasoning are still there', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evaluation lab' }).waitFor();
    await openTab(page, 'Model as judge');
    await page.getByRole('status').filter({ hasText: 'Judged: 4 results.' }).waitFor();
    const saved = page.getByRole('list', { name: 'Saved judge runs' });
    expect(await saved.getByRole('listitem').count()).toBe(1);
    const table = page.getByRole('table', { name: /Judge scores/ });
    expect(await table.getByRole('row').count()).toBe(5);
    await table.locator('summary').first().click();
    await table
      .getByText(/matches the reference on correctness/)
      .first()
      .waitFor();
    await pickJudge(page); // the form's settings are not kept; the judge run is
  });

  it('pairwise with the order swapped exposes a position-biased judge', async () => {
    await page.getByLabel('Pairwise, order swapped').check();
    await page.getByRole('button', { name: /^Judge 2 items \(4 calls\)/ }).click();
    const summary = page.getByTestId('position-summary');
    await summary.getByText(/Agreement across orders: 0 of 2 items/).waitFor();
    expect(await summary.innerText()).toMatch(/shown first won 4 of 4 verdicts/);
    expect(await page.getByText('Winner changed with the order').count()).toBe(2);
    await page.screenshot({ path: `${SCREENS}/eval-judge-pairwise-light.png`, fullPage: true });
  });
});

describe('saved judge runs', () => {
  it('deletes a judge run with Undo, and a deletion is kept after a reload', async () => {
    const saved = page.getByRole('list', { name: 'Saved judge runs' });
    expect(await saved.getByRole('listitem').count()).toBe(2);
    const pairwise = saved.getByRole('listitem', { name: /pairwise/ });
    await pairwise.getByRole('button', { name: 'Delete' }).click();
    const undo = page.getByRole('status').filter({ hasText: /^Deleted the judge run of / });
    await undo.waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(1);
    expect(await page.getByTestId('position-summary').count()).toBe(0);
    await page.screenshot({ path: `${SCREENS}/eval-judge-undo-light.png`, fullPage: true });
    await undo.getByRole('button', { name: 'Undo' }).click();
    await page
      .getByTestId('position-summary')
      .getByText(/Agreement across orders: 0 of 2 items/)
      .waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(2);
    // Delete the single-mode run for good: after a reload only the pairwise one is left.
    const single = saved.getByRole('listitem', { name: /Correctness/ });
    await single.getByRole('button', { name: 'Delete' }).click();
    await undo.waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evaluation lab' }).waitFor();
    await openTab(page, 'Model as judge');
    await page.getByTestId('position-summary').waitFor();
    expect(await saved.getByRole('listitem').count()).toBe(1);
    expect(await saved.getByRole('listitem', { name: /pairwise/ }).count()).toBe(1);
  });
});

describe('human review', () => {
  it('a blind A/B round reveals the names only after the choice, by keyboard', async () => {
    await openTab(page, 'Human review');
    await page.getByRole('button', { name: 'Start blind A/B comparison' }).click();
    const round = page
      .getByRole('region', { name: /Comparison 1 of 2/ })
      .or(
        page.locator('section', { has: page.getByRole('heading', { name: 'Comparison 1 of 2' }) }),
      );
    await round.first().waitFor();
    const before = await round.first().innerText();
    expect(before).not.toMatch(/Nova Micro|Nova Lite/);
    await page.keyboard.press('a');
    const reveal = page.getByText(
      /^You chose A\. A was Nova (Micro|Lite); B was Nova (Micro|Lite)\.$/,
    );
    await reveal.waitFor();
    await expectSoundLayout(page, 'Evaluation lab, human review / light');
    await page.screenshot({ path: `${SCREENS}/eval-human-light.png`, fullPage: true });
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Comparison 2 of 2' }).waitFor();
    await page.keyboard.press('=');
    await page.getByText(/^You chose a tie\./).waitFor();
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: 'Round finished' }).waitFor();
  });

  it('the judge tab compares the saved judge run with those choices (kappa), after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evaluation lab' }).waitFor();
    await openTab(page, 'Model as judge');
    await page.getByRole('heading', { name: 'Agreement with your ratings' }).waitFor();
    // The judge always preferred the first shown (Nova Micro in the original order): whatever the
    // learner chose, two items with one A/B choice and one tie give kappa 0.
    await page.getByText(/^Judge's preference vs your A\/B choices: κ = 0\.00$/).waitFor();
  });
});

describe('evaluation jobs on Bedrock', () => {
  it('shows the request, starts it after a confirmation and polls it to Completed', async () => {
    await openTab(page, 'Evaluation jobs on Bedrock');
    const request = page.getByLabel('CreateEvaluationJob request', { exact: true });
    await request.waitFor();
    const text = await request.innerText();
    expect(text).toMatch(/"taskType": "QuestionAndAnswer"/);
    expect(text).toMatch(/"Builtin.Accuracy"/);
    expect(text).toMatch(/"Builtin.Robustness"/);
    expect(await page.getByLabel('Dataset preview').innerText()).toMatch(/"referenceResponse"/);
    const start = page.getByRole('button', { name: 'Start this job on Bedrock' });
    expect(await start.isDisabled()).toBe(true);
    await page.getByLabel('Dataset S3 URI').fill('s3://stratum-eval/datasets/qa.jsonl');
    await page.getByLabel('Output S3 URI').fill('s3://stratum-eval/output/');
    await page.getByLabel('Service role ARN').fill('arn:aws:iam::123456789012:role/BedrockEval');
    await start.click();
    await page.getByRole('button', { name: 'Yes, start the job' }).click();
    const job = page.getByRole('listitem', { name: /^stratum-bank-qa/ });
    await job.getByText('InProgress').waitFor();
    await expectSoundLayout(page, 'Evaluation lab, jobs / light');
    await page.screenshot({ path: `${SCREENS}/eval-jobs-light.png`, fullPage: true });
    await job.getByRole('button', { name: 'Check status' }).click();
    await job.getByRole('button', { name: 'Check status' }).click();
    await job.getByText('Completed').waitFor();
    await job.getByText(/The report is in s3:\/\/stratum-eval\/output\//).waitFor();
    const create = opened!.app.fake.requests.find((r) => r.operation === 'create-evaluation-job');
    expect(create?.status).toBe(202);
  });
});

describe('a judge run stopped by an error', () => {
  it('keeps its results across a reload, and Resume judges only the missing ones', async () => {
    const fake = opened!.app.fake;
    fake.reset();
    fake.enqueue({ kind: 'toolUse', input: judgeReply }, { kind: 'toolUse', input: judgeReply });
    fake.setBehavior({ kind: 'accessDenied' });
    await openTab(page, 'Model as judge');
    await page.getByLabel('Score each response').check();
    await pickJudge(page);
    await page.getByRole('button', { name: /^Judge 2 items \(4 calls\)/ }).click();
    const stopped = page
      .getByRole('status')
      .filter({ hasText: 'Stopped by an error after 2 results; they are kept.' });
    await stopped.waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Evaluation lab' }).waitFor();
    await openTab(page, 'Model as judge');
    await stopped.waitFor();
    expect(
      await page
        .getByRole('table', { name: /Judge scores/ })
        .getByRole('row')
        .count(),
    ).toBe(3);
    const resume = page.getByRole('button', { name: /^Resume: \d items? \(2 judge calls\)$/ });
    await resume.scrollIntoViewIfNeeded();
    // The cost shown before resuming is that of the calls Resume sends.
    await page.getByText(/^At most \$[\d.]+ for 2 judge calls:/).waitFor();
    await page.screenshot({ path: `${SCREENS}/eval-judge-resume-light.png`, fullPage: true });
    fake.setBehavior({ kind: 'toolUse', input: judgeReply });
    const before = fake.requests.filter((r) => r.operation === 'converse').length;
    await resume.click();
    await page.getByRole('status').filter({ hasText: 'Judged: 4 results.' }).waitFor();
    expect(fake.requests.filter((r) => r.operation === 'converse').length - before).toBe(2);
    expect(
      await page
        .getByRole('table', { name: /Judge scores/ })
        .getByRole('row')
        .count(),
    ).toBe(5);
  }, 60_000);
});

describe('deleting the evaluation run', () => {
  it('deletes its judge runs too', async () => {
    const judgeRuns = () =>
      page.evaluate(
        (runId) =>
          new Promise<number>((resolve, reject) => {
            const open = indexedDB.open('stratum');
            open.onerror = () => reject(new Error(String(open.error)));
            open.onsuccess = () => {
              const tx = open.result.transaction('evalJudgements');
              const count = tx.objectStore('evalJudgements').index('runId').count(runId);
              count.onsuccess = () => {
                open.result.close();
                resolve(count.result);
              };
              count.onerror = () => reject(new Error(String(count.error)));
            };
          }),
        RUN.id,
      );
    expect(await judgeRuns()).toBeGreaterThan(0);
    await openTab(page, 'Runs and metrics');
    await page.getByRole('button', { name: 'Delete this run' }).click();
    await expect.poll(judgeRuns).toBe(0);
    await openTab(page, 'Model as judge');
    await page.getByText(/^No runs yet\./).waitFor();
  });
});

describe('dark theme', () => {
  it('the three tabs are sound in dark', { timeout: 120_000 }, async () => {
    const dark = await opened!.newPage({
      path: '#/evaluation',
      heading: 'Evaluation lab',
      viewport: VIEWPORT,
      colorScheme: 'dark',
    });
    await seedRun(dark);
    await openTab(dark, 'Model as judge');
    await pickJudge(dark);
    await dark.getByRole('button', { name: /^Judge 2 items/ }).click();
    await dark.getByRole('status').filter({ hasText: 'Judged: 4 results.' }).waitFor();
    await expectSoundLayout(dark, 'Evaluation lab, judge / dark');
    await dark.screenshot({ path: `${SCREENS}/eval-judge-dark.png`, fullPage: true });
    await openTab(dark, 'Human review');
    await dark.getByRole('button', { name: 'Start 1-5 ratings' }).click();
    await dark.keyboard.press('4');
    await dark.getByText(/^You rated it 4 of 5\. It was Nova (Micro|Lite)\.$/).waitFor();
    await expectSoundLayout(dark, 'Evaluation lab, human review / dark');
    await dark.screenshot({ path: `${SCREENS}/eval-human-dark.png`, fullPage: true });
    await openTab(dark, 'Evaluation jobs on Bedrock');
    await dark.getByLabel('CreateEvaluationJob request', { exact: true }).waitFor();
    await expectSoundLayout(dark, 'Evaluation lab, jobs / dark');
    await dark.screenshot({ path: `${SCREENS}/eval-jobs-dark.png`, fullPage: true });
  });
});
