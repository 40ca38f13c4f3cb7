/**
 * The state of question generation, kept outside React so that it outlives the Generate tab: a
 * run keeps streaming while the learner looks at another tab. A run lives as long as the window
 * (a reload ends it in the main process anyway).
 *
 * The items a run produces wait for review in ./pending-store.ts (kept in IndexedDB), read once
 * on first use: when the first component subscribes (useGeneration or usePendingCount; the
 * Practice screen's tab strip does, so the list is ready before the Generate tab opens), or when
 * the first item arrives if nothing has subscribed yet. Both share ./generation-state.ts; this
 * module is the one the screens and tests import.
 */
import { useSyncExternalStore } from 'react';
import type {
  GenerateQuestionsInput,
  GenerationEvent,
} from '../../../../shared/question-generation';
import { openStream, type StreamHandle } from '../../api';
import { addQuestions, QuestionRejected } from '../../db/questions';
import {
  current,
  listen,
  messageOf,
  set,
  type GenerationState,
  type PendingItem,
  type RunState,
} from './generation-state';
import { addArrivedCase } from './generate/case-sets';
import { addArrived, BANK_IDS, loadPending } from './pending-store';
import { sourceProblems } from './question-rules';

export type {
  GenerationState,
  PendingItem,
  PendingStorage,
  Rejection,
  RunState,
} from './generation-state';
export { messageOf } from './generation-state';
export {
  acceptPending,
  discardPending,
  dismissStorageError,
  editPending,
  fromEarlierSession,
  loadPending,
  restorePending,
  retrySaving,
  whenSaved,
} from './pending-store';

let handle: StreamHandle | null = null;
/** The AWS connection the running run calls Bedrock through (see `connectionKey`). */
let runConnection = '';

/** The AWS settings that decide where Bedrock calls go, as one comparable string. */
export function connectionKey(aws: {
  profile: string | null;
  region: string;
  endpoint: string | null;
}): string {
  return JSON.stringify([aws.profile, aws.region, aws.endpoint]);
}

/** A Bedrock call of the run came back: the connection works. */
function reachedBedrock() {
  if (current().bedrockReachedWith !== runConnection) {
    set({ ...current(), bedrockReachedWith: runConnection });
  }
}

/** The connection a generation call reached Bedrock through in this window, or null. */
export function useBedrockReachedWith(): string | null {
  return useSyncExternalStore(subscribe, () => current().bedrockReachedWith);
}

const setRun = (patch: Partial<RunState>) => {
  const state = current();
  if (state.run) set({ ...state, run: { ...state.run, ...patch } });
};

function subscribe(listener: () => void): () => void {
  const stop = listen(listener);
  void loadPending();
  return stop;
}

export function useGeneration(): GenerationState {
  return useSyncExternalStore(subscribe, current);
}

/** The current state, outside React (tests, event handlers). */
export function getGenerationState(): GenerationState {
  return current();
}

/** How many items wait for review (re-renders only when that number changes). */
export function usePendingCount(): number {
  return useSyncExternalStore(subscribe, () => current().pending.length);
}

/** For tests and the Clear button: forget the finished run (pending items stay). */
export function clearRun(): void {
  if (current().run?.status !== 'running') set({ ...current(), run: null });
}

let saving: Promise<unknown> = Promise.resolve();

/** Auto-accept: stores each item as it arrives, one after the other, validated again. */
function autoSave(item: Pick<PendingItem, 'question' | 'blindCheck'>) {
  saving = saving.then(async () => {
    try {
      await addQuestions([item], BANK_IDS, sourceProblems);
      setRun({ saved: (current().run?.saved ?? 0) + 1 });
    } catch (error) {
      const reasons = error instanceof QuestionRejected ? [...error.problems] : [messageOf(error)];
      setRun({
        rejections: [
          ...(current().run?.rejections ?? []),
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
      reachedBedrock();
      setRun({
        rejections: [
          ...(current().run?.rejections ?? []),
          { reasons: event.reasons, stem: event.stem },
        ],
      });
      return;
    case 'case':
      // A case-study set always waits for review: the learner decides on flagged questions.
      reachedBedrock();
      addArrivedCase(event);
      return;
    case 'item': {
      reachedBedrock();
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

/**
 * Starts a run; refused while one is running. `connection` is the `connectionKey` of the AWS
 * settings the run calls Bedrock through: a call that comes back marks it as working.
 */
export function startGeneration(
  input: GenerateQuestionsInput,
  autoAccept: boolean,
  connection = '',
): void {
  if (current().run?.status === 'running') return;
  runConnection = connection;
  set({
    ...current(),
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
    if (end === null && (current().run?.usage.calls ?? 0) > 0) reachedBedrock();
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
