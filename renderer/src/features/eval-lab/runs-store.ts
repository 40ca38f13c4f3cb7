/**
 * The evaluation lab's runs, kept outside React so a run keeps going while the learner looks at
 * another tab, and so every tab reads the same runs: `useEvalRuns()` gives the stored runs (newest
 * first), the current run and the one that is running; `itemsWithResponses(run)` pairs each item
 * with its responses by candidate. The Judge and Human review tabs read runs from here.
 *
 * A run calls `runEvaluation` (one Converse call per item per candidate). Responses are added to
 * the run as they arrive and saved in small batches, so Stop, a failure (throttling midway) or a
 * closed window keeps what was paid for; Resume sends only the missing (item, candidate) pairs.
 */
import { useSyncExternalStore } from 'react';
import type { EvalCandidate, EvalPair, EvalResponseEvent } from '../../../../shared/eval-contract';
import type { AppError } from '../../../../shared/result';
import { openStream, type StreamHandle } from '../../api';
import { onBackupImported } from '../../db/backup';
import {
  deleteRunAndJudgements,
  restoreDeletedRun,
  type DeletedEvalRun,
} from '../../db/eval-judgements';
import { deleteEvalRun, loadEvalRuns, saveEvalRun, type SkippedRun } from '../../db/eval-runs';
import type { EvalResponse, EvalRunItem, EvalRunRow } from '../../db/schema';

export type { EvalResponse, EvalRunItem, EvalRunRow } from '../../db/schema';

export interface ActiveRun {
  runId: string;
  /** Responses for the pairs this stream asked for. */
  done: number;
  total: number;
}

export interface RunsState {
  /** False until the first read of IndexedDB finished. */
  loaded: boolean;
  runs: EvalRunRow[];
  /** Stored rows that failed the schema (skipped, not deleted). */
  skipped: SkippedRun[];
  currentRunId: string | null;
  active: ActiveRun | null;
  /** A storage failure to show (what happened and what to do). */
  storageError: string | null;
  /** The run just deleted, with what went with it, until Undo or the next delete. */
  deleted: { name: string; rows: DeletedEvalRun } | null;
}

let state: RunsState = {
  loaded: false,
  runs: [],
  skipped: [],
  currentRunId: null,
  active: null,
  storageError: null,
  deleted: null,
};
const listeners = new Set<() => void>();
let handle: StreamHandle | null = null;
let loading: Promise<void> | null = null;

function set(patch: Partial<RunsState>): void {
  state = { ...state, ...patch };
  for (const listener of listeners) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  void ensureLoaded();
  return () => listeners.delete(listener);
}

export function getRunsState(): RunsState {
  return state;
}

/** The runs, live (reads IndexedDB on first use). */
export function useEvalRuns(): RunsState {
  return useSyncExternalStore(subscribe, getRunsState, getRunsState);
}

/** The current run (the one picked or last started), or null. */
export function currentRun(s: RunsState = state): EvalRunRow | null {
  return s.runs.find((r) => r.id === s.currentRunId) ?? null;
}

/** The current run, live. */
export function useCurrentRun(): EvalRunRow | null {
  return currentRun(useEvalRuns());
}

function storageMessage(action: string, error: unknown): string {
  const detail = error instanceof Error ? error.message : String(error);
  return `Stratum could not ${action} (${detail}). Reload the window; if it happens again, export your data from Settings and free some disk space.`;
}

export function ensureLoaded(): Promise<void> {
  loading ??= loadEvalRuns().then(
    ({ rows, skipped }) =>
      set({
        loaded: true,
        runs: rows,
        skipped,
        currentRunId: state.currentRunId ?? rows[0]?.id ?? null,
      }),
    (error: unknown) =>
      set({ loaded: true, storageError: storageMessage('read your runs', error) }),
  );
  return loading;
}

// An imported backup may bring runs: read them again if this window has read them once (the
// selected run stays selected).
onBackupImported(() => {
  if (!loading) return;
  loading = null;
  void ensureLoaded();
});

export function selectRun(id: string): void {
  set({ currentRunId: id });
}

/** One item with each candidate's response (undefined: not answered yet). */
export interface ItemWithResponses {
  item: EvalRunItem;
  responses: Record<string, EvalResponse | undefined>;
}

/** The run's items (perturbed copies left out unless asked) with their responses by candidate. */
export function itemsWithResponses(
  run: EvalRunRow,
  { perturbed = false }: { perturbed?: boolean } = {},
): ItemWithResponses[] {
  const byKey = new Map(run.responses.map((r) => [`${r.itemId}\u0001${r.candidateId}`, r]));
  return run.items
    .filter((item) => perturbed || !item.perturbation)
    .map((item) => ({
      item,
      responses: Object.fromEntries(
        run.candidates.map((c) => [c.id, byKey.get(`${item.id}\u0001${c.id}`)]),
      ),
    }));
}

/** The (item, candidate) pairs without a response yet. */
export function missingPairs(run: EvalRunRow): EvalPair[] {
  const have = new Set(run.responses.map((r) => `${r.itemId}\u0001${r.candidateId}`));
  return run.items.flatMap((item) =>
    run.candidates
      .filter((c) => !have.has(`${item.id}\u0001${c.id}`))
      .map((c) => ({ itemId: item.id, candidateId: c.id })),
  );
}

/** The cost counted so far: the sum of main's figures, and whether any was unknown. */
export function countedCost(run: EvalRunRow): { usd: number; unknown: number } {
  let usd = 0;
  let unknown = 0;
  for (const r of run.responses) {
    if (r.costUsd === null) unknown++;
    else usd += r.costUsd;
  }
  return { usd, unknown };
}

function replaceRun(run: EvalRunRow): void {
  set({ runs: state.runs.map((r) => (r.id === run.id ? run : r)) });
}

async function persist(run: EvalRunRow): Promise<void> {
  try {
    await saveEvalRun(run);
  } catch (error) {
    set({ storageError: storageMessage('save the run', error) });
  }
}

/** A new run, as the Runs tab configures it. */
export interface NewRun {
  name: string;
  dataset: EvalRunRow['dataset'];
  items: EvalRunItem[];
  candidates: EvalCandidate[];
  concurrency: number;
  robustness: EvalRunRow['robustness'];
  estimatedCostUsd: number | null;
}

/** Stores a new run and starts it. */
export async function startRun(config: NewRun): Promise<void> {
  if (state.active) return;
  await ensureLoaded();
  const now = new Date().toISOString();
  const run: EvalRunRow = {
    ...config,
    id: crypto.randomUUID(),
    createdAt: now,
    updatedAt: now,
    responses: [],
    status: 'running',
    error: null,
  };
  set({ runs: [run, ...state.runs], currentRunId: run.id });
  await persist(run);
  await drive(run.id);
}

/** Continues a stopped or failed run: only the missing pairs are asked for. */
export async function resumeRun(id: string): Promise<void> {
  if (state.active) return;
  const run = state.runs.find((r) => r.id === id);
  if (!run || missingPairs(run).length === 0) return;
  set({ currentRunId: id });
  await drive(id);
}

/** Stops the running run; what arrived is kept and Resume continues. */
export function cancelRun(): void {
  handle?.cancel();
}

/** Deletes a run with its judge runs and ratings; Undo (`undoRemoveRun`) puts them back. */
export async function removeRun(id: string): Promise<void> {
  if (state.active?.runId === id) return;
  const name = state.runs.find((r) => r.id === id)?.name ?? id;
  let rows: DeletedEvalRun;
  try {
    rows = await deleteRunAndJudgements(id, () => deleteEvalRun(id));
  } catch (error) {
    set({ storageError: storageMessage('delete the run', error) });
    return;
  }
  const runs = state.runs.filter((r) => r.id !== id);
  set({
    runs,
    currentRunId: state.currentRunId === id ? (runs[0]?.id ?? null) : state.currentRunId,
    deleted: { name, rows },
  });
}

/** Puts the last deleted run back, with its judge runs and ratings, and shows it. */
export async function undoRemoveRun(): Promise<void> {
  const deleted = state.deleted;
  if (!deleted) return;
  try {
    await restoreDeletedRun(deleted.rows);
  } catch (error) {
    set({ storageError: storageMessage('put the run back', error) });
    return;
  }
  const { id } = deleted.rows.run as { id: string };
  set({ deleted: null });
  loading = null;
  await ensureLoaded();
  if (state.runs.some((r) => r.id === id)) set({ currentRunId: id });
}

function toResponse(event: EvalResponseEvent): EvalResponse {
  return {
    itemId: event.itemId,
    candidateId: event.candidateId,
    text: event.text,
    stopReason: event.stopReason,
    truncated: event.truncated,
    empty: event.empty,
    inputTokens: event.inputTokens,
    outputTokens: event.outputTokens,
    latencyMs: event.latencyMs,
    costUsd: event.costUsd,
    at: new Date().toISOString(),
  };
}

function endStatus(error: AppError | null): EvalRunRow['status'] {
  if (!error) return 'complete';
  return error.code === 'cancelled' ? 'stopped' : 'failed';
}

/** One runEvaluation stream over the run's missing pairs; saves as responses arrive. */
async function drive(runId: string): Promise<void> {
  const start = state.runs.find((r) => r.id === runId);
  if (!start) return;
  const only = missingPairs(start);
  set({ active: { runId, done: 0, total: only.length } });
  replaceRun({ ...start, status: 'running', error: null });
  let pending: EvalResponse[] = [];
  let timer: ReturnType<typeof setTimeout> | null = null;
  const flush = () => {
    timer = null;
    const run = state.runs.find((r) => r.id === runId);
    if (!run || pending.length === 0) return;
    const next = {
      ...run,
      responses: [...run.responses, ...pending],
      updatedAt: new Date().toISOString(),
    };
    const active = state.active;
    if (active) set({ active: { ...active, done: active.done + pending.length } });
    pending = [];
    replaceRun(next);
    void persist(next);
  };
  handle = openStream(
    'runEvaluation',
    {
      candidates: start.candidates,
      items: start.items.map((i) => ({ id: i.id, prompt: i.prompt })),
      only,
      concurrency: start.concurrency,
    },
    (event) => {
      pending.push(toResponse(event));
      timer ??= setTimeout(flush, 150);
    },
  );
  const error = await handle.done;
  handle = null;
  if (timer) clearTimeout(timer);
  flush();
  const run = state.runs.find((r) => r.id === runId);
  set({ active: null });
  if (!run) return;
  const finished: EvalRunRow = {
    ...run,
    status: missingPairs(run).length === 0 ? 'complete' : endStatus(error),
    error: error && error.code !== 'cancelled' ? error : null,
    updatedAt: new Date().toISOString(),
  };
  replaceRun(finished);
  await persist(finished);
}
