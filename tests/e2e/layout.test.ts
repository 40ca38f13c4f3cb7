/**
 * Every screen and every tab of the tabbed screens, in light and dark, at 1400x1000 and at a
 * narrow 1000x800: no element's content overflows its card horizontally (tests/support/layout.ts).
 * Screens that show results only after an action (Chat, Compare) are given some first (a Markdown
 * reply like a real model's), so tables and columns with real figures are measured.
 * Screenshots: test-results/screens/layout-<screen>-<tab>-<scheme>[-1000].png.
 * A tab that appears on a screen without being listed here fails the run, so new tabs get checked.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { describeOverflow, overflowingElements } from '../support/layout';
import { loadCorpus } from '../support/corpus';

const SCREENS = 'test-results/screens';
const NOTE_ID = 'inference-parameters';
const noteTitle = loadCorpus().noteById.get(NOTE_ID)!.title;

interface TabToVisit {
  /** For the file name and the test's name. */
  id: string;
  /** The tab's accessible name. */
  name: string | RegExp;
  /** Puts results on the tab before it is measured. */
  prepare?: (page: Page) => Promise<void>;
}

interface ScreenToVisit {
  id: string;
  path: string;
  heading: string;
  tabs?: TabToVisit[];
}

async function sendChatMessage(page: Page): Promise<void> {
  if (await page.locator('[data-testid="assistant-turn"][data-status="complete"]').count()) return;
  const box = page.getByRole('textbox', { name: 'Message' });
  await box.fill('What does on-demand pricing mean on Amazon Bedrock?');
  await box.press('Enter');
  await page.locator('[data-testid="assistant-turn"][data-status="complete"]').first().waitFor();
}

/** The most columns Compare offers, run once: the widest its results get. */
async function runCompare(page: Page): Promise<void> {
  const columns = page.getByLabel('Columns', { exact: true });
  const counts = await columns.locator('option').allInnerTexts();
  if (counts.length) await columns.selectOption(counts[counts.length - 1]!);
  await page.getByRole('button', { name: 'Run', exact: true }).click();
  await page
    .getByTestId('compare-wall')
    .filter({ hasText: 'All columns finished' })
    .waitFor({ timeout: 30_000 });
}

async function drawSamples(page: Page): Promise<void> {
  const draw = page.getByRole('button', { name: /^Draw [\d,]+ times?$/ }).first();
  if (await draw.count()) await draw.click();
}

const VISITS: ScreenToVisit[] = [
  { id: 'home', path: '', heading: 'Welcome to Stratum' },
  { id: 'note', path: `#/notes/${NOTE_ID}`, heading: noteTitle },
  { id: 'glossary', path: '#/glossary', heading: 'Glossary' },
  { id: 'models', path: '#/models', heading: 'Models' },
  {
    id: 'token-lab',
    path: '#/token-lab',
    heading: 'Token lab',
    tabs: [
      { id: 'illustrative', name: /Illustrative/, prepare: drawSamples },
      { id: 'small-model', name: /small model/i, prepare: drawSamples },
      { id: 'bedrock', name: /real model|Bedrock/ },
    ],
  },
  {
    id: 'diffusion-lab',
    path: '#/diffusion-lab',
    heading: 'Diffusion lab',
    tabs: [
      { id: 'forward', name: /^Adding noise/ },
      { id: 'reverse', name: /^Removing noise/ },
      { id: 'trained', name: /trained network/ },
      { id: 'samples-2d', name: /2-D/ },
      { id: 'images', name: /Images/ },
    ],
  },
  {
    id: 'practice',
    path: '#/practice',
    heading: 'Practice',
    tabs: [
      { id: 'quick', name: 'Quick practice' },
      { id: 'review', name: 'Spaced review' },
      { id: 'exam', name: 'Mock exam' },
      { id: 'generate', name: /^Generate/ },
      { id: 'my-questions', name: 'My questions' },
      { id: 'stats', name: 'Stats' },
    ],
  },
  {
    id: 'playground',
    path: '#/playground',
    heading: 'Playground',
    tabs: [
      // Chat first: its call (and Compare's) put rows in the invocation log measured last.
      { id: 'chat', name: 'Chat', prepare: sendChatMessage },
      { id: 'compare', name: 'Compare', prepare: runCompare },
    ],
  },
  { id: 'invocation-log', path: '#/invocation-log', heading: 'Invocation log' },
  {
    id: 'knowledge-bases',
    path: '#/knowledge-bases',
    heading: 'Knowledge bases lab',
    tabs: [
      { id: 'chunking', name: 'Chunking' },
      { id: 'embeddings', name: 'Embeddings' },
      { id: 'retrieval', name: /^Retrieval$/ },
      { id: 'answer', name: 'Grounded answer' },
      { id: 'quality', name: 'Retrieval quality' },
      { id: 'bedrock-kb', name: 'Knowledge base on Bedrock' },
    ],
  },
  {
    id: 'evaluation',
    path: '#/evaluation',
    heading: 'Evaluation lab',
    tabs: [
      { id: 'datasets', name: 'Datasets' },
      { id: 'runs', name: 'Runs and metrics' },
      { id: 'judge', name: 'Model as judge' },
      { id: 'human', name: 'Human review' },
      { id: 'jobs', name: 'Evaluation jobs on Bedrock' },
    ],
  },
  {
    id: 'guardrails',
    path: '#/guardrails',
    heading: 'Guardrails and agents lab',
    tabs: [
      { id: 'builder', name: 'Guardrail builder' },
      { id: 'bench', name: 'Test bench' },
      { id: 'agent', name: 'Agent, step by step' },
      { id: 'bedrock-agent', name: 'Agent on Bedrock' },
    ],
  },
  {
    id: 'customization',
    path: '#/customization',
    heading: 'Customization lab',
    tabs: [
      { id: 'dataset', name: 'Dataset builder' },
      { id: 'costs', name: 'Costs' },
      { id: 'ladder', name: 'The ladder' },
      { id: 'job', name: 'Job on Bedrock' },
    ],
  },
  { id: 'settings', path: '#/settings', heading: 'Settings' },
];

const SIZES = [
  { width: 1400, height: 1000, suffix: '' },
  { width: 1000, height: 800, suffix: '-1000' },
] as const;

/**
 * What the fake model answers: Markdown a real model writes (a long inline identifier, a table,
 * a code block with a long line), so chat and compare are measured with realistic output.
 */
const REPLY = [
  'Use the inference profile `us.anthropic.claude-3-5-sonnet-20241022-v2:0` for on-demand calls.',
  '',
  '| Setting | Value |',
  '|---|---|',
  '| temperature | 0.7 |',
  '| maxTokens | 400 |',
  '',
  '```',
  'aws bedrock-runtime converse --model-id us.anthropic.claude-3-5-sonnet-20241022-v2:0 --messages file://messages.json',
  '```',
].join('\n');

/**
 * Runs in the page: the single-line controls (text, number and search boxes, drop-down lists, and
 * buttons beside fields) that share a row of fields but not a height, by their row. Controls are
 * grouped by the element holding their fields, then by overlapping vertical extent; all of one
 * row must be within a pixel of each other (the --control-height token).
 */
function unevenControlRows(): string[] {
  const single = (el: Element): boolean => {
    if (el instanceof HTMLSelectElement) return !el.multiple && el.size <= 1;
    if (el instanceof HTMLInputElement)
      return !['checkbox', 'radio', 'range', 'file', 'color', 'hidden'].includes(el.type);
    return false;
  };
  const rows = new Map<Element, HTMLElement[]>();
  for (const field of document.querySelectorAll('main .field')) {
    const parent = field.parentElement;
    if (!parent) continue;
    const control = [...field.children].find(single) as HTMLElement | undefined;
    const siblings = [...parent.children].filter(
      (c): c is HTMLElement =>
        c instanceof HTMLButtonElement && !c.classList.contains('link') && c.offsetParent !== null,
    );
    const list = rows.get(parent) ?? [];
    if (control && control.offsetParent !== null) list.push(control);
    for (const b of siblings) if (!list.includes(b)) list.push(b);
    rows.set(parent, list);
  }
  const nameOf = (c: HTMLElement): string => {
    const label = c instanceof HTMLButtonElement ? null : (c as HTMLInputElement).labels?.[0];
    return (label ?? c).textContent?.trim().slice(0, 30) ?? '';
  };
  const uneven: string[] = [];
  for (const [parent, controls] of rows) {
    const boxes = controls.map((c) => ({ c, r: c.getBoundingClientRect() }));
    const done = new Set<number>();
    boxes.forEach((a, i) => {
      if (done.has(i)) return;
      const row = boxes.filter((b, j) => {
        const same = b.r.top < a.r.bottom && a.r.top < b.r.bottom;
        if (same) done.add(j);
        return same;
      });
      const heights = row.map((b) => b.r.height);
      if (row.length > 1 && Math.max(...heights) - Math.min(...heights) > 1) {
        uneven.push(
          `${parent.tagName.toLowerCase()}.${String(parent.className).replace(/\s+/g, '.')}: ` +
            row
              .map(
                (b) => `${b.c.tagName.toLowerCase()} "${nameOf(b.c)}" ${b.r.height.toFixed(1)}px`,
              )
              .join(', '),
        );
      }
    });
  }
  return uneven;
}

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp();
  opened.app.fake.setBehavior({ kind: 'reply', text: REPLY });
});
afterAll(() => opened?.close());

/** Fails when the screen shows a tab this file does not visit. */
async function expectEveryTabListed(page: Page, screen: ScreenToVisit): Promise<void> {
  const names = (await page.getByRole('tab').allInnerTexts()).map((t) => t.trim());
  const unlisted = names.filter(
    (n) => !screen.tabs!.some((t) => (typeof t.name === 'string' ? t.name === n : t.name.test(n))),
  );
  expect(unlisted, `${screen.id} has tabs this test does not visit`).toEqual([]);
}

for (const size of SIZES) {
  for (const scheme of ['light', 'dark'] as const) {
    describe(`${size.width}x${size.height}, ${scheme}`, () => {
      let page: Page;
      beforeAll(async () => {
        page = await opened!.newPage({
          viewport: { width: size.width, height: size.height },
          colorScheme: scheme,
        });
      });
      afterAll(() => page?.context().close());

      for (const screen of VISITS) {
        for (const tab of screen.tabs ?? [undefined]) {
          const where = [screen.id, tab?.id, scheme, `${size.width}x${size.height}`]
            .filter(Boolean)
            .join(' / ');
          it(`no element overflows its card: ${where}`, async () => {
            const url = `${opened!.app.server.url}${screen.path}`;
            if (page.url() !== url) await page.goto(url);
            await page.getByRole('heading', { level: 1, name: screen.heading }).waitFor();
            if (tab) {
              if (tab === screen.tabs![0]) await expectEveryTabListed(page, screen);
              await openTab(page, tab.name);
              await tab.prepare?.(page);
            }
            // Let lazy parts, fonts and transitions settle before measuring.
            await page.evaluate(
              () => new Promise((done) => requestAnimationFrame(() => setTimeout(done, 150))),
            );
            const name = [screen.id, tab?.id ?? 'main', scheme].join('-');
            await page.screenshot({ path: `${SCREENS}/layout-${name}${size.suffix}.png` });
            const over = await overflowingElements(page);
            if (over.length) {
              throw new Error(
                `${where}: ${over.length} element(s) overflow their card horizontally:\n` +
                  describeOverflow(over, 25),
              );
            }
            const uneven = await page.evaluate(unevenControlRows);
            expect(uneven, `${where}: controls in one row of fields differ in height`).toEqual([]);
          });
        }
      }
    });
  }
}
