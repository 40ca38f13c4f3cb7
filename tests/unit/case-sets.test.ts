/**
 * The learner's own case-study sets (Dexie on fake-indexeddb): storing a case with its questions
 * in one transaction, a damaged case row skipped with a notice, delete with Undo (the case and its
 * questions), the scenario edit; the source check knowing learner cases; the backup carrying
 * cases (round trip, a version 1 file still read, a question whose case is nowhere refused); the
 * generated set's checks (shape, lengths, task) and the needs-the-scenario decisions before saving.
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationEvent } from '../../shared/question-generation';
import { checkCaseDraft } from '../../shared/question-draft';
import { QuestionFile, type Question } from '../../shared/questions';
import type * as DbNs from '../../renderer/src/db/db';
import { CONTENT_DIR } from '../support/corpus';

vi.mock('../../renderer/src/api', () => ({
  openStream: () => ({ id: 's', done: new Promise(() => undefined), cancel: () => undefined }),
}));

const BANK_D1 = QuestionFile.parse(
  JSON.parse(readFileSync(join(CONTENT_DIR, 'questions', 'd1.json'), 'utf8')),
);
const CASE_ID = 'cs-gen-test';
const SCENARIO =
  'A regional hospital wants to sort incoming patient letters by urgency. It has ten years of letters labelled by nurses, a small data science team, and a rule that no letter may leave its own AWS account. ' +
  'The board wants a first version in three months and a way to explain each decision to auditors.';

function caseQuestion(n: number, caseId = CASE_ID): Question {
  return {
    ...BANK_D1[n]!,
    id: `gen-case-${n}`,
    caseId,
    origin: {
      kind: 'generated',
      modelId: 'amazon.nova-micro-v1:0',
      promptVersion: 'gen-test',
      createdAt: '2026-11-23T10:00:00.000Z',
    },
  };
}
const Q = [caseQuestion(0), caseQuestion(1), caseQuestion(2)] as const;
const NEW_CASE = { id: CASE_ID, title: 'Hospital letter triage', scenario: SCENARIO };

let dbName = '';
let n = 0;
let open: { db: InstanceType<(typeof DbNs)['StratumDb']>; mod: typeof DbNs } | null = null;

/** A fresh module graph on a fresh database. */
async function session() {
  vi.resetModules();
  const mod = await import('../../renderer/src/db/db');
  const db = new mod.StratumDb(dbName);
  mod.setDb(db);
  open = { db, mod };
  return {
    db,
    mod,
    cases: await import('../../renderer/src/db/cases'),
    questions: await import('../../renderer/src/db/questions'),
    backup: await import('../../renderer/src/db/backup'),
    bank: await import('../../renderer/src/features/quiz/bank'),
    rules: await import('../../renderer/src/features/quiz/question-rules'),
    sets: await import('../../renderer/src/features/quiz/generate/case-sets'),
  };
}
type Session = Awaited<ReturnType<typeof session>>;

async function stored(s: Session) {
  await s.cases.addCaseSet(
    NEW_CASE,
    Q.map((question) => ({ question, blindCheck: null })),
    new Set(s.bank.BANK.map((q) => q.id)),
    (q) => s.rules.sourceProblemsWith(q, (id) => id === CASE_ID),
  );
}

beforeEach(() => {
  dbName = `stratum-cases-test-${n++}`;
});
afterEach(async () => {
  if (open) {
    open.mod.setDb(null);
    await open.db.delete();
    open = null;
  }
});

describe('learner cases in IndexedDB', () => {
  it('stores a case and its questions together, and reads them back', async () => {
    const s = await session();
    // The passage check runs, and the case is known to the check while it is being saved.
    await s.cases.addCaseSet(
      NEW_CASE,
      Q.map((question) => ({ question, blindCheck: null })),
      new Set(),
      (q) => s.rules.sourceProblemsWith(q, (id) => id === CASE_ID),
    );
    const { rows, skipped } = await s.cases.loadCases();
    expect(skipped).toEqual([]);
    expect(rows).toEqual([expect.objectContaining({ ...NEW_CASE, deleted: false })]);
    const pool = s.questions.mergePool([], await s.questions.questionRows());
    expect(pool.map((q) => q.caseId)).toEqual([CASE_ID, CASE_ID, CASE_ID]);
  });

  it('refuses a set of one question, a question of another case, and a case id twice', async () => {
    const s = await session();
    const none = new Set<string>();
    await expect(
      s.cases.addCaseSet(NEW_CASE, [{ question: Q[0], blindCheck: null }], none),
    ).rejects.toThrow(/needs 2 to 4 questions; this one has 1/);
    await expect(
      s.cases.addCaseSet(
        NEW_CASE,
        [
          { question: Q[0], blindCheck: null },
          { question: caseQuestion(1, 'cs-other'), blindCheck: null },
        ],
        none,
      ),
    ).rejects.toThrow(/caseId must be "cs-gen-test"/);
    await expect(
      s.cases.addCaseSet({ ...NEW_CASE, scenario: 'Too short.' }, [], none),
    ).rejects.toThrow(/scenario/);
    expect(await s.db.cases.count()).toBe(0);
    expect(await s.db.questions.count()).toBe(0);
    await stored(s);
    await expect(stored(s)).rejects.toThrow(/already exists/);
  });

  it('skips a damaged case row with a notice and leaves it in the database', async () => {
    const s = await session();
    await stored(s);
    await s.db.cases.put({ id: 'cs-broken', title: 'x' } as never);
    const { rows, skipped } = await s.cases.loadCases();
    expect(rows.map((r) => r.id)).toEqual([CASE_ID]);
    expect(skipped).toEqual([{ id: 'cs-broken', problem: expect.stringMatching(/^title: /) }]);
    expect(await s.db.cases.count()).toBe(2);
  });

  it('deletes a case with its questions, and Undo puts both back exactly', async () => {
    const s = await session();
    await stored(s);
    const before = {
      cases: await s.db.cases.toArray(),
      questions: await s.db.questions.toArray(),
    };
    const previous = await s.cases.deleteCase(CASE_ID);
    expect(previous.questions).toHaveLength(3);
    expect((await s.cases.loadCases()).rows[0]?.deleted).toBe(true);
    expect(s.questions.mergePool([], await s.questions.questionRows())).toEqual([]);
    await s.cases.putBackCase(previous);
    expect(await s.db.cases.toArray()).toEqual(before.cases);
    expect(await s.db.questions.toArray()).toEqual(before.questions);
    // Restore later (not Undo) brings the questions back too.
    await s.cases.deleteCase(CASE_ID);
    await s.cases.restoreCase(CASE_ID);
    expect(s.questions.mergePool([], await s.questions.questionRows())).toHaveLength(3);
  });

  it('edits the scenario within its limits, with Undo', async () => {
    const s = await session();
    await stored(s);
    const longer = `${SCENARIO} The letters arrive as scanned PDFs.`;
    const previous = await s.cases.saveScenario(CASE_ID, {
      title: 'Letter triage',
      scenario: longer,
    });
    expect((await s.cases.loadCases()).rows[0]).toMatchObject({
      title: 'Letter triage',
      scenario: longer,
    });
    await expect(
      s.cases.saveScenario(CASE_ID, { title: 'Letter triage', scenario: 'short' }),
    ).rejects.toThrow(/scenario/);
    await s.cases.putBackCase(previous);
    expect((await s.cases.loadCases()).rows[0]).toMatchObject(NEW_CASE);
  });
});

describe('the source check knows learner cases', () => {
  it('refuses an unknown case and accepts a learner one once it is known', async () => {
    const s = await session();
    expect(s.rules.sourceProblems(Q[0])).toEqual([
      'it belongs to case study "cs-gen-test", which is neither in the bank nor one of your case studies',
    ]);
    s.bank.setLearnerCases(new Map([[CASE_ID, { ...NEW_CASE, deleted: false }]]));
    expect(s.rules.sourceProblems(Q[0])).toEqual([]);
    expect(s.bank.findCase(CASE_ID)?.scenario).toBe(SCENARIO);
    // Bank cases are still found first.
    const bankCase = [...s.bank.CASES.keys()][0]!;
    expect(s.bank.findCase(bankCase)).toBe(s.bank.CASES.get(bankCase));
  });
});

describe('the mock exam with a learner case', () => {
  it('draws the learner set as a unit, keeps its order, and the blueprint holds', async () => {
    const s = await session();
    await stored(s);
    const { drawExam } = await import('../../renderer/src/lib/mock-exam');
    const { EXAM_GUIDE } = await import('../../shared/exam-guide');
    const weights = EXAM_GUIDE.domains.map((d) => ({ id: d.id, weight: d.weight }));
    const pool = s.questions.mergePool(s.bank.BANK, await s.questions.questionRows());
    const ids = Q.map((q) => q.id);
    let drawn = 0;
    for (let seed = 1; seed <= 40; seed++) {
      const exam = drawExam(pool, weights, seed);
      expect(exam.questionIds).toHaveLength(65);
      const byDomain = new Map<number, number>();
      for (const id of exam.questionIds) {
        const d = pool.find((q) => q.id === id)!.domain;
        byDomain.set(d, (byDomain.get(d) ?? 0) + 1);
      }
      expect(Object.fromEntries(byDomain)).toEqual(Object.fromEntries(exam.allocation.counts));
      const at = exam.questionIds.indexOf(ids[0]!);
      if (at < 0) {
        expect(exam.questionIds.filter((id) => ids.includes(id))).toEqual([]);
        continue;
      }
      drawn++;
      expect(exam.questionIds.slice(at, at + 3)).toEqual(ids);
    }
    expect(drawn).toBeGreaterThan(0);
  });
});

describe('backup with cases', () => {
  it('round-trips a case and its questions into an empty database', async () => {
    const s = await session();
    await stored(s);
    const { backup } = await s.backup.exportBackup(s.db, new Date('2026-12-04T12:00:00.000Z'));
    expect(backup.version).toBe(4);
    expect(backup.tables.cases.map((c) => c.id)).toEqual([CASE_ID]);
    const text = s.backup.backupText(backup);
    const target = new s.mod.StratumDb(`${dbName}-target`);
    try {
      const parsed = s.backup.parseBackup(text, undefined, undefined, () => false);
      expect(parsed.ok).toBe(true);
      if (!parsed.ok) return;
      const plan = await s.backup.applyImport(target, parsed.backup, 'keep-newer');
      expect(plan.cases.added).toBe(1);
      expect(s.backup.describePlan(plan)).toBe('1 case study added, 3 questions added');
      expect(await target.cases.toArray()).toEqual(await s.db.cases.toArray());
      expect(await target.questions.toArray()).toEqual(await s.db.questions.toArray());
      // A case newer here is kept unless the learner chooses to replace it.
      await target.cases.update(CASE_ID, {
        title: 'Renamed here',
        updatedAt: '2027-01-01T00:00:00.000Z',
      });
      const again = await s.backup.planImport(target, parsed.backup);
      expect(again.cases.newerHere).toEqual([CASE_ID]);
    } finally {
      await target.delete();
    }
  });

  it('still reads a version 1 file, which has no cases', async () => {
    const s = await session();
    const v1 = {
      format: 'stratum-backup',
      version: 1,
      exportedAt: '2026-11-23T12:00:00.000Z',
      tables: {
        questions: [],
        attempts: [],
        reviewCards: [],
        exams: [],
        reports: [],
        noteProgress: [],
      },
    };
    const parsed = s.backup.parseBackup(JSON.stringify(v1));
    expect(parsed).toMatchObject({
      ok: true,
      backup: { version: 4, tables: { cases: [], prefs: [], conversations: [], ragVectors: [] } },
    });
    // A version 2 file must have the table.
    const v2 = s.backup.parseBackup(JSON.stringify({ ...v1, version: 2 }));
    expect(v2).toMatchObject({ ok: false, problems: ['tables.cases: missing'] });
  });

  it('refuses a question whose case is neither in the file, the bank nor the learner’s', async () => {
    const s = await session();
    await stored(s);
    const { backup } = await s.backup.exportBackup(s.db);
    const orphan = { ...backup, tables: { ...backup.tables, cases: [] } };
    const parsed = s.backup.checkBackup(orphan, undefined, undefined, (id) => s.bank.CASES.has(id));
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(/^The backup has 3 problems, so nothing was imported\.$/);
    expect(parsed.problems[0]).toBe(
      'questions row 1 ("gen-case-0"): it belongs to case study "cs-gen-test", which is neither in the file, in the bank nor one of your case studies',
    );
    // Known elsewhere (the learner's stored case): accepted.
    expect(s.backup.checkBackup(orphan, undefined, undefined, (id) => id === CASE_ID).ok).toBe(
      true,
    );
    expect(s.backup.caseReferenceProblems(orphan.tables.questions, (id) => id === CASE_ID)).toEqual(
      [],
    );
  });
});

describe('a generated set', () => {
  const ctx = {
    sources: [
      {
        noteId: BANK_D1[0]!.sourceNoteId,
        title: 'Note',
        domain: 1,
        tasks: [BANK_D1[0]!.task],
        text: 'x'.repeat(60),
      },
    ],
    types: ['single', 'multiple', 'ordering', 'matching'] as const,
    difficulty: 'mixed' as const,
    modelId: 'amazon.nova-micro-v1:0',
    promptVersion: 'gen-test',
    createdAt: '2026-12-04T10:00:00.000Z',
    newId: () => 'gen-x',
    caseId: CASE_ID,
    task: '1.1',
    count: 2,
  };

  it('refuses a bad shape, a short scenario and the wrong number of questions with reasons', () => {
    expect(checkCaseDraft({ questions: 'none' }, { ...ctx, types: [...ctx.types] })).toMatchObject({
      ok: false,
      setReasons: expect.arrayContaining([expect.stringMatching(/^title: /)]),
    });
    const outcome = checkCaseDraft(
      { title: 'Tiny', scenario: 'Short.', questions: [{}] },
      { ...ctx, types: [...ctx.types] },
    );
    expect(outcome).toMatchObject({
      ok: false,
      setReasons: [
        'title: 4 characters; a title has 5 to 120',
        'scenario: 6 characters; a scenario has 200 to 2500',
        'questions: 2 were asked for and the set has 1',
      ],
      items: [{ position: 1, reasons: expect.any(Array) }],
    });
  });

  function arrived(flags: (boolean | null)[]): Extract<GenerationEvent, { type: 'case' }> {
    return {
      type: 'case',
      id: CASE_ID,
      title: NEW_CASE.title,
      scenario: SCENARIO,
      task: Q[0].task,
      items: flags.map((needs, i) => ({
        question: Q[i]!,
        blindCheck: null,
        scenarioCheck: needs === null ? null : { needsScenario: needs, chosen: ['a'], note: null },
      })),
    };
  }

  it('asks the learner to decide on a question that does not need the scenario, then saves the kept ones', async () => {
    const s = await session();
    s.sets.addArrivedCase(arrived([true, false, null]));
    const [p] = s.sets.getCaseSets();
    expect(p?.decisions).toEqual({
      'gen-case-0': 'accepted',
      'gen-case-1': 'undecided',
      'gen-case-2': 'accepted',
    });
    expect(s.sets.saveProblems(p!)).toEqual([
      'Decide on the flagged question first (accept anyway or reject).',
    ]);
    await expect(s.sets.saveCase(CASE_ID)).rejects.toThrow(/Decide on the flagged question/);
    s.sets.decide(CASE_ID, 'gen-case-1', 'rejected');
    expect(await s.sets.saveCase(CASE_ID)).toBe(2);
    expect(s.sets.getCaseSets()).toEqual([]);
    const rows = await s.questions.questionRows();
    expect(rows.map((r) => r.id).sort()).toEqual(['gen-case-0', 'gen-case-2']);
    expect((await s.cases.loadCases()).rows.map((r) => r.id)).toEqual([CASE_ID]);
  });

  it('will not save a set left with one question, and Discard can be undone', async () => {
    const s = await session();
    s.sets.addArrivedCase(arrived([false, false]));
    s.sets.decide(CASE_ID, 'gen-case-0', 'rejected');
    s.sets.decide(CASE_ID, 'gen-case-1', 'accepted');
    expect(s.sets.saveProblems(s.sets.getCaseSets()[0]!)).toEqual([
      'A case study needs at least 2 questions; only 1 is kept. Discard the set or accept another question.',
    ]);
    const undo = s.sets.discardCase(CASE_ID);
    expect(s.sets.getCaseSets()).toEqual([]);
    undo();
    expect(s.sets.getCaseSets().map((p) => p.set.id)).toEqual([CASE_ID]);
  });
});
