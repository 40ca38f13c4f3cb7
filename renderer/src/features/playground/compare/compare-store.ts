/**
 * The Compare view's batch, kept outside React: the columns of the last run and each call's
 * reply as it streams. A delta re-renders only the results that read the batch (and, memoised,
 * only the run it belongs to), never the settings form above them.
 *
 * Every call streams through the shared `runConverseStream`: the text, stop reason, usage, cost
 * and first-token time come from there (cost and usage as the main process sent them). Compare
 * adds only its own shape: columns in parallel, the runs of a column one after another, and the
 * wall-clock time of the whole batch. Each update is shown as soon as it is handled (`perTask`),
 * which the streaming bench measures. The screen passes its `StreamHandles`, so leaving the
 * screen cancels every open call and Stop cancels them at once.
 */
import { useSyncExternalStore } from 'react';
import type { StreamInput } from '../../../../../shared/contract';
import { findModel } from '../../../../../shared/models';
import {
  perTask,
  runConverseStream,
  startingRun,
  type ConverseRun,
} from '../../../streams/converse-run';
import type { StreamHandles } from '../../../streams/use-stream-handles';
import type { ColumnSpec, Mode } from './compare-form';

/** One call of a column: null while it waits for the run before it. */
export type Slot = ConverseRun | null;

export type SlotStatus = 'waiting' | 'streaming' | 'done' | 'failed' | 'cancelled';

export interface Batch {
  id: string;
  mode: Mode;
  columns: ColumnSpec[];
  runsPerColumn: number;
  /** Per column, per run. */
  results: Slot[][];
  /** From pressing Run to the last column finishing; null while running. */
  wallMs: number | null;
}

/** What one press of Run sends. */
export interface CompareRequest {
  mode: Mode;
  columns: ColumnSpec[];
  runsPerColumn: number;
  system: string;
  prompt: string;
  maxTokens: number;
}

/** The status a run shows (and the e2e tests read from `data-status`). */
export function slotStatus(slot: Slot): SlotStatus {
  if (slot === null) return 'waiting';
  switch (slot.status) {
    case 'streaming':
      return 'streaming';
    case 'complete':
      return 'done';
    case 'failed':
      return 'failed';
    case 'stopped':
      return 'cancelled';
  }
}

/** A run that never started because the learner pressed Stop first. */
const skipped = (): ConverseRun => ({ ...startingRun(), status: 'stopped' });

/** The ConverseStream input of one column's call. */
export function columnInput(
  request: CompareRequest,
  column: ColumnSpec,
): StreamInput<'converseStream'> {
  const system = request.system.trim();
  const limit = findModel(column.modelId)?.maxOutputTokens ?? request.maxTokens;
  return {
    modelId: column.modelId,
    feature: 'compare',
    messages: [{ role: 'user', content: [{ text: request.prompt.trim() }] }],
    // Capped at the model's own output limit, which some models set below this field's.
    inferenceConfig: {
      maxTokens: Math.min(request.maxTokens, limit),
      temperature: column.temperature,
    },
    ...(system ? { system } : {}),
  };
}

export interface CompareStore {
  get: () => Batch | null;
  subscribe: (listener: () => void) => () => void;
  /** Starts a batch (ignored while one runs); its calls are tracked by `handles`. */
  start: (request: CompareRequest, handles: StreamHandles) => void;
  /** Stops the batch: open calls are cancelled, runs still waiting are skipped. */
  stop: () => void;
}

export function createCompareStore(): CompareStore {
  let batch: Batch | null = null;
  let stopped = false;
  let open: StreamHandles | null = null;
  const listeners = new Set<() => void>();

  const update = (change: (b: Batch | null) => Batch | null) => {
    const next = change(batch);
    if (next === batch) return;
    batch = next;
    for (const l of listeners) l();
  };

  const start = (request: CompareRequest, handles: StreamHandles) => {
    if (batch !== null && batch.wallMs === null) return;
    const id = crypto.randomUUID();
    const { columns, runsPerColumn } = request;
    stopped = false;
    open = handles;
    update(() => ({
      id,
      mode: request.mode,
      columns: columns.map((c) => ({ ...c })),
      runsPerColumn,
      results: columns.map(() => Array.from({ length: runsPerColumn }, () => null)),
      wallMs: null,
    }));
    const put = (c: number, r: number, slot: Slot) =>
      update((b) =>
        b && b.id === id
          ? {
              ...b,
              results: b.results.map((col, ci) =>
                ci !== c ? col : col.map((x, ri) => (ri !== r ? x : slot)),
              ),
            }
          : b,
      );

    const runColumn = async (c: number) => {
      const input = columnInput(request, columns[c]!);
      for (let r = 0; r < runsPerColumn; r++) {
        if (stopped) {
          put(c, r, skipped());
          continue;
        }
        put(c, r, startingRun());
        const { handle, result } = runConverseStream(input, (run) => put(c, r, run), perTask);
        handles.track(handle);
        await result;
      }
    };

    const started = performance.now();
    void Promise.all(columns.map((_, c) => runColumn(c))).then(() => {
      const wallMs = performance.now() - started;
      update((b) => (b && b.id === id ? { ...b, wallMs } : b));
    });
  };

  return {
    get: () => batch,
    subscribe: (listener) => {
      listeners.add(listener);
      return () => listeners.delete(listener);
    },
    start,
    stop: () => {
      stopped = true;
      open?.cancelAll();
    },
  };
}

/** The batch, re-read on every change. */
export function useBatch(store: CompareStore): Batch | null {
  return useSyncExternalStore(store.subscribe, store.get);
}

/** True while a batch runs; changes only when a batch starts or ends. */
export function useBatchRunning(store: CompareStore): boolean {
  return useSyncExternalStore(store.subscribe, () => {
    const b = store.get();
    return b !== null && b.wallMs === null;
  });
}
