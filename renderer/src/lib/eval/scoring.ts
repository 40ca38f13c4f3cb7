/**
 * Scoring a run: every automatic metric on every item, plus the corpus-level numbers, in one pass
 * (pure, so a Web Worker can run it). Generation tasks (question answering, summarisation, open
 * prompts with a reference) get exact match, token F1, ROUGE-1/2/L and sentence BLEU per item and
 * corpus BLEU over the run; classification gets the label read from each response, right or
 * wrong, and the classification report.
 */
import { bleuFromStats, sumBleuStats, type BleuScore, type BleuStats } from './bleu';
import { classificationReport, type ClassificationReport } from './classification';
import { prepareText, scorePrepared, SharedScoring } from './prepared';
import type { RougeScores } from './rouge';

export interface GenerationPair {
  id: string;
  response: string;
  /** One or more acceptable references (SQuAD and BLEU use them all; ROUGE uses the first). */
  references: readonly string[];
}

export interface GenerationItemScore {
  id: string;
  exactMatch: number;
  tokenF1: number;
  rouge: RougeScores;
  sentenceBleu: BleuScore;
}

export interface GenerationScores {
  items: GenerationItemScore[];
  corpusBleu: BleuScore;
  /** Means over items (0 when there is none). */
  means: { exactMatch: number; tokenF1: number; rouge1: number; rouge2: number; rougeL: number };
}

function mean(values: readonly number[]): number {
  return values.length === 0 ? 0 : values.reduce((a, b) => a + b, 0) / values.length;
}

/**
 * Every generation metric for every pair, and corpus BLEU over the run (sentence and corpus BLEU
 * with sacreBLEU's defaults, from one set of n-gram counts per item). Each text is tokenised once
 * per tokeniser and n-grams are counted as integers (prepared.ts); the numbers are those of
 * `exactMatch`, `tokenF1`, `rouge` and `bleuStats` on the strings. Pass one `shared` to the calls
 * that score the same references (a run's candidates): each reference is then tokenised once.
 */
export function scoreGeneration(
  pairs: readonly GenerationPair[],
  shared: SharedScoring = new SharedScoring(),
): GenerationScores {
  const { cache, scratch } = shared;
  const stats: BleuStats[] = [];
  const items = pairs.map((p) => {
    if (p.references.length === 0) throw new RangeError(`${p.id} has no reference.`);
    const scored = scorePrepared(
      prepareText(p.response, cache),
      p.references.map((r) => shared.reference(r)),
      scratch,
      cache,
    );
    stats.push(scored.bleu);
    return {
      id: p.id,
      exactMatch: scored.exactMatch,
      tokenF1: scored.tokenF1,
      rouge: scored.rouge,
      sentenceBleu: bleuFromStats(scored.bleu, { smoothing: 'exp', effectiveOrder: true }),
    };
  });
  return {
    items,
    corpusBleu: bleuFromStats(sumBleuStats(stats), { smoothing: 'exp' }),
    means: {
      exactMatch: mean(items.map((i) => i.exactMatch)),
      tokenF1: mean(items.map((i) => i.tokenF1)),
      rouge1: mean(items.map((i) => i.rouge.rouge1.f1)),
      rouge2: mean(items.map((i) => i.rouge.rouge2.f1)),
      rougeL: mean(items.map((i) => i.rouge.rougeL.f1)),
    },
  };
}

/** What a response that names none of the labels is counted as. */
export const NO_LABEL = '(no label)';

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

/**
 * The label a free-text response gives: the label whose text occurs earliest in the response as a
 * whole word (case-insensitive; letters and digits around it mean no match, so "3" is found in
 * "Domain 3." but not in "34"), the longer label winning at the same position ("Amazon Bedrock
 * Agents" over "Amazon Bedrock"); NO_LABEL when none occurs.
 */
export function predictedLabel(response: string, labels: readonly string[]): string {
  const text = response.toLowerCase();
  let best: { label: string; at: number } | null = null;
  for (const label of labels) {
    const pattern = new RegExp(
      `(?<![\\p{L}\\p{N}])${escapeRegExp(label.toLowerCase())}(?![\\p{L}\\p{N}])`,
      'u',
    );
    const at = pattern.exec(text)?.index;
    if (at === undefined) continue;
    if (!best || at < best.at || (at === best.at && label.length > best.label.length)) {
      best = { label, at };
    }
  }
  return best?.label ?? NO_LABEL;
}

export interface ClassificationPair {
  id: string;
  response: string;
  /** The gold label. */
  label: string;
}

export interface ClassificationScores {
  items: { id: string; predicted: string; gold: string; correct: boolean }[];
  report: ClassificationReport;
}

/** Reads each response's label and builds the report (labels in the given order first). */
export function scoreClassification(
  pairs: readonly ClassificationPair[],
  labels: readonly string[],
): ClassificationScores {
  const items = pairs.map((p) => {
    const predicted = predictedLabel(p.response, labels);
    return { id: p.id, predicted, gold: p.label, correct: predicted === p.label };
  });
  const report = classificationReport(
    items.map((i) => i.gold),
    items.map((i) => i.predicted),
    labels,
  );
  return { items, report };
}
