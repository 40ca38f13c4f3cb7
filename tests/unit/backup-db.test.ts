/**
 * Export and import of the learner's data (Dexie on fake-indexeddb): an exact round trip, files
 * that are malformed, foreign or partly bad are refused with the reason and change nothing, and
 * the merge rules (add, update, keep newer rows here unless the learner replaces them).
 */
import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { Question } from '../../shared/questions';
import { StratumDb } from '../../renderer/src/db/db';
import {
  type Attempt,
  type CaseRow,
  type ExamSession,
  type NoteProgress,
  type QuestionReport,
  type QuestionRow,
  type ReviewCard,
  type StudyPrefs,
} from '../../renderer/src/db/schema';
import {
  applyImport,
  backupText,
  checkBackup,
  describePlan,
  emptyTables,
  exportBackup,
  parseBackup,
  planImport,
  type Backup,
} from '../../renderer/src/db/backup';
import {
  MAX_BACKUP_BYTES,
  megabytes,
  sizeRefusal,
} from '../../renderer/src/features/settings/backup/backup-check';

const QUESTION: Question = {
  id: 'gen-abc',
  type: 'multiple',
  stem: 'Which two settings make a model’s output more repeatable? (Select TWO.)',
  domain: 3,
  task: '3.1',
  sourceNoteId: 'inference-parameters',
  sourcePassage: 'Low temperature (towards 0) makes the most likely token even more likely.',
  difficulty: 'medium',
  explanation: 'A low temperature and a low top-p both narrow the choice of next token.',
  origin: {
    kind: 'generated',
    modelId: 'amazon.nova-micro-v1:0',
    promptVersion: 'gen-test',
    createdAt: '2026-11-20T10:00:00.000Z',
  },
  tags: ['sampling'],
  options: [
    { id: 'a', text: 'A low temperature' },
    { id: 'b', text: 'A low top-p' },
    { id: 'c', text: 'A longer maximum length' },
    { id: 'd', text: 'More stop sequences' },
    { id: 'e', text: 'A larger context window' },
  ],
  answers: ['a', 'b'],
  whyWrong: {
    c: 'Length caps output; it does not change token choice.',
    d: 'Stop sequences only end generation.',
    e: 'The context window limits input size.',
  },
};

const ROWS = {
  cases: [] as CaseRow[],
  questions: [
    {
      id: 'gen-abc',
      question: QUESTION,
      deleted: false,
      createdAt: '2026-11-20T10:00:00.000Z',
      updatedAt: '2026-11-20T10:00:00.000Z',
      blindCheck: { agrees: true, chosen: ['a', 'b'], note: null },
    },
    {
      id: 'gen-deleted',
      question: { ...QUESTION, id: 'gen-deleted', stem: `${QUESTION.stem} Consider cost.` },
      deleted: true,
      createdAt: '2026-11-20T11:00:00.000Z',
      updatedAt: '2026-11-21T11:00:00.000Z',
      blindCheck: null,
    },
  ] satisfies QuestionRow[],
  attempts: [
    {
      id: 'a1',
      questionId: 'gen-abc',
      at: '2026-11-21T09:00:00.000Z',
      correct: true,
      mode: 'practice',
    },
    {
      id: 'a2',
      questionId: 'd1-001',
      at: '2026-11-21T09:05:00.000Z',
      correct: false,
      mode: 'review',
      rating: 1,
    },
    {
      id: 'a3',
      questionId: 'd1-002',
      at: '2026-11-21T09:06:00.000Z',
      correct: true,
      mode: 'exam',
      examId: 'e1',
    },
  ] satisfies Attempt[],
  reviewCards: [
    {
      questionId: 'd1-001',
      due: '2026-11-22T09:05:00.000Z',
      stability: 0.4,
      difficulty: 7.1,
      elapsedDays: 0,
      scheduledDays: 1,
      learningSteps: 1,
      reps: 1,
      lapses: 0,
      state: 1,
      lastReview: '2026-11-21T09:05:00.000Z',
    },
  ] satisfies ReviewCard[],
  exams: [
    {
      id: 'e1',
      startedAt: '2026-11-21T09:00:00.000Z',
      deadline: '2026-11-21T10:30:00.000Z',
      finishedAt: null,
      questionIds: ['d1-002', 'gen-abc'],
      responses: { 'd1-002': { type: 'single', choice: 'b' } },
      flagged: ['gen-abc'],
      result: null,
    },
  ] satisfies ExamSession[],
  reports: [
    {
      id: 'r1',
      questionId: 'd1-001',
      at: '2026-11-21T09:10:00.000Z',
      reason: 'unclear',
      comment: 'Option B reads two ways.',
      resolved: false,
    },
  ] satisfies QuestionReport[],
  noteProgress: [
    {
      noteId: 'inference-parameters',
      read: true,
      readAt: '2026-11-19T08:00:00.000Z',
      bookmarked: false,
      bookmarkedAt: null,
      lastOpenedAt: '2026-11-19T08:00:00.000Z',
    },
  ] satisfies NoteProgress[],
  prefs: [
    {
      id: 'study',
      examDate: '2026-12-20',
      newPerDay: 7,
      maxReviewsPerDay: 150,
      targetRetention: 0.92,
    },
  ] satisfies StudyPrefs[],
};
type Tables = typeof ROWS;
const NAMES = Object.keys(ROWS) as (keyof Tables)[];

let dbs: StratumDb[] = [];
let n = 0;
function freshDb(): StratumDb {
  const db = new StratumDb(`stratum-backup-test-${n++}`);
  dbs.push(db);
  return db;
}
async function fill(db: StratumDb, rows: Partial<Record<keyof Tables, unknown[]>> = ROWS) {
  for (const name of NAMES) if (rows[name]) await db.table(name).bulkPut(rows[name]);
}
async function dump(db: StratumDb): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const name of [...NAMES, 'experiments', 'images'])
    out[name] = await db.table(name).toArray();
  return out;
}

let source: StratumDb;
beforeEach(async () => {
  source = freshDb();
  await fill(source);
});
afterEach(async () => {
  for (const db of dbs) await db.delete();
  dbs = [];
});

async function exportedText(db = source): Promise<string> {
  return backupText((await exportBackup(db, new Date('2026-11-23T12:00:00.000Z'))).backup);
}
function mustParse(text: string): Backup {
  const parsed = parseBackup(text);
  if (!parsed.ok) throw new Error(`${parsed.reason} ${parsed.problems.join(' | ')}`);
  return parsed.backup;
}

describe('export', () => {
  it('writes one versioned file with every table', async () => {
    const file = JSON.parse(await exportedText()) as Record<string, unknown>;
    expect(file.format).toBe('stratum-backup');
    expect(file.version).toBe(4);
    expect(file.exportedAt).toBe('2026-11-23T12:00:00.000Z');
    // The labs' tables are there too, empty here (tests/unit/backup-labs.test.ts fills them).
    expect(file.tables).toEqual({ ...emptyTables(), ...ROWS });
  });

  it('leaves out a row that does not validate, and says so', async () => {
    await source.attempts.put({ id: 'bad', questionId: '', at: 'yesterday' } as never);
    const { backup, skipped } = await exportBackup(source);
    expect(backup.tables.attempts.map((a) => a.id)).toEqual(['a1', 'a2', 'a3']);
    expect(skipped).toEqual([{ table: 'attempts', key: 'bad', problem: expect.any(String) }]);
  });
});

describe('round trip', () => {
  it('export then import into an empty database gives identical tables', async () => {
    const target = freshDb();
    const plan = await applyImport(target, mustParse(await exportedText()), 'keep-newer');
    expect(plan.questions).toEqual({ added: 2, updated: 0, unchanged: 0, newerHere: [] });
    expect(plan.attempts.added).toBe(3);
    expect(describePlan(plan)).toBe(
      '2 questions added, 3 answers added, 1 review card added, 1 mock exam added, 1 report added, 1 set of study settings added, 1 note progress record added',
    );
    expect(await dump(target)).toEqual(await dump(source));
    // And the target exports the same file, byte for byte.
    expect(await exportedText(target)).toBe(await exportedText());
  });

  it('importing the same file again changes nothing', async () => {
    const backup = mustParse(await exportedText());
    const before = await dump(source);
    const plan = await applyImport(source, backup, 'keep-newer');
    expect(describePlan(plan)).toBe('nothing new');
    expect(plan.questions.unchanged).toBe(2);
    expect(await dump(source)).toEqual(before);
  });
});

describe('study settings (prefs)', () => {
  const HERE = { ...ROWS.prefs[0]!, examDate: null, newPerDay: 20 };

  it('a file with study settings restores them over the ones here', async () => {
    const target = freshDb();
    await target.prefs.put(HERE);
    const plan = await applyImport(target, mustParse(await exportedText()), 'keep-newer');
    expect(plan.prefs).toEqual({ added: 0, updated: 1, unchanged: 0, newerHere: [] });
    expect(await target.prefs.toArray()).toEqual(ROWS.prefs);
  });

  it('a version 1 or 2 file, which has none, imports and leaves the settings here alone', async () => {
    const file = JSON.parse(await exportedText()) as { tables: Record<string, unknown> };
    delete file.tables.prefs;
    for (const version of [1, 2]) {
      const target = freshDb();
      await target.prefs.put(HERE);
      const backup = mustParse(JSON.stringify({ ...file, version }));
      expect(backup.tables.prefs).toEqual([]);
      const plan = await applyImport(target, backup, 'replace');
      expect(plan.prefs).toEqual({ added: 0, updated: 0, unchanged: 0, newerHere: [] });
      expect(plan.questions.added).toBe(2);
      expect(await target.prefs.toArray()).toEqual([HERE]);
    }
  });

  it('checks them with the database row’s schema, and a version 3 file must have the table', async () => {
    const file = JSON.parse(await exportedText()) as { tables: Record<string, unknown> };
    const bad = { ...file, tables: { ...file.tables, prefs: [{ ...HERE, newPerDay: 9999 }] } };
    const refused = parseBackup(JSON.stringify(bad));
    expect(refused).toMatchObject({ ok: false });
    expect(!refused.ok && refused.problems[0]).toMatch(/^prefs row 1 \("study"\): newPerDay/);
    delete file.tables.prefs;
    expect(parseBackup(JSON.stringify(file))).toMatchObject({
      ok: false,
      problems: ['tables.prefs: missing'],
    });
  });
});

describe('checking off the UI thread', () => {
  it('reports progress as rows are checked, ending at the total', async () => {
    const text = await exportedText();
    const seen: [number, number][] = [];
    const parsed = parseBackup(text, undefined, (done, total) => seen.push([done, total]));
    expect(parsed.ok).toBe(true);
    const total = Object.values(ROWS).reduce((n, rows) => n + rows.length, 0);
    expect(seen.at(-1)).toEqual([total, total]);
    expect(seen.every(([done, t], i) => t === total && done >= (seen[i - 1]?.[0] ?? 0))).toBe(true);
  });

  it('checks an already parsed file the same way (what the worker runs)', async () => {
    const text = await exportedText();
    expect(checkBackup(JSON.parse(text))).toEqual(parseBackup(text));
    expect(checkBackup([])).toMatchObject({
      ok: false,
      reason: expect.stringMatching(/JSON list/),
    });
  });

  it('refuses a file over the stated limit before reading it', () => {
    expect(megabytes(62.4 * 1024 * 1024)).toBe('62.4 MB');
    expect(megabytes(1500 * 1024 * 1024)).toBe('1,500 MB');
    expect(sizeRefusal({ size: MAX_BACKUP_BYTES })).toBeNull();
    expect(sizeRefusal({ size: 251 * 1024 * 1024 })).toEqual({
      ok: false,
      reason: expect.stringMatching(/^The file is 251 MB; a backup can be at most 250 MB/),
      problems: [],
    });
  });
});

describe('refused files change nothing', () => {
  async function expectRefused(text: string, reason: RegExp, problem?: RegExp) {
    const before = await dump(source);
    const parsed = parseBackup(text);
    expect(parsed.ok).toBe(false);
    if (parsed.ok) return;
    expect(parsed.reason).toMatch(reason);
    if (problem) expect(parsed.problems.some((p) => problem.test(p))).toBe(true);
    expect(await dump(source)).toEqual(before);
  }
  const good = () =>
    JSON.parse(
      JSON.stringify({
        format: 'stratum-backup',
        version: 3,
        exportedAt: '2026-11-23T12:00:00.000Z',
        tables: ROWS,
      }),
    ) as {
      tables: Record<string, Record<string, unknown>[]>;
    } & Record<string, unknown>;

  it('refuses text that is not JSON', async () => {
    await expectRefused('{"format": "stratum-backup", ', /not valid JSON/);
  });

  it('refuses a foreign file: another format, a question list, a newer version', async () => {
    await expectRefused(JSON.stringify({ name: 'my-package' }), /"format" is missing/);
    await expectRefused(
      JSON.stringify({ ...good(), format: 'anki-export' }),
      /"format" is "anki-export"/,
    );
    await expectRefused(JSON.stringify([QUESTION]), /JSON list, not a Stratum backup/);
    await expectRefused(JSON.stringify({ ...good(), version: 5 }), /newer Stratum/);
  });

  it('names the table, row and field of a bad row', async () => {
    const file = good();
    file.tables.attempts![1]!.correct = 'yes';
    await expectRefused(
      JSON.stringify(file),
      /1 problem, so nothing was imported/,
      /^attempts row 2 \("a2"\): correct: /,
    );
  });

  it('runs the question rule checks and extra checks, and finds repeated keys', async () => {
    const file = good();
    const q = file.tables.questions![0]!.question as Record<string, unknown>;
    q.answers = ['a', 'z'];
    file.tables.reports!.push({ ...file.tables.reports![0]! });
    const parsed = parseBackup(JSON.stringify(file));
    expect(parsed.ok).toBe(false);
    expect(!parsed.ok && parsed.problems).toEqual([
      'questions row 1 ("gen-abc"): answer "z" is not an option',
      'questions row 1 ("gen-abc"): option "b" is wrong but has no explanation',
      'reports row 2 ("r1"): same key as row 1',
    ]);
    const extra = parseBackup(await exportedText(), (x) =>
      x.id === 'gen-abc' ? ['the passage is not in note "inference-parameters"'] : [],
    );
    expect(!extra.ok && extra.problems).toEqual([
      'questions row 1 ("gen-abc"): the passage is not in note "inference-parameters"',
    ]);
  });

  it('refuses unknown and missing tables', async () => {
    const file = good();
    delete (file.tables as Record<string, unknown>).exams;
    (file.tables as Record<string, unknown>).secrets = [];
    const parsed = parseBackup(JSON.stringify(file));
    expect(!parsed.ok && parsed.problems).toEqual([
      'tables.secrets: this Stratum has no such table',
      'tables.exams: missing',
    ]);
  });

  it('rolls the whole import back when a write fails half way', async () => {
    const target = freshDb();
    await fill(target, { noteProgress: ROWS.noteProgress });
    const before = await dump(target);
    const spy = vi
      .spyOn(target.table('reports'), 'bulkPut')
      .mockRejectedValue(new Error('disk full'));
    await expect(
      applyImport(target, mustParse(await exportedText()), 'keep-newer'),
    ).rejects.toThrow('disk full');
    spy.mockRestore();
    // Questions, attempts, cards and exams were written before reports in the transaction.
    expect(await dump(target)).toEqual(before);
  });
});

describe('merge rules', () => {
  it('adds new rows, updates older ones and keeps rows that are newer here', async () => {
    const target = freshDb();
    // Here: an older copy of gen-abc, a newer copy of the report, and a row the file lacks.
    const olderQuestion = {
      ...ROWS.questions[0]!,
      updatedAt: '2026-11-19T00:00:00.000Z',
      question: { ...QUESTION, tags: ['old'] },
    };
    const newerReport = { ...ROWS.reports[0]!, at: '2026-11-22T00:00:00.000Z', resolved: true };
    const onlyHere: Attempt = {
      id: 'a9',
      questionId: 'd2-001',
      at: '2026-11-22T00:00:00.000Z',
      correct: true,
      mode: 'practice',
    };
    await fill(target, {
      questions: [olderQuestion],
      reports: [newerReport],
      attempts: [onlyHere],
    });
    const backup = mustParse(await exportedText());

    const plan = await planImport(target, backup);
    expect(plan.questions).toEqual({ added: 1, updated: 1, unchanged: 0, newerHere: [] });
    expect(plan.reports).toEqual({ added: 0, updated: 0, unchanged: 0, newerHere: ['r1'] });
    expect(plan.attempts).toEqual({ added: 3, updated: 0, unchanged: 0, newerHere: [] });
    // Planning writes nothing.
    expect(await target.questions.get('gen-abc')).toEqual(olderQuestion);

    await applyImport(target, backup, 'keep-newer');
    expect(await target.questions.get('gen-abc')).toEqual(ROWS.questions[0]);
    expect(await target.reports.get('r1')).toEqual(newerReport);
    // Never dropped: the attempt only this database had.
    expect(await target.attempts.get('a9')).toEqual(onlyHere);
    expect(await target.attempts.count()).toBe(4);
  });

  it('replaces newer rows only when asked', async () => {
    const target = freshDb();
    const newerReport = { ...ROWS.reports[0]!, at: '2026-11-22T00:00:00.000Z', resolved: true };
    await fill(target, { reports: [newerReport] });
    const plan = await applyImport(target, mustParse(await exportedText()), 'replace');
    expect(plan.reports).toEqual({ added: 0, updated: 1, unchanged: 0, newerHere: [] });
    expect(await target.reports.get('r1')).toEqual(ROWS.reports[0]);
  });
});
