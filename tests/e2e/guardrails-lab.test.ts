/**
 * The guardrails lab's builder and test bench in Chromium against the fake Bedrock: a guardrail
 * with every policy kind is built, refused while a topic definition is over its limit (nothing is
 * sent), created, run through the built-in suite (the grid), changed (a grounding threshold) and
 * run again (the grid shows what changed), then picked from the chat's guardrail list. Both tabs
 * are screenshotted in light and dark at 1280x800 and checked for overflow.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };
const NAME = 'e2e-guard';
let opened: OpenedApp | undefined;
let page: Page;
let guardrailId = '';

beforeAll(async () => {
  opened = await openApp({
    path: '#/guardrails',
    heading: 'Guardrails and agents lab',
    tab: 'Guardrail builder',
    viewport: VIEWPORT,
  });
  page = opened.page;
});
afterAll(() => opened?.close());

const createButton = () => page.getByRole('button', { name: 'Create guardrail' });
const summary = () => page.getByTestId('suite-summary');

describe('the guardrail builder', () => {
  it('builds a guardrail with every policy kind and shows the request', async () => {
    await page.getByLabel('Name', { exact: true }).fill(NAME);
    await page.getByRole('button', { name: 'Add a regex pattern' }).click();
    await page.getByLabel('Regex 1 name').fill('student-id');
    await page.getByLabel('Regex 1 pattern').fill('S\\d{7}');
    const request = await page.getByTestId('guardrail-request').innerText();
    for (const member of [
      'contentPolicyConfig',
      'PROMPT_ATTACK',
      'topicPolicyConfig',
      'wordPolicyConfig',
      'PROFANITY',
      'piiEntitiesConfig',
      'regexesConfig',
      'contextualGroundingPolicyConfig',
      'blockedInputMessaging',
    ]) {
      expect(request).toContain(member);
    }
  });

  it('refuses a topic definition over its limit before sending', async () => {
    const definition = page.getByLabel('Topic 1 definition');
    const before = await definition.inputValue();
    await definition.fill('x'.repeat(201));
    await page
      .getByTestId('guardrail-problems')
      .getByText(/Shorten a topic definition to 200 characters or fewer; it has 201/)
      .waitFor();
    expect(await createButton().isDisabled()).toBe(true);
    expect(opened!.app.fake.requests.some((r) => r.operation === 'create-guardrail')).toBe(false);
    await definition.fill(before);
    expect(await createButton().isDisabled()).toBe(false);
  });

  it('creates it on Bedrock and lists it', async () => {
    await createButton().click();
    await page.getByText(new RegExp(`Created ${NAME} \\(id [a-z0-9]+\\)`)).waitFor();
    const sent = opened!.app.fake.requests.find((r) => r.operation === 'create-guardrail');
    expect(sent?.status).toBe(202);
    const list = page.getByRole('list', { name: 'Your guardrails' });
    await list.getByText(NAME, { exact: true }).waitFor();
    guardrailId = (await list.locator('li.current code').innerText()).trim();
    expect(guardrailId).toMatch(/^[a-z0-9]+$/);
    await expectSoundLayout(page, 'Guardrail builder / light');
    await page.screenshot({ path: `${SCREENS}/guardrails-builder-light.png` });
    for (const [heading, file] of [
      ['Content filters', 'policies'],
      ['Sensitive information filters', 'pii'],
    ] as const) {
      await page.getByRole('heading', { name: heading }).evaluate((h) => h.scrollIntoView());
      await page.screenshot({ path: `${SCREENS}/guardrails-builder-${file}-light.png` });
    }
  });
});

describe('the test bench', () => {
  it('runs the built-in suite in one click and shows the grid', async () => {
    await openTab(page, 'Test bench');
    expect(await page.getByLabel('Guardrail', { exact: true }).inputValue()).toBe(guardrailId);
    await page.getByRole('button', { name: 'Run the suite (7 cases)' }).click();
    await summary().getByText('7 of 7 cases passed').waitFor();
    const grid = page.getByRole('table', { name: 'Test suite results' });
    expect(await grid.locator('.gr-pass').count()).toBe(7);
    await page
      .getByRole('heading', { name: 'Guardrail to test' })
      .evaluate((h) => h.scrollIntoView());
    await page.screenshot({ path: `${SCREENS}/guardrails-bench-top-light.png` });
  });

  it('applies the guardrail to one text and shows the masked output and the units billed', async () => {
    await page
      .getByLabel('Text to check')
      .fill('Mail jane.doe@example.com about student S1234567, please.');
    await page.getByRole('button', { name: 'Apply guardrail' }).click();
    const output = page.getByTestId('guardrail-output');
    await output.waitFor();
    expect(await output.innerText()).toBe('Mail {EMAIL} about student {student-id}, please.');
    const assessments = await page.getByRole('group', { name: 'Policy assessments' }).innerText();
    expect(assessments).toMatch(/PII\s+EMAIL\s+ANONYMIZED\s+matched “jane.doe@example.com”/);
    const units = await page.getByRole('table', { name: 'Text units billed' }).innerText();
    expect(units).toMatch(/Total\s+\d+\s+\$[\d.]+ \(estimate\)/);
    await expectSoundLayout(page, 'Test bench / light');
    await page.getByTestId('guardrail-result').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/guardrails-bench-light.png` });
  });

  it('shows what changed after the grounding threshold is lowered', async () => {
    await openTab(page, 'Guardrail builder');
    await page.getByLabel('Grounding threshold').fill('0.5');
    await page.getByRole('button', { name: 'Update working draft' }).click();
    await page.getByText(`Updated the working draft (DRAFT) of ${NAME}.`).waitFor();
    await openTab(page, 'Test bench');
    await page.getByRole('button', { name: 'Run the suite (7 cases)' }).click();
    await summary()
      .getByText('6 of 7 cases passed; 1 case changed since the previous run.')
      .waitFor();
    const row = page.locator('tr[data-case="ungrounded-answer"]');
    expect(await row.getAttribute('class')).toContain('gr-changed');
    expect(await row.innerText()).toMatch(/Pass\s+intervened\s+Fail\s+let through/);
    await expectSoundLayout(page, 'Test bench, rerun / light');
    await summary().scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/guardrails-bench-rerun-light.png` });
  });
});

describe('accessibility', () => {
  it('finds no serious or critical axe violation on either tab with results shown', async () => {
    const found: string[] = [];
    for (const tab of ['Test bench', 'Guardrail builder']) {
      await openTab(page, tab);
      const results = await new AxeBuilder({ page })
        .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
        .analyze();
      for (const v of results.violations) {
        if (v.impact === 'serious' || v.impact === 'critical') {
          found.push(
            `${tab}: ${v.id} ${v.help} -> ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`,
          );
        }
      }
    }
    expect(found, found.join('\n')).toEqual([]);
  });
});

describe('dark theme and the chat picker', () => {
  it('renders both tabs in dark without overflow', async () => {
    const dark = await opened!.newPage({
      path: '#/guardrails',
      heading: 'Guardrails and agents lab',
      tab: 'Guardrail builder',
      viewport: VIEWPORT,
      colorScheme: 'dark',
    });
    await dark
      .getByRole('list', { name: 'Your guardrails' })
      .getByText(NAME, { exact: true })
      .waitFor();
    await expectSoundLayout(dark, 'Guardrail builder / dark');
    await dark.screenshot({ path: `${SCREENS}/guardrails-builder-dark.png` });
    await openTab(dark, 'Test bench');
    await dark.getByLabel('Guardrail', { exact: true }).selectOption(guardrailId);
    await dark.getByRole('button', { name: 'Run the suite (7 cases)' }).click();
    await dark.getByTestId('suite-summary').getByText('6 of 7 cases passed').waitFor();
    await expectSoundLayout(dark, 'Test bench / dark');
    await dark.getByTestId('suite-summary').scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/guardrails-bench-dark.png` });
    await dark.context().close();
  });

  it('the chat picks the guardrail from the list instead of a typed id', async () => {
    const chat = await opened!.newPage({
      path: '#/playground',
      heading: 'Playground',
      viewport: { width: 1400, height: 1000 },
    });
    await chat.getByLabel('Apply a guardrail').check();
    await chat.getByLabel('Your guardrails').selectOption({ label: `${NAME} (${guardrailId})` });
    expect(await chat.getByLabel('Guardrail id or ARN').inputValue()).toBe(guardrailId);
    await chat.getByLabel('Version to use').waitFor();
    await chat.getByRole('textbox', { name: 'Message' }).fill('What is a guardrail?');
    await chat.getByRole('textbox', { name: 'Message' }).press('Enter');
    await chat.locator('[data-testid="assistant-turn"][data-status="complete"]').waitFor();
    const calls = opened!.app.fake.modelCalls();
    const body = calls[calls.length - 1]?.body as { guardrailConfig?: Record<string, unknown> };
    expect(body.guardrailConfig).toMatchObject({
      guardrailIdentifier: guardrailId,
      guardrailVersion: 'DRAFT',
    });
    await chat.context().close();
  });

  it('the chat does not offer the previous guardrail’s versions while the next one’s load', async () => {
    const chat = await opened!.newPage({
      path: '#/playground',
      heading: 'Playground',
      viewport: { width: 1400, height: 1000 },
    });
    await chat.getByLabel('Apply a guardrail').check();
    const versionField = chat.getByLabel('Version to use');
    await chat.getByLabel('Your guardrails').selectOption('fakeguardrail01');
    await versionField.getByRole('option', { name: 'Version 1' }).waitFor({ state: 'attached' });
    // Hold the new guardrail's version listing until the picker has been looked at.
    let release = () => undefined as void;
    const held = new Promise<void>((resolve) => (release = resolve));
    let requested = () => undefined as void;
    const arrived = new Promise<void>((resolve) => (requested = resolve));
    await chat.route('**/api/request/listGuardrails', async (route) => {
      if ((route.request().postData() ?? '').includes(guardrailId)) {
        requested();
        await held;
      }
      await route.continue();
    });
    await chat.getByLabel('Your guardrails').selectOption(guardrailId);
    await arrived;
    expect(await versionField.count()).toBe(0);
    release();
    await versionField.waitFor();
    const offered = await versionField.locator('option').allInnerTexts();
    expect(offered).not.toContain('Version 1');
    expect(offered).toContain('DRAFT (working draft)');
    await chat.context().close();
  });
});
