/**
 * Generating questions in Chromium against the fake Bedrock: five valid items grounded in a real
 * note (plus one invalid item, which is rejected with its reason), still waiting for review after
 * a reload, reviewed and accepted (an accepted item is no longer pending after another reload),
 * answered in Quick practice, still there after a reload; a stem with HTML in it stays text. Then
 * "My questions": edit, delete with undo, report; its pointer to Settings → Backup, where the export
 * is made and an import is refused.
 */
import { readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { markdownToPlainText, passageOccursIn } from '../../shared/question-checks';
import type { RunningApp } from '../support/app';
import { openApp, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';
import { CONTENT_DIR } from '../support/corpus';

const SCREENS = 'test-results/screens';
const NOTE_ID = 'inference-parameters';
const NOTE_TITLE = 'Inference parameters: temperature, top-p, top-k, length and stop sequences';
const XSS_STEM =
  'A developer pastes <img src=x onerror="window.__pwned=1"> into a prompt. Which setting makes replies repeatable?';

/** Sentences of the real note (plain text) that make good quoted passages. */
function passages(): string[] {
  const raw = readFileSync(join(CONTENT_DIR, 'notes', `${NOTE_ID}.md`), 'utf8');
  const body = raw.replace(/^---[\s\S]*?---/, '');
  const sentences = markdownToPlainText(body)
    .split(/(?<=\.)\s+/)
    .filter((s) => s.length >= 40 && s.length <= 300 && /^[A-Z]/.test(s));
  const picked = sentences.slice(0, 5);
  for (const p of picked) expect(passageOccursIn(p, body), p).toBe(true);
  expect(picked).toHaveLength(5);
  return picked;
}

function draft(stem: string, passage: string, difficulty: 'easy' | 'medium' | 'hard') {
  return {
    type: 'single',
    sourceNoteId: NOTE_ID,
    task: '3.1',
    difficulty,
    stem,
    options: [
      { id: 'a', text: 'Raise the temperature towards 1' },
      { id: 'b', text: 'Lower the temperature towards 0' },
      { id: 'c', text: 'Add more stop sequences' },
      { id: 'd', text: 'Increase the maximum length' },
    ],
    correct: ['b'],
    whyWrong: [
      { id: 'a', reason: 'A higher temperature flattens the distribution: more variety.' },
      { id: 'c', reason: 'Stop sequences only decide where the output ends.' },
      { id: 'd', reason: 'Maximum length caps the output; it does not change token choice.' },
    ],
    explanation:
      'A low temperature makes the most likely token even more likely, so replies repeat.',
    sourcePassage: passage,
  };
}

const STEMS = [
  'An internal FAQ bot answers the identical question differently each morning. Which change narrows that variation?',
  XSS_STEM,
  'Auditors want two runs of the same summarisation prompt to match closely. What should the team adjust?',
  'A marketing team finds slogans too predictable and a legal team finds answers too varied. What helps the legal team?',
  'Which single request-time change brings a Bedrock text model closest to greedy decoding?',
];

/** A screenshot of the whole screen: the viewport grows to the scrolling content's height. */
/**
 * Waits until IndexedDB holds `n` items waiting for review: the store writes them in the
 * background, and a reload before a write commits would lose it (as closing a tab would).
 */
async function storedPending(p: Page, n: number) {
  const count = () =>
    p.evaluate(
      () =>
        new Promise<number>((resolve, reject) => {
          const open = indexedDB.open('stratum');
          open.onerror = () => reject(open.error ?? new Error('open failed'));
          open.onsuccess = () => {
            const db = open.result;
            const req = db.transaction('pendingQuestions').objectStore('pendingQuestions').count();
            req.onsuccess = () => {
              db.close();
              resolve(req.result);
            };
            req.onerror = () => reject(req.error ?? new Error('count failed'));
          };
        }),
    );
  for (let i = 0; i < 100 && (await count()) !== n; i++) await p.waitForTimeout(50);
  expect(await count()).toBe(n);
}

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

let app: RunningApp;
let browser: Browser;
/** The backup exported in Settings → Backup (five generated questions, one report). */
let exported = '';
let page: Page;

let opened: OpenedApp | undefined;
beforeAll(async () => {
  opened = await openApp({ viewport: { width: 1300, height: 1000 } });
  ({ app, browser, page } = opened);
  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
});
afterAll(() => opened?.close());

describe('generate with Bedrock', () => {
  it('shows an empty state and the connection hint before anything is picked', async () => {
    await page.getByRole('tab', { name: 'Generate with Bedrock' }).click();
    await page.getByText('Pick at least one note (or a task statement)').waitFor();
    expect(await page.getByTestId('connection-hint').innerText()).toMatch(/Settings/);
    expect(await page.getByRole('button', { name: /^Generate 5 questions/ }).isDisabled()).toBe(
      true,
    );
  });

  it('generates 5 from a note with progress, a rejection reason and a cost', async () => {
    const texts = passages();
    const items = STEMS.map((stem, i) =>
      draft(stem, texts[i]!, (['easy', 'medium', 'hard'] as const)[i % 3]!),
    );
    // One invalid item: two "correct" options for a single-answer question.
    const invalid = {
      ...draft('Which parameter caps how many tokens a reply can have at most?', texts[0]!, 'easy'),
      correct: ['a', 'd'],
    };
    // And one malformed item: a stem under the 20 characters a question needs.
    const short = { ...draft('Which one?', texts[1]!, 'easy') };
    app.fake.enqueue({
      kind: 'toolUse',
      input: { questions: [...items.slice(0, 2), invalid, short, ...items.slice(2)] },
    });

    await page.getByLabel('Search notes').fill('temperature');
    await page.getByRole('checkbox', { name: NOTE_TITLE }).check();
    for (const t of ['Multiple response', 'Ordering', 'Matching'])
      await page.getByRole('checkbox', { name: t }).uncheck();
    expect(await page.getByTestId('gen-estimate').innerText()).toMatch(
      /Rough estimate: about 1 call, [\d,]+ input and 2,500 output tokens, \$[\d.]+ at on-demand/,
    );
    await shot(page, 'quiz-generate-setup-light');
    await page.getByRole('button', { name: 'Generate 5 questions' }).click();

    await page.getByTestId('gen-progress').filter({ hasText: '5 of 5' }).waitFor();
    await page.getByRole('heading', { name: 'Run finished' }).waitFor();
    expect(await page.getByTestId('gen-progress').innerText()).toMatch(
      /5 of 5 accepted · 2 rejected/,
    );
    expect(await page.getByTestId('gen-usage').innerText()).toMatch(
      /1 call · [\d,]+ input and [\d,]+ output tokens · cost about \$/,
    );
    // A call came back: the connection works, so the "not tested" hint is gone.
    expect(await page.getByTestId('connection-hint').count()).toBe(0);
    // Each refused item says why in plain words; the checks' wording waits in a disclosure.
    const rejections = await page.getByTestId('gen-rejections').innerText();
    expect(rejections).toContain('Which parameter caps how many tokens');
    expect(rejections).toContain(
      'A single-answer question must have exactly one correct option; this one has 2.',
    );
    expect(rejections).toContain('The question text is too short (under 20 characters).');
    expect(rejections).not.toMatch(/Too small|this one names 2/);
    const refused = page.getByTestId('gen-rejection').filter({ hasText: 'Which one?' });
    const detail = refused.getByRole('group').filter({ hasText: 'Technical detail' });
    expect(await detail.evaluate((d) => (d as HTMLDetailsElement).open)).toBe(false);
    await refused.getByText('Technical detail').click();
    expect(await detail.innerText()).toContain(
      'stem: Too small: expected string to have >=20 characters',
    );
    await shot(page, 'quiz-generate-refused-light');
    expect(await page.getByTestId('gen-item').count()).toBe(5);
    // The model was really asked for a forced tool call with the note's text.
    const req = app.fake.modelCalls().at(-1)!;
    expect(JSON.stringify(req.body)).toContain('record_questions');
    expect(JSON.stringify(req.body)).toContain(texts[3]!.slice(0, 30));
  });

  it('previews an item with its answer and keeps the review list across tabs', async () => {
    const first = page.getByTestId('gen-item').first();
    await first.getByRole('button', { name: 'Preview with answer' }).click();
    await first.locator('.explanation').waitFor();
    expect(await first.locator('li.right').innerText()).toContain('Lower the temperature');
    await shot(page, 'quiz-generate-light');

    // Switching tabs keeps the items waiting for review.
    await page.getByRole('tab', { name: 'Quick practice' }).click();
    await page.getByRole('tab', { name: 'Generate with Bedrock' }).click();
    expect(await page.getByTestId('gen-item').count()).toBe(5);

    // The HTML in a stem is text: no element, no script.
    const xss = page.getByTestId('gen-item').filter({ hasText: 'A developer pastes' });
    expect(await xss.locator('.gen-stem').innerText()).toContain('<img src=x onerror=');
    expect(await page.locator('.gen-view img').count()).toBe(0);
  });

  it('keeps the items waiting for review across reloads until they are accepted', async () => {
    const stems = () => page.locator('[data-testid="gen-item"] .gen-stem').allInnerTexts();
    const before = await stems();
    expect(before).toHaveLength(5);
    expect(new Set(before)).toEqual(new Set(STEMS));

    // A reload ends the window's state; come back to Practice → Generate as a learner would.
    await storedPending(page, 5);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.keyboard.press('Control+1');
    await page.getByRole('heading', { level: 1, name: 'Welcome to Stratum' }).waitFor();
    await page.keyboard.press('Control+4');
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.getByRole('tab', { name: 'Generate with Bedrock (5)', exact: true }).click();
    await page.getByTestId('gen-item').nth(4).waitFor();
    expect(await stems()).toEqual(before);
    expect(await page.getByRole('heading', { name: 'Review (5)' }).count()).toBe(1);
    expect(await page.locator('#gen-run-heading').count()).toBe(0);
    const review = page.locator('section[aria-labelledby="gen-review-heading"]');
    expect(await review.innerText()).toContain('They were kept from an earlier session.');
    await review.screenshot({ path: `${SCREENS}/quiz-generate-restored-light.png` });
    await page
      .getByRole('tablist', { name: 'Practice modes' })
      .screenshot({ path: `${SCREENS}/quiz-tabs-pending-light.png` });

    // Accept one: after another reload it is in My questions and no longer waiting.
    await page
      .getByTestId('gen-item')
      .filter({ hasText: before[0]! })
      .getByRole('button', { name: 'Accept', exact: true })
      .click();
    await page.getByTestId('gen-status').filter({ hasText: '1 question added' }).waitFor();
    await page.getByRole('tab', { name: 'Generate with Bedrock (4)', exact: true }).waitFor();
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.getByRole('tab', { name: 'My questions' }).click();
    await page.getByLabel('Show').selectOption('own');
    await page.getByTestId('manage-count').filter({ hasText: '1 question matches.' }).waitFor();
    expect(await page.getByTestId('manage-item').innerText()).toContain(before[0]!);
    await page.getByRole('tab', { name: 'Generate with Bedrock (4)', exact: true }).click();
    await page.getByTestId('gen-item').nth(3).waitFor();
    expect(await stems()).toEqual(before.slice(1));

    await page.getByRole('button', { name: 'Accept all 4' }).click();
    await page.getByTestId('gen-status').filter({ hasText: '4 questions added' }).waitFor();
    expect(await page.getByTestId('gen-item').count()).toBe(0);
    await page.getByRole('tab', { name: 'Generate with Bedrock', exact: true }).waitFor();
  });

  it('answers the generated questions in Quick practice, with a harmless HTML stem', async () => {
    await page.getByRole('tab', { name: 'Quick practice' }).click();
    await page.getByLabel('Origin').selectOption('generated');
    await page.getByText('5 questions match.').waitFor();
    await page.getByLabel('Questions', { exact: true }).fill('5');
    await page.getByRole('button', { name: 'Start 5 questions' }).click();
    for (let i = 1; i <= 5; i++) {
      await page.getByRole('heading', { name: `Question ${i} of 5` }).waitFor();
      const stem = await page.locator('.quiz .stem').innerText();
      expect(STEMS).toContain(stem);
      if (stem === XSS_STEM) expect(await page.locator('.quiz .card img').count()).toBe(0);
      await page.getByRole('radio', { name: /Lower the temperature/ }).check();
      await page.getByRole('button', { name: 'Check answer' }).click();
      expect(await page.getByTestId('quiz-feedback').innerText()).toBe('Correct.');
      await page.getByRole('button', { name: i < 5 ? 'Next question' : 'See results' }).click();
    }
    expect(await page.getByTestId('quiz-score').innerText()).toMatch(/^5 of 5 correct/);
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });

  it('keeps them after a reload', async () => {
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.getByLabel('Origin').selectOption('generated');
    await page.getByText('5 questions match.').waitFor();
    await page.getByRole('tab', { name: 'My questions' }).click();
    await page.getByLabel('Show').selectOption('own');
    await page.getByTestId('manage-count').filter({ hasText: '5 questions match.' }).waitFor();
    expect(await page.evaluate(() => (window as { __pwned?: unknown }).__pwned)).toBeUndefined();
  });
});

describe('cancelling', () => {
  it('stops a run that is waiting on Bedrock and stores nothing', async () => {
    await page.getByRole('tab', { name: 'Generate with Bedrock' }).click();
    await page.getByRole('checkbox', { name: NOTE_TITLE }).check();
    app.fake.enqueue({ kind: 'delay', ms: 20_000 });
    const before = app.fake.modelCalls().length;
    await page.getByRole('button', { name: /^Generate \d+ questions?$/ }).click();
    await page.getByRole('heading', { name: 'Generating…' }).waitFor();
    await app.fake.waitFor(() => app.fake.modelCalls().length > before, 5000);
    await page.getByRole('button', { name: 'Cancel' }).click();
    await page.getByRole('heading', { name: 'Run cancelled' }).waitFor();
    expect(await page.getByTestId('gen-progress').innerText()).toMatch(/0 of 5 accepted/);
    expect(await page.getByTestId('gen-item').count()).toBe(0);
    await page.getByRole('button', { name: 'Clear this run' }).click();
    await page.getByRole('tab', { name: 'My questions' }).click();
    await page.getByLabel('Show').selectOption('own');
    await page.getByTestId('manage-count').filter({ hasText: '5 questions match.' }).waitFor();
  });
});

describe('my questions', () => {
  it('edits a generated question, with live checks, and undoes the edit', async () => {
    const item = page.getByTestId('manage-item').filter({ hasText: 'greedy decoding' });
    await item.getByRole('button', { name: 'Edit' }).click();
    const stem = item.getByLabel('Question', { exact: true });
    await stem.fill('Too short');
    await item.getByTestId('editor-problems').filter({ hasText: 'stem:' }).waitFor();
    expect(await item.getByRole('button', { name: 'Save changes' }).isDisabled()).toBe(true);
    await stem.fill(
      'Which one request-time change makes a Bedrock text model behave almost like greedy decoding?',
    );
    await item.getByText('Passes every check.').waitFor();
    await shot(page, 'quiz-editor-light');
    await item.getByRole('button', { name: 'Save changes' }).click();
    await page.getByTestId('manage-status').filter({ hasText: 'Saved your edit' }).waitFor();
    await page
      .getByTestId('manage-item')
      .filter({ hasText: 'Which one request-time change' })
      .waitFor();
    await page.getByTestId('manage-status').getByRole('button', { name: 'Undo' }).click();
    await page
      .getByTestId('manage-item')
      .filter({ hasText: 'Which single request-time change' })
      .waitFor();
  });

  it('deletes with undo, reports a question, and lists the report', async () => {
    const item = () =>
      page.getByTestId('manage-item').filter({ hasText: 'Auditors want two runs' });
    await item()
      .getByRole('button', { name: /^Delete/ })
      .click();
    await page.getByTestId('manage-count').filter({ hasText: '4 questions match.' }).waitFor();
    await page.getByTestId('manage-status').getByRole('button', { name: 'Undo' }).click();
    await page.getByTestId('manage-count').filter({ hasText: '5 questions match.' }).waitFor();

    await item().getByRole('button', { name: 'Report' }).click();
    await item().getByLabel('What is wrong?').selectOption('unclear');
    await item().getByLabel('Comment (optional)').fill('“Closely” is vague.');
    await item().getByRole('button', { name: 'Save report' }).click();
    await item().getByText('Reported').waitFor();
    expect(await page.getByTestId('report-list').innerText()).toMatch(
      /The question or an option is unclear[\s\S]*Auditors want two runs[\s\S]*“Closely” is vague/,
    );
  });

  it('exports a backup and refuses a foreign file without changing anything', async () => {
    // My questions points to the backup, now in Settings: the link lands on the card.
    await page
      .getByTestId('backup-pointer')
      .getByRole('link', { name: 'Settings → Backup' })
      .click();
    await page.getByRole('heading', { level: 1, name: 'Settings' }).waitFor();
    const heading = page.getByRole('heading', { level: 2, name: 'Backup' });
    await heading.waitFor();
    expect(await heading.evaluate((h) => h === document.activeElement)).toBe(true);
    const download = page.waitForEvent('download');
    await page.getByRole('button', { name: 'Export everything' }).click();
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/^stratum-backup-\d{4}-\d{2}-\d{2}\.json$/);
    const text = readFileSync(await file.path(), 'utf8');
    exported = text;
    const backup = JSON.parse(text) as {
      format: string;
      version: number;
      tables: { questions: unknown[]; reports: unknown[] };
    };
    expect(backup.format).toBe('stratum-backup');
    expect(backup.version).toBe(4);
    expect(backup.tables.questions).toHaveLength(5);
    expect(backup.tables.reports).toHaveLength(1);

    await page.getByLabel('Backup file to import').setInputFiles({
      name: 'package.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{"name": "not-a-backup"}'),
    });
    expect(await page.getByTestId('import-refused').innerText()).toMatch(
      /Not imported: package\.json[\s\S]*"format" is missing[\s\S]*Nothing was changed/,
    );
    await page.getByLabel('Backup file to import').setInputFiles({
      name: 'backup.json',
      mimeType: 'application/json',
      buffer: Buffer.from(text),
    });
    expect(await page.getByTestId('import-confirm').innerText()).toMatch(/would give: nothing new/);
    await shot(page, 'settings-backup-light');
  });
});

/** A backup of `rows` copies of the exported questions (about 1.6 kB of JSON each). */
function bigBackup(rows: number): string {
  const backup = JSON.parse(exported) as {
    tables: { questions: { id: string; question: { id: string; stem: string } }[] };
  };
  const template = backup.tables.questions;
  backup.tables.questions = Array.from({ length: rows }, (_, i) => {
    const row = template[i % template.length]!;
    const id = `gen-big-${i}`;
    return {
      ...row,
      id,
      question: { ...row.question, id, stem: `Case ${i}: ${row.question.stem}` },
    };
  });
  return JSON.stringify(backup, null, 1);
}

describe('importing a large backup', () => {
  it('checks a ~38 MB file off the UI thread: progress shows and clicks are handled', async () => {
    // Large enough that checking it on the UI thread froze the page for over a second here (18 MB
    // froze it for about 0.8 s), well under the 250 MB limit.
    const text = bigBackup(24_000);
    expect(text.length).toBeGreaterThan(35_000_000);
    const path = join(tmpdir(), `stratum-big-backup-${process.pid}.json`);
    writeFileSync(path, text);
    // In the page: the longest gap between animation frames, how late clicks are handled, and
    // whether the import's progress was ever shown.
    await page.evaluate(() => {
      type Watch = {
        last: number;
        maxGap: number;
        frames: number;
        lags: number[];
        progress: string;
      };
      const f: Watch = { last: performance.now(), maxGap: 0, frames: 0, lags: [], progress: '' };
      (window as { __watch?: Watch }).__watch = f;
      const tick = (now: number) => {
        f.maxGap = Math.max(f.maxGap, now - f.last);
        f.last = now;
        f.frames++;
        const shown = document.querySelector('[data-testid="import-progress"]')?.textContent;
        if (shown?.includes('Checking')) f.progress = shown;
        requestAnimationFrame(tick);
      };
      requestAnimationFrame(tick);
      document.addEventListener('click', (e) => f.lags.push(performance.now() - e.timeStamp), true);
    });
    try {
      await page.getByLabel('Backup file to import').setInputFiles(path);
      // A click on another control while the file is read and checked is handled at once (the
      // endpoint field takes focus and a key; cleared again below, never saved).
      await page.waitForTimeout(300);
      const endpoint = page.getByLabel(/Custom endpoint/);
      await endpoint.click();
      await page.keyboard.type('x');
      expect(await endpoint.inputValue()).toBe('x');
      await page.getByTestId('import-confirm').waitFor({ timeout: 60_000 });
      const watched = await page.evaluate(
        () =>
          (
            window as {
              __watch?: { maxGap: number; frames: number; lags: number[]; progress: string };
            }
          ).__watch!,
      );
      console.log('large import, UI thread while checking:', JSON.stringify(watched));
      // Checked on the UI thread, this file froze the page for over a second (1.1 s measured with
      // the old code on an idle machine); checked in the worker, frames keep coming.
      expect(watched.maxGap).toBeLessThan(600);
      expect(watched.frames).toBeGreaterThan(10);
      expect(Math.max(...watched.lags)).toBeLessThan(500);
      expect(await page.getByTestId('import-confirm').innerText()).toMatch(
        /Import stratum-big-backup-\d+\.json\?[\s\S]*24,000 questions/,
      );
      // And the learner saw how far the check had got.
      expect(watched.progress).toMatch(
        /Checking stratum-big-backup-\d+\.json: [\d,]+ of 24,0\d\d rows/,
      );
      await page.getByTestId('import-confirm').getByRole('button', { name: 'Cancel' }).click();
      await endpoint.fill('');
    } finally {
      rmSync(path, { force: true });
    }
  });

  it('refuses a file over the size limit at once, without reading it', async () => {
    const path = join(tmpdir(), `stratum-too-big-${process.pid}.json`);
    // A sparse file: 251 MB long without writing 251 MB (it is refused by its size alone).
    writeFileSync(path, '{"format":"stratum-backup"}');
    truncateSync(path, 251 * 1024 * 1024);
    try {
      const started = Date.now();
      await page.getByLabel('Backup file to import').setInputFiles(path);
      const refused = page.getByTestId('import-refused');
      await refused.waitFor();
      expect(Date.now() - started).toBeLessThan(3000);
      expect(await refused.innerText()).toMatch(
        /Not imported: stratum-too-big-\d+\.json[\s\S]*The file is 251 MB; a backup can be at most 250 MB/,
      );
      expect(await page.getByTestId('import-progress').count()).toBe(0);
      expect(await page.getByText(/Files up to 250 MB can be imported\./).count()).toBe(1);
    } finally {
      rmSync(path, { force: true });
    }
    // Back to Practice for the tests below.
    await page.keyboard.press('Control+4');
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
  });
});

describe('when the review list cannot be saved', () => {
  it('keeps the item on screen, says a reload would lose it, and saves it on Try again', async () => {
    // The browser's storage refuses writes to the review list (as when the disk is full).
    await page.evaluate(() => {
      const w = window as { __failPending?: boolean };
      w.__failPending = true;
      for (const method of ['put', 'add'] as const) {
        const original = IDBObjectStore.prototype[method];
        IDBObjectStore.prototype[method] = function (this: IDBObjectStore, ...args) {
          if (w.__failPending && this.name === 'pendingQuestions') {
            throw new DOMException('The disk is full.', 'QuotaExceededError');
          }
          return original.apply(this, args);
        };
      }
    });
    await page.getByRole('tab', { name: 'Generate with Bedrock' }).click();
    await page.getByRole('checkbox', { name: NOTE_TITLE }).check();
    await page.getByLabel('Questions (1 to 50)').fill('1');
    const stem =
      'A quiz app must show students the same hint text on every attempt. Which parameter should its developers lower?';
    app.fake.enqueue({
      kind: 'toolUse',
      input: { questions: [draft(stem, passages()[4]!, 'easy')] },
    });
    await page.getByRole('button', { name: 'Generate 1 question' }).click();
    await page.getByRole('heading', { name: 'Run finished' }).waitFor();
    const unsaved = page.getByTestId('gen-unsaved');
    await unsaved.waitFor();
    expect(await unsaved.innerText()).toMatch(
      /1 item could not be saved on this computer[\s\S]*The disk is full[\s\S]*a reload or restart would lose it/,
    );
    const item = page.getByTestId('gen-item');
    expect(await item.innerText()).toContain('not saved on this computer');
    await page
      .locator('section[aria-labelledby="gen-review-heading"]')
      .screenshot({ path: `${SCREENS}/quiz-generate-unsaved-light.png` });

    await page.evaluate(() => ((window as { __failPending?: boolean }).__failPending = false));
    await unsaved.getByRole('button', { name: 'Try again' }).click();
    await unsaved.waitFor({ state: 'detached' });
    expect(await item.innerText()).not.toContain('not saved');

    // Saved now: a reload shows it; a discard (not undone) is kept too.
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.getByTestId('gen-item').filter({ hasText: stem }).waitFor();
    await page.getByRole('button', { name: 'Discard' }).click();
    await page.getByTestId('gen-status').filter({ hasText: 'Discarded' }).waitFor();
    await storedPending(page, 0);
    await page.reload();
    await page.getByRole('heading', { name: 'Review (0)' }).waitFor();
    await page.getByRole('tab', { name: 'Generate with Bedrock', exact: true }).waitFor();
  });
});

describe('dark theme', () => {
  it('renders both tabs in dark', async () => {
    const dark = await (
      await browser.newContext({ colorScheme: 'dark', viewport: { width: 1300, height: 1000 } })
    ).newPage();
    await dark.goto(`${app.server.url}#/practice/generate`);
    await dark.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await dark.getByRole('checkbox', { name: NOTE_TITLE }).check();
    // A second run in this window: two items, one rejected, to show the review list in dark.
    const texts = passages();
    app.fake.enqueue({
      kind: 'toolUse',
      input: {
        questions: [
          {
            ...draft(
              'Which setting is rejected here because it names no answer at all?',
              texts[2]!,
              'easy',
            ),
            correct: [],
          },
          draft(
            'Which setting should a team lower so that a summariser produces steadier wording?',
            texts[1]!,
            'medium',
          ),
        ],
      },
    });
    // The blind check answers with a wrong option: find its letter in the shuffled list it is sent.
    app.fake.enqueue({
      kind: 'toolUse',
      input: (req) => {
        const wrong = /^([A-G])\. Raise the temperature towards 1$/m.exec(req.lastUserText);
        return { answers: [wrong?.[1] ?? 'A'], reason: 'A warmer model sounds more natural.' };
      },
    });
    await dark.getByLabel('Questions (1 to 50)').fill('1');
    await dark.getByRole('checkbox', { name: /Blind check/ }).check();
    // A fresh window has not reached Bedrock yet: the hint shows until a call comes back.
    await dark.getByTestId('connection-hint').waitFor();
    await dark.getByRole('button', { name: 'Generate 1 question' }).click();
    await dark.getByRole('heading', { name: 'Run finished' }).waitFor();
    expect(await dark.getByTestId('connection-hint').count()).toBe(0);
    await dark.getByTestId('gen-rejection').getByText('Technical detail').click();
    expect(await dark.getByTestId('gen-rejection').innerText()).toMatch(
      /exactly one correct option; this one has 0\.[\s\S]*Technical detail[\s\S]*this one names 0/,
    );
    await dark
      .locator('section[aria-label="Generation run"]')
      .screenshot({ path: `${SCREENS}/quiz-generate-refused-dark.png` });
    expect(await dark.getByTestId('blind-flag').innerText()).toMatch(
      /Blind check disagrees: .* the model chose A\. A warmer model sounds more natural\./,
    );
    await dark
      .getByTestId('gen-item')
      .first()
      .getByRole('button', { name: 'Preview with answer' })
      .click();
    await shot(dark, 'quiz-generate-dark');
    await expectSoundLayout(dark, 'Practice / Generate, a finished run / dark');
    // After a reload the item is still waiting, with its blind-check flag.
    await dark.reload();
    await dark.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await dark.getByTestId('blind-flag').waitFor();
    await dark
      .locator('section[aria-labelledby="gen-review-heading"]')
      .screenshot({ path: `${SCREENS}/quiz-generate-restored-dark.png` });
    await expectSoundLayout(dark, 'Practice / Generate, after a reload / dark');
    await dark.getByRole('button', { name: 'Accept', exact: true }).click();
    await dark.getByTestId('gen-status').filter({ hasText: '1 question added' }).waitFor();
    await dark.getByRole('tab', { name: 'My questions' }).click();
    await dark.getByLabel('Show').selectOption('own');
    await dark.getByTestId('manage-item').first().getByRole('button', { name: 'Edit' }).click();
    await shot(dark, 'quiz-manage-dark');
    await expectSoundLayout(dark, 'Practice / My questions, editing / dark');
    await dark.context().close();
  });
});
