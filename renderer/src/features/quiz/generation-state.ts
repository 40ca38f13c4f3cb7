/**
 * The state shared by the generation store (runs, ./generation-store.ts) and the review list
 * (items waiting for review, ./pending-store.ts): one object outside React, replaced on every
 * change, and the listeners useSyncExternalStore subscribes.
 */
import type { BlindCheck, GenerationEvent } from '../../../../shared/question-generation';
import type { Question } from '../../../../shared/questions';
import type { AppError } from '../../../../shared/result';
import type { SkippedRow } from '../../db/pending';

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
  /**
   * The AWS connection (see `connectionKey` in ./generation-store) a generation call reached
   * Bedrock through in this window, so the "connection not tested" hint can go; null before any.
   */
  bedrockReachedWith: string | null;
}

let state: GenerationState = {
  run: null,
  pending: [],
  storage: { loaded: false, unreadable: [], error: null },
  bedrockReachedWith: null,
};
const listeners = new Set<() => void>();

/** The current state. */
export function current(): GenerationState {
  return state;
}

/** Replaces the state and tells every listener. */
export function set(next: GenerationState): void {
  state = next;
  for (const l of listeners) l();
}

/** Adds a listener; returns how to remove it. */
export function listen(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
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
