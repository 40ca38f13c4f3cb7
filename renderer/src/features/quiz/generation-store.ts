/**
 * The state of question generation, kept outside React so that it outlives the Generate tab: a
 * run keeps streaming while the learner looks at another tab. A run lives as long as the window
 * (a reload ends it in the main process anyway).
 *
 * Generated items waiting for review are written through to IndexedDB (db/pending.ts), so they
 * survive a reload or restart until the learner accepts or discards them: each arriving item is
 * stored (unless auto-accept puts it straight into the learner's questions), an edit or the Undo
 * of a discard stores it again (Undo at its old place), a discard deletes it, and accepting moves
 * it to `questions` in one transaction, after validating it again. Writes run one at a time, in
 * the order the learner made them.
 *
 * Loading: the stored items are read once, on first use: when the first component subscribes
 * (useGeneration or usePendingCount; the Practice screen's tab strip does, so the list is ready
 * before the Generate tab opens), or when the first item arrives if nothing has subscribed yet.
 * They are merged with any items already in memory (by id, no duplicates). Items arriving before
 * the read is done join the list after it, so the order is kept.
 *
 * A failed write never drops an item from the list: a failed save marks the item (the list says
 * that a reload would lose it and offers Try again), and a failed discard puts the item back.
 */
import { useSyncExternalStore } from 'react';
import type {
  BlindCheck,
  GenerateQuestionsInput,
  GenerationEvent,
} from '../../../../shared/question-generation';
import type { Question } from '../../../../shared/questions';
import type { AppError } from '../../../../shared/result';
import { openStream, type StreamHandle } from '../../api';
import type { PendingQuestionRow } from '../../db/schema';
import {
  acceptPendingRows,
  deletePendingRow,
  loadPendingRows,
  putPendingRow,
  type SkippedRow,
} from '../../db/pending';
import { addQuestions, QuestionRejected } from '../../db/questions';
import { BANK } from './bank';
import { sourceProblems } from './question-rules';

export interface Rejection {
  reasons: string[];
  /** The start of the refused stem, shown as plain text. */
  stem: string | null;
}

export interface PendingItem {
  question: Question;
  blindCheck: BlindCheck | null;
  /** Why the blind check could not be done, when it was asked for and failed. */
  blindCheckProblem: string | null;
  /** True once the learner changed it in the editor. */
  edited: boolean;
  /** When it arrived (ISO datetime). */
  addedAt: string;
  /** Its place in the review list (rising in the order items arrive; kept on Undo). */
  position: number;
  /** Why the last attempt to store it on this computer failed; null once it is stored. */
  saveError: string | null;
}

/** How the stored review list is doing. */
export interface PendingStorage {
  /** True once the stored items have been read (or the read failed). */
  loaded: boolean;
  /** Stored rows that could not be read; they are not shown and stay in the database. */
  unreadable: SkippedRow[];
  /** The last read or discard that failed, as sentences for the learner; null when none. */
  error: string | null;
}

export interface RunState {
  /** Rises with each run started in this window (the results region scrolls to a new one). */
  id: number;
  status: 'running' | 'complete' | 'cancelled' | 'failed';
  modelId: string;
  target: number;
  accepted: number;
  rejected: number;
  calls: number;
  phase: Extract<GenerationEvent, { type: 'progress' }>['phase'];
  usage: { inputTokens: number; outputTokens: number; calls: number; costUsd: number | null };
  rejections: Rejection[];
  error: AppError | null;
  autoAccept: boolean;
  /** Items stored by auto-accept in this run. */
  saved: number;
}

export interface GenerationState {
  run: RunState | null;
  pending: PendingItem[];
  storage: PendingStorage;
}

let state: GenerationState = {
  run: null,
  pending: [],
  storage: { loaded: false, unreadable: [], error: null },
};
let handle: StreamHandle | null = null;
const listeners = new Set<() => void>();
const BANK_IDS = new Set(BANK.map((q) => q.id));
/** When this window started: items added before it come from an earlier session. */
const SESSION_START = new Date().toISOString();
/** The highest position given out or read so far; positions only rise. */
let lastPosition = 0;

function set(next: GenerationState) {
  state = next;
  for (const l of listeners) l();
}
const setRun = (patch: Partial<RunState>) => {
  if (state.run) set({ ...state, run: { ...state.run, ...patch } });
};

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void loadPending();
  return () => listeners.delete(listener);
}

export function useGeneration(): GenerationState {
  return useSyncExternalStore(subscribe, () => state);
}

/** The current state, outside React (tests, event handlers). */
export function getGenerationState(): GenerationState {
  return state;
}

/** How many items wait for review (re-renders only when that number changes). */
export function usePendingCount(): number {
  return useSyncExternalStore(subscribe, () => state.pending.length);
}

/** True for an item kept from an earlier session (a reload or restart ago). */
export function fromEarlierSession(item: PendingItem): boolean {
  return item.addedAt < SESSION_START;
}

/**
 * An error as a short text. Dexie wraps the browser's error (its own message repeats it), so the
 * wrapped error's message is used when there is one; trailing full stops are dropped.
 */
export function messageOf(error: unknown): string {
  const inner: unknown = error instanceof Error ? (error as { inner?: unknown }).inner : undefined;
  const text =
    inner instanceof Error && inner.message
      ? inner.message
      : error instanceof Error
        ? error.message
        : String(error);
  return text.trim().replace(/\.+$/, '');
}
const setStorage = (patch: Partial<PendingStorage>) =>
  set({ ...state, storage: { ...state.storage, ...patch } });

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
      const inMemory = new Set(state.pending.map((p) => p.question.id));
      const pending = [
        ...state.pending,
        ...rows.filter((r) => !inMemory.has(r.id)).map(fromRow),
      ].sort(byPosition);
      lastPosition = Math.max(lastPosition, ...pending.map((p) => p.position));
      set({ ...state, pending, storage: { ...state.storage, loaded: true, unreadable: skipped } });
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
  if (!state.pending.some((p) => p.question.id === id)) return;
  set({
    ...state,
    pending: state.pending.map((p) => (p.question.id === id ? { ...p, ...patch } : p)),
  });
}

/** Stores the item as it is in the list when the write runs (skipped if it has left the list). */
function save(id: string): Promise<void> {
  return enqueue(async () => {
    const item = state.pending.find((p) => p.question.id === id);
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
    state.pending.filter((p) => p.saveError !== null).map((p) => save(p.question.id)),
  ).then(() => undefined);
}

/** Hides the storage error message (the learner has read it). */
export function dismissStorageError(): void {
  setStorage({ error: null });
}

/** Puts an item into the list at its position (no-op if its id is already there). */
function insert(item: PendingItem) {
  if (state.pending.some((p) => p.question.id === item.question.id)) return;
  set({ ...state, pending: [...state.pending, item].sort(byPosition) });
}

/** A new item from the stream joins the end of the list (after the stored ones) and is stored. */
function addArrived(base: Omit<PendingItem, 'addedAt' | 'position' | 'saveError'>) {
  const add = () => {
    lastPosition = Math.max(lastPosition, ...state.pending.map((p) => p.position)) + 1;
    insert({ ...base, addedAt: new Date().toISOString(), position: lastPosition, saveError: null });
    void save(base.question.id);
  };
  if (state.storage.loaded) add();
  else void loadPending().then(add);
}

/** For tests and the Clear button: forget the finished run (pending items stay). */
export function clearRun(): void {
  if (state.run?.status !== 'running') set({ ...state, run: null });
}

let saving: Promise<unknown> = Promise.resolve();

/** Auto-accept: stores each item as it arrives, one after the other, validated again. */
function autoSave(item: Pick<PendingItem, 'question' | 'blindCheck'>) {
  saving = saving.then(async () => {
    try {
      await addQuestions([item], BANK_IDS, sourceProblems);
      setRun({ saved: (state.run?.saved ?? 0) + 1 });
    } catch (error) {
      const reasons = error instanceof QuestionRejected ? [...error.problems] : [messageOf(error)];
      setRun({
        rejections: [
          ...(state.run?.rejections ?? []),
          { stem: item.question.stem.slice(0, 160), reasons: ['not saved', ...reasons] },
        ],
      });
    }
  });
}

function onEvent(event: GenerationEvent, autoAccept: boolean) {
  switch (event.type) {
    case 'progress':
      setRun({
        accepted: event.accepted,
        rejected: event.rejected,
        target: event.target,
        calls: event.calls,
        phase: event.phase,
      });
      return;
    case 'usage':
      setRun({
        usage: {
          inputTokens: event.inputTokens,
          outputTokens: event.outputTokens,
          calls: event.calls,
          costUsd: event.costUsd,
        },
      });
      return;
    case 'rejected':
      setRun({
        rejections: [
          ...(state.run?.rejections ?? []),
          { reasons: event.reasons, stem: event.stem },
        ],
      });
      return;
    case 'item': {
      const item = {
        question: event.question,
        blindCheck: event.blindCheck,
        blindCheckProblem: event.blindCheckProblem ?? null,
        edited: false,
      };
      if (autoAccept) autoSave(item);
      else addArrived(item);
      return;
    }
  }
}

let runs = 0;

/** Starts a run; refused while one is running. */
export function startGeneration(input: GenerateQuestionsInput, autoAccept: boolean): void {
  if (state.run?.status === 'running') return;
  set({
    ...state,
    run: {
      id: ++runs,
      status: 'running',
      modelId: input.modelId,
      target: input.count,
      accepted: 0,
      rejected: 0,
      calls: 0,
      phase: 'generating',
      usage: { inputTokens: 0, outputTokens: 0, calls: 0, costUsd: null },
      rejections: [],
      error: null,
      autoAccept,
      saved: 0,
    },
  });
  const h = openStream('generateQuestions', input, (event) => onEvent(event, autoAccept));
  handle = h;
  void h.done.then(async (end) => {
    if (handle === h) handle = null;
    await saving;
    setRun({
      status: end === null ? 'complete' : end.code === 'cancelled' ? 'cancelled' : 'failed',
      error: end && end.code !== 'cancelled' ? end : null,
    });
  });
}

export function cancelGeneration(): void {
  handle?.cancel();
}

/**
 * Stores pending items in the learner's questions (validated again) and removes them from the
 * stored review list, in one transaction; they leave the list once stored. Throws (the list
 * unchanged) when the write is refused (QuestionRejected) or fails.
 */
export async function acceptPending(questionIds: readonly string[]): Promise<number> {
  const items = state.pending.filter((p) => questionIds.includes(p.question.id));
  const ids = new Set(items.map((p) => p.question.id));
  await enqueue(async () => {
    await acceptPendingRows(items, BANK_IDS, sourceProblems);
    // Out of the list before the next queued write runs, so no later save can store them again.
    set({ ...state, pending: state.pending.filter((p) => !ids.has(p.question.id)) });
  });
  return items.length;
}

/**
 * Drops a pending item and deletes it from storage; returns it for Undo (`restorePending`). If
 * the delete fails, the item comes back to the list with an error, since it is still stored.
 */
export function discardPending(questionId: string): PendingItem | null {
  const item = state.pending.find((p) => p.question.id === questionId);
  if (!item) return null;
  set({ ...state, pending: state.pending.filter((p) => p !== item) });
  void enqueue(async () => {
    try {
      await deletePendingRow(questionId);
    } catch (error) {
      // Already back after an Undo: its save follows, which is what the learner wants now.
      if (state.pending.some((p) => p.question.id === questionId)) return;
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
