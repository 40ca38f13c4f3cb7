/**
 * Practice stats in Chromium: the empty state, then answers given in quick practice (chosen right
 * or wrong on purpose from the bank's answer key) show up as the expected numbers, survive a
 * reload, and the weakest task statement links to the note that teaches it. Review cards and a
 * mock exam are written straight into IndexedDB as fixtures to check the forecast and history.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { CaseStudy, QuestionFile, type Question } from '../../shared/questions';
import { openApp, type OpenedApp } from '../support/e2e';

const SCREENS = 'test-results/screens';
const QUESTIONS_DIR = resolve(import.meta.dirname, '../../content/questions');
const CASES_DIR = resolve(import.meta.dirname, '../../content/cases');
/** The starter bank in pool order (files by name, items in file order; then the case studies). */
const BANK: Question[] = readdirSync(QUESTIONS_DIR)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .flatMap((f) => QuestionFile.parse(JSON.parse(readFileSync(join(QUESTIONS_DIR, f), 'utf8'))))
  .concat(
    readdirSync(CASES_DIR)
      .filter((f) => f.endsWith('.json'))
      .flatMap(
        (f) => CaseStudy.parse(JSON.parse(readFileSync(join(CASES_DIR, f), 'utf8'))).questions,
      ),
  );

let page: Page;
/** Ids of questions answered wrong, in the order asked. */
const missed: string[] = [];

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1300, height: 950 } });
  ({ page } = opened);
  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
});
afterAll(() => opened?.close());

async function openStats(p: Page = page) {
  await p.getByRole('tab', { name: 'Stats' }).click();
  await p
    .getByRole('heading', { level: 2, name: /No answers yet|Summary/ })
    .first()
    .waitFor();
}

/** Runs five single-choice questions of one task, answering right where `right[i]` is true. */
async function practise(domain: string, task: string, right: boolean[]) {
  await page.getByRole('tab', { name: 'Quick practice' }).click();
  await page.getByLabel('Domain').selectOption(domain);
  await page.getByLabel('Task statement').selectOption(task);
  await page.getByLabel('Type').selectOption('single');
  await page.getByLabel('Questions', { exact: true }).fill('5');
  await page.getByRole('button', { name: /Start 5 questions/ }).click();
  for (let i = 0; i < 5; i++) {
    await page.getByRole('heading', { name: `Question ${i + 1} of 5` }).waitFor();
    const stem = await page.locator('legend.stem').innerText();
    const q = BANK.find((x) => x.stem === stem.trim());
    if (!q || q.type !== 'single') throw new Error(`Not a bank single-choice question: ${stem}`);
    const answer = q.options.findIndex((o) => o.id === q.answer);
    const pick = right[i] ? answer : (answer + 1) % q.options.length;
    await page.getByRole('radio').nth(pick).check();
    await page.getByRole('button', { name: 'Check answer' }).click();
    const feedback = await page.getByTestId('quiz-feedback').innerText();
    expect(feedback).toBe(right[i] ? 'Correct.' : 'Not quite: see the explanation.');
    if (!right[i]) missed.push(q.id);
    await page.getByRole('button', { name: /Next question|See results/ }).click();
  }
  await page.getByTestId('quiz-score').waitFor();
  await page.getByRole('button', { name: 'New practice' }).click();
}

/** Screenshots of the Stats panel in the light and the dark colour scheme. */
async function screenshots(name: string) {
  // The inner .content scrolls: make the window tall enough to hold the whole panel.
  const panel = page.locator('[role="tabpanel"]');
  const height = await panel.evaluate((el) => el.scrollHeight);
  await page.setViewportSize({ width: 1300, height: Math.max(950, height + 300) });
  for (const colorScheme of ['light', 'dark'] as const) {
    await page.emulateMedia({ colorScheme });
    await page
      .locator('[role="tabpanel"]')
      .screenshot({ path: `${SCREENS}/${name}-${colorScheme}.png` });
  }
  await page.emulateMedia({ colorScheme: 'light' });
  await page.setViewportSize({ width: 1300, height: 950 });
}

/** The browser's local date, YYYY-MM-DD, from its own clock and zone. */
const todayInPage = () =>
  page.evaluate(() => {
    const d = new Date();
    const pad = (n: number) => String(n).padStart(2, '0');
    return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
  });

/** The numbers every check below expects after the two practice runs. */
async function expectNumbers(p: Page, today: string) {
  const text = (id: string) => p.getByTestId(id).innerText();
  expect(await text('stat-answers')).toMatch(/^Answers\s+10\s+on 10 questions$/);
  expect(await text('stat-accuracy')).toMatch(/^Accuracy\s+50%\s+5 of 10 right/);
  expect(await text('stat-streak')).toMatch(/^Streak\s+1 day\s+longest 1 day$/);
  expect(await text('stats-domain-1')).toMatch(/80%[\s\S]*4 of 5 questions right/);
  expect(await text('stats-domain-4')).toMatch(/20%[\s\S]*1 of 5 questions right/);
  expect(await text('stats-domain-2')).toMatch(/Not practised yet/);
  expect(await text('stats-task-4.2')).toMatch(/\t5\t1 \(20%\)\t1 of 5 \(20%\)$/);
  expect(await text('stats-task-1.1')).toMatch(/\t5\t4 \(80%\)\t4 of 5 \(80%\)$/);
  // Weakest first: 1 of 5 (Wilson 95%: 4%-62%) before 4 of 5 (38%-96%).
  const weak = p.getByTestId('stats-weak').locator(':scope > li');
  expect(await weak.count()).toBe(2);
  expect(await weak.nth(0).innerText()).toMatch(
    /^4\.2 [\s\S]*1 of 5 questions right \(20%; likely between 4% and 62%\)/,
  );
  expect(await weak.nth(1).innerText()).toMatch(
    /^1\.1 [\s\S]*4 of 5 questions right \(80%; likely between 38% and 96%\)/,
  );
  const cell = p.locator(`.heatmap [data-date="${today}"]`);
  expect(await cell.getAttribute('aria-label')).toMatch(/^10 answers on /);
  expect(await cell.getAttribute('class')).toContain('heat-3');
  expect(await text('stats-calendar-summary')).toMatch(
    /^10 answers on 1 day in the last 26 weeks\./,
  );
}

describe('practice stats', () => {
  it('shows what to do first when nothing has been answered', async () => {
    await openStats();
    await page.getByRole('heading', { level: 2, name: 'No answers yet' }).waitFor();
    await screenshots('stats-empty');
    await page.getByRole('link', { name: 'Start quick practice' }).click();
    await page.getByRole('button', { name: /Start \d+ questions/ }).waitFor();
  });

  it('counts answers from quick practice by domain and task statement', async () => {
    await practise('4', '4.2', [true, false, false, false, false]);
    await practise('1', '1.1', [true, true, true, true, false]);
    await openStats();
    await expectNumbers(page, await todayInPage());
    // Questions first answered in quick practice join spaced review (due within minutes).
    expect(await page.getByText('Nothing is scheduled yet').count()).toBe(0);
    expect(await page.getByTestId('stat-due').innerText()).toMatch(/^Reviews due today\s+10\s/);
  });

  it('gives Home the same number of reviews due today, plus the day’s new questions', async () => {
    await page.keyboard.press('Control+1');
    await page.getByTestId('home-due').waitFor();
    expect(await page.getByTestId('home-due').innerText()).toMatch(
      /^30 to study today: 10 reviews due, 20 new$/,
    );
    await page.keyboard.press('Control+4');
    await openStats();
  });

  it('keeps the same numbers after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
    expect(page.url()).toMatch(/#\/practice\/stats$/);
    await expectNumbers(page, await todayInPage());
  });

  it('shows reviews due and mock exams from IndexedDB', async () => {
    // Fixtures: five review cards (one overdue, three in the next week, one after 30 days) and
    // one submitted mock exam, written with the raw IndexedDB API into Dexie's stores.
    const ids = BANK.slice(0, 5).map((q) => q.id);
    await page.evaluate(async (ids) => {
      const noon = (days: number) => {
        const d = new Date();
        return new Date(d.getFullYear(), d.getMonth(), d.getDate() + days, 12).toISOString();
      };
      const card = (questionId: string, due: string) => ({
        questionId,
        due,
        stability: 3,
        difficulty: 5,
        elapsedDays: 1,
        scheduledDays: 3,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
        state: 2,
        lastReview: new Date().toISOString(),
      });
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const open = indexedDB.open('stratum');
        open.onsuccess = () => ok(open.result);
        open.onerror = () => fail(new Error(String(open.error)));
      });
      const tx = db.transaction(['reviewCards', 'exams'], 'readwrite');
      // Only the fixture cards (not the ones quick practice made above).
      tx.objectStore('reviewCards').clear();
      const days = [-3, 1, 1, 5, 40];
      ids.forEach((id, i) => tx.objectStore('reviewCards').put(card(id, noon(days[i]!))));
      tx.objectStore('exams').put({
        id: 'fixture-exam',
        startedAt: noon(-1),
        deadline: noon(-1),
        finishedAt: noon(-1),
        questionIds: ids,
        responses: {},
        flagged: [],
        result: {
          correct: 31,
          total: 50,
          scaled: 684,
          passed: false,
          byDomain: { '1': { correct: 6, total: 10 }, '2': { correct: 7, total: 12 } },
        },
      });
      await new Promise<void>((ok, fail) => {
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(new Error(String(tx.error)));
      });
      db.close();
    }, ids);
    await page.reload();
    await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
    expect(await page.getByTestId('stat-due').innerText()).toMatch(
      /^Reviews due today\s+1\s+1 overdue$/,
    );
    expect(await page.getByTestId('stats-forecast-summary').innerText()).toBe(
      'Today: 1 (1 overdue) · next 7 days: 4 · next 30 days: 4 · later: 1.',
    );
    expect(await page.locator('.forecast li').count()).toBe(30);
    expect(await page.locator('.forecast li').nth(1).locator('.sr-only').innerText()).toMatch(
      /^2 reviews due on /,
    );
    expect(await page.locator('.forecast li').nth(2).locator('.sr-only').innerText()).toMatch(
      /^0 reviews due on /,
    );
    // Today's bar looks like every other bar ("Today" under it says which it is).
    const barColour = (i: number) =>
      page
        .locator('.forecast li .forecast-bar')
        .nth(i)
        .evaluate((el) => getComputedStyle(el).backgroundColor);
    expect(await barColour(0)).toBe(await barColour(1));
    // The calendar names the month that holds today, even when its 1st is mid-week, and the
    // month before it.
    const months = await page.locator('.heatmap .heat-month').allInnerTexts();
    const [thisMonth, lastMonth] = await page.evaluate(() => {
      const name = (d: Date) => d.toLocaleString(undefined, { month: 'short' });
      const now = new Date();
      return [name(now), name(new Date(now.getFullYear(), now.getMonth() - 1, 15))];
    });
    expect(months.filter((m) => m !== '')).toContain(thisMonth);
    expect(months.filter((m) => m !== '')).toContain(lastMonth);
    const exam = page.getByRole('table').filter({ hasText: 'Estimate' });
    expect(await exam.locator('tbody tr').innerText()).toMatch(
      /31 of 50 \(62%\)\s+684 below pass\s+D1 6\/10 · D2 7\/12/,
    );
    await screenshots('stats');
    for (const part of ['calendar', 'forecast'])
      await page
        .locator(`section[aria-labelledby="stats-${part}-heading"]`)
        .screenshot({ path: `${SCREENS}/stats-${part}-light.png` });
  });

  it('links a weak task statement to the note that teaches it', async () => {
    // The first link is the source note of the most-missed 4.2 questions (ties: pool order).
    const counts = new Map<string, number>();
    for (const q of BANK)
      if (q.task === '4.2' && missed.includes(q.id))
        counts.set(q.sourceNoteId, (counts.get(q.sourceNoteId) ?? 0) + 1);
    const expected = [...counts].sort((a, b) => b[1] - a[1])[0]![0];
    const link = page.getByTestId('stats-weak-4.2').getByRole('link').first();
    expect(await link.getAttribute('href')).toBe(`#/notes/${expected}`);
    const title = await link.innerText();
    await link.click();
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    expect(page.url()).toMatch(new RegExp(`#/notes/${expected}$`));
  });

  it('opens Quick practice filtered to a weak task statement', async () => {
    await page.goto(page.url().replace(/#.*$/, '#/practice/stats'));
    await page
      .getByTestId('stats-weak-4.2')
      .getByRole('link', { name: 'practise task 4.2' })
      .click();
    await page.getByLabel('Task statement').waitFor();
    expect(await page.getByLabel('Domain').inputValue()).toBe('4');
    expect(await page.getByLabel('Task statement').inputValue()).toBe('4.2');
  });
});
