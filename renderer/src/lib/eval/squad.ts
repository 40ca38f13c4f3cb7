/**
 * Exact match and token F1 as the official SQuAD v1.1 evaluation script computes them
 * (`evaluate-v1.1.py`, Rajpurkar et al. 2016): the same normalisation, the same bag-of-tokens F1,
 * the same maximum over several reference answers.
 *
 * Normalisation, in the script's order: lower-case; delete every ASCII punctuation character
 * (Python's `string.punctuation`, so curly quotes and other non-ASCII punctuation stay); replace
 * the whole words "a", "an", "the" with a space (word boundaries as Python's Unicode `\b`: a
 * letter, digit or underscore on either side means no boundary); collapse whitespace (Python's
 * `str.split()`), so "The  Cat!" becomes "cat".
 *
 * Token F1 counts shared tokens as a multiset: with prediction tokens P and reference tokens R,
 * common = |P ∩ R| (each token counted min(times in P, times in R)); precision = common / |P|,
 * recall = common / |R|, F1 their harmonic mean. No shared token gives 0, which includes an empty
 * prediction, and also an empty reference (the script returns 0 there, even when both are empty,
 * while exact match of two empty strings is 1).
 */
import { countItems, harmonicF1, overlapCount, splitPythonWhitespace, type PrfScore } from './text';

/** Python's `string.punctuation`: !"#$%&'()*+,-./ :;<=>?@ [\]^_` {|}~ (all ASCII punctuation). */
const ASCII_PUNCTUATION = /[!-/:-@[-`{-~]/g;
/** `\b(a|an|the)\b` with Python's Unicode word characters (letters, digits, underscore). */
const ARTICLES = /(?<![\p{L}\p{N}_])(?:a|an|the)(?![\p{L}\p{N}_])/gu;

/** The SQuAD v1.1 `normalize_answer`. */
export function normalizeAnswer(text: string): string {
  const lower = text.toLowerCase();
  const withoutArticles = lower.replace(ASCII_PUNCTUATION, '').replace(ARTICLES, ' ');
  return splitPythonWhitespace(withoutArticles).join(' ');
}

/** The normalised answer's tokens (what token F1 compares). */
export function answerTokens(text: string): string[] {
  return splitPythonWhitespace(normalizeAnswer(text));
}

/** 1 when the normalised prediction equals the normalised reference, else 0. */
export function exactMatch(prediction: string, reference: string): number {
  return normalizeAnswer(prediction) === normalizeAnswer(reference) ? 1 : 0;
}

/** Token precision, recall and F1 of one prediction against one reference. */
export function tokenPrf(prediction: string, reference: string): PrfScore {
  const predicted = answerTokens(prediction);
  const expected = answerTokens(reference);
  const common = overlapCount(countItems(predicted), countItems(expected));
  if (common === 0) return { precision: 0, recall: 0, f1: 0 };
  const precision = common / predicted.length;
  const recall = common / expected.length;
  return { precision, recall, f1: harmonicF1(precision, recall) };
}

/** Token F1 (0..1) of one prediction against one reference. */
export function tokenF1(prediction: string, reference: string): number {
  return tokenPrf(prediction, reference).f1;
}

/** The script's `metric_max_over_ground_truths`: the best score over the reference answers. */
export function maxOverReferences(
  metric: (prediction: string, reference: string) => number,
  prediction: string,
  references: readonly string[],
): number {
  if (references.length === 0) throw new RangeError('At least one reference answer is needed.');
  return Math.max(...references.map((reference) => metric(prediction, reference)));
}
