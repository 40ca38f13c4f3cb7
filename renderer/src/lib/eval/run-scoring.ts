/**
 * Scores a whole evaluation run for every candidate in one pass (pure, so the lab's worker runs
 * it off the UI thread): the task's metrics on every item (scoring.ts), corpus BLEU or the
 * classification report, a seeded bootstrap 95% interval for each metric's mean, and robustness:
 * the task's main metric on each perturbed copy against its original (robustness.ts).
 *
 * Tasks: question answering and summarisation get exact match, token F1, ROUGE-1/2/L and
 * sentence BLEU; classification reads a label from each response and gets accuracy (per item:
 * right or wrong) and the report; open prompts have no reference, so no reference-based metric
 * applies (the judge and human review tabs score them).
 */
import type { BleuScore } from './bleu';
import { SharedScoring } from './prepared';
import { bootstrapMean, type BootstrapInterval } from './bootstrap';
import type { ClassificationReport } from './classification';
import { robustnessDelta, type PerturbationKind, type RobustnessDelta } from './robustness';
import type { RougeScores } from './rouge';
import { scoreClassification, scoreGeneration, type GenerationItemScore } from './scoring';

export type EvalTaskKind = 'qa' | 'summarisation' | 'classification' | 'open';

export type MetricId =
  'exactMatch' | 'tokenF1' | 'rouge1' | 'rouge2' | 'rougeL' | 'sentenceBleu' | 'accuracy';

export const GENERATION_METRICS: readonly MetricId[] = [
  'exactMatch',
  'tokenF1',
  'rouge1',
  'rouge2',
  'rougeL',
  'sentenceBleu',
];

/** The metrics a task is scored with (none for open prompts). */
export function metricsFor(task: EvalTaskKind): readonly MetricId[] {
  if (task === 'classification') return ['accuracy'];
  return task === 'open' ? [] : GENERATION_METRICS;
}

/** The metric robustness is measured with (Bedrock: the task's accuracy metric). */
export function robustnessMetric(task: EvalTaskKind): MetricId | null {
  if (task === 'qa') return 'tokenF1';
  if (task === 'summarisation') return 'rougeL';
  return task === 'classification' ? 'accuracy' : null;
}

export interface ScoringItem {
  id: string;
  reference?: string | undefined;
  perturbation?: { of: string; kind: PerturbationKind } | undefined;
}

export interface RunScoringInput {
  task: EvalTaskKind;
  labels?: readonly string[] | undefined;
  items: readonly ScoringItem[];
  candidateIds: readonly string[];
  responses: readonly { itemId: string; candidateId: string; text: string }[];
  seed: number;
}

export interface ItemMetrics {
  itemId: string;
  values: Partial<Record<MetricId, number>>;
  rouge?: RougeScores;
  sentenceBleu?: BleuScore;
  predicted?: string;
  gold?: string;
}

export interface MetricSummary extends BootstrapInterval {
  metric: MetricId;
}

export interface RobustnessResult {
  metric: MetricId;
  overall: RobustnessDelta;
  byKind: { kind: PerturbationKind; delta: RobustnessDelta; items: number }[];
}

export interface CandidateScores {
  candidateId: string;
  /** Original (unperturbed) items that have a response, in run order. */
  items: ItemMetrics[];
  summary: MetricSummary[];
  corpusBleu: BleuScore | null;
  classification: ClassificationReport | null;
  robustness: RobustnessResult | null;
}

export interface RunScores {
  task: EvalTaskKind;
  metrics: readonly MetricId[];
  candidates: CandidateScores[];
}

function generationValues(s: GenerationItemScore): Partial<Record<MetricId, number>> {
  return {
    exactMatch: s.exactMatch,
    tokenF1: s.tokenF1,
    rouge1: s.rouge.rouge1.f1,
    rouge2: s.rouge.rouge2.f1,
    rougeL: s.rouge.rougeL.f1,
    sentenceBleu: s.sentenceBleu.score,
  };
}

interface Scored {
  items: ItemMetrics[];
  corpusBleu: BleuScore | null;
  classification: ClassificationReport | null;
}

/** The task's metrics over `pairs` (items with a reference and a response). */
function scorePairs(
  task: EvalTaskKind,
  labels: readonly string[],
  pairs: readonly { id: string; response: string; reference: string }[],
  shared: SharedScoring,
): Scored {
  if (task === 'open' || pairs.length === 0) {
    return { items: [], corpusBleu: null, classification: null };
  }
  if (task === 'classification') {
    const scored = scoreClassification(
      pairs.map((p) => ({ id: p.id, response: p.response, label: p.reference })),
      labels,
    );
    return {
      items: scored.items.map((i) => ({
        itemId: i.id,
        values: { accuracy: i.correct ? 1 : 0 },
        predicted: i.predicted,
        gold: i.gold,
      })),
      corpusBleu: null,
      classification: scored.report,
    };
  }
  const scored = scoreGeneration(
    pairs.map((p) => ({ id: p.id, response: p.response, references: [p.reference] })),
    shared,
  );
  return {
    items: scored.items.map((s) => ({
      itemId: s.id,
      values: generationValues(s),
      rouge: s.rouge,
      sentenceBleu: s.sentenceBleu,
    })),
    corpusBleu: scored.corpusBleu,
    classification: null,
  };
}

/** Robustness: each perturbed copy's score against its original's, per kind and overall. */
function robustnessOf(
  metric: MetricId,
  original: readonly ItemMetrics[],
  perturbed: readonly { of: string; kind: PerturbationKind; value: number }[],
): RobustnessResult | null {
  if (perturbed.length === 0) return null;
  const byId = new Map(original.map((i) => [i.itemId, i.values[metric]]));
  const delta = (copies: readonly { of: string; value: number }[]) => {
    const groups = new Map<string, number[]>();
    for (const c of copies) {
      if (byId.get(c.of) === undefined) continue;
      groups.set(c.of, [...(groups.get(c.of) ?? []), c.value]);
    }
    const ids = [...groups.keys()];
    return {
      items: ids.length,
      delta: robustnessDelta(
        ids.map((id) => byId.get(id) as number),
        ids.map((id) => groups.get(id) as number[]),
      ),
    };
  };
  const kinds = [...new Set(perturbed.map((p) => p.kind))];
  return {
    metric,
    overall: delta(perturbed).delta,
    byKind: kinds.map((kind) => ({ kind, ...delta(perturbed.filter((p) => p.kind === kind)) })),
  };
}

/** One candidate's scores (see the file comment); `shared` holds the run's prepared references. */
function scoreCandidate(
  input: RunScoringInput,
  candidateId: string,
  shared: SharedScoring,
): CandidateScores {
  const texts = new Map(
    input.responses.filter((r) => r.candidateId === candidateId).map((r) => [r.itemId, r.text]),
  );
  const labels = input.labels ?? [];
  const withResponse = input.items.filter((i) => i.reference !== undefined && texts.has(i.id));
  const pairs = (items: readonly ScoringItem[]) =>
    items.map((i) => ({ id: i.id, response: texts.get(i.id) ?? '', reference: i.reference ?? '' }));
  const original = pairs(withResponse.filter((i) => !i.perturbation));
  const base = scorePairs(input.task, labels, original, shared);
  const copies = withResponse.filter((i) => i.perturbation);
  const metric = robustnessMetric(input.task);
  const copyScores = metric ? scorePairs(input.task, labels, pairs(copies), shared).items : [];
  const perturbed = copyScores.map((s, k) => ({
    ...(copies[k]?.perturbation as { of: string; kind: PerturbationKind }),
    value: s.values[metric as MetricId] ?? 0,
  }));
  const summary = metricsFor(input.task).map((m, k) => ({
    metric: m,
    ...bootstrapMean(
      base.items.map((i) => i.values[m] ?? 0),
      { seed: input.seed + k },
    ),
  }));
  return {
    candidateId,
    ...base,
    summary,
    robustness: metric ? robustnessOf(metric, base.items, perturbed) : null,
  };
}

/**
 * Every candidate's scores for a run. The candidates and the robustness copies are scored against
 * the run's references, so they share one `SharedScoring`: each reference is tokenised once.
 */
export function scoreRun(input: RunScoringInput): RunScores {
  const shared = new SharedScoring();
  return {
    task: input.task,
    metrics: metricsFor(input.task),
    candidates: input.candidateIds.map((id) => scoreCandidate(input, id, shared)),
  };
}
