/**
 * Generated questions waiting for review, kept in IndexedDB (Dexie on fake-indexeddb): the
 * storage module (round trip, bad rows skipped and kept, accepting atomically over two tables)
 * and the generation store that writes through to it (items survive a fresh module state, which
 * is what a reload is; discard and Undo keep an item's place; a failed save keeps the item).
 */
import 'fake-indexeddb/auto';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { GenerationEvent } from '../../shared/question-generation';
import { QuestionFile, type Question } from '../../shared/questions';
import type { AppError } from '../../shared/result';
import type * as DbNs from '../../renderer/src/db/db';
import type * as PendingNs from '../../renderer/src/db/pending';
import type * as StoreNs from '../../renderer/src/features/quiz/generation-store';
import { CONTENT_DIR } from '../support/corpus';

/** The stream the store opens: the test plays the main process and sends its events. */
const stream = vi.hoisted(() => ({
  onEvent: null as ((event: unknown) => void) | null,
  finish: null as ((end: unknown) => void) | null,
}));
vi.mock('../../renderer/src/api', () => ({
  openStream: (_name: string, _input: unknown, onEvent: (event: unknown) => void) => {
    stream.onEvent = onEvent;
    const done = new Promise((resolve) => (stream.finish = resolve));
    return { id: 'test-stream', done, cancel: () => stream.finish?.({ code: 'cancelled' }) };
  },
}));

// Types only (erased): each session imports fresh copies of these modules.
type DbModule = typeof DbNs;
type StoreModule = typeof StoreNs;
type PendingModule = typeof PendingNs;

/**
 * Valid items: real bank questions (their passages occur in the notes) under new ids, as
 * generated items. Read from the content files here, not through the code under test.
 */
const BANK_D1 = QuestionFile.parse(
  JSON.parse(readFileSync(join(CONTENT_DIR, 'questions', 'd1.json'), 'utf8')),
);
function generated(n: number): Question {
  return {
    ...BANK_D1[n]!,
    id: `gen-pending-${n}`,
    origin: {
      kind: 'generated',
      modelId: 'amazon.nova-micro-v1:0',
      promptVersion: 'gen-test',
      createdAt: '2026-11-23T10:00:00.000Z',
    },
  };
}
const Q = [generated(0), generated(1), generated(2)] as const;
const CHECK = { agrees: true, chosen: ['b'], note: null };

/** A stored row written out by hand. */
function row(question: Question, position: number, addedAt = '2026-11-23T10:00:00.000Z') {
  return {
    id: question.id,
    question,
    blindCheck: null,
    blindCheckProblem: null,
    edited: false,
    addedAt,
    position,
  };
}

let dbName = '';
let n = 0;
let open: { db: InstanceType<DbModule['StratumDb']>; mod: DbModule } | null = null;

/** A fresh module graph (as after a reload) on the same database. */
async function session() {
  open?.db.close();
  vi.resetModules();
  const mod = await import('../../renderer/src/db/db');
  const db = new mod.StratumDb(dbName);
  mod.setDb(db);
  open = { db, mod };
  const pending: PendingModule = await import('../../renderer/src/db/pending');
  const store: StoreModule = await import('../../renderer/src/features/quiz/generation-store');
  return { db, pending, store };
}

beforeEach(() => {
  dbName = `stratum-pending-test-${n++}`;
});
afterEach(async () => {
  if (open) {
    open.mod.setDb(null);
    await open.db.delete();
    open = null;
  }
  stream.onEvent = null;
  stream.finish = null;
  vi.useRealTimers();
});

describe('pending storage', () => {
  it('stores rows and loads them back in list order', async () => {
    const { pending } = await session();
    const a = { ...row(Q[0], 2), blindCheck: CHECK };
    const b = { ...row(Q[1], 1), blindCheckProblem: 'The blind check was throttled.' };
    await pending.putPendingRow(a);
    await pending.putPendingRow(b);
    expect(await pending.loadPendingRows()).toEqual({ rows: [b, a], skipped: [] });
  });

  it('skips and reports a bad stored row without deleting it', async () => {
    const { db, pending } = await session();
    await pending.putPendingRow(row(Q[0], 1));
    // Written past the validation, as a damaged database or another version might hold them.
    await db.pendingQuestions.put({
      ...row(Q[1], 2),
      question: { stem: 'no longer a question' },
    } as never);
    await db.pendingQuestions.put({ ...row(Q[2], 3), position: undefined } as never);
    const loaded = await pending.loadPendingRows();
    expect(loaded.rows).toEqual([row(Q[0], 1)]);
    expect(loaded.skipped.map((s) => s.id)).toEqual(['gen-pending-1', 'gen-pending-2']);
    expect(loaded.skipped[0]!.problem).toMatch(/^question\./);
    expect(loaded.skipped[1]!.problem).toMatch(/^position/);
    expect(await db.pendingQuestions.count()).toBe(3);
  });

  it('refuses to store an invalid row', async () => {
    const { db, pending } = await session();
    await expect(pending.putPendingRow({ ...row(Q[0], 1), id: 'other-id' })).rejects.toThrow(
      /not valid: id: the row id differs from the question id/,
    );
    await expect(pending.putPendingRow({ ...row(Q[0], 1), addedAt: 'yesterday' })).rejects.toThrow(
      /addedAt/,
    );
    expect(await db.pendingQuestions.count()).toBe(0);
  });
});

describe('accepting pending items', () => {
  const bankIds = new Set<string>();

  it('moves the accepted items to questions and leaves the others pending', async () => {
    const { db, pending } = await session();
    for (const [i, q] of Q.entries()) await pending.putPendingRow(row(q, i + 1));
    await pending.acceptPendingRows(
      [
        { question: Q[0], blindCheck: CHECK },
        { question: Q[2], blindCheck: null },
      ],
      bankIds,
    );
    expect((await db.questions.toArray()).map((r) => [r.id, r.blindCheck])).toEqual([
      ['gen-pending-0', CHECK],
      ['gen-pending-2', null],
    ]);
    expect(await db.pendingQuestions.toCollection().primaryKeys()).toEqual(['gen-pending-1']);
  });

  it('changes neither table when one item is refused', async () => {
    const { db, pending } = await session();
    for (const [i, q] of Q.entries()) await pending.putPendingRow(row(q, i + 1));
    const before = await db.pendingQuestions.toArray();
    const broken: Question = { ...Q[1], explanation: '' };
    await expect(
      pending.acceptPendingRows(
        [
          { question: Q[0], blindCheck: null },
          { question: broken, blindCheck: null },
        ],
        bankIds,
      ),
    ).rejects.toMatchObject({ name: 'QuestionRejected', questionId: 'gen-pending-1' });
    expect(await db.questions.count()).toBe(0);
    expect(await db.pendingQuestions.toArray()).toEqual(before);
  });

  it('rolls the new questions back when removing them from the pending list fails', async () => {
    const { db, pending } = await session();
    for (const [i, q] of Q.entries()) await pending.putPendingRow(row(q, i + 1));
    db.pendingQuestions.hook('deleting', () => {
      throw new Error('disk full');
    });
    await expect(
      pending.acceptPendingRows([{ question: Q[0], blindCheck: null }], bankIds),
    ).rejects.toThrow('disk full');
    expect(await db.questions.count()).toBe(0);
    expect(await db.pendingQuestions.count()).toBe(3);
  });
});

/** Starts a run in the store and sends `questions` as items, then ends the stream. */
async function generate(store: StoreModule, questions: readonly Question[]) {
  store.startGeneration(
    {
      modelId: 'amazon.nova-micro-v1:0',
      sources: [{ noteId: 'n', title: 'Note', domain: 1, tasks: ['1.1'], text: 'Some note text.' }],
      count: questions.length,
      types: ['single'],
      difficulty: 'mixed',
      existingStems: [],
      blindCheck: false,
    },
    false,
  );
  for (const question of questions) {
    const event: GenerationEvent = { type: 'item', question, blindCheck: null };
    stream.onEvent!(event);
  }
  stream.finish!(null satisfies AppError | null);
  await settle(store);
}

/** Waits until the store has read the stored items and run every write asked for so far. */
async function settle(store: StoreModule) {
  await store.loadPending();
  await store.whenSaved();
}

const ids = (store: StoreModule) => store.getGenerationState().pending.map((p) => p.question.id);

describe('the generation store', () => {
  it('stores each arriving item and shows them again in a fresh module state', async () => {
    const first = await session();
    await generate(first.store, Q);
    expect(ids(first.store)).toEqual(['gen-pending-0', 'gen-pending-1', 'gen-pending-2']);
    const stored = await first.pending.loadPendingRows();
    expect(stored.rows.map((r) => [r.id, r.position])).toEqual([
      ['gen-pending-0', 1],
      ['gen-pending-1', 2],
      ['gen-pending-2', 3],
    ]);

    const second = await session();
    expect(second.store.getGenerationState().pending).toEqual([]);
    await second.store.loadPending();
    const state = second.store.getGenerationState();
    expect(state.pending.map((p) => p.question)).toEqual([...Q]);
    expect(state.storage).toEqual({ loaded: true, unreadable: [], error: null });
    // An item arriving now goes after the kept ones.
    await generate(second.store, [generated(3)]);
    expect((await second.pending.loadPendingRows()).rows.map((r) => [r.id, r.position])).toEqual([
      ['gen-pending-0', 1],
      ['gen-pending-1', 2],
      ['gen-pending-2', 3],
      ['gen-pending-3', 4],
    ]);
  });

  it('marks only items from an earlier session as kept', async () => {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(new Date('2026-11-23T10:00:00.000Z'));
    const first = await session();
    await generate(first.store, [Q[0]]);
    vi.setSystemTime(new Date('2026-11-24T08:00:00.000Z'));
    const second = await session();
    await second.store.loadPending();
    await generate(second.store, [Q[1]]);
    const [kept, fresh] = second.store.getGenerationState().pending;
    expect(kept!.addedAt).toBe('2026-11-23T10:00:00.000Z');
    expect(second.store.fromEarlierSession(kept!)).toBe(true);
    expect(second.store.fromEarlierSession(fresh!)).toBe(false);
  });

  it('adds items that arrive before the stored ones are read after them', async () => {
    const { pending, store } = await session();
    await pending.putPendingRow(row(Q[0], 1));
    await pending.putPendingRow(row(Q[2], 7));
    // Nothing has subscribed or loaded yet: the arriving item starts the read and waits for it.
    await generate(store, [Q[1]]);
    expect(ids(store)).toEqual(['gen-pending-0', 'gen-pending-2', 'gen-pending-1']);
    expect(store.getGenerationState().pending.map((p) => p.position)).toEqual([1, 7, 8]);
  });

  it('merges the stored items with one already in memory, without a duplicate', async () => {
    const { pending, store } = await session();
    await pending.putPendingRow(row(Q[0], 1));
    await pending.putPendingRow(row(Q[1], 2));
    // An item put into the list before the read (memory wins: this is the newer copy).
    const edited = { ...Q[1], stem: `${Q[1].stem} (Edited for the test.)` };
    store.restorePending({
      ...row(edited, 2),
      edited: true,
      saveError: null,
    });
    await settle(store);
    const list = store.getGenerationState().pending;
    expect(list.map((p) => p.question.stem)).toEqual([Q[0].stem, edited.stem]);
  });

  it('discards with Undo at the same place, in memory and after a reload', async () => {
    const first = await session();
    await generate(first.store, Q);
    const gone = first.store.discardPending('gen-pending-1');
    expect(gone?.position).toBe(2);
    expect(ids(first.store)).toEqual(['gen-pending-0', 'gen-pending-2']);
    await settle(first.store);
    expect((await first.pending.loadPendingRows()).rows.map((r) => r.id)).toEqual([
      'gen-pending-0',
      'gen-pending-2',
    ]);
    // A later item takes a new place; Undo puts the discarded one back between the first two.
    await generate(first.store, [generated(3)]);
    first.store.restorePending(gone!);
    expect(ids(first.store)).toEqual([
      'gen-pending-0',
      'gen-pending-1',
      'gen-pending-2',
      'gen-pending-3',
    ]);
    await settle(first.store);

    const second = await session();
    await second.store.loadPending();
    expect(ids(second.store)).toEqual([
      'gen-pending-0',
      'gen-pending-1',
      'gen-pending-2',
      'gen-pending-3',
    ]);
  });

  it('stores an edit and an accept, so a reload shows neither the old text nor the accepted item', async () => {
    const first = await session();
    await generate(first.store, Q);
    const edited = { ...Q[0], stem: `${Q[0].stem} (Edited for the test.)` };
    first.store.editPending(edited);
    expect(await first.store.acceptPending(['gen-pending-2'])).toBe(1);
    await settle(first.store);
    expect(ids(first.store)).toEqual(['gen-pending-0', 'gen-pending-1']);

    const second = await session();
    await second.store.loadPending();
    const [item] = second.store.getGenerationState().pending;
    expect(item!.question.stem).toBe(edited.stem);
    expect(item!.edited).toBe(true);
    expect(ids(second.store)).toEqual(['gen-pending-0', 'gen-pending-1']);
    expect((await second.db.questions.toCollection().primaryKeys()).sort()).toEqual([
      'gen-pending-2',
    ]);
  });

  it('keeps an item in the list, marked, when its save fails, and saves it on Try again', async () => {
    const { db, pending, store } = await session();
    await store.loadPending();
    let fail = true;
    db.pendingQuestions.hook('creating', () => {
      if (fail) throw new Error('QuotaExceededError: the disk is full');
    });
    await generate(store, [Q[0]]);
    const [item] = store.getGenerationState().pending;
    expect(item!.question.id).toBe('gen-pending-0');
    expect(item!.saveError).toMatch(/the disk is full/);
    expect(await db.pendingQuestions.count()).toBe(0);

    fail = false;
    await store.retrySaving();
    expect(store.getGenerationState().pending[0]!.saveError).toBeNull();
    expect((await pending.loadPendingRows()).rows.map((r) => r.id)).toEqual(['gen-pending-0']);
  });

  it('puts a discarded item back, with an error, when the delete fails', async () => {
    const { db, store } = await session();
    await generate(store, Q);
    db.pendingQuestions.hook('deleting', () => {
      throw new Error('disk gone');
    });
    store.discardPending('gen-pending-1');
    await settle(store);
    expect(ids(store)).toEqual(['gen-pending-0', 'gen-pending-1', 'gen-pending-2']);
    expect(store.getGenerationState().storage.error).toMatch(
      /^Could not discard .* \(disk gone\)\. It is back in the list; discard it again\.$/,
    );
    expect(await db.pendingQuestions.count()).toBe(3);
  });

  it('reports unreadable stored rows and shows the rest', async () => {
    const { db, store } = await session();
    await db.pendingQuestions.put(row(Q[0], 1));
    await db.pendingQuestions.put({ ...row(Q[1], 2), edited: 'yes' } as never);
    await store.loadPending();
    const state = store.getGenerationState();
    expect(state.pending.map((p) => p.question.id)).toEqual(['gen-pending-0']);
    expect(state.storage.unreadable).toEqual([
      { id: 'gen-pending-1', problem: expect.stringMatching(/^edited: /) as unknown },
    ]);
    expect(await db.pendingQuestions.count()).toBe(2);
  });
});
