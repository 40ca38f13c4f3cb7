/**
 * The dataset being built in the customization lab, kept outside React so it survives switching
 * tabs (the Costs tab reads its token total): the target (model and method), the lines' text and
 * checks, the report summarised from them, a check in progress, the open saved dataset and the
 * line being fixed. Full checks (an import, a new target) run in a Web Worker; a fix, a deletion
 * or typed lines re-check only the lines they touch (shared/customization/dataset-edit.ts).
 */
import { useSyncExternalStore } from 'react';
import {
  appendLines,
  customizationModel,
  deleteLine,
  replaceLine,
  summarizeDataset,
  type CheckedLines,
  type CustomizationMethod,
  type CustomizationModelId,
  type DatasetReport,
  type DatasetTarget,
} from '../../../../../shared/customization';
import { checkInWorker } from './check-client';

export interface CheckProgress {
  label: string;
  done: number;
  total: number;
}

export interface DatasetState {
  target: DatasetTarget;
  data: CheckedLines | null;
  startsWithBom: boolean;
  report: DatasetReport | null;
  /** Where the lines came from, in a sentence. */
  source: string;
  progress: CheckProgress | null;
  error: string | null;
  /** The saved dataset this is (IndexedDB id and name), or null before the first save. */
  saved: { id: string; name: string } | null;
  /** The line open in the fix editor. */
  editing: number | null;
  /** Counts the learner's actions that change the result (for ResultsRegion's revealKey). */
  revision: number;
}

let state: DatasetState = {
  target: { model: 'nova-micro', method: 'FINE_TUNING' },
  data: null,
  startsWithBom: false,
  report: null,
  source: '',
  progress: null,
  error: null,
  saved: null,
  editing: null,
  revision: 0,
};
const listeners = new Set<() => void>();
let checkId = 0;

function set(patch: Partial<DatasetState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

export function getDatasetState(): DatasetState {
  return state;
}

export function useDataset(): DatasetState {
  return useSyncExternalStore(
    (l) => {
      listeners.add(l);
      return () => listeners.delete(l);
    },
    () => state,
  );
}

/** Shows checked lines; `reveal` (a new check, not a one-line fix) brings the results into view. */
function withData(data: CheckedLines, patch: Partial<DatasetState>, reveal: boolean): void {
  const target = patch.target ?? state.target;
  const bom = patch.startsWithBom ?? state.startsWithBom;
  set({
    ...patch,
    data,
    report: summarizeDataset(target, data.checks, data.fileBytes, bom),
    error: null,
    revision: reveal ? state.revision + 1 : state.revision,
  });
}

/** Checks a whole file (or built text) in the worker, then shows it. */
export async function checkFile(
  file: Blob,
  source: string,
  label: string,
  target: DatasetTarget = state.target,
  saved: DatasetState['saved'] = null,
): Promise<void> {
  const id = ++checkId;
  set({ progress: { label, done: 0, total: file.size }, error: null, editing: null });
  try {
    const checked = await checkInWorker(file, target, (done, total) => {
      if (id === checkId) set({ progress: { label, done, total } });
    });
    if (id !== checkId) return;
    const { texts, checks, fileBytes, startsWithBom } = checked;
    withData(
      { texts, checks, fileBytes },
      { target, startsWithBom, source, saved, progress: null },
      true,
    );
  } catch (error) {
    if (id !== checkId) return;
    set({ progress: null, error: error instanceof Error ? error.message : String(error) });
  }
}

/** Lines as a file: one per line, with a final newline. */
export function linesBlob(texts: readonly string[]): Blob {
  return new Blob([texts.map((t) => `${t}\n`).join('')], { type: 'application/jsonl' });
}

/** A new model or method: the lines are checked again for it. */
export function setTarget(model: CustomizationModelId, method: CustomizationMethod): void {
  const methods = customizationModel(model).methods;
  const usable = methods[method] ? method : (Object.keys(methods)[0] as CustomizationMethod);
  const target = { model, method: usable };
  if (!state.data) {
    set({ target, report: null });
    return;
  }
  void checkFile(linesBlob(state.data.texts), state.source, 'Checking again', target, state.saved);
}

export function fixLine(line: number, text: string): void {
  if (!state.data) return;
  withData(replaceLine(state.data, line, text, state.target), { editing: null }, false);
}

export function removeLine(line: number): void {
  if (!state.data) return;
  withData(deleteLine(state.data, line), { editing: null }, false);
}

/** Typed lines added at the end (a new dataset when there is none). */
export function addTypedLines(texts: readonly string[]): void {
  const base = state.data ?? { texts: [], checks: [], fileBytes: 0 };
  withData(
    appendLines(base, texts, state.target),
    { source: state.data ? state.source : 'Typed' },
    state.data === null,
  );
}

export function editLine(line: number | null): void {
  set({ editing: line });
}

export function markSaved(saved: { id: string; name: string }): void {
  set({ saved });
}
