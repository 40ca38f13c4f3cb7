/**
 * Metrics over the invocation log and the Playground's compare runs: percentiles, per-day and
 * per-model aggregation, local-day bucketing, the month-to-date spend against a budget, cost
 * arithmetic and a simple measure of how different repeated replies are. Pure: no DOM, no clock
 * (callers pass `now`), no React.
 */
import { isControlPlane, isS3Request, type InvocationRecord } from '../../../shared/invocations';
import {
  baseModelId,
  estimateTokenCost,
  findModel,
  modelDisplayName,
} from '../../../shared/models';
import { percentile } from '../../../shared/statistics';

// ---------------------------------------------------------------------------------------------
// Local days

const dayFormatters = new Map<string, Intl.DateTimeFormat>();

function dayFormatter(timeZone: string | undefined): Intl.DateTimeFormat {
  const key = timeZone ?? '';
  let formatter = dayFormatters.get(key);
  if (!formatter) {
    // en-CA formats a date as YYYY-MM-DD.
    formatter = new Intl.DateTimeFormat('en-CA', {
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(timeZone ? { timeZone } : {}),
    });
    dayFormatters.set(key, formatter);
  }
  return formatter;
}

/**
 * The calendar day (YYYY-MM-DD) an instant falls on in a time zone: the learner's own zone when
 * `timeZone` is left out, so a call at 23:30 local time counts for that evening, not for the UTC
 * day it may fall on.
 */
export function localDay(at: string | number | Date, timeZone?: string): string {
  const date = at instanceof Date ? at : new Date(at);
  const parts = dayFormatter(timeZone).formatToParts(date);
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** The calendar month (YYYY-MM) of an instant in a time zone (default: the learner's own). */
export function localMonth(at: string | number | Date, timeZone?: string): string {
  return localDay(at, timeZone).slice(0, 7);
}

/** The day `delta` calendar days after a YYYY-MM-DD day (pure date arithmetic, no time zone). */
export function addDays(day: string, delta: number): string {
  const [y, m, d] = day.split('-').map(Number);
  const date = new Date(Date.UTC(y ?? 1970, (m ?? 1) - 1, (d ?? 1) + delta));
  return date.toISOString().slice(0, 10);
}

// ---------------------------------------------------------------------------------------------
// Aggregation

/** Totals over a set of invocation records. */
export interface Aggregate {
  invocations: number;
  ok: number;
  errors: number;
  cancelled: number;
  inputTokens: number;
  outputTokens: number;
  /** Sum of the records' estimated costs (records without a price count as 0). */
  costUsd: number;
  /** Records whose cost is unknown (no price in the catalog), so `costUsd` leaves them out. */
  unpriced: number;
  /**
   * Control-plane calls (guardrails, jobs): they invoke no model, so a per-call price does not
   * apply; neither in `costUsd` nor counted as unpriced.
   */
  controlPlane: number;
  /**
   * Requests to the learner's S3 bucket (customization): Amazon S3 bills them, not Bedrock;
   * neither in `costUsd` nor counted as unpriced.
   */
  s3Requests: number;
  /** Latency percentiles over the successful calls only (nearest rank); null when there are none. */
  p50LatencyMs: number | null;
  p95LatencyMs: number | null;
  /** Time-to-first-token percentiles over successful streamed calls. */
  p50FirstTokenMs: number | null;
  p95FirstTokenMs: number | null;
}

export function aggregate(records: readonly InvocationRecord[]): Aggregate {
  const latencies: number[] = [];
  const firstTokens: number[] = [];
  const totals = {
    invocations: records.length,
    ok: 0,
    errors: 0,
    cancelled: 0,
    inputTokens: 0,
    outputTokens: 0,
    costUsd: 0,
    unpriced: 0,
    controlPlane: 0,
    s3Requests: 0,
  };
  for (const r of records) {
    if (r.status === 'ok') {
      totals.ok++;
      latencies.push(r.latencyMs);
      if (r.firstTokenMs !== null) firstTokens.push(r.firstTokenMs);
    } else if (r.status === 'error') totals.errors++;
    else totals.cancelled++;
    totals.inputTokens += r.inputTokens ?? 0;
    totals.outputTokens += r.outputTokens ?? 0;
    if (isControlPlane(r.operation)) totals.controlPlane++;
    else if (isS3Request(r.operation)) totals.s3Requests++;
    else if (r.costUsd === null) {
      // A failed call before any tokens costs nothing; only count calls that did use something.
      if (r.status === 'ok' || (r.inputTokens ?? 0) + (r.outputTokens ?? 0) > 0) totals.unpriced++;
    } else totals.costUsd += r.costUsd;
  }
  return {
    ...totals,
    p50LatencyMs: percentile(latencies, 50),
    p95LatencyMs: percentile(latencies, 95),
    p50FirstTokenMs: percentile(firstTokens, 50),
    p95FirstTokenMs: percentile(firstTokens, 95),
  };
}

/** Groups records by a key and aggregates each group; groups come back sorted by key. */
function groupBy<K extends string>(
  records: readonly InvocationRecord[],
  keyOf: (r: InvocationRecord) => K,
): { key: K; stats: Aggregate }[] {
  const groups = new Map<K, InvocationRecord[]>();
  for (const r of records) {
    const key = keyOf(r);
    const group = groups.get(key);
    if (group) group.push(r);
    else groups.set(key, [r]);
  }
  return [...groups.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([key, group]) => ({ key, stats: aggregate(group) }));
}

/** One row per local day that has calls, oldest first. */
export function byDay(
  records: readonly InvocationRecord[],
  timeZone?: string,
): { day: string; stats: Aggregate }[] {
  return groupBy(records, (r) => localDay(r.at, timeZone)).map(({ key, stats }) => ({
    day: key,
    stats,
  }));
}

/** One model's calls: a model and its inference profiles are one model. */
export interface ModelGroup {
  /** The base model id (`amazon.nova-micro-v1:0` for `us.amazon.nova-micro-v1:0` too). */
  modelId: string;
  /** The model's name for people, or the id when the catalog does not know it. */
  label: string;
  /** The ids the calls used, sorted: the base id and/or inference-profile ids. */
  calledAs: string[];
  stats: Aggregate;
}

/** The key calls are grouped and filtered by: the base model id, never the id string as called. */
export function modelKey(modelId: string): string {
  return baseModelId(modelId);
}

/** The name a log shows for a model id (any of its forms). */
export function modelLabel(modelId: string): string {
  const model = findModel(modelId);
  return model ? modelDisplayName(model) : modelKey(modelId);
}

/**
 * One row per model, whichever id its calls used (a base id, an inference profile of any
 * geography, an ARN), sorted by the model's name.
 */
export function byModel(records: readonly InvocationRecord[]): ModelGroup[] {
  const calledAs = new Map<string, Set<string>>();
  for (const r of records) {
    const key = modelKey(r.modelId);
    const ids = calledAs.get(key);
    if (ids) ids.add(r.modelId);
    else calledAs.set(key, new Set([r.modelId]));
  }
  return groupBy(records, (r) => modelKey(r.modelId))
    .map(({ key, stats }) => ({
      modelId: key,
      label: modelLabel(key),
      calledAs: [...(calledAs.get(key) ?? [])].sort(),
      stats,
    }))
    .sort((a, b) => a.label.localeCompare(b.label, 'en') || (a.modelId < b.modelId ? -1 : 1));
}

/**
 * The last `days` local days up to and including `now`'s day, oldest first, each with its
 * aggregate (days without calls have zero counts): the series a daily bar chart draws.
 */
export function dailySeries(
  records: readonly InvocationRecord[],
  days: number,
  now: Date,
  timeZone?: string,
): { day: string; stats: Aggregate }[] {
  const found = new Map(byDay(records, timeZone).map((d) => [d.day, d.stats]));
  const today = localDay(now, timeZone);
  return Array.from({ length: days }, (_, i) => {
    const day = addDays(today, i - days + 1);
    return { day, stats: found.get(day) ?? aggregate([]) };
  });
}

/** Failed calls by error code, most frequent first (ties by code). Cancelled calls are not errors. */
export function errorsByCode(
  records: readonly InvocationRecord[],
): { code: string; count: number }[] {
  const counts = new Map<string, number>();
  for (const r of records) {
    if (r.status !== 'error') continue;
    const code = r.errorCode ?? 'unknown';
    counts.set(code, (counts.get(code) ?? 0) + 1);
  }
  return [...counts.entries()]
    .map(([code, count]) => ({ code, count }))
    .sort((a, b) => b.count - a.count || (a.code < b.code ? -1 : 1));
}

// ---------------------------------------------------------------------------------------------
// Budget

/** Estimated spend of the calls made in `now`'s local calendar month, up to `now`. */
export function monthToDateCost(
  records: readonly InvocationRecord[],
  now: Date,
  timeZone?: string,
): number {
  const month = localMonth(now, timeZone);
  let sum = 0;
  for (const r of records) {
    if (r.costUsd === null) continue;
    if (Date.parse(r.at) > now.getTime()) continue;
    if (localMonth(r.at, timeZone) === month) sum += r.costUsd;
  }
  return sum;
}

/** The share of the budget at which the dashboard starts warning. */
export const BUDGET_WARNING_SHARE = 0.8;

export type BudgetLevel = 'under' | 'warning' | 'exceeded';

export interface BudgetStatus {
  spentUsd: number;
  budgetUsd: number;
  /** spent / budget (may pass 1). */
  share: number;
  /** `warning` from 80% of the budget, `exceeded` from 100% (both inclusive). */
  level: BudgetLevel;
}

/** Where a month's spend stands against a monthly budget; null when no budget is set. */
export function budgetStatus(spentUsd: number, budgetUsd: number | null): BudgetStatus | null {
  if (budgetUsd === null || !(budgetUsd > 0)) return null;
  const share = spentUsd / budgetUsd;
  // Compare in whole micro-dollars so that, say, $0.8 of $1 is not missed by a rounding error.
  const spentMicros = Math.round(spentUsd * 1e6);
  const budgetMicros = Math.round(budgetUsd * 1e6);
  const level: BudgetLevel =
    spentMicros >= budgetMicros
      ? 'exceeded'
      : spentMicros * 10 >= budgetMicros * (BUDGET_WARNING_SHARE * 10)
        ? 'warning'
        : 'under';
  return { spentUsd, budgetUsd, share, level };
}

// ---------------------------------------------------------------------------------------------
// Cost arithmetic

/** USD for a number of tokens at a price per 1,000 tokens. */
export function tokensCost(tokens: number, usdPer1k: number): number {
  return (tokens / 1000) * usdPer1k;
}

/** A rough token count for a cost preview: about four characters per token (English text). */
export function roughTokenCount(text: string): number {
  return Math.ceil(text.length / 4);
}

/** Sums costs, treating unknown (null) ones separately so a total never hides them. */
export function sumCosts(costs: readonly (number | null)[]): { usd: number; unknown: number } {
  let usd = 0;
  let unknown = 0;
  for (const c of costs) {
    if (c === null) unknown++;
    else usd += c;
  }
  return { usd, unknown };
}

/**
 * The most a compare run can cost: for each column, `runs` calls of `inputTokens` in and at most
 * `maxOutputTokens` out at the catalog's on-demand prices. Models without a token price are
 * listed in `unpriced` and left out of `maxUsd`.
 */
export function estimateCompareCost(
  modelIds: readonly string[],
  inputTokens: number,
  maxOutputTokens: number,
  runs: number,
): { maxUsd: number; unpriced: string[] } {
  let maxUsd = 0;
  const unpriced: string[] = [];
  for (const id of modelIds) {
    const cost = estimateTokenCost(id, inputTokens * runs, maxOutputTokens * runs);
    if (cost === null) unpriced.push(id);
    else maxUsd += cost;
  }
  return { maxUsd, unpriced };
}

// ---------------------------------------------------------------------------------------------
// How different repeated replies are

/** A reply with spacing normalised and case folded, for counting distinct replies. */
export function normaliseReply(text: string): string {
  return text.trim().replace(/\s+/g, ' ').toLowerCase();
}

function wordSet(text: string): Set<string> {
  return new Set(normaliseReply(text).match(/[\p{L}\p{N}']+/gu) ?? []);
}

/** Jaccard distance of two replies' word sets: 0 = same words, 1 = no word in common. */
export function jaccardDistance(a: string, b: string): number {
  const x = wordSet(a);
  const y = wordSet(b);
  if (x.size === 0 && y.size === 0) return 0;
  let both = 0;
  for (const w of x) if (y.has(w)) both++;
  return 1 - both / (x.size + y.size - both);
}

/**
 * How different a set of replies to the same prompt are: how many distinct replies there are
 * (ignoring case and spacing), and the mean Jaccard distance between the word sets of every pair
 * (null with fewer than two replies).
 */
export function replyDiversity(replies: readonly string[]): {
  replies: number;
  distinct: number;
  meanDistance: number | null;
} {
  const distinct = new Set(replies.map(normaliseReply)).size;
  let sum = 0;
  let pairs = 0;
  for (let i = 0; i < replies.length; i++) {
    for (let j = i + 1; j < replies.length; j++) {
      sum += jaccardDistance(replies[i] ?? '', replies[j] ?? '');
      pairs++;
    }
  }
  return { replies: replies.length, distinct, meanDistance: pairs > 0 ? sum / pairs : null };
}
