/**
 * Case-study sets the learner owns, in Spaced review and the mock exam (Chromium, fake Bedrock).
 *
 * The learner's data arrives the way a learner restores it: a backup file (version 3) imported in
 * Settings. It holds three case studies of their own (scenarios and questions copied from the
 * bank's, under new ids and titles, so every passage check passes), review cards due for the first
 * case's questions, study settings with no new questions a day (so the review queue is exactly
 * those cards), and the bank's case-study questions marked deleted, as the learner had deleted
 * them in My questions. The mock exam draws at most two case studies at random (lib/mock-exam,
 * seeded from crypto): with the bank's deleted, the learner's are the only sets in the pool, so
 * an exam always draws two of the three, whatever the seed; no test hook is needed.
 *
 * Then:
 * - Spaced review: each question of the set is its own card, with the scenario beside it; rated
 *   Good, each leaves the queue (nothing is due afterwards).
 * - Mock exam: 65 questions (13/16/18/9/9 by domain); two of the learner's sets, each whole and
 *   in a row, the third not at all; the scenario beside each of their questions (screenshots in
 *   both themes); answered right, they count as their questions in the result.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import type { Question } from '../../shared/questions';
import { CONTENT_DIR } from '../support/corpus';
import { openApp, openTab, type OpenedApp } from '../support/e2e';
import { expectSoundLayout } from '../support/layout';

const SCREENS = 'test-results/screens';
const EXAM_SIZE = 65;
const PLAN = [13, 16, 18, 9, 9];

interface BankCase {
  id: string;
  title: string;
  scenario: string;
  questions: Question[];
}

const readJson = <T>(path: string): T => JSON.parse(readFileSync(path, 'utf8')) as T;
const bankCases = readdirSync(join(CONTENT_DIR, 'cases'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => readJson<BankCase>(join(CONTENT_DIR, 'cases', f)));
const bankSingles = readdirSync(join(CONTENT_DIR, 'questions'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) => readJson<Question[]>(join(CONTENT_DIR, 'questions', f)));

/** A learner's copy of a bank case (all single-choice, so answering is one click each). */
function learnerCase(bankId: string, id: string, title: string): BankCase {
  const source = bankCases.find((c) => c.id === bankId)!;
  expect(source.questions.every((q) => q.type === 'single')).toBe(true);
  return {
    id,
    title,
    scenario: source.scenario,
    questions: source.questions.map((q, i) => ({
      ...q,
      id: `${id.slice(3)}-q${i + 1}`,
      caseId: id,
      origin: {
        kind: 'generated',
        modelId: 'anthropic.claude-3-5-haiku-20241022-v1:0',
        promptVersion: 'case-v1',
        createdAt: '2026-11-20T10:00:00.000Z',
      },
    })),
  };
}

const MINE = [
  learnerCase(
    'cs-devteam-ai-assistants',
    'cs-mine-dev-tools',
    'My case: Fernway’s developer tools',
  ),
  learnerCase(
    'cs-hospital-intake-chatbot',
    'cs-mine-clinic-intake',
    'My case: a clinic’s intake bot',
  ),
  learnerCase('cs-legal-rag-assistant', 'cs-mine-legal-research', 'My case: legal research'),
];
const REVIEWED = MINE[0]!;

/** The scenario's first sentence: what must be on screen beside each of its questions. */
const firstSentence = (c: BankCase) => c.scenario.split(/(?<=\.)\s/)[0]!;

function backupFile(): string {
  const at = '2026-11-20T10:00:00.000Z';
  const now = Date.now();
  const hoursAgo = (h: number) => new Date(now - h * 3_600_000).toISOString();
  const row = (question: Question, deleted: boolean) => ({
    id: question.id,
    question,
    deleted,
    createdAt: at,
    updatedAt: at,
    blindCheck: null,
  });
  return JSON.stringify({
    format: 'stratum-backup',
    version: 3,
    exportedAt: hoursAgo(1),
    tables: {
      cases: MINE.map((c) => ({
        id: c.id,
        title: c.title,
        scenario: c.scenario,
        deleted: false,
        createdAt: at,
        updatedAt: at,
      })),
      questions: [
        ...MINE.flatMap((c) => c.questions.map((q) => row(q, false))),
        ...bankCases.flatMap((c) => c.questions.map((q) => row(q, true))),
      ],
      attempts: [],
      // Learned five days ago, due an hour ago (in the Review state).
      reviewCards: REVIEWED.questions.map((q, i) => ({
        questionId: q.id,
        due: hoursAgo(3 - i),
        stability: 5,
        difficulty: 5,
        elapsedDays: 0,
        scheduledDays: 5,
        learningSteps: 0,
        reps: 2,
        lapses: 0,
        state: 2,
        lastReview: hoursAgo(5 * 24),
      })),
      exams: [],
      reports: [],
      noteProgress: [],
      prefs: [
        {
          id: 'study',
          examDate: null,
          newPerDay: 0,
          maxReviewsPerDay: 200,
          targetRetention: 0.9,
        },
      ],
    },
  });
}

const domainOf = new Map<string, number>(
  [
    ...bankSingles,
    ...bankCases.flatMap((c) => c.questions),
    ...MINE.flatMap((c) => c.questions),
  ].map((q) => [q.id, q.domain]),
);
const questionById = new Map(MINE.flatMap((c) => c.questions).map((q) => [q.id, q]));

let page: Page;
let opened: OpenedApp | undefined;

beforeAll(async () => {
  // Backup import lives in Settings; the learner's cases then show in My questions.
  opened = await openApp({ path: '#/settings', heading: 'Settings' });
  ({ page } = opened);
  await page.getByLabel('Backup file to import').setInputFiles({
    name: 'stratum-backup.json',
    mimeType: 'application/json',
    buffer: Buffer.from(backupFile()),
  });
  expect(await page.getByTestId('import-confirm').innerText()).toMatch(/3 case studies added/);
  await page.getByRole('button', { name: 'Import', exact: true }).click();
  await page.getByTestId('import-done').waitFor();
  await page.keyboard.press('Control+4');
  await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
  await openTab(page, 'My questions');
  for (const c of MINE)
    await page.getByRole('listitem', { name: `Case study: ${c.title}` }).waitFor();
});
afterAll(() => opened?.close());

/** The unfinished mock exam's question ids, read from IndexedDB (empty when there is none). */
function examQuestionIds(): Promise<string[]> {
  return new Promise((resolve, reject) => {
    const open = indexedDB.open('stratum');
    open.onerror = () => reject(new Error('IndexedDB did not open'));
    open.onsuccess = () => {
      const all = open.result.transaction('exams').objectStore('exams').getAll();
      all.onsuccess = () => {
        const rows = all.result as { finishedAt: string | null; questionIds: string[] }[];
        resolve(rows.find((r) => r.finishedAt === null)?.questionIds ?? []);
        open.result.close();
      };
    };
  });
}

/** Checks the scenario beside the question on screen is `c`'s, in full view of the question. */
async function expectScenario(c: BankCase, where: string) {
  const aside = page.getByTestId('case-scenario');
  expect(await aside.count(), where).toBe(1);
  expect(await aside.getAttribute('aria-label'), where).toBe(`Case study: ${c.title}`);
  expect(await aside.innerText(), where).toContain(firstSentence(c));
  expect(await aside.isVisible(), where).toBe(true);
}

/** Chooses the right option of the single-choice question on screen. */
async function answerRight(q: Question) {
  if (q.type !== 'single') throw new Error(`${q.id} is not single choice`);
  const stem = page.locator('.case-question').getByText(q.stem.slice(0, 60), { exact: false });
  await stem.first().waitFor();
  await page.locator(`.case-question input[data-option="${q.answer}"]`).check();
}

describe('a learner case study in spaced review', () => {
  it('shows each question as its own card, the scenario beside each, and rated cards leave', async () => {
    await openTab(page, 'Spaced review');
    await expect.poll(() => page.getByTestId('review-due').innerText()).toBe('3');
    await page.getByRole('button', { name: 'Start review (3)' }).click();
    const seen: string[] = [];
    for (let k = 1; k <= 3; k++) {
      await page.getByRole('heading', { name: `Review ${k} of 3` }).waitFor();
      await expectScenario(REVIEWED, `review card ${k}`);
      const stem = await page.locator('.case-question').innerText();
      const q = REVIEWED.questions.find((x) => stem.includes(x.stem.slice(0, 60)));
      expect(q, `review card ${k} is one of the set's questions`).toBeDefined();
      seen.push(q!.id);
      if (k === 1) {
        await page.screenshot({ path: `${SCREENS}/review-learner-case-light.png` });
        await expectSoundLayout(page, 'Practice / Spaced review, a learner case');
      }
      await answerRight(q!);
      await page.getByRole('button', { name: 'Check answer' }).click();
      await page
        .getByTestId('review-feedback')
        .filter({ hasText: /^Correct\./ })
        .waitFor();
      // Checked, the scenario is still beside the question.
      await expectScenario(REVIEWED, `review card ${k}, checked`);
      await page
        .getByRole('group', { name: 'Rate your answer' })
        .getByRole('button', { name: /Good/ })
        .click();
    }
    // Three cards, one per question, each seen once.
    expect(new Set(seen)).toEqual(new Set(REVIEWED.questions.map((q) => q.id)));
    // Rated Good, none comes back today: the session ends and nothing is due.
    const back = page.getByRole('button', { name: 'Back to the review overview' });
    await back.waitFor();
    expect(await page.getByTestId('case-scenario').count()).toBe(0);
    await back.click();
    await expect.poll(() => page.getByTestId('review-due').innerText()).toBe('0');
    await page.getByTestId('review-empty').waitFor();
  });
});

describe('learner case studies in the mock exam', () => {
  let ids: string[] = [];
  const drawn: BankCase[] = [];

  it('draws two of the sets whole and in a row, and keeps the exam at 65 by the blueprint', async () => {
    await openTab(page, 'Mock exam');
    await page.getByText('Questions by domain').waitFor();
    expect(await page.locator('.exam-plan tbody td:last-child').allInnerTexts()).toEqual(
      PLAN.map(String),
    );
    await page.getByRole('button', { name: /Start a 65-question mock exam/ }).click();
    await page.getByRole('heading', { name: `Question 1 of ${EXAM_SIZE}` }).waitFor();
    await expect.poll(() => page.evaluate(examQuestionIds).then((x) => x.length)).toBe(EXAM_SIZE);
    ids = await page.evaluate(examQuestionIds);
    expect(new Set(ids).size).toBe(EXAM_SIZE);
    const perDomain = [1, 2, 3, 4, 5].map((d) => ids.filter((id) => domainOf.get(id) === d).length);
    expect(perDomain).toEqual(PLAN);
    // No bank case (deleted); each learner set all or nothing, in its own order, in a row.
    const bankCaseIds = new Set(bankCases.flatMap((c) => c.questions.map((q) => q.id)));
    expect(ids.filter((id) => bankCaseIds.has(id))).toEqual([]);
    for (const c of MINE) {
      const setIds = c.questions.map((q) => q.id);
      const at = ids.indexOf(setIds[0]!);
      if (at < 0) {
        expect(
          ids.filter((id) => setIds.includes(id)),
          c.title,
        ).toEqual([]);
        continue;
      }
      expect(ids.slice(at, at + setIds.length), c.title).toEqual(setIds);
      drawn.push(c);
    }
    expect(drawn).toHaveLength(2);
  });

  it('shows the scenario beside each question of a drawn set, and only there', async () => {
    let shot = false;
    for (const c of drawn) {
      const first = ids.indexOf(c.questions[0]!.id);
      for (let i = first - 1; i <= first + c.questions.length; i++) {
        if (i < 0 || i >= EXAM_SIZE) continue;
        await page.getByRole('button', { name: new RegExp(`^Question ${i + 1}, `) }).click();
        await page.getByRole('heading', { name: `Question ${i + 1} of ${EXAM_SIZE}` }).waitFor();
        const q = questionById.get(ids[i]!);
        const owner = q && MINE.find((m) => m.id === q.caseId);
        if (!owner) {
          expect(await page.getByTestId('case-scenario').count(), `question ${i + 1}`).toBe(0);
          continue;
        }
        await expectScenario(owner, `exam question ${i + 1}`);
        await answerRight(q);
        if (!shot) {
          shot = true;
          await page.screenshot({ path: `${SCREENS}/exam-learner-case-light.png` });
          await expectSoundLayout(page, 'Practice / Mock exam, a learner case / light');
          await page.emulateMedia({ colorScheme: 'dark' });
          await page.screenshot({ path: `${SCREENS}/exam-learner-case-dark.png` });
          await expectSoundLayout(page, 'Practice / Mock exam, a learner case / dark');
          await page.emulateMedia({ colorScheme: 'light' });
        }
      }
    }
  });

  it('shows the scenario again after a reload, once the exam is resumed', async () => {
    const c = drawn[1]!;
    const at = ids.indexOf(c.questions[1]!.id) + 1;
    await page.reload();
    await page.getByRole('heading', { level: 1, name: 'Practice' }).waitFor();
    await page.getByRole('button', { name: 'Resume exam' }).click();
    await page.getByRole('button', { name: new RegExp(`^Question ${at}, `) }).click();
    await page.getByRole('heading', { name: `Question ${at} of ${EXAM_SIZE}` }).waitFor();
    await page.getByTestId('case-scenario').waitFor();
    await expectScenario(c, `exam question ${at} after a reload`);
    // Its answer was kept.
    const q = c.questions[1]!;
    if (q.type !== 'single') throw new Error(`${q.id} is not single choice`);
    expect(await page.locator(`.case-question input[data-option="${q.answer}"]`).isChecked()).toBe(
      true,
    );
  });

  it('counts each set as its questions in the result', async () => {
    await page.getByRole('button', { name: 'Review and submit' }).click();
    await page.getByRole('heading', { name: 'Review your answers' }).waitFor();
    await page.getByRole('button', { name: 'Submit exam…' }).click();
    await page.getByRole('button', { name: 'Submit now' }).click();
    const raw = page.locator('.score-raw');
    await raw.waitFor();
    // Only the drawn sets' questions were answered, all of them right.
    const answered = drawn.reduce((n, c) => n + c.questions.length, 0);
    expect(await raw.innerText()).toMatch(new RegExp(`^${answered} of ${EXAM_SIZE} correct`));
    const totals = (await page.getByTestId('exam-domains').innerText()).match(/\d+ \/ \d+/g);
    expect(totals?.map((t) => Number(t.split(' / ')[1]))).toEqual(PLAN);
  });
});
