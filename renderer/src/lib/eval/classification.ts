/**
 * Classification metrics over gold and predicted labels (single label per item), with the
 * conventions of scikit-learn's `classification_report` / `precision_recall_fscore_support`:
 * - confusion matrix rows are the gold (true) label, columns the predicted label;
 * - per class: precision = TP / (TP + FP), recall = TP / (TP + FN), F1 their harmonic mean,
 *   support = number of gold items of the class; a 0/0 is reported as 0 (scikit-learn's
 *   `zero_division=0`; its default also gives 0, with a warning);
 * - macro average: the unweighted mean over classes (a rare class counts as much as a common one);
 *   weighted average: the mean weighted by support; micro average: TP, FP, FN summed over classes
 *   first. With one label per item and every label counted, micro precision = micro recall =
 *   micro F1 = accuracy.
 * A prediction outside the known labels (a model answering "Domain 7" or "I am not sure") is kept
 * as its own column: it is a false positive for nothing but a false negative for the gold class.
 */
import { harmonicF1, type PrfScore } from './text';

export interface ClassScore extends PrfScore {
  label: string;
  support: number;
}

export interface ClassificationReport {
  /** Row and column order of the matrix: the given labels, then unexpected predictions. */
  labels: string[];
  /** matrix[gold][predicted] counts. */
  matrix: number[][];
  accuracy: number;
  perClass: ClassScore[];
  macro: PrfScore;
  weighted: PrfScore;
  micro: PrfScore;
  total: number;
}

function ratio(numerator: number, denominator: number): number {
  return denominator > 0 ? numerator / denominator : 0;
}

function labelOrder(
  gold: readonly string[],
  predicted: readonly string[],
  known?: readonly string[],
) {
  const labels = [...(known ?? [])];
  for (const label of [...gold, ...predicted]) if (!labels.includes(label)) labels.push(label);
  return labels;
}

/** Counts matrix[gold][predicted]. */
export function confusionMatrix(
  gold: readonly string[],
  predicted: readonly string[],
  labels: readonly string[],
): number[][] {
  if (gold.length !== predicted.length) {
    throw new RangeError(`${gold.length} gold labels but ${predicted.length} predictions.`);
  }
  const index = new Map(labels.map((label, i) => [label, i]));
  const matrix = labels.map(() => labels.map(() => 0));
  gold.forEach((label, i) => {
    const row = index.get(label);
    const col = index.get(predicted[i] as string);
    if (row === undefined || col === undefined) throw new RangeError(`Unknown label at item ${i}.`);
    (matrix[row] as number[])[col] = ((matrix[row] as number[])[col] as number) + 1;
  });
  return matrix;
}

function average(scores: readonly ClassScore[], weight: (s: ClassScore) => number): PrfScore {
  const sum = scores.reduce((acc, s) => acc + weight(s), 0);
  const mean = (pick: (s: ClassScore) => number) =>
    ratio(
      scores.reduce((acc, s) => acc + weight(s) * pick(s), 0),
      sum,
    );
  return {
    precision: mean((s) => s.precision),
    recall: mean((s) => s.recall),
    f1: mean((s) => s.f1),
  };
}

/**
 * The full report. `labels` fixes the order (and includes classes that never occur, which then
 * count in the macro average with 0 scores, as scikit-learn does when they are passed as labels).
 */
export function classificationReport(
  gold: readonly string[],
  predicted: readonly string[],
  labels?: readonly string[],
): ClassificationReport {
  const order = labelOrder(gold, predicted, labels);
  const matrix = confusionMatrix(gold, predicted, order);
  let correct = 0;
  let falsePositives = 0;
  let falseNegatives = 0;
  const perClass = order.map((label, i) => {
    const row = matrix[i] as number[];
    const tp = row[i] as number;
    const support = row.reduce((a, b) => a + b, 0);
    const predictedCount = matrix.reduce((a, r) => a + (r[i] as number), 0);
    correct += tp;
    falsePositives += predictedCount - tp;
    falseNegatives += support - tp;
    const precision = ratio(tp, predictedCount);
    const recall = ratio(tp, support);
    return { label, support, precision, recall, f1: harmonicF1(precision, recall) };
  });
  const microPrecision = ratio(correct, correct + falsePositives);
  const microRecall = ratio(correct, correct + falseNegatives);
  return {
    labels: order,
    matrix,
    accuracy: ratio(correct, gold.length),
    perClass,
    macro: average(perClass, () => 1),
    weighted: average(perClass, (s) => s.support),
    micro: {
      precision: microPrecision,
      recall: microRecall,
      f1: harmonicF1(microPrecision, microRecall),
    },
    total: gold.length,
  };
}
