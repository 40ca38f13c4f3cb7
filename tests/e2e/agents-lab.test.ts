/**
 * The agents half of the guardrails and agents lab in Chromium against the fake Bedrock: a
 * question whose model calls two tools together shows every step (the model's turn, both calls
 * side by side with input and result, tokens and cost, the final answer); confirm mode pauses
 * until a call is run or declined; a model that never stops calling tools ends at the step limit
 * with a message; and a Bedrock agent (InvokeAgent against the fake's FAKEAGENT1) shows its
 * trace. Both tabs screenshotted in light and dark at 1280x800.
 */
import AxeBuilder from '@axe-core/playwright';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { RunningApp } from '../support/app';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const VIEWPORT = { width: 1280, height: 800 };
const AGENT_TAB = 'Agent, step by step';
const BEDROCK_TAB = 'Agent on Bedrock';
const ANSWER = 'An agent trace shows each step the agent took (see the agents note); 6 * 7 = 42.';

let opened: OpenedApp | undefined;
let app: RunningApp;
let page: Page;

beforeAll(async () => {
  opened = await openApp({
    path: '#/guardrails',
    heading: 'Guardrails and agents lab',
    tab: AGENT_TAB,
    viewport: VIEWPORT,
  });
  ({ app, page } = opened);
});
afterAll(() => opened?.close());

function scriptTwoTools() {
  app.fake.reset();
  app.fake.enqueue(
    {
      kind: 'turn',
      text: 'I will look up the term and do the sum at once.',
      toolUses: [
        { name: 'lookup_glossary', input: { term: 'agent trace' } },
        { name: 'calculator', input: { expression: '6 * 7' } },
      ],
    },
    { kind: 'turn', text: ANSWER },
  );
}

async function runAgent(p: Page) {
  await p.getByLabel('Question').fill('What is an agent trace, and what is 6 * 7?');
  await p.getByRole('button', { name: 'Run the agent' }).click();
}

/** axe-core's serious and critical violations inside the tab, with its results showing. */
async function axeProblems(p: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page: p })
    .include('.agent-lab')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(' | ')}`);
}

const steps = (p: Page) => p.getByRole('list', { name: 'Agent steps' });

describe('Agent, step by step', () => {
  it('shows every step of a question that calls two tools', async () => {
    scriptTwoTools();
    await runAgent(page);
    const timeline = steps(page);
    await timeline.getByRole('heading', { name: 'Final answer' }).waitFor();
    const text = await timeline.innerText();
    expect(text).toContain('Step 1: the model answered');
    expect(text).toContain('I will look up the term and do the sum at once.');
    expect(text).toContain('Step 1: 2 tool calls, run together');
    expect(text).toContain('Step 2: the model answered');
    expect(text).toContain(ANSWER);
    const glossary = timeline.getByRole('article', { name: 'Tool call lookup_glossary' });
    expect(await glossary.innerText()).toMatch(/"term": "agent trace"[\s\S]*"found": true/);
    const calc = timeline.getByRole('article', { name: 'Tool call calculator' });
    expect(await calc.innerText()).toMatch(/"value": 42/);
    expect(text).toMatch(/\d+ in · \d+ out tokens · .* · \$/);
    expect(await page.locator('.agent-summary').innerText()).toMatch(
      /Answered\. 2 model turns · [\d,]+ input and [\d,]+ output tokens · \$/,
    );
    expect(
      await page.getByRole('heading', { name: 'This loop in Bedrock Agents’ terms' }).count(),
    ).toBe(1);
    const tools = page.getByRole('region', { name: 'The tools (action group functions)' });
    expect(await tools.locator('summary').allInnerTexts()).toEqual([
      'search_notes',
      'lookup_glossary',
      'draw_practice_question',
      'calculator',
      'current_date',
    ]);
    await expectSoundLayout(page, 'Agent tab / light');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/agents-lab-agent-light.png` });
    await timeline.getByText('Step 1: 2 tool calls, run together').scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/agents-lab-agent-steps-light.png` });
  });

  it('confirm mode waits for the learner: a declined call is returned as declined', async () => {
    scriptTwoTools();
    await page.getByLabel('Confirm each tool call before it runs').check();
    await runAgent(page);
    await page.getByRole('button', { name: 'Run lookup_glossary' }).click();
    await page.getByRole('button', { name: 'Decline calculator' }).click();
    const timeline = steps(page);
    await timeline.getByRole('heading', { name: 'Final answer' }).waitFor();
    const calc = timeline.getByRole('article', { name: 'Tool call calculator' });
    expect(await calc.innerText()).toMatch(/Declined[\s\S]*learner declined/);
    await page.getByLabel('Confirm each tool call before it runs').uncheck();
  });

  it('a model that never stops calling tools ends at the step limit with a message', async () => {
    app.fake.reset();
    app.fake.setBehavior({ kind: 'turn', toolUses: [{ name: 'current_date', input: {} }] });
    await page.getByLabel('Step limit').fill('3');
    await runAgent(page);
    const notice = steps(page).getByText(/reached its limit of 3 steps/);
    await notice.waitFor();
    expect(await page.locator('.agent-summary').innerText()).toMatch(/Ended at the step limit/);
    expect(await steps(page).getByRole('heading', { name: 'Final answer' }).count()).toBe(0);
    expect(app.fake.modelCalls()).toHaveLength(3);
    app.fake.reset();
    await page.getByLabel('Step limit').fill('6');
  });

  it('looks sound in dark too', async () => {
    scriptTwoTools();
    const dark = await opened!.newPage({
      path: '#/guardrails',
      heading: 'Guardrails and agents lab',
      tab: AGENT_TAB,
      viewport: VIEWPORT,
      colorScheme: 'dark',
    });
    await runAgent(dark);
    await steps(dark).getByRole('heading', { name: 'Final answer' }).waitFor();
    await expectSoundLayout(dark, 'Agent tab / dark');
    expect(await axeProblems(dark)).toEqual([]);
    await dark.screenshot({ path: `${SCREENS}/agents-lab-agent-dark.png` });
    await steps(dark).getByText('Step 1: 2 tool calls, run together').scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/agents-lab-agent-steps-dark.png` });
    await dark.context().close();
  });
});

describe('Agent on Bedrock', () => {
  async function invoke(p: Page, agentId: string) {
    await openTab(p, BEDROCK_TAB);
    await p.getByLabel('Agent ID').fill(agentId);
    await p.getByLabel('Alias ID').fill('TSTALIASID');
    await p.getByRole('button', { name: 'Invoke the agent' }).click();
  }

  it('refuses an id the service would refuse, before sending', async () => {
    await openTab(page, BEDROCK_TAB);
    await page.getByLabel('Agent ID').fill('agent-123');
    await page.getByText('An agent ID is letters and digits only').waitFor();
    expect(await page.getByRole('button', { name: 'Invoke the agent' }).isDisabled()).toBe(true);
    expect(await page.getByTestId('agent-invoke-blocker').innerText()).toBe(
      'Correct the agent ID above.',
    );
  });

  it('an unknown agent says where to find the ids', async () => {
    app.fake.reset();
    await invoke(page, 'NOSUCHAGNT');
    await page.getByText(/No agent NOSUCHAGNT with alias TSTALIASID was found/).waitFor();
    expect(await page.getByText(/Copy the agent ID and the alias ID/).count()).toBe(1);
  });

  it('streams a real agent’s trace and answer into the timeline', async () => {
    app.fake.reset();
    await invoke(page, 'FAKEAGENT1');
    const timeline = page.getByRole('list', { name: 'Agent trace steps' });
    await timeline.getByRole('heading', { name: 'Final answer' }).waitFor();
    const text = await timeline.innerText();
    for (const label of [
      'Rationale',
      'Invocation input',
      'Observation',
      'Model invocation output',
    ]) {
      expect(text).toContain(label);
    }
    expect(text).toContain('Knowledge base FAKEKB0001');
    expect(text).toContain('Action group study-tools: days_until_exam');
    expect(text).toMatch(/Final answer\s+\S[^\n]+30 days away/);
    expect(await page.locator('.agent-summary').innerText()).toMatch(/Answered\./);
    await expectSoundLayout(page, 'Agent on Bedrock / light');
    expect(await axeProblems(page)).toEqual([]);
    await page.screenshot({ path: `${SCREENS}/agents-lab-bedrock-light.png` });
    await timeline.getByRole('heading', { name: 'Final answer' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: `${SCREENS}/agents-lab-bedrock-answer-light.png` });
  });

  it('looks sound in dark too', async () => {
    const dark = await opened!.newPage({
      path: '#/guardrails',
      heading: 'Guardrails and agents lab',
      tab: BEDROCK_TAB,
      viewport: VIEWPORT,
      colorScheme: 'dark',
    });
    await invoke(dark, 'FAKEAGENT1');
    await dark
      .getByRole('list', { name: 'Agent trace steps' })
      .getByRole('heading', { name: 'Final answer' })
      .waitFor();
    await expectSoundLayout(dark, 'Agent on Bedrock / dark');
    expect(await axeProblems(dark)).toEqual([]);
    await dark.screenshot({ path: `${SCREENS}/agents-lab-bedrock-dark.png` });
    await dark.getByRole('heading', { name: 'Final answer' }).scrollIntoViewIfNeeded();
    await dark.screenshot({ path: `${SCREENS}/agents-lab-bedrock-answer-dark.png` });
    await dark.context().close();
  });
});
