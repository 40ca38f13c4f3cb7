/**
 * Case-study sets the learner owns, in Chromium against the fake Bedrock: generate a set from a
 * note's task statement (the model's scenario check flags a question that does not need the
 * scenario; the learner accepts it anyway), save it, see it as a group in My questions (edit the
 * scenario, delete with Undo), practise it with the scenario beside each question, export it and
 * import it into a fresh window; a file whose question names a missing case is refused.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { markdownToPlainText, passageOccursIn } from '../../shared/question-checks';
import type { ConverseRequestInfo } from '../fakes/bedrock';
import type { RunningApp } from '../support/app';
import { CONTENT_DIR } from '../support/corpus';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const NOTE_ID = 'inference-parameters';
const NOTE_TITLE = 'Inference parameters: temperature, top-p, top-k, length and stop sequences';
const TITLE = 'Contoso contract summaries';
const SCENARIO =
  'Contoso Legal uses a text model on Amazon Bedrock to summarise supplier contracts. The compliance team requires that the same contract always yields nearly the same summary, because auditors compare two runs side by side.\n\n' +
  'Today the summaries vary from run to run, and some stop in the middle of a sentence at about 100 tokens. Each summary must end at the line "END OF SUMMARY" so that a downstream parser can split a batch of them.';
const EDITED = 'The team reviews the settings every quarter with the auditors.';

/** Sentences of the real note (plain text) that make good quoted passages. */
function passages(): string[] {
  const raw = readFileSync(join(CONTENT_DIR, 'notes', `${NOTE_ID}.md`), 'utf8');
  const body = raw.replace(/^---[\s\S]*?---/, '');
  const picked = markdownToPlainText(body)
    .split(/(?<=\.)\s+/)
    .filter((s) => s.length >= 40 && s.length <= 300 && /^[A-Z]/.test(s))
    .slice(0, 3);
  for (const p of picked) expect(passageOccursIn(p, body), p).toBe(true);
  return picked;
}

function single(stem: string, options: string[], why: string[], passage: string) {
  return {
    type: 'single',
    sourceNoteId: NOTE_ID,
    task: '3.1',
    difficulty: 'medium',
    stem,
    options: options.map((text, i) => ({ id: 'abcd'[i]!, text })),
    correct: ['a'],
    whyWrong: why.map((reason, i) => ({ id: 'bcd'[i]!, reason })),
    explanation: `The scenario's requirement decides it: ${options[0]!.toLowerCase()} is the setting that meets it.`,
    sourcePassage: passage,
  };
}

function questions() {
  const [p0, p1, p2] = passages();
  return [
    single(
      'Which change meets the compliance team’s requirement for the contract summaries?',
      ['Lower the temperature', 'Raise the top-p', 'Add a second stop sequence', 'Raise top-k'],
      [
        'A higher top-p widens the choice of tokens.',
        'Stop sequences only decide where output ends.',
        'A higher top-k admits more candidate tokens.',
      ],
      p0!,
    ),
    single(
      'What most likely causes the summaries that end in the middle of a sentence?',
      [
        'The maximum length is set too low',
        'The temperature is set too low',
        'Top-p is set to 1',
        'The prompt has no examples',
      ],
      [
        'Temperature changes token choice, not where output stops.',
        'Top-p widens the choice; it does not cut output.',
        'Examples shape style, not length limits.',
      ],
      p1!,
    ),
    single(
      'How should the team make every summary end where the parser expects?',
      [
        'Set the stop sequence to the end line',
        'Lower top-k to 1',
        'Raise the maximum length to the model limit',
        'Raise the temperature slightly',
      ],
      [
        'Top-k narrows the choice of each token only.',
        'A longer limit does not choose where output ends.',
        'Temperature changes variety, not the ending.',
      ],
      p2!,
    ),
  ];
}

/** Answers a blind check by option text, reading the letters from the prompt. */
function answerByText(req: ConverseRequestInfo, text: string): { answers: string[] } {
  for (const m of req.lastUserText.matchAll(/^([A-G])\. (.+)$/gm))
    if (m[2] === text) return { answers: [m[1]!] };
  throw new Error(`No option "${text}" in the blind prompt`);
}

let opened: OpenedApp | undefined;
let app: RunningApp;
let page: Page;
let exported = '';

beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1400, height: 1000 } });
  ({ app, page } = opened);
  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
});
afterAll(() => opened?.close());

/** A screenshot of the whole screen: the viewport grows to the scrolling content's height. */
async function shot(p: Page, name: string) {
  const size = p.viewportSize()!;
  const height = await p.evaluate(
    () => (document.querySelector('.content')?.scrollHeight ?? 1000) + 60,
  );
  await p.setViewportSize({
    width: size.width,
    height: Math.min(Math.max(height, size.height), 5000),
  });
  await p.screenshot({ path: `${SCREENS}/${name}.png` });
  await p.setViewportSize(size);
}

/** Screenshots in both themes: the whole screen, or (`full` false) the window as it is. */
async function bothThemes(p: Page, name: string, where: string, full = true) {
  const take = (file: string) =>
    full ? shot(p, file) : p.screenshot({ path: `${SCREENS}/${file}.png` });
  await expectSoundLayout(p, `${where} / light`);
  await take(`${name}-light`);
  await p.emulateMedia({ colorScheme: 'dark' });
  await expectSoundLayout(p, `${where} / dark`);
  await take(`${name}-dark`);
  await p.emulateMedia({ colorScheme: 'light' });
}

/** The decisions of the saved 'case-drafts' session, as JSON ('null' when none is saved). */
function savedCaseDecisions(): Promise<string> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stratum');
    open.onerror = () => reject(new Error('IndexedDB did not open'));
    open.onsuccess = () => {
      const get = open.result.transaction('sessions').objectStore('sessions').get('case-drafts');
      get.onsuccess = () => {
        const row = get.result as { sets?: { decisions: unknown }[] } | undefined;
        resolve(JSON.stringify(row?.sets?.map((s) => s.decisions) ?? null));
        open.result.close();
      };
    };
  });
}

describe('a case-study set of your own', () => {
  it('generates a set whose questions are checked for needing the scenario', async () => {
    const blind: string[] = [];
    app.fake.setBehavior({
      kind: 'toolUse',
      input: (req) => {
        if (req.tools[0]?.name === 'record_case_study')
          return { title: TITLE, scenario: SCENARIO, questions: questions() };
        blind.push(req.lastUserText);
        // Without the scenario, the model still finds the first answer; not the others (each
        // answered by the text of a wrong option, as the letters are shuffled per question).
        const text = req.lastUserText.includes('compliance team')
          ? 'Lower the temperature'
          : req.lastUserText.includes('middle of a sentence')
            ? 'Top-p is set to 1'
            : 'Lower top-k to 1';
        return answerByText(req, text);
      },
    });
    await openTab(page, 'Generate with Bedrock');
    await page.getByLabel('Search notes').fill('temperature');
    await page.getByRole('checkbox', { name: NOTE_TITLE }).check();
    await page.getByRole('radio', { name: /Case study set/ }).check();
    await page.getByLabel('Questions in the set (2 to 4)').fill('3');
    expect(await page.getByLabel('Task statement of the set').inputValue()).toBe('3.1');
    await page.getByRole('button', { name: 'Generate a case study set of 3' }).click();

    const set = page.getByTestId('gen-case');
    await set.waitFor();
    await page.getByRole('heading', { name: 'Run finished' }).waitFor();
    expect(await set.getByRole('heading', { name: TITLE }).count()).toBe(1);
    expect(await page.getByTestId('gen-case-scenario').innerText()).toContain('END OF SUMMARY');
    expect(await set.getByTestId('gen-case-question').count()).toBe(3);
    // The check ran without the scenario: none of its sentences reached the blind prompts.
    expect(blind).toHaveLength(3);
    for (const p of blind) expect(p).not.toContain('Contoso');
    const flag = page.getByTestId('scenario-flag');
    expect(await flag.count()).toBe(1);
    expect(await flag.innerText()).toMatch(/Does not need the scenario/);
    const save = set.getByRole('button', { name: 'Save case study' });
    expect(await save.isDisabled()).toBe(true);
    await bothThemes(page, 'case-set-generate-review', 'Practice / Generate, a case set');

    await set.getByRole('button', { name: 'Accept anyway' }).click();
    // The set and the decision are kept in IndexedDB, so a reload does not lose them.
    await expect
      .poll(() => page.evaluate(savedCaseDecisions), { timeout: 5_000 })
      .toMatch(/"accepted"/);
    expect(await page.evaluate(savedCaseDecisions)).not.toContain('undecided');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await openTab(page, 'Generate with Bedrock');
    await set.waitFor();
    expect(await set.getByTestId('gen-case-question').count()).toBe(3);
    expect(await save.isDisabled()).toBe(false);
    await save.click();
    expect(await page.getByTestId('gen-case-status').innerText()).toMatch(
      /Case study “Contoso contract summaries” saved with 3 questions/,
    );
    expect(await page.getByTestId('gen-case').count()).toBe(0);
  });

  it('lists the set as a group in My questions: edit the scenario, delete with Undo', async () => {
    await openTab(page, 'My questions');
    const group = page.getByRole('listitem', { name: `Case study: ${TITLE}` });
    await group.waitFor();
    expect(await group.getByTestId('manage-item').count()).toBe(3);
    expect(await group.locator('summary').innerText()).toMatch(/^Contoso Legal uses a text model/);
    await bothThemes(page, 'case-set-my-questions', 'Practice / My questions, a case group', false);

    await group.getByRole('button', { name: 'Edit scenario' }).click();
    const text = group.getByLabel('Scenario');
    await text.fill(`${SCENARIO}\n\n${EDITED}`);
    await group.getByRole('button', { name: 'Save scenario' }).click();
    await page.getByTestId('manage-status').filter({ hasText: 'Saved the scenario' }).waitFor();

    await group.getByRole('button', { name: 'Delete case study' }).click();
    await page
      .getByTestId('manage-status')
      .filter({
        hasText: 'Deleted the case study “Contoso contract summaries” and its 3 questions',
      })
      .waitFor();
    expect(await group.getByText('deleted', { exact: false }).count()).toBeGreaterThan(0);
    await page.getByTestId('manage-status').getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('manage-status').filter({ hasText: 'Undone.' }).waitFor();
    await group.getByRole('button', { name: 'Edit scenario' }).waitFor();
    expect(await group.getByTestId('manage-item').count()).toBe(3);
  });

  it('practises the set with the (edited) scenario beside each question', async () => {
    await openTab(page, 'Quick practice');
    await page.getByLabel('Type').selectOption('case');
    await page.getByLabel('Origin').selectOption('generated');
    await page.getByRole('button', { name: 'Start 3 questions' }).click();
    const scenario = page.getByTestId('case-scenario');
    await scenario.waitFor();
    expect(await scenario.getAttribute('aria-label')).toBe(`Case study: ${TITLE}`);
    expect(await scenario.innerText()).toContain(EDITED);
    await page.screenshot({ path: `${SCREENS}/case-set-practice-light.png` });
    await expectSoundLayout(page, 'Practice / Quick practice, a learner case');
  });

  it('exports the set and imports it into a fresh window', async () => {
    await page.keyboard.press('Control+,');
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything' }).click();
    exported = readFileSync(await (await download).path(), 'utf8');
    const file = JSON.parse(exported) as {
      version: number;
      tables: { cases: { id: string; scenario: string }[]; questions: unknown[] };
    };
    expect(file.version).toBe(4);
    expect(file.tables.cases).toHaveLength(1);
    expect(file.tables.cases[0]!.scenario).toContain(EDITED);
    expect(file.tables.questions).toHaveLength(3);

    const fresh = await opened!.newPage({ path: '#/settings', heading: 'Settings' });
    // A file whose questions name a case that is nowhere is refused, and nothing changes.
    const orphan = JSON.stringify({ ...file, tables: { ...file.tables, cases: [] } });
    await fresh.getByLabel('Backup file to import').setInputFiles({
      name: 'orphan.json',
      mimeType: 'application/json',
      buffer: Buffer.from(orphan),
    });
    expect(await fresh.getByTestId('import-refused').innerText()).toMatch(
      /3 questions whose case study is missing[\s\S]*neither in the file, in the bank nor one of your case studies/,
    );
    await fresh.getByLabel('Backup file to import').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(exported),
    });
    expect(await fresh.getByTestId('import-confirm').innerText()).toMatch(
      /1 case study added, 3 questions added/,
    );
    await fresh.getByRole('button', { name: 'Import', exact: true }).click();
    await fresh.getByTestId('import-done').waitFor();
    await fresh.keyboard.press('Control+4');
    await fresh.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await openTab(fresh, 'My questions');
    const group = fresh.getByRole('listitem', { name: `Case study: ${TITLE}` });
    await group.waitFor();
    expect(await group.getByTestId('manage-item').count()).toBe(3);
    await fresh.context().close();
  });
});
