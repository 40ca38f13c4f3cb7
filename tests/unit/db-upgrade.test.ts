/** IndexedDB schema upgrades keep every row (Dexie on fake-indexeddb). */
import 'fake-indexeddb/auto';
import Dexie from 'dexie';
import { describe, expect, it } from 'vitest';
import { StratumDb } from '../../renderer/src/db/db';
import { Attempt } from '../../renderer/src/db/schema';

describe('the Stratum database', () => {
  it('upgrades a version 1 database to the current one without losing note progress', async () => {
    const name = 'stratum-upgrade-test';
    // What the first release created: only the noteProgress store.
    const v1 = new Dexie(name);
    v1.version(1).stores({ noteProgress: 'noteId, lastOpenedAt, bookmarkedAt' });
    const row = {
      noteId: 'bedrock-pricing',
      read: true,
      readAt: '2026-11-20T10:00:00.000Z',
      bookmarked: true,
      bookmarkedAt: '2026-11-20T10:00:00.000Z',
      lastOpenedAt: '2026-11-21T10:00:00.000Z',
    };
    await v1.table('noteProgress').put(row);
    v1.close();

    const current = new StratumDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(2);
    expect(await current.noteProgress.get('bedrock-pricing')).toEqual(row);
    expect(await current.experiments.count()).toBe(0);
    await current.delete();
  });
});

describe('version 5', () => {
  it('keeps v4 practice attempts, indexes them by mode, and adds the quiz tables empty', async () => {
    const name = 'stratum-upgrade-v4-test';
    const v4 = new Dexie(name);
    v4.version(1).stores({ noteProgress: 'noteId, lastOpenedAt, bookmarkedAt' });
    v4.version(2).stores({ experiments: 'id, createdAt, kind' });
    v4.version(3).stores({ images: 'id, createdAt' });
    v4.version(4).stores({ attempts: 'id, questionId, at' });
    const rows = [
      {
        id: 'a1',
        questionId: 'd1-001',
        at: '2026-11-20T10:00:00.000Z',
        correct: true,
        mode: 'practice',
      },
      {
        id: 'a2',
        questionId: 'd2-004',
        at: '2026-11-21T09:30:00.000Z',
        correct: false,
        mode: 'practice',
      },
    ];
    await v4.table('attempts').bulkPut(rows);
    v4.close();

    const current = new StratumDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(5);
    expect(await current.attempts.orderBy('at').toArray()).toEqual(rows);
    // The new `mode` index answers queries over the old rows.
    expect(await current.attempts.where('mode').equals('practice').count()).toBe(2);
    // v7's compound index covers them too.
    expect(
      await current.attempts
        .where('[mode+at]')
        .between(['practice', '2026-11-21T00:00:00.000Z'], ['practice', '2026-11-22T00:00:00.000Z'])
        .count(),
    ).toBe(1);
    expect(rows.every((r) => Attempt.safeParse(r).success)).toBe(true);
    for (const table of [current.questions, current.reports, current.reviewCards, current.exams]) {
      expect(await table.count()).toBe(0);
    }
    await current.delete();
  });
});

describe('version 8', () => {
  it('keeps every v7 table and row and adds pendingQuestions empty', async () => {
    const name = 'stratum-upgrade-v7-test';
    // Version 7 as it shipped, written out here (not taken from StratumDb).
    const v7 = new Dexie(name);
    v7.version(1).stores({ noteProgress: 'noteId, lastOpenedAt, bookmarkedAt' });
    v7.version(2).stores({ experiments: 'id, createdAt, kind' });
    v7.version(3).stores({ images: 'id, createdAt' });
    v7.version(4).stores({ attempts: 'id, questionId, at' });
    v7.version(5).stores({
      attempts: 'id, questionId, at, mode',
      questions: 'id, updatedAt',
      reports: 'id, questionId, at',
      reviewCards: 'questionId, due',
      exams: 'id, startedAt',
    });
    v7.version(6).stores({ conversations: 'id, updatedAt' });
    v7.version(7).stores({ attempts: 'id, questionId, at, mode, [mode+at]' });
    const rows: Record<string, unknown[]> = {
      noteProgress: [
        {
          noteId: 'bedrock-pricing',
          read: true,
          readAt: '2026-11-20T10:00:00.000Z',
          bookmarked: false,
          bookmarkedAt: null,
          lastOpenedAt: '2026-11-20T10:00:00.000Z',
        },
      ],
      attempts: [
        {
          id: 'a1',
          questionId: 'd1-001',
          at: '2026-11-21T09:30:00.000Z',
          correct: true,
          mode: 'review',
          rating: 3,
          newCard: true,
        },
      ],
      reports: [
        {
          id: 'r1',
          questionId: 'd1-001',
          at: '2026-11-21T09:31:00.000Z',
          reason: 'unclear',
          comment: '',
          resolved: false,
        },
      ],
      conversations: [{ id: 'c1', updatedAt: '2026-11-22T08:00:00.000Z', title: 'Kept' }],
    };
    for (const [table, list] of Object.entries(rows)) await v7.table(table).bulkPut(list);
    v7.close();

    const current = new StratumDb(name);
    await current.open();
    expect(current.verno).toBeGreaterThanOrEqual(8);
    for (const [table, list] of Object.entries(rows)) {
      expect(await current.table(table).toArray(), table).toEqual(list);
    }
    expect(
      await current.attempts
        .where('[mode+at]')
        .equals(['review', '2026-11-21T09:30:00.000Z'])
        .count(),
    ).toBe(1);
    expect(await current.pendingQuestions.count()).toBe(0);
    // The new position index answers ordered reads.
    expect(await current.pendingQuestions.orderBy('position').toArray()).toEqual([]);
    await current.delete();
  });
});
