/**
 * The Model as judge tab's state, outside React so a judge run keeps going while the learner looks
 * at another tab: the settings (judge model, mode, metrics with their editable rubrics, the pair
 * compared) and the saved judge runs of the current evaluation run (judge-runs.ts starts, resumes,
 * saves and deletes them; this file holds the state and the pure helpers).
 */
import { useSyncExternalStore } from 'react';
import {
  JUDGE_METRICS,
  MAX_JUDGE_ITEMS,
  type JudgeItem,
  type JudgeMetric,
  type JudgeResponsesInput,
} from '../../../../../shared/eval-judge-contract';
import type { EvalJudgement, EvalJudgementRow } from '../../../db/eval-judgements';
import { estimateJudgeCost, METRIC_INFO, type JudgeCostEstimate } from '../../../lib/eval/judge';
import { plural } from '../../../lib/format';
import { itemsWithResponses, type EvalRunRow } from '../runs-store';

export type JudgeMode = JudgeResponsesInput['mode'];

export interface JudgeSettings {
  judgeModelId: string | null;
  mode: JudgeMode;
  metrics: Record<JudgeMetric, { on: boolean; rubric: string }>;
  /** Pairwise: the two candidate ids compared (null: the run's first two). */
  pair: [string, string] | null;
}

export interface JudgeState {
  settings: JudgeSettings;
  /** The evaluation run whose judge runs `saved` holds. */
  forRunId: string | null;
  /** Its saved judge runs, newest first (null while they are read). */
  saved: EvalJudgementRow[] | null;
  /** Stored judge runs of this run that failed the schema (not shown). */
  skipped: number;
  /** The judge run shown in the results. */
  shownId: string | null;
  /** The judge run streaming now. */
  activeId: string | null;
  /** Changes when the learner starts, resumes or opens a judge run (for the results region). */
  revealKey: number | null;
  /** The judge run deleted last, for Undo. */
  deleted: EvalJudgementRow | null;
  storageError: string | null;
}

const DEFAULT_ON: readonly JudgeMetric[] = ['correctness', 'completeness', 'helpfulness'];

function initialSettings(): JudgeSettings {
  const metrics = {} as JudgeSettings['metrics'];
  for (const m of JUDGE_METRICS) {
    metrics[m] = { on: DEFAULT_ON.includes(m), rubric: METRIC_INFO[m].rubric };
  }
  return { judgeModelId: null, mode: 'single', metrics, pair: null };
}

let state: JudgeState = {
  settings: initialSettings(),
  forRunId: null,
  saved: null,
  skipped: 0,
  shownId: null,
  activeId: null,
  revealKey: null,
  deleted: null,
  storageError: null,
};
const listeners = new Set<() => void>();

export function getJudgeState(): JudgeState {
  return state;
}

export function setJudgeState(patch: Partial<JudgeState>): void {
  state = { ...state, ...patch };
  for (const l of listeners) l();
}

function set(next: JudgeState): void {
  setJudgeState(next);
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

/** Results a judge run over `items` asks for: each response, or two verdicts per item. */
export function expectedResults(mode: JudgeMode, items: readonly JudgeItem[]): number {
  return mode === 'pairwise' ? items.length * 2 : items.reduce((n, i) => n + i.responses.length, 0);
}

/** What makes a judged result unique in its judge run (a newer one replaces it). */
export function judgementKey(j: EvalJudgement): string {
  return j.kind === 'scores' ? `${j.itemId}\u0001${j.responseKey}` : `${j.itemId}\u0001${j.order}`;
}

/**
 * What a resumed judge run still has to judge: the run's items as the judge run first asked for
 * them (its mode and pair), less what is judged. Single mode keeps only an item's unjudged
 * responses; pairwise judges an item again (both orders) unless both verdicts are in.
 */
export function missingItems(run: EvalRunRow, judged: EvalJudgementRow): JudgeItem[] {
  const done = new Set(judged.judgements.map(judgementKey));
  const items = judgeItems(run, { ...state.settings, mode: judged.mode, pair: judged.pair });
  const out: JudgeItem[] = [];
  for (const item of items) {
    if (judged.mode === 'pairwise') {
      const both = ['original', 'swapped'].every((o) => done.has(`${item.id}\u0001${o}`));
      if (!both) out.push(item);
      continue;
    }
    const responses = item.responses.filter((r) => !done.has(`${item.id}\u0001${r.key}`));
    if (responses.length > 0) out.push({ ...item, responses });
  }
  return out;
}

/**
 * What Resume will send: the items, the judge calls, verdicts already in that are redone, and
 * the most those calls can cost.
 */
export interface ResumePlan {
  items: number;
  calls: number;
  /** Pairwise: verdicts of an item whose other order is missing; Resume judges both again. */
  redone: number;
  estimate: JudgeCostEstimate;
}

export function resumePlan(run: EvalRunRow, judged: EvalJudgementRow): ResumePlan {
  const items = missingItems(run, judged);
  const done = new Set(judged.judgements.map(judgementKey));
  const redone =
    judged.mode === 'pairwise'
      ? items.filter((i) => done.has(`${i.id}\u0001original`) || done.has(`${i.id}\u0001swapped`))
          .length
      : 0;
  return {
    items: items.length,
    calls: expectedResults(judged.mode, items),
    redone,
    estimate: estimateJudgeCost(judged, items),
  };
}

/** The Resume button's words: the items and the judge calls Resume sends. */
export function resumeLabel(plan: ResumePlan): string {
  return `Resume: ${plural(plan.items, 'item')} (${plural(plan.calls, 'judge call')})`;
}

/** The judge run shown (null when none is). */
export function shownJudgeRun(s: JudgeState): EvalJudgementRow | null {
  return s.saved?.find((r) => r.id === s.shownId) ?? null;
}
