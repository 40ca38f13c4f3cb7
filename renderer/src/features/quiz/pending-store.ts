/**
 * Generated items waiting for review, written through to IndexedDB (db/pending.ts) so they
 * survive a reload or restart until the learner accepts or discards them: each arriving item is
 * stored (unless auto-accept puts it straight into the learner's questions), an edit or the Undo
 * of a discard stores it again (Undo at its old place), a discard deletes it, and accepting moves
 * it to `questions` in one transaction, after validating it again. Writes run one at a time, in
 * the order the learner made them.
 *
 * Loading: the stored items are read once, on first use (see ./generation-store.ts), and merged
 * with any items already in memory (by id, no duplicates). Items arriving before the read is done
 * join the list after it, so the order is kept.
 *
 * A failed write never drops an item from the list: a failed save marks the item (the list says
 * that a reload would lose it and offers Try again), and a failed discard puts the item back.
 */
import type { Question } from '../../../../shared/questions';
import type { PendingQuestionRow } from '../../db/schema';
import {
  acceptPendingRows,
  deletePendingRow,
  loadPendingRows,
  putPendingRow,
} from '../../db/pending';
import { BANK } from './bank';
import { current, messageOf, set, type PendingItem, type PendingStorage } from './generation-state';
import { sourceProblems } from './question-rules';

export const BANK_IDS = new Set(BANK.map((q) => q.id));
/** When this window started: items added before it come from an earlier session. */
const SESSION_START = new Date().toISOString();
/** The highest position given out or read so far; positions only rise. */
let lastPosition = 0;

/** True for an item kept from an earlier session (a reload or restart ago). */
export function fromEarlierSession(item: PendingItem): boolean {
  return item.addedAt < SESSION_START;
}

const setStorage = (patch: Partial<PendingStorage>) =>
  set({ ...current(), storage: { ...current().storage, ...patch } });

// Writes to IndexedDB, one at a time in the order they were asked for.

let writes: Promise<unknown> = Promise.resolve();
function enqueue<T>(op: () => Promise<T>): Promise<T> {
  const result = writes.then(op);
  writes = result.catch(() => undefined);
  return result;
}

/** Orders by position (then arrival), without changing the items. */
const byPosition = (a: PendingItem, b: PendingItem) =>
  a.position - b.position || a.addedAt.localeCompare(b.addedAt);

function fromRow(row: PendingQuestionRow): PendingItem {
  return {
    question: row.question,
    blindCheck: row.blindCheck,
    blindCheckProblem: row.blindCheckProblem,
    edited: row.edited,
    addedAt: row.addedAt,
    position: row.position,
    saveError: null,
  };
}

function toRow(item: PendingItem): PendingQuestionRow {
  return {
    id: item.question.id,
    question: item.question,
    blindCheck: item.blindCheck,
    blindCheckProblem: item.blindCheckProblem,
    edited: item.edited,
    addedAt: item.addedAt,
    position: item.position,
  };
}

/** Resolves once every read and write asked for so far has run (whatever their outcome). */
export function whenSaved(): Promise<void> {
  return writes.then(() => undefined);
}

let loading: Promise<void> | null = null;

/**
 * Reads the stored items once (later calls return the same promise) and merges them into the
 * list; the store calls it on first use (see the module comment). Never rejects: a failed read is
 * reported in `storage.error`.
 */
export function loadPending(): Promise<void> {
  loading ??= enqueue(async () => {
    try {
      const { rows, skipped } = await loadPendingRows();
      const inMemory = new Set(current().pending.map((p) => p.question.id));
      const pending = [
        ...current().pending,
        ...rows.filter((r) => !inMemory.has(r.id)).map(fromRow),
      ].sort(byPosition);
      lastPosition = Math.max(lastPosition, ...pending.map((p) => p.position));
      set({
        ...current(),
        pending,
        storage: { ...current().storage, loaded: true, unreadable: skipped },
      });
    } catch (error) {
      setStorage({
        loaded: true,
        error: `Could not read the questions kept for review on this computer (${messageOf(error)}). New items still appear here; reload the app to try reading again.`,
      });
    }
  });
  return loading;
}

function setItem(id: string, patch: Partial<PendingItem>) {
  if (!current().pending.some((p) => p.question.id === id)) return;
  set({
    ...current(),
    pending: current().pending.map((p) => (p.question.id === id ? { ...p, ...patch } : p)),
  });
}

/** Stores the item as it is in the list when the write runs (skipped if it has left the list). */
function save(id: string): Promise<void> {
  return enqueue(async () => {
    const item = current().pending.find((p) => p.question.id === id);
    if (!item) return;
    try {
      await putPendingRow(toRow(item));
      if (item.saveError !== null) setItem(id, { saveError: null });
    } catch (error) {
      setItem(id, { saveError: messageOf(error) });
    }
  });
}

/** Saves again every item whose last save failed. */
export function retrySaving(): Promise<void> {
  return Promise.all(
    current()
      .pending.filter((p) => p.saveError !== null)
      .map((p) => save(p.question.id)),
  ).then(() => undefined);
}

/** Hides the storage error message (the learner has read it). */
export function dismissStorageError(): void {
  setStorage({ error: null });
}

/** Puts an item into the list at its position (no-op if its id is already there). */
function insert(item: PendingItem) {
  if (current().pending.some((p) => p.question.id === item.question.id)) return;
  set({ ...current(), pending: [...current().pending, item].sort(byPosition) });
}

/** A new item from the stream joins the end of the list (after the stored ones) and is stored. */
export function addArrived(base: Omit<PendingItem, 'addedAt' | 'position' | 'saveError'>) {
  const add = () => {
    lastPosition = Math.max(lastPosition, ...current().pending.map((p) => p.position)) + 1;
    insert({ ...base, addedAt: new Date().toISOString(), position: lastPosition, saveError: null });
    void save(base.question.id);
  };
  if (current().storage.loaded) add();
  else void loadPending().then(add);
}

/**
 * Stores pending items in the learner's questions (validated again) and removes them from the
 * stored review list, in one transaction; they leave the list once stored. Throws (the list
 * unchanged) when the write is refused (QuestionRejected) or fails.
 */
export async function acceptPending(questionIds: readonly string[]): Promise<number> {
  const items = current().pending.filter((p) => questionIds.includes(p.question.id));
  const ids = new Set(items.map((p) => p.question.id));
  await enqueue(async () => {
    await acceptPendingRows(items, BANK_IDS, sourceProblems);
    // Out of the list before the next queued write runs, so no later save can store them again.
    set({ ...current(), pending: current().pending.filter((p) => !ids.has(p.question.id)) });
  });
  return items.length;
}

/**
 * Drops a pending item and deletes it from storage; returns it for Undo (`restorePending`). If
 * the delete fails, the item comes back to the list with an error, since it is still stored.
 */
export function discardPending(questionId: string): PendingItem | null {
  const item = current().pending.find((p) => p.question.id === questionId);
  if (!item) return null;
  set({ ...current(), pending: current().pending.filter((p) => p !== item) });
  void enqueue(async () => {
    try {
      await deletePendingRow(questionId);
    } catch (error) {
      // Already back after an Undo: its save follows, which is what the learner wants now.
      if (current().pending.some((p) => p.question.id === questionId)) return;
      insert(item);
      setStorage({
        error: `Could not discard “${item.question.stem.slice(0, 60)}…” on this computer (${messageOf(error)}). It is back in the list; discard it again.`,
      });
    }
  });
  return item;
}

/** Undo of a discard: the item returns to its old place in the list and to storage. */
export function restorePending(item: PendingItem): void {
  insert(item);
  void save(item.question.id);
}

/** Replaces a pending item with the learner's edit (the blind check no longer applies). */
export function editPending(question: Question): void {
  setItem(question.id, { question, blindCheck: null, blindCheckProblem: null, edited: true });
  void save(question.id);
}
