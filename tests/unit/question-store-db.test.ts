/**
 * The learner's questions in IndexedDB (Dexie on fake-indexeddb): saving generated items, edits
 * (bank edits become override rows), deletion with undo, restoring deleted bank items, reports.
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { Question } from '../../shared/questions';
import { setDb, StratumDb } from '../../renderer/src/db/db';
import { type QuestionRow } from '../../renderer/src/db/schema';
import {
  addQuestions,
  allReports,
  checkQuestion,
  deleteQuestion,
  deleteReport,
  mergePool,
  poolEntries,
  putBack,
  putBackReport,
  QuestionRejected,
  questionRows,
  reportQuestion,
  restoreQuestion,
  revertToBank,
  saveEdit,
  setReportResolved,
} from '../../renderer/src/db/questions';

/** A bank item as shipped (written out here, not read from the code under test). */
const BANK_ITEM: Question = {
  id: 'd3a-001',
  type: 'single',
  stem: 'A team wants more focused and repeatable answers. Which inference parameter change should the team make?',
  domain: 3,
  task: '3.1',
  sourceNoteId: 'inference-parameters',
  sourcePassage: 'Low temperature (towards 0) makes the most likely token even more likely.',
  difficulty: 'easy',
  explanation: 'Lowering the temperature sharpens the next-token distribution, so output repeats.',
  origin: { kind: 'bank' },
  tags: ['temperature'],
  options: [
    { id: 'a', text: 'Raise the temperature closer to 1' },
    { id: 'b', text: 'Raise the maximum length of the response' },
    { id: 'c', text: 'Lower the temperature closer to 0' },
    { id: 'd', text: 'Add a stop sequence after each answer' },
  ],
  answer: 'c',
  whyWrong: {
    a: 'A higher temperature flattens the distribution.',
    b: 'Maximum length only caps the number of tokens.',
    d: 'A stop sequence decides where generation ends.',
  },
};
const BANK = [BANK_ITEM];
const BANK_MAP = new Map(BANK.map((q) => [q.id, q]));
const BANK_IDS = new Set(BANK.map((q) => q.id));

function generated(id: string, stem: string): Question {
  return {
    ...BANK_ITEM,
    id,
    stem,
    origin: {
      kind: 'generated',
      modelId: 'amazon.nova-micro-v1:0',
      promptVersion: 'gen-test',
      createdAt: '2026-11-23T10:00:00.000Z',
    },
  };
}
const G1 = generated(
  'gen-one',
  'Which change to the inference parameters makes a chatbot answer more consistently?',
);
const G2 = generated(
  'gen-two',
  'A support assistant gives varied answers to one question. What should the team lower?',
);

let db: StratumDb;
let n = 0;
beforeEach(() => {
  db = new StratumDb(`stratum-questions-test-${n++}`);
  setDb(db);
});
afterEach(async () => {
  setDb(null);
  await db.delete();
});

describe('checkQuestion', () => {
  it('accepts a valid item and lists schema, rule and extra problems otherwise', () => {
    expect(checkQuestion(BANK_ITEM)).toEqual({ ok: true, question: BANK_ITEM });
    const short = checkQuestion({ ...BANK_ITEM, stem: 'Too short' });
    expect(short.ok).toBe(false);
    expect(!short.ok && short.problems[0]).toMatch(/^stem: /);
    const noWhy = checkQuestion({ ...BANK_ITEM, whyWrong: { a: 'x', b: 'y' } });
    expect(!noWhy.ok && noWhy.problems).toEqual(['option "d" is wrong but has no explanation']);
    const extra = checkQuestion(BANK_ITEM, () => ['passage not in the note']);
    expect(!extra.ok && extra.problems).toEqual(['passage not in the note']);
  });
});

describe('saving generated questions', () => {
  it('stores valid items with their blind check and shows them after the bank', async () => {
    const check = { agrees: false, chosen: ['a'], note: 'Picked A' };
    await addQuestions(
      [
        { question: G1, blindCheck: check },
        { question: G2, blindCheck: null },
      ],
      BANK_IDS,
    );
    const rows = await questionRows();
    expect(rows.map((r) => [r.id, r.deleted, r.blindCheck])).toEqual([
      ['gen-one', false, check],
      ['gen-two', false, null],
    ]);
    expect(mergePool(BANK, rows).map((q) => q.id)).toEqual(['d3a-001', 'gen-one', 'gen-two']);
  });

  it('refuses the whole batch when one item is invalid or its id exists', async () => {
    const bad = { ...G2, answer: 'z' } as Question;
    await expect(
      addQuestions(
        [
          { question: G1, blindCheck: null },
          { question: bad, blindCheck: null },
        ],
        BANK_IDS,
      ),
    ).rejects.toThrow(QuestionRejected);
    expect(await db.questions.count()).toBe(0);
    await expect(
      addQuestions(
        [
          { question: G1, blindCheck: null },
          { question: { ...G2, id: 'd3a-001' }, blindCheck: null },
        ],
        BANK_IDS,
      ),
    ).rejects.toThrow(/already exists/);
    expect(await db.questions.count()).toBe(0);
  });
});

describe('editing', () => {
  it('turns an edited bank item into an override row that replaces it, and undo removes it', async () => {
    const edited = {
      ...BANK_ITEM,
      explanation: 'A lower temperature makes the top token likelier.',
    };
    const previous = await saveEdit(edited, BANK_MAP);
    expect(previous).toEqual({ id: 'd3a-001', row: null });
    const rows = await questionRows();
    expect(rows).toHaveLength(1);
    expect(rows[0]!.question.explanation).toBe('A lower temperature makes the top token likelier.');
    expect(mergePool(BANK, rows)).toEqual([edited]);
    expect(poolEntries(BANK, rows).map((e) => e.source)).toEqual(['edited']);
    await putBack(previous);
    expect(await db.questions.count()).toBe(0);
    expect(mergePool(BANK, await questionRows())).toEqual([BANK_ITEM]);
  });

  it('keeps an own row’s creation time, clears a stale blind check, and undo restores it exactly', async () => {
    const [row] = await addQuestions(
      [{ question: G1, blindCheck: { agrees: true, chosen: ['c'], note: null } }],
      BANK_IDS,
    );
    // Now A is the answer: C needs a reason instead of A.
    const edited = {
      ...G1,
      answer: 'a',
      whyWrong: { b: 'Length caps tokens.', c: 'Now wrong.', d: 'Stop sequences end output.' },
    } as Question;
    const previous = await saveEdit(edited, BANK_MAP);
    const after = (await db.questions.get('gen-one'))!;
    expect(after.createdAt).toBe(row!.createdAt);
    expect(after.blindCheck).toBeNull();
    expect(after.question).toEqual(edited);
    await putBack(previous);
    expect(await db.questions.get('gen-one')).toEqual(row);
  });

  it('refuses an invalid edit, a type change and an unknown id, changing nothing', async () => {
    await expect(saveEdit({ ...BANK_ITEM, answer: 'q' }, BANK_MAP)).rejects.toThrow(
      /answer "q" is not an option/,
    );
    const ordering: Question = {
      ...BANK_ITEM,
      type: 'ordering',
      items: [
        { id: 'a', text: 'First step' },
        { id: 'b', text: 'Second step' },
        { id: 'c', text: 'Third step' },
      ],
      answer: ['a', 'b', 'c'],
    } as unknown as Question;
    delete (ordering as unknown as Record<string, unknown>).options;
    delete (ordering as unknown as Record<string, unknown>).whyWrong;
    await expect(saveEdit(ordering, BANK_MAP)).rejects.toThrow(/cannot change the question type/);
    await expect(saveEdit({ ...G1, id: 'nope' }, BANK_MAP)).rejects.toThrow(/no such question/);
    expect(await db.questions.count()).toBe(0);
  });
});

describe('deleting', () => {
  it('hides a bank item with a deleted override row; undo and restore bring it back', async () => {
    const previous = await deleteQuestion('d3a-001', BANK_MAP);
    expect(mergePool(BANK, await questionRows())).toEqual([]);
    expect(poolEntries(BANK, await questionRows())[0]).toMatchObject({
      deleted: true,
      source: 'bank',
    });
    await putBack(previous);
    expect(await db.questions.count()).toBe(0);

    await deleteQuestion('d3a-001', BANK_MAP);
    await restoreQuestion('d3a-001', BANK_MAP);
    // An override identical to the bank is not kept: the item is the bank item again.
    expect(await db.questions.count()).toBe(0);
    expect(mergePool(BANK, await questionRows())).toEqual([BANK_ITEM]);
  });

  it('restores an edited bank item with its edits, and revert drops them', async () => {
    const edited = { ...BANK_ITEM, tags: ['temperature', 'edited'] };
    await saveEdit(edited, BANK_MAP);
    await deleteQuestion('d3a-001', BANK_MAP);
    expect(mergePool(BANK, await questionRows())).toEqual([]);
    await restoreQuestion('d3a-001', BANK_MAP);
    expect(mergePool(BANK, await questionRows())).toEqual([edited]);
    const previous = await revertToBank('d3a-001');
    expect(mergePool(BANK, await questionRows())).toEqual([BANK_ITEM]);
    await putBack(previous);
    expect(mergePool(BANK, await questionRows())).toEqual([edited]);
  });

  it('flags an own question deleted (the row stays) and undo puts it back exactly', async () => {
    const [row] = await addQuestions([{ question: G1, blindCheck: null }], BANK_IDS);
    const previous = await deleteQuestion('gen-one', BANK_MAP);
    const stored = (await db.questions.get('gen-one')) as QuestionRow;
    expect(stored.deleted).toBe(true);
    expect(mergePool(BANK, await questionRows()).map((q) => q.id)).toEqual(['d3a-001']);
    await putBack(previous);
    expect(await db.questions.get('gen-one')).toEqual(row);
  });
});

describe('reports', () => {
  it('stores a report, lists newest first, resolves, deletes and undoes', async () => {
    const first = await reportQuestion('d3a-001', 'wrong-answer', '  C is not right  ');
    expect(first).toMatchObject({
      questionId: 'd3a-001',
      comment: 'C is not right',
      resolved: false,
    });
    // Distinct timestamps for the order check.
    await db.reports.update(first.id, { at: '2026-01-01T00:00:00.000Z' });
    const second = await reportQuestion('gen-one', 'unclear', '');
    expect((await allReports()).map((r) => r.id)).toEqual([second.id, first.id]);
    await setReportResolved(first.id, true);
    expect((await db.reports.get(first.id))?.resolved).toBe(true);
    const removed = await deleteReport(second.id);
    expect((await allReports()).map((r) => r.id)).toEqual([first.id]);
    await putBackReport(removed!);
    expect((await allReports()).map((r) => r.id)).toEqual([second.id, first.id]);
  });

  it('refuses a comment over 2000 characters', async () => {
    await expect(reportQuestion('d3a-001', 'other', 'x'.repeat(2001))).rejects.toThrow();
    expect(await db.reports.count()).toBe(0);
  });
});
