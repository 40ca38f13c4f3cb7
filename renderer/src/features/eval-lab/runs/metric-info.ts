/** Each automatic metric's name and the one sentence that explains it where it is shown. */
import type { MetricId } from '../../../lib/eval';

export const METRIC_INFO: Record<MetricId, { label: string; explain: string }> = {
  exactMatch: {
    label: 'Exact match',
    explain:
      '1 when the response equals the reference after SQuAD normalisation (lower case, no punctuation, no a/an/the), else 0.',
  },
  tokenF1: {
    label: 'Token F1',
    explain:
      'The harmonic mean of precision and recall of the normalised words shared by response and reference (SQuAD).',
  },
  rouge1: {
    label: 'ROUGE-1 F1',
    explain:
      'Overlap of single words between response and reference (recall-oriented, for summaries).',
  },
  rouge2: {
    label: 'ROUGE-2 F1',
    explain: 'Overlap of adjacent word pairs, so word order starts to count.',
  },
  rougeL: {
    label: 'ROUGE-L F1',
    explain: 'The longest common subsequence of words: in-order matches that need not be adjacent.',
  },
  sentenceBleu: {
    label: 'Sentence BLEU',
    explain:
      "Per item: the geometric mean of clipped 1-4-gram precisions times a brevity penalty, with sacreBLEU's exponential smoothing (Chen & Cherry method 3) so a missing n-gram order does not give 0.",
  },
  accuracy: {
    label: 'Accuracy',
    explain: 'The share of responses whose label (the first label named) is the reference label.',
  },
};
