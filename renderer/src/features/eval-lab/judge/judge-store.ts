/**
 * The Model as judge tab's state, outside React so a judge run keeps going while the learner looks
 * at another tab: the settings (judge model, mode, metrics with their editable rubrics, the pair
 * compared) and the last judge run's events. `startJudge(run)` builds the `judgeResponses` input
 * from a run's answered items; `cancelJudge()` stops it (what arrived stays).
 */
import { useSyncExternalStore } from 'react';
import {
  JUDGE_METRICS,
  MAX_JUDGE_ITEMS,
  type JudgeItem,
  type JudgeMetric,
  type JudgeResponsesEvent,
  type JudgeResponsesInput,
} from '../../../../../shared/eval-judge-contract';
import type { AppError } from '../../../../../shared/result';
import { openStream, type StreamHandle } from '../../../api';
import { METRIC_INFO } from '../../../lib/eval/judge';
import { itemsWithResponses, type EvalRunRow } from '../runs-store';

export type JudgeMode = JudgeResponsesInput['mode'];

export interface JudgeSettings {
  judgeModelId: string | null;
  mode: JudgeMode;
  metrics: Record<JudgeMetric, { on: boolean; rubric: string }>;
  /** Pairwise: the two candidate ids compared (null: the run's first two). */
  pair: [string, string] | null;
}

export interface JudgeRunState {
  runId: string;
  mode: JudgeMode;
  metrics: JudgeMetric[];
  events: JudgeResponsesEvent[];
  total: number;
  status: 'running' | 'complete' | 'stopped' | 'failed';
  error: AppError | null;
  /** Changes on every start (for the results region). */
  startedAt: number;
}

export interface JudgeState {
  settings: JudgeSettings;
  run: JudgeRunState | null;
}

const DEFAULT_ON: readonly JudgeMetric[] = ['correctness', 'completeness', 'helpfulness'];

function initialSettings(): JudgeSettings {
  const metrics = {} as JudgeSettings['metrics'];
  for (const m of JUDGE_METRICS) {
    metrics[m] = { on: DEFAULT_ON.includes(m), rubric: METRIC_INFO[m].rubric };
  }
  return { judgeModelId: null, mode: 'single', metrics, pair: null };
}

let state: JudgeState = { settings: initialSettings(), run: null };
const listeners = new Set<() => void>();
let handle: StreamHandle | null = null;

function set(next: JudgeState): void {
  state = next;
  for (const l of listeners) l();
}

function subscribe(l: () => void): () => void {
  listeners.add(l);
  return () => listeners.delete(l);
}

export function useJudge(): JudgeState {
  return useSyncExternalStore(subscribe, () => state);
}

export function setJudgeSettings(patch: Partial<JudgeSettings>): void {
  set({ ...state, settings: { ...state.settings, ...patch } });
}

export function setMetric(
  metric: JudgeMetric,
  patch: Partial<{ on: boolean; rubric: string }>,
): void {
  const metrics = {
    ...state.settings.metrics,
    [metric]: { ...state.settings.metrics[metric], ...patch },
  };
  setJudgeSettings({ metrics });
}

export function chosenMetrics(settings: JudgeSettings): JudgeMetric[] {
  return JUDGE_METRICS.filter((m) => settings.metrics[m].on);
}

/** The pair compared in pairwise mode (the run's first two candidates unless chosen). */
export function pairOf(run: EvalRunRow, settings: JudgeSettings): [string, string] | null {
  const ids = run.candidates.map((c) => c.id);
  if (settings.pair && settings.pair.every((id) => ids.includes(id))) return settings.pair;
  return ids.length >= 2 ? [ids[0] as string, ids[1] as string] : null;
}

/** The judge's items for `run`: answered items only (pairwise: both of the pair answered). */
export function judgeItems(run: EvalRunRow, settings: JudgeSettings): JudgeItem[] {
  const pair = settings.mode === 'pairwise' ? pairOf(run, settings) : null;
  const wanted = pair ?? run.candidates.map((c) => c.id);
  const items: JudgeItem[] = [];
  for (const { item, responses } of itemsWithResponses(run)) {
    const answered = wanted
      .map((id) => ({ key: id, text: responses[id]?.text }))
      .filter((r): r is { key: string; text: string } => typeof r.text === 'string');
    if (pair ? answered.length < 2 : answered.length === 0) continue;
    items.push({
      id: item.id,
      prompt: item.prompt,
      reference: item.referenceResponse ?? null,
      context: null,
      responses: answered.map((r) => ({ key: r.key, text: r.text.slice(0, 40_000) })),
    });
  }
  return items.slice(0, MAX_JUDGE_ITEMS);
}

function patchRun(patch: Partial<JudgeRunState>): void {
  if (state.run) set({ ...state, run: { ...state.run, ...patch } });
}

export function startJudge(run: EvalRunRow): void {
  const { settings } = state;
  const metrics = chosenMetrics(settings);
  const items = judgeItems(run, settings);
  if (!settings.judgeModelId || metrics.length === 0 || items.length === 0) return;
  handle?.cancel();
  set({
    ...state,
    run: {
      runId: run.id,
      mode: settings.mode,
      metrics,
      events: [],
      total: 0,
      status: 'running',
      error: null,
      startedAt: Date.now(),
    },
  });
  const h = openStream(
    'judgeResponses',
    {
      judgeModelId: settings.judgeModelId,
      mode: settings.mode,
      metrics: metrics.map((metric) => ({ metric, rubric: settings.metrics[metric].rubric })),
      items,
      concurrency: 2,
    },
    (event) => {
      if (handle !== h || !state.run) return;
      if (event.kind === 'started') patchRun({ total: event.total });
      else patchRun({ events: [...state.run.events, event] });
    },
  );
  handle = h;
  void h.done.then((error) => {
    if (handle !== h) return;
    handle = null;
    if (!error) patchRun({ status: 'complete' });
    else patchRun({ status: error.code === 'cancelled' ? 'stopped' : 'failed', error });
  });
}

export function cancelJudge(): void {
  handle?.cancel();
}
