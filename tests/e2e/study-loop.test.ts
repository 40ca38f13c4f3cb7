/**
 * The daily study loop, as a learner does it, with the numbers checked at every step: read a
 * note, practise 15 questions (leaving mid-way, coming back from Home, reloading), look at spaced
 * review, take a mock exam with most questions unanswered, read Stats, and come back to Home,
 * whose dashboard (reviews due, last mock estimate, weakest tasks, continue) must agree.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { openApp, openTab, type OpenedApp } from '../support/e2e';

const SCREENS = 'test-results/screens';
const CONTENT = resolve(import.meta.dirname, '../../content');
const json = (dir: string) =>
  readdirSync(join(CONTENT, dir))
    .filter((f) => f.endsWith('.json'))
    .map((f) => JSON.parse(readFileSync(join(CONTENT, dir, f), 'utf8')) as unknown);
/** The starter bank's size: the single questions and those of the case studies. */
const POOL_SIZE =
  json('questions').reduce<number>((n, file) => n + (file as []).length, 0) +
  json('cases').reduce<number>((n, c) => n + (c as { questions: [] }).questions.length, 0);

let page: Page;
let opened: OpenedApp | undefined;
/** How many of the 15 practice answers were right (read from the summary). */
let practiceRight = 0;
/** How many exam questions were answered. */
let examAnswered = 0;

beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1300, height: 950 } });
  ({ page } = opened);
});
afterAll(() => opened?.close());

const home = async () => {
  await page.keyboard.press('Control+1');
  await page.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
  await page.getByTestId('home-due').waitFor();
};

/** Answers the quick-practice question on screen (the first option or first order) and checks it. */
async function answerAndCheck(n: number, of: number) {
  await page.getByRole('heading', { name: `Question ${n} of ${of}` }).waitFor();
  await page.getByRole('radio').first().check();
  await page.getByRole('button', { name: 'Check answer' }).click();
  await page.getByTestId('quiz-feedback').waitFor();
}

describe('a day of study', () => {
  it('starts with an empty dashboard', async () => {
    await home();
    expect(await page.getByTestId('home-due').innerText()).toMatch(
      /^20 to study today: 0 reviews due, 20 new/,
    );
    expect(await page.getByTestId('home-continue').count()).toBe(0);
    expect(await page.getByText('No mock exam yet.').count()).toBe(1);
  });

  it('reads one note and opens another', async () => {
    await page.keyboard.press('Control+2');
    await page.getByRole('heading', { level: 1, name: 'Notes' }).waitFor();
    await page.goto(`${opened!.app.server.url}#/notes/bedrock-overview`);
    await page.getByRole('button', { name: 'Mark as read' }).click();
    await page.getByRole('button', { name: '✓ Read' }).waitFor();
    await page.goto(`${opened!.app.server.url}#/notes/rag-and-knowledge-bases`);
    await page.getByRole('button', { name: 'Mark as read' }).waitFor();
  });

  it('keeps a practice session across Home and a reload', async () => {
    await page.keyboard.press('Control+4');
    await openTab(page, 'Quick practice');
    await page.getByLabel('Type').selectOption('single');
    await page.getByLabel('Questions', { exact: true }).fill('15');
    await page.getByRole('button', { name: 'Start 15 questions' }).click();
    for (let i = 1; i <= 4; i++) {
      await answerAndCheck(i, 15);
      await page.getByRole('button', { name: 'Next question' }).click();
    }
    await page.getByRole('heading', { name: 'Question 5 of 15' }).waitFor();
    // Leave for Home: the session waits there under "Continue".
    await home();
    expect(await page.getByTestId('home-continue').innerText()).toMatch(
      /Continue quick practice\s+Question 5 of 15, \d of 4 right so far/,
    );
    expect(await page.getByTestId('home-continue').innerText()).toMatch(
      /Continue reading: .*Knowledge bases|Continue reading/,
    );
    await page.getByRole('link', { name: 'Continue quick practice' }).click();
    await answerAndCheck(5, 15);
    const verdict = await page.getByTestId('quiz-feedback').innerText();
    // A reload comes back to the same question with its answer checked and the verdict shown.
    await page.reload();
    await page.getByRole('heading', { name: 'Question 5 of 15' }).waitFor();
    expect(await page.getByTestId('quiz-feedback').innerText()).toBe(verdict);
    await page.getByRole('button', { name: 'Next question' }).click();
    for (let i = 6; i <= 15; i++) {
      await answerAndCheck(i, 15);
      await page.getByRole('button', { name: /Next question|See results/ }).click();
    }
    const score = await page.getByTestId('quiz-score').innerText();
    const m = /^(\d+) of 15 correct/.exec(score);
    expect(m).not.toBeNull();
    practiceRight = Number(m![1]);
    await page.screenshot({ path: `${SCREENS}/practice-summary-light.png`, fullPage: true });
  });

  it('shows the practised questions in spaced review', async () => {
    await openTab(page, 'Spaced review');
    await page.getByTestId('review-due').waitFor();
    const facts = await page.locator('.review-facts').innerText();
    expect(facts).toContain(`${POOL_SIZE - 15} questions not seen yet`);
    expect(facts).toMatch(/15 questions scheduled/);
    expect(await page.getByTestId('review-link-note').innerText()).toMatch(/Quick practice feeds/);
  });

  it('submits a mock exam with most questions unanswered', async () => {
    await openTab(page, 'Mock exam');
    await page.getByRole('button', { name: /Start a 65-question mock exam/ }).click();
    for (let i = 1; i <= 6; i++) {
      await page.getByRole('heading', { name: `Question ${i} of 65` }).waitFor();
      const radios = page.locator('.exam input[type="radio"]');
      if ((await radios.count()) > 0) {
        await radios.first().check();
        examAnswered++;
      }
      await page.getByRole('button', { name: 'Next →' }).click();
    }
    await page.getByRole('button', { name: 'Review and submit' }).click();
    await page.getByTestId('exam-review').waitFor();
    expect(await page.getByTestId('exam-review-counts').innerText()).toMatch(
      new RegExp(`^${examAnswered} of 65 answered · ${65 - examAnswered} unanswered`),
    );
    await page.getByRole('button', { name: 'Submit exam…' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    await page.getByRole('heading', { name: 'Mock exam result' }).waitFor();
    expect(await page.getByTestId('exam-score').innerText()).toMatch(/of 65/);
    await page.getByRole('link', { name: /Retake the incorrect ones \(\d+\)/ }).waitFor();
  });

  it('counts only answered questions in Stats', async () => {
    expect(examAnswered).toBeGreaterThan(0);
    await openTab(page, 'Stats');
    await page.getByRole('heading', { level: 2, name: 'Summary' }).waitFor();
    const answers = await page.getByTestId('stat-answers').innerText();
    // 15 practice answers and the exam's answered questions; the 59+ unanswered ones nowhere.
    expect(answers).toMatch(new RegExp(`^Answers\\s+${15 + examAnswered}\\s+on \\d+ questions$`));
    const questions = Number(/on (\d+) questions/.exec(answers)![1]);
    expect(questions).toBeLessThanOrEqual(15 + examAnswered);
    expect(questions).toBeGreaterThanOrEqual(15);
  });

  it("shows a question's history in My questions", async () => {
    await openTab(page, 'My questions');
    const first = page.getByTestId('manage-item').first();
    await first.getByRole('button', { name: 'History' }).click();
    const history = first.getByTestId('question-history');
    await history.waitFor();
    expect(await history.innerText()).toMatch(/Spaced review: |Not in spaced review yet/);
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await first.screenshot({ path: `${SCREENS}/question-history-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });

  it('brings it all together on Home', async () => {
    await home();
    // The 15 practised questions are in spaced review; with the 20 new of the day, at least 20.
    const due = Number(/^(\d+)/.exec(await page.getByTestId('home-due').innerText())![1]);
    expect(due).toBeGreaterThanOrEqual(20);
    expect(await page.getByTestId('home-mock').innerText()).toMatch(/^\d{3,4} estimate$/);
    expect(await page.getByTestId('home-continue').innerText()).toMatch(/Continue reading/);
    expect(await page.getByTestId('home-continue').innerText()).not.toMatch(/quick practice/);
    if (practiceRight < 15) {
      await page.getByTestId('home-weak').waitFor();
      expect(await page.getByTestId('home-weak').locator('li').count()).toBeGreaterThan(0);
    }
    await page.screenshot({ path: `${SCREENS}/home-dashboard-light.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'dark' });
    await page.screenshot({ path: `${SCREENS}/home-dashboard-dark.png`, fullPage: true });
    await page.emulateMedia({ colorScheme: 'light' });
    // Study starts the day's review at once.
    await page.getByRole('button', { name: 'Study' }).click();
    await page.getByRole('heading', { name: /^Review 1 of \d+/ }).waitFor();
    await page.getByRole('button', { name: 'End review' }).click();
    // Continue reading opens the note.
    await home();
    await page.getByRole('link', { name: /^Continue reading/ }).click();
    await page.getByRole('button', { name: 'Mark as read' }).waitFor();
  });
});

describe('a new practice over an unfinished one', () => {
  it('asks first, sets the old one aside with Undo, and Undo brings it back', async () => {
    await page.keyboard.press('Control+4');
    await openTab(page, 'Quick practice');
    await page.getByLabel('Type').selectOption('single');
    await page.getByLabel('Questions', { exact: true }).fill('3');
    await page.getByRole('button', { name: 'Start 3 questions' }).click();
    await answerAndCheck(1, 3);
    await page.getByRole('button', { name: 'Next question' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    await home();
    await page.getByTestId('home-weak').getByRole('link', { name: 'Practise' }).first().click();
    await page.getByRole('heading', { name: 'You have an unfinished practice session' }).waitFor();
    await page.getByRole('button', { name: 'Start the new practice' }).click();
    const notice = page.getByRole('status').filter({ hasText: 'set aside' });
    await notice.waitFor();
    // The new practice's set-up, filtered to the weak task.
    expect(await page.getByLabel('Task statement').inputValue()).toMatch(/^\d\.\d$/);
    await notice.getByRole('button', { name: 'Undo' }).click();
    await page.getByRole('heading', { name: 'Question 2 of 3' }).waitFor();
    await page.getByRole('button', { name: 'End practice' }).click();
    await page.getByTestId('quiz-score').waitFor();
    await page.getByRole('button', { name: 'New practice' }).click();
  });
});

describe('the exam date', () => {
  it('is set in Settings → Study and gives Home a countdown and a daily plan', async () => {
    const inTenDays = await page.evaluate(() => {
      const d = new Date();
      d.setDate(d.getDate() + 10);
      const pad = (n: number) => String(n).padStart(2, '0');
      return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
    });
    await page.keyboard.press('Control+,');
    await page.getByRole('heading', { level: 2, name: 'Study' }).waitFor();
    await page.getByLabel('Exam date').fill(inTenDays);
    await page.getByRole('status').filter({ hasText: 'Exam date saved.' }).waitFor();
    const study = page.locator('.study-settings');
    await study.scrollIntoViewIfNeeded();
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await study.screenshot({ path: `${SCREENS}/settings-study-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
    await home();
    const plan = await page.getByTestId('home-plan').innerText();
    expect(plan).toMatch(/^10 days until your exam/);
    expect(await page.locator('.plan-card').innerText()).toMatch(
      /about \d+ new questions? and \d+ notes? a day/,
    );
    for (const scheme of ['light', 'dark'] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.locator('.dashboard').screenshot({ path: `${SCREENS}/home-plan-${scheme}.png` });
    }
    await page.emulateMedia({ colorScheme: 'light' });
  });
});

describe('a damaged saved session', () => {
  it('is set aside with a one-line notice, and practice opens at its set-up', async () => {
    await page.keyboard.press('Control+1');
    await page.getByTestId('home-due').waitFor();
    // Test set-up, not a user action: a half-written row, as a tampered database would hold.
    await page.evaluate(async () => {
      const db = await new Promise<IDBDatabase>((ok, fail) => {
        const req = indexedDB.open('stratum');
        req.onsuccess = () => ok(req.result);
        req.onerror = () => fail(new Error('open failed'));
      });
      await new Promise<void>((ok, fail) => {
        const tx = db.transaction('sessions', 'readwrite');
        tx.objectStore('sessions').put({ kind: 'practice', questionIds: 'not a list', index: -1 });
        tx.oncomplete = () => ok();
        tx.onerror = () => fail(new Error('write failed'));
      });
      db.close();
    });
    await page.keyboard.press('Control+4');
    await openTab(page, 'Quick practice');
    const notice = page.getByRole('status').filter({ hasText: 'could not be read' });
    await notice.waitFor();
    expect(await notice.innerText()).toMatch(/quick-practice session could not be read/);
    await page.getByRole('button', { name: /Start \d+ questions/ }).waitFor();
    await notice.getByRole('button', { name: 'Dismiss' }).click();
    expect(await notice.count()).toBe(0);
  });
});
