/** Each automatic metric's name and the one sentence that explains it where it is shown. */
import type { MetricId } from '../../../lib/eval';

/** `short` heads the items table's narrow columns (its title gives the full name). */
export const METRIC_INFO: Record<MetricId, { label: string; short: string; explain: string }> = {
  exactMatch: {
    short: 'EM',
    label: 'Exact match',
    explain:
      '1 when the response equals the reference after SQuAD normalisation (lower case, no punctuation, no a/an/the), else 0.',
  },
  tokenF1: {
    short: 'F1',
    label: 'Token F1',
    explain:
      'The harmonic mean of precision and recall of the normalised words shared by response and reference (SQuAD).',
  },
  rouge1: {
    short: 'R-1',
    label: 'ROUGE-1 F1',
    explain:
      'Overlap of single words between response and reference (recall-oriented, for summaries).',
  },
  rouge2: {
    short: 'R-2',
    label: 'ROUGE-2 F1',
    explain: 'Overlap of adjacent word pairs, so word order starts to count.',
  },
  rougeL: {
    short: 'R-L',
    label: 'ROUGE-L F1',
    explain: 'The longest common subsequence of words: in-order matches that need not be adjacent.',
  },
  sentenceBleu: {
    short: 'BLEU',
    label: 'Sentence BLEU',
    explain:
      "Per item: the geometric mean of clipped 1-4-gram precisions times a brevity penalty, with sacreBLEU's exponential smoothing (Chen & Cherry method 3) so a missing n-gram order does not give 0.",
  },
  accuracy: {
    short: 'Right',
    label: 'Accuracy',
    explain: 'The share of responses whose label (the first label named) is the reference label.',
  },
};
