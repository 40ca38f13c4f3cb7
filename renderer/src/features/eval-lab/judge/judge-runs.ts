/**
 * Judge runs, kept: each judge run is an `evalJudgements` row (db/eval-judgements.ts) saved as
 * every judged result arrives (one write at a time per run, the latest state written next, so a
 * reload or a crash mid-run keeps what was judged). Opening an evaluation run reads its judge runs
 * back; Resume sends the judge only what is missing; Delete can be undone.
 */
import { useEffect } from 'react';
import type { JudgeItem } from '../../../../../shared/eval-judge-contract';
import type { AppError } from '../../../../../shared/result';
import { openStream, type StreamHandle } from '../../../api';
import {
  deleteJudgeRun,
  loadJudgeRuns,
  newestFirst,
  saveJudgeRun,
  type EvalJudgement,
  type EvalJudgementRow,
} from '../../../db/eval-judgements';
import type { EvalRunRow } from '../runs-store';
import {
  chosenMetrics,
  expectedResults,
  getJudgeState,
  judgeItems,
  judgementKey,
  missingItems,
  pairOf,
  setJudgeState,
} from './judge-store';

let handle: StreamHandle | null = null;
let reveal = 0;

function storageMessage(what: string, error: unknown): string {
  const why = error instanceof Error ? error.message : String(error);
  return `Could not ${what} in this browser's storage (${why}). Free some disk space or reload, then try again.`;
}

// One write in flight per judge run; a newer state waits in `latest` and is written next.
const latest = new Map<string, EvalJudgementRow>();
const flights = new Map<string, Promise<void>>();

function persist(row: EvalJudgementRow): void {
  latest.set(row.id, row);
  if (flights.has(row.id)) return;
  const flight = (async () => {
    for (let next = latest.get(row.id); next; next = latest.get(row.id)) {
      latest.delete(row.id);
      try {
        // Its evaluation run was deleted meanwhile: nothing more of this judge run can be kept.
        const kept = await saveJudgeRun(next);
        if (!kept && getJudgeState().activeId === row.id) cancelJudge();
      } catch (error) {
        setJudgeState({ storageError: storageMessage('save the judge results', error) });
      }
    }
    flights.delete(row.id);
  })();
  flights.set(row.id, flight);
}

// Judge runs streaming now, kept here too: the learner may open another evaluation run meanwhile.
const live = new Map<string, EvalJudgementRow>();

function replaceRow(row: EvalJudgementRow): void {
  if (live.has(row.id)) live.set(row.id, row);
  const { saved } = getJudgeState();
  if (saved?.some((r) => r.id === row.id)) {
    setJudgeState({ saved: saved.map((r) => (r.id === row.id ? row : r)) });
  }
  persist(row);
}

function rowById(id: string): EvalJudgementRow | null {
  return live.get(id) ?? getJudgeState().saved?.find((r) => r.id === id) ?? null;
}

/** Stored rows, with the in-memory state of any of them being judged (or just started). */
function merged(runId: string, stored: EvalJudgementRow[]): EvalJudgementRow[] {
  const known = new Map<string, EvalJudgementRow>(stored.map((r) => [r.id, r]));
  for (const r of [...(getJudgeState().saved ?? []), ...live.values()]) {
    if (r.runId === runId && (live.has(r.id) || !known.has(r.id))) known.set(r.id, r);
  }
  return [...known.values()].sort(newestFirst);
}

/** Reads the judge runs of `runId` (once per run opened; the streaming one stays as it is). */
export async function loadJudgeRunsOf(runId: string): Promise<void> {
  if (getJudgeState().forRunId === runId) return;
  setJudgeState({ forRunId: runId, saved: null, skipped: 0, shownId: null, deleted: null });
  try {
    // A judge run that ended a moment ago may still have its last state queued (`persist`); the
    // streaming ones need no wait, `merged` takes them from memory.
    await Promise.all([...flights].filter(([id]) => !live.has(id)).map(([, flight]) => flight));
    const { rows, skipped } = await loadJudgeRuns(runId);
    const s = getJudgeState();
    if (s.forRunId !== runId) return;
    const saved = merged(runId, rows);
    setJudgeState({ saved, skipped, shownId: s.shownId ?? saved[0]?.id ?? null });
  } catch (error) {
    setJudgeState({ saved: [], storageError: storageMessage('read the saved judge runs', error) });
  }
}

/** Keeps the tab's saved judge runs those of `runId`. */
export function useJudgeRunsOf(runId: string | null): void {
  useEffect(() => {
    if (runId) void loadJudgeRunsOf(runId);
  }, [runId]);
}

function addJudgement(id: string, judgement: EvalJudgement): void {
  const row = rowById(id);
  if (!row) return;
  const key = judgementKey(judgement);
  const judgements = [...row.judgements.filter((j) => judgementKey(j) !== key), judgement];
  replaceRow({ ...row, judgements, updatedAt: new Date().toISOString() });
}

function finish(id: string, error: AppError | null): void {
  const row = rowById(id);
  if (!row) return;
  const all = row.judgements.length >= row.total;
  const status = !error || all ? 'complete' : error.code === 'cancelled' ? 'stopped' : 'failed';
  const kept = error && error.code !== 'cancelled' ? error : null;
  replaceRow({ ...row, status, error: kept, updatedAt: new Date().toISOString() });
}

/** One judgeResponses stream over `items` for judge run `row`, saving each result. */
function stream(row: EvalJudgementRow, items: JudgeItem[]): void {
  handle?.cancel();
  live.set(row.id, row);
  setJudgeState({ activeId: row.id, shownId: row.id, revealKey: ++reveal });
  const h = openStream(
    'judgeResponses',
    {
      judgeModelId: row.judgeModelId,
      mode: row.mode,
      metrics: row.metrics,
      items,
      concurrency: 2,
    },
    (event) => {
      if (handle !== h || event.kind === 'started') return;
      addJudgement(row.id, event);
    },
  );
  handle = h;
  void h.done.then((error) => {
    if (handle !== h) return;
    handle = null;
    setJudgeState({ activeId: null });
    finish(row.id, error);
    live.delete(row.id);
  });
}

/** Starts a new judge run over `run` with the tab's settings. */
export function startJudge(run: EvalRunRow): void {
  const s = getJudgeState();
  const { settings } = s;
  const metrics = chosenMetrics(settings);
  const items = judgeItems(run, settings);
  if (!settings.judgeModelId || metrics.length === 0 || items.length === 0) return;
  if (s.activeId) return;
  const now = new Date().toISOString();
  const row: EvalJudgementRow = {
    id: crypto.randomUUID(),
    runId: run.id,
    createdAt: now,
    updatedAt: now,
    judgeModelId: settings.judgeModelId,
    mode: settings.mode,
    metrics: metrics.map((metric) => ({ metric, rubric: settings.metrics[metric].rubric })),
    pair: settings.mode === 'pairwise' ? pairOf(run, settings) : null,
    total: expectedResults(settings.mode, items),
    judgements: [],
    status: 'running',
    error: null,
  };
  const earlier = s.forRunId === run.id ? (s.saved ?? []) : [];
  setJudgeState({ saved: [row, ...earlier], forRunId: run.id, deleted: null });
  persist(row);
  stream(row, items);
}

/** Continues a stopped or failed judge run: only what is missing goes to the judge. */
export function resumeJudge(run: EvalRunRow, id: string): void {
  const row = rowById(id);
  if (!row || getJudgeState().activeId) return;
  const items = missingItems(run, row);
  if (items.length === 0) return;
  replaceRow({ ...row, status: 'running', error: null });
  stream({ ...row, status: 'running', error: null }, items);
}

/** Stops the streaming judge run (what arrived is kept; Resume continues). */
export function cancelJudge(): void {
  handle?.cancel();
}

export function showJudgeRun(id: string): void {
  setJudgeState({ shownId: id, revealKey: ++reveal });
}

/** Deletes a saved judge run (not the streaming one); `undoRemoveJudgeRun` puts it back. */
export async function removeJudgeRun(id: string): Promise<void> {
  const s = getJudgeState();
  const row = rowById(id);
  if (!row || s.activeId === id) return;
  latest.delete(id);
  await flights.get(id); // a write finishing after the delete would bring the row back
  try {
    await deleteJudgeRun(id);
  } catch (error) {
    setJudgeState({ storageError: storageMessage('delete the judge run', error) });
    return;
  }
  const saved = (getJudgeState().saved ?? []).filter((r) => r.id !== id);
  const shownId = s.shownId === id ? (saved[0]?.id ?? null) : s.shownId;
  setJudgeState({ saved, shownId, deleted: row });
}

export async function undoRemoveJudgeRun(): Promise<void> {
  const { deleted } = getJudgeState();
  if (!deleted) return;
  try {
    await saveJudgeRun(deleted);
  } catch (error) {
    setJudgeState({ storageError: storageMessage('restore the judge run', error) });
    return;
  }
  // The list as it is now: a judge run streaming meanwhile may have changed it during the write.
  const rows = [...(getJudgeState().saved ?? []), deleted].sort(newestFirst);
  setJudgeState({ saved: rows, shownId: deleted.id, deleted: null, revealKey: ++reveal });
}
