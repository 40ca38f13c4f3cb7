/**
 * The datasets the lab offers: the built-in ones and the files the learner imported this session
 * (kept in memory; a run keeps its own copy of its items, so a run outlives its file). Also the
 * import in progress: the file is checked in a worker (workers/eval-dataset.worker.ts) with
 * progress, and its valid lines become a dataset only when the learner accepts them.
 */
import { useSyncExternalStore } from 'react';
import type { DatasetCheck } from '../../../../../shared/eval-dataset';
import type { EvalTaskKind } from '../../../lib/eval';
import type {
  EvalDatasetCheckEvent,
  EvalDatasetCheckRequest,
} from '../../../workers/eval-dataset.worker';
import { builtinDatasets, type EvalDataset } from './builtin-datasets';

export type ImportState =
  | { status: 'idle' }
  | { status: 'reading'; name: string; bytes: number; totalBytes: number; lines: number }
  | { status: 'checked'; name: string; check: DatasetCheck; task: EvalTaskKind }
  | { status: 'failed'; name: string; reason: string };

export interface DatasetsState {
  imported: EvalDataset[];
  /** The dataset shown in the preview and offered first to a run. */
  selectedId: string;
  import: ImportState;
  /** Counts imports, so a finished check can reveal its results. */
  checks: number;
}

let state: DatasetsState = {
  imported: [],
  selectedId: 'builtin:qa',
  import: { status: 'idle' },
  checks: 0,
};
const listeners = new Set<() => void>();
let worker: Worker | null = null;
let nextId = 1;

function set(patch: Partial<DatasetsState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function useDatasets(): DatasetsState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Every dataset the learner can pick: built-in first, then imported. */
export function allDatasets(s: DatasetsState = state): EvalDataset[] {
  return [...builtinDatasets(), ...s.imported];
}

export function datasetById(id: string, s: DatasetsState = state): EvalDataset | undefined {
  return allDatasets(s).find((d) => d.id === id);
}

export function selectDataset(id: string): void {
  set({ selectedId: id });
}

/** Checks a file in the worker; the result waits for the learner's decision. */
export function checkFile(file: File): void {
  worker?.terminate();
  worker = new Worker(new URL('../../../workers/eval-dataset.worker.ts', import.meta.url), {
    type: 'module',
  });
  const id = nextId++;
  set({
    import: { status: 'reading', name: file.name, bytes: 0, totalBytes: file.size, lines: 0 },
  });
  worker.onmessage = (message: MessageEvent<EvalDatasetCheckEvent>) => {
    const event = message.data;
    if (event.id !== id || state.import.status !== 'reading') return;
    if (event.type === 'progress') {
      set({ import: { ...state.import, ...event, status: 'reading' } });
    } else if (event.type === 'checked') {
      const withReference = event.check.valid.filter((v) => v.row.referenceResponse).length;
      const task: EvalTaskKind =
        withReference > 0 && withReference === event.check.valid.length ? 'qa' : 'open';
      set({
        import: { status: 'checked', name: file.name, check: event.check, task },
        checks: state.checks + 1,
      });
      worker?.terminate();
      worker = null;
    } else {
      set({
        import: { status: 'failed', name: file.name, reason: event.reason },
        checks: state.checks + 1,
      });
    }
  };
  worker.postMessage({ id, file } satisfies EvalDatasetCheckRequest);
}

export function setImportTask(task: EvalTaskKind): void {
  if (state.import.status === 'checked') set({ import: { ...state.import, task } });
}

/** Imports the valid lines as a dataset (the task the learner chose) and selects it. */
export function acceptImport(): void {
  const imp = state.import;
  if (imp.status !== 'checked' || imp.check.valid.length === 0) return;
  const id = `file:${nextId++}:${imp.name}`;
  const items = imp.check.valid.map((v) => ({
    id: `line-${v.line}`,
    prompt: v.row.prompt,
    ...(v.row.referenceResponse !== undefined
      ? { referenceResponse: v.row.referenceResponse }
      : {}),
    ...(v.row.category !== undefined ? { category: v.row.category } : {}),
    source: { kind: 'file' as const, line: v.line },
  }));
  const labels =
    imp.task === 'classification'
      ? [...new Set(items.map((i) => i.referenceResponse ?? ''))].filter(Boolean).sort()
      : undefined;
  const dataset: EvalDataset = {
    id,
    title: imp.name,
    task: imp.task,
    description: `Your file: ${imp.check.valid.length} valid lines imported, ${imp.check.problems.length} refused.`,
    items,
    ...(labels ? { labels } : {}),
    imported: true,
  };
  set({ imported: [...state.imported, dataset], selectedId: id, import: { status: 'idle' } });
}

/** Drops the checked file without importing anything. */
export function discardImport(): void {
  worker?.terminate();
  worker = null;
  set({ import: { status: 'idle' } });
}
