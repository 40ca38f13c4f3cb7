/**
 * The state of question generation, kept outside React so that it outlives the Generate tab: a
 * run keeps streaming while the learner looks at another tab, and generated items waiting for
 * review are still there when they come back. It lives as long as the window (a reload ends a run
 * in the main process anyway); only accepted items are stored, in IndexedDB, after being
 * validated again.
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
}

export interface RunState {
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
}

let state: GenerationState = { run: null, pending: [] };
let handle: StreamHandle | null = null;
const listeners = new Set<() => void>();
const BANK_IDS = new Set(BANK.map((q) => q.id));

function set(next: GenerationState) {
  state = next;
  for (const l of listeners) l();
}
const setRun = (patch: Partial<RunState>) => {
  if (state.run) set({ ...state, run: { ...state.run, ...patch } });
};

export function useGeneration(): GenerationState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** For tests and the Clear button: forget the finished run (pending items stay). */
export function clearRun(): void {
  if (state.run?.status !== 'running') set({ ...state, run: null });
}

let saving: Promise<unknown> = Promise.resolve();

/** Auto-accept: stores each item as it arrives, one after the other, validated again. */
function autoSave(item: PendingItem) {
  saving = saving.then(async () => {
    try {
      await addQuestions([item], BANK_IDS, sourceProblems);
      setRun({ saved: (state.run?.saved ?? 0) + 1 });
    } catch (error) {
      const reasons =
        error instanceof QuestionRejected
          ? [...error.problems]
          : [error instanceof Error ? error.message : String(error)];
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
      const item: PendingItem = {
        question: event.question,
        blindCheck: event.blindCheck,
        blindCheckProblem: event.blindCheckProblem ?? null,
        edited: false,
      };
      if (autoAccept) autoSave(item);
      else set({ ...state, pending: [...state.pending, item] });
      return;
    }
  }
}

/** Starts a run; refused while one is running. */
export function startGeneration(input: GenerateQuestionsInput, autoAccept: boolean): void {
  if (state.run?.status === 'running') return;
  set({
    ...state,
    run: {
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

/** Stores pending items (validated again); they leave the review list once stored. */
export async function acceptPending(questionIds: readonly string[]): Promise<number> {
  const items = state.pending.filter((p) => questionIds.includes(p.question.id));
  await addQuestions(items, BANK_IDS, sourceProblems);
  set({ ...state, pending: state.pending.filter((p) => !questionIds.includes(p.question.id)) });
  return items.length;
}

/** Drops a pending item; returns it and its place for Undo. */
export function discardPending(questionId: string): { item: PendingItem; index: number } | null {
  const index = state.pending.findIndex((p) => p.question.id === questionId);
  const item = state.pending[index];
  if (!item) return null;
  set({ ...state, pending: state.pending.filter((_, i) => i !== index) });
  return { item, index };
}

export function restorePending(item: PendingItem, index: number): void {
  const pending = [...state.pending];
  pending.splice(Math.min(index, pending.length), 0, item);
  set({ ...state, pending });
}

/** Replaces a pending item with the learner's edit (the blind check no longer applies). */
export function editPending(question: Question): void {
  set({
    ...state,
    pending: state.pending.map((p) =>
      p.question.id === question.id
        ? { question, blindCheck: null, blindCheckProblem: null, edited: true }
        : p,
    ),
  });
}
