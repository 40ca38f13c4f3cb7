/**
 * The evaluation metrics against values from the reference implementations.
 *
 * The numbers in REFERENCE, CORPUS_BLEU and CLASSIFICATION were printed by
 * tests/reference/eval_reference.py on 2026-12-04 over tests/reference/eval-fixture.json:
 *   PYTHONPATH=<refs> /usr/bin/python3 tests/reference/eval_reference.py
 * with (see the script's header for where each came from):
 *   - the official SQuAD v1.1 evaluate script (normalize_answer, exact_match_score, f1_score,
 *     metric_max_over_ground_truths over all references);
 *   - rouge-score (google-research/rouge, rouge_scorer.py at 61ce9f0): RougeScorer(['rouge1',
 *     'rouge2', 'rougeL'], use_stemmer=False).score(reference[0], candidate);
 *   - sacreBLEU 2.6.0: sentence_bleu(candidate, references) (exp smoothing, effective order),
 *     sentence_bleu(..., smooth_method='floor'), corpus_bleu(candidates, [first references]),
 *     and its 13a tokeniser;
 *   - NLTK 3.8: sentence_bleu(13a tokens, SmoothingFunction().method1) (Chen & Cherry method 1);
 *   - scikit-learn 1.2.1: confusion_matrix, precision_recall_fscore_support(zero_division=0),
 *     accuracy_score.
 * Every value agrees to 1e-12.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  classificationReport,
  corpusBleu,
  exactMatch,
  lcsAlignment,
  lcsLength,
  matchedNgramMask,
  maxOverReferences,
  NO_LABEL,
  normalizeAnswer,
  perturb,
  perturbCasing,
  perturbTypos,
  perturbWhitespace,
  perturbWordOrder,
  predictedLabel,
  robustnessDelta,
  rouge,
  rougeTokens,
  scoreClassification,
  scoreGeneration,
  sentenceBleu,
  tokenF1,
  tokenize13a,
  type PerturbationKind,
} from '../../renderer/src/lib/eval';
import { createRng } from '../../shared/random';

const CLOSE = 12;

const REFERENCE = {
  paraphrase: {
    exactMatch: 0.0,
    tokenF1: 0.5714285714285713,
    normalized: 'amazon bedrock gives access to foundation models through one api',
    rouge1: [0.6, 0.5, 0.5454545454545454],
    rouge2: [0.2222222222222222, 0.18181818181818182, 0.19999999999999998],
    rougeL: [0.6, 0.5, 0.5454545454545454],
    sentenceBleu: {
      score: 0.11249634137142181,
      precisions: [0.6363636363636364, 0.3, 0.05555555555555555, 0.03125],
      bp: 0.8337529180751805,
    },
    sentenceBleuFloor: 0.05982888307369555,
    nltkMethod1: 0.05982888307369557,
    tokens13a: [
      'Amazon',
      'Bedrock',
      'gives',
      'access',
      'to',
      'foundation',
      'models',
      'through',
      'one',
      'API',
      '.',
    ],
  },
  'articles-and-punctuation': {
    exactMatch: 0.0,
    tokenF1: 0.6666666666666666,
    normalized: 'answer is s3 bucket',
    rouge1: [0.3333333333333333, 1.0, 0.5],
    rouge2: [0.2, 1.0, 0.33333333333333337],
    rougeL: [0.3333333333333333, 1.0, 0.5],
    sentenceBleu: {
      score: 0.12223075560872519,
      precisions: [0.375, 0.14285714285714288, 0.08333333333333334, 0.05],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.06500593260343691,
    nltkMethod1: 0.06500593260343691,
    tokens13a: ['The', 'answer', 'is', ':', 'an', 'S3', 'bucket', '!'],
  },
  numbers: {
    exactMatch: 0.0,
    tokenF1: 0.5454545454545454,
    normalized: 'up to 1000 prompts each about 35 kb cost 1250 in 202425',
    rouge1: [0.5, 0.6153846153846154, 0.5517241379310345],
    rouge2: [0.3333333333333333, 0.4166666666666667, 0.3703703703703704],
    rougeL: [0.5, 0.6153846153846154, 0.5517241379310345],
    sentenceBleu: {
      score: 0.10934883431625593,
      precisions: [0.38888888888888884, 0.17647058823529413, 0.0625, 0.03333333333333333],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.07312597280946924,
    nltkMethod1: 0.07312597280946921,
    tokens13a: [
      'Up',
      'to',
      '1,000',
      'prompts',
      ',',
      'each',
      'about',
      '3.5',
      'KB',
      ',',
      'cost',
      '$',
      '12.50',
      'in',
      '2024',
      '-',
      '25',
      '.',
    ],
  },
  'repeats-clipped': {
    exactMatch: 0.0,
    tokenF1: 0.0,
    normalized: '',
    rouge1: [0.2857142857142857, 0.3333333333333333, 0.30769230769230765],
    rouge2: [0.0, 0.0, 0.0],
    rougeL: [0.2857142857142857, 0.3333333333333333, 0.30769230769230765],
    sentenceBleu: {
      score: 0.07809849842300637,
      precisions: [0.28571428571428575, 0.08333333333333334, 0.05, 0.03125],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.0392814650900513,
    nltkMethod1: 0.039281465090051315,
    tokens13a: ['the', 'the', 'the', 'the', 'the', 'the', 'the'],
  },
  'word-order': {
    exactMatch: 0.0,
    tokenF1: 1.0,
    normalized: 'mat on sat cat',
    rouge1: [1.0, 1.0, 1.0],
    rouge2: [0.0, 0.0, 0.0],
    rougeL: [0.5, 0.5, 0.5],
    sentenceBleu: {
      score: 0.12703318703865377,
      precisions: [1.0, 0.1, 0.0625, 0.04166666666666667],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.06389431042462726,
    nltkMethod1: 0.06389431042462725,
    tokens13a: ['mat', 'the', 'on', 'sat', 'cat', 'the'],
  },
  short: {
    exactMatch: 0.0,
    tokenF1: 0.6,
    normalized: 'use sagemaker clarify',
    rouge1: [1.0, 0.42857142857142855, 0.6],
    rouge2: [0.5, 0.16666666666666666, 0.25],
    rougeL: [1.0, 0.42857142857142855, 0.6],
    sentenceBleu: {
      score: 0.1397639637098138,
      precisions: [1.0, 0.33333333333333337, 0.25, 0.25],
      bp: 0.36787944117144233,
    },
    sentenceBleuFloor: 0.07433061147386709,
    nltkMethod1: 0.0743306114738671,
    tokens13a: ['Use', 'SageMaker', 'Clarify', '.'],
  },
  'contractions-and-hyphens': {
    exactMatch: 0.0,
    tokenF1: 0.5,
    normalized: 'it doesnt retrain model finetuning does',
    rouge1: [0.6, 0.46153846153846156, 0.5217391304347826],
    rouge2: [0.3333333333333333, 0.25, 0.28571428571428575],
    rougeL: [0.6, 0.46153846153846156, 0.5217391304347826],
    sentenceBleu: {
      score: 0.07687847996206941,
      precisions: [0.5555555555555556, 0.125, 0.07142857142857144, 0.04166666666666667],
      bp: 0.6411803884299546,
    },
    sentenceBleuFloor: 0.04088625045456412,
    nltkMethod1: 0.04088625045456414,
    tokens13a: ['It', "doesn't", 're-train', 'the', 'model', ';', 'fine-tuning', 'does', '.'],
  },
  unicode: {
    exactMatch: 0.0,
    tokenF1: 0.18181818181818182,
    normalized: 'le caf\u00e9 \u201cbedrock\u201d \u2014 na\u00efve r\u00e9sum\u00e9 end',
    rouge1: [0.4, 0.6666666666666666, 0.5],
    rouge2: [0.2222222222222222, 0.4, 0.2857142857142857],
    rougeL: [0.3, 0.5, 0.37499999999999994],
    sentenceBleu: {
      score: 0.04456882760699063,
      precisions: [0.18181818181818182, 0.05, 0.027777777777777776, 0.015625],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.022416933501922292,
    nltkMethod1: 0.022416933501922302,
    tokens13a: [
      'Le',
      'caf\u00e9',
      '\u201cBedrock\u201d',
      '\u2014',
      'a',
      'na\u00efve',
      'r\u00e9sum\u00e9',
      ',',
      'the',
      'end',
      '.',
    ],
  },
  exact: {
    exactMatch: 1.0,
    tokenF1: 1.0,
    normalized: 'retrieval augmented generation',
    rouge1: [1.0, 1.0, 1.0],
    rouge2: [1.0, 1.0, 1.0],
    rougeL: [1.0, 1.0, 1.0],
    sentenceBleu: { score: 1.0000000000000004, precisions: [1.0, 1.0, 1.0, 0.0], bp: 1.0 },
    sentenceBleuFloor: 1.0000000000000004,
    nltkMethod1: null,
    tokens13a: ['Retrieval', 'Augmented', 'Generation'],
  },
  'no-overlap': {
    exactMatch: 0.0,
    tokenF1: 0.0,
    normalized: 'temperature controls randomness',
    rouge1: [0.0, 0.0, 0.0],
    rouge2: [0.0, 0.0, 0.0],
    rougeL: [0.0, 0.0, 0.0],
    sentenceBleu: {
      score: 0.04576506607182439,
      precisions: [0.25, 0.16666666666666669, 0.125, 0.125],
      bp: 0.2865047968601901,
    },
    sentenceBleuFloor: 0.02301860959614412,
    nltkMethod1: 0.023018609596144116,
    tokens13a: ['Temperature', 'controls', 'randomness', '.'],
  },
  'long-summary': {
    exactMatch: 0.0,
    tokenF1: 0.39999999999999997,
    normalized:
      'rag retrieves relevant passages from knowledge base and adds them to prompt so model answers from your documents without retraining it reduces hallucinations but depends on retrieval quality',
    rouge1: [0.45161290322580644, 0.4, 0.4242424242424243],
    rouge2: [0.16666666666666666, 0.14705882352941177, 0.15625],
    rougeL: [0.3870967741935484, 0.34285714285714286, 0.3636363636363636],
    sentenceBleu: {
      score: 0.11094847580019711,
      precisions: [0.4411764705882353, 0.18181818181818182, 0.09375, 0.03225806451612903],
      bp: 0.8890097654027757,
    },
    sentenceBleuFloor: 0.11094847580019711,
    nltkMethod1: 0.1109484758001971,
    tokens13a: [
      'RAG',
      'retrieves',
      'relevant',
      'passages',
      'from',
      'a',
      'knowledge',
      'base',
      'and',
      'adds',
      'them',
      'to',
      'the',
      'prompt',
      ',',
      'so',
      'the',
      'model',
      'answers',
      'from',
      'your',
      'documents',
      'without',
      'retraining',
      '.',
      'It',
      'reduces',
      'hallucinations',
      'but',
      'depends',
      'on',
      'retrieval',
      'quality',
      '.',
    ],
  },
  'unicode-word-boundaries': {
    exactMatch: 0.0,
    tokenF1: 0.0,
    normalized: '\u217bthe caf\u00e9\u0301 \u2014 lthe \ufeff anthe x\u0301',
    rouge1: [0.4, 1.0, 0.5714285714285715],
    rouge2: [0.3333333333333333, 1.0, 0.5],
    rougeL: [0.4, 1.0, 0.5714285714285715],
    sentenceBleu: {
      score: 0.04767707020457095,
      precisions: [0.1111111111111111, 0.0625, 0.03571428571428572, 0.020833333333333336],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.023980296761827096,
    nltkMethod1: 0.023980296761827107,
    tokens13a: [
      '\u216bthe',
      'caf\u00e9\u0301',
      '\u2014',
      "l'the",
      'a\ufeffthe',
      'an',
      '_',
      'the',
      'x\u0301a',
    ],
  },
  'python-whitespace': {
    exactMatch: 0.0,
    tokenF1: 0.5714285714285715,
    normalized: 'x y cat dog',
    rouge1: [0.5714285714285714, 0.8, 0.6666666666666666],
    rouge2: [0.3333333333333333, 0.5, 0.4],
    rougeL: [0.5714285714285714, 0.8, 0.6666666666666666],
    sentenceBleu: {
      score: 0.15619699684601276,
      precisions: [0.5, 0.28571428571428575, 0.08333333333333334, 0.05],
      bp: 1.0,
    },
    sentenceBleuFloor: 0.08307018474412789,
    nltkMethod1: 0.08307018474412793,
    tokens13a: ['x', 'the', 'y', 'the', 'cat', 'a', 'dog', '.'],
  },
  'empty-candidate': {
    exactMatch: 0.0,
    tokenF1: 0.0,
    normalized: '',
    rouge1: [0.0, 0.0, 0.0],
    rouge2: [0.0, 0.0, 0.0],
    rougeL: [0.0, 0.0, 0.0],
    sentenceBleu: { score: 0.0, precisions: [0.0, 0.0, 0.0, 0.0], bp: 0.0 },
    sentenceBleuFloor: 0.0,
    nltkMethod1: null,
    tokens13a: [],
  },
} as const;
const CORPUS_BLEU = {
  score: 0.07042012770623925,
  precisions: [0.4242424242424242, 0.14285714285714288, 0.03773584905660377, 0.01075268817204301],
  bp: 1.0,
  sysLen: 132,
  refLen: 128,
  counts: [56, 17, 4, 1],
  totals: [132, 119, 106, 93],
};
const CLASSIFICATION = {
  labels: ['1', '2', '3', '4', '5', 'unsure'],
  accuracy: 0.6875,
  matrix: [
    [2, 1, 0, 0, 0, 0],
    [0, 3, 1, 0, 0, 0],
    [1, 0, 3, 0, 0, 0],
    [0, 0, 0, 1, 1, 0],
    [0, 0, 0, 0, 2, 1],
    [0, 0, 0, 0, 0, 0],
  ],
  perClass: [
    [0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 3],
    [0.75, 0.75, 0.75, 4],
    [0.75, 0.75, 0.75, 4],
    [1.0, 0.5, 0.6666666666666666, 2],
    [0.6666666666666666, 0.6666666666666666, 0.6666666666666666, 3],
    [0.0, 0.0, 0.0, 0],
  ],
  macro: [0.6388888888888888, 0.5555555555555555, 0.5833333333333333],
  micro: [0.6875, 0.6875, 0.6875],
  weighted: [0.75, 0.6875, 0.7083333333333334],
};

type PairId = keyof typeof REFERENCE;
interface Fixture {
  pairs: { id: PairId; candidate: string; references: string[] }[];
  classification: { labels: string[]; gold: string[]; predicted: string[] };
}
const fixture = JSON.parse(
  readFileSync(join(import.meta.dirname, '..', 'reference', 'eval-fixture.json'), 'utf8'),
) as Fixture;
const pairs = fixture.pairs;

describe('SQuAD v1.1 exact match and token F1 (reference: the official evaluate script)', () => {
  it.each(pairs)('$id', ({ id, candidate, references }) => {
    const expected = REFERENCE[id];
    expect(normalizeAnswer(candidate)).toBe(expected.normalized);
    expect(maxOverReferences(exactMatch, candidate, references)).toBe(expected.exactMatch);
    expect(maxOverReferences(tokenF1, candidate, references)).toBeCloseTo(expected.tokenF1, CLOSE);
  });

  it('works through one case by hand', () => {
    // "The answer is: an S3 bucket!" -> lower, drop ASCII punctuation -> "the answer is an s3 bucket"
    // -> articles out -> "answer is s3 bucket" (4 tokens). Against "S3 bucket" (2 tokens): 2 shared,
    // precision 2/4, recall 2/2, F1 = 2·0.5·1/1.5 = 2/3.
    expect(tokenF1('The answer is: an S3 bucket!', 'S3 bucket')).toBeCloseTo(2 / 3, CLOSE);
    expect(exactMatch('The S3 bucket.', 's3 bucket')).toBe(1);
    // An empty reference scores F1 0 even against an empty prediction; exact match says 1.
    expect(tokenF1('', '')).toBe(0);
    expect(exactMatch('', '')).toBe(1);
  });
});

describe('ROUGE-1/2/L (reference: rouge-score, no stemming)', () => {
  it.each(pairs)('$id', ({ id, candidate, references }) => {
    const expected = REFERENCE[id];
    const scores = rouge(candidate, references[0] as string);
    for (const key of ['rouge1', 'rouge2', 'rougeL'] as const) {
      const [precision, recall, f1] = expected[key];
      expect(scores[key].precision).toBeCloseTo(precision, CLOSE);
      expect(scores[key].recall).toBeCloseTo(recall, CLOSE);
      expect(scores[key].f1).toBeCloseTo(f1, CLOSE);
    }
  });

  it('tokenises like rouge-score: lower case, ASCII letters and digits only, no stemming', () => {
    expect(rougeTokens("It doesn't re-train; naïve café")).toEqual([
      'it',
      'doesn',
      't',
      're',
      'train',
      'na',
      've',
      'caf',
    ]);
    expect(rouge('models', 'model').rouge1.f1).toBe(0);
  });

  it('works through one case by hand', () => {
    // Reference "the cat sat on the mat" (6), candidate "the cat on the mat" (5).
    // ROUGE-1: every candidate token matches -> P 5/5, R 5/6. ROUGE-2: bigrams "the cat", "cat on",
    // "on the", "the mat"; the reference has all but "cat on" -> P 3/4, R 3/5. LCS = 5 -> as ROUGE-1.
    const scores = rouge('the cat on the mat', 'the cat sat on the mat');
    expect(scores.rouge1).toMatchObject({ precision: 1, recall: 5 / 6 });
    expect(scores.rouge2.precision).toBeCloseTo(3 / 4, CLOSE);
    expect(scores.rouge2.recall).toBeCloseTo(3 / 5, CLOSE);
    expect(scores.rougeL.f1).toBeCloseTo((2 * 1 * (5 / 6)) / (1 + 5 / 6), CLOSE);
  });

  it('finds the same LCS length as the plain dynamic programme, across 32-bit word boundaries', () => {
    const rng = createRng(2026);
    const table = (a: string[], b: string[]) => {
      const t = Array.from({ length: a.length + 1 }, () => new Array<number>(b.length + 1).fill(0));
      for (let i = 1; i <= a.length; i++)
        for (let j = 1; j <= b.length; j++)
          t[i]![j] =
            a[i - 1] === b[j - 1] ? t[i - 1]![j - 1]! + 1 : Math.max(t[i - 1]![j]!, t[i]![j - 1]!);
      return t[a.length]![b.length]!;
    };
    for (const [m, n, vocabulary] of [
      [0, 5, 3],
      [31, 33, 4],
      [32, 32, 2],
      [64, 70, 5],
      [97, 40, 3],
      [150, 150, 20],
    ]) {
      for (let round = 0; round < 5; round++) {
        const words = (k: number) =>
          Array.from({ length: k }, () => `w${Math.floor(rng.next() * vocabulary!)}`);
        const a = words(m!);
        const b = words(n!);
        expect(lcsLength(a, b), `${m}x${n}`).toBe(table(a, b));
      }
    }
  });

  it('marks the overlap it counts', () => {
    const candidate = rougeTokens('mat the on sat cat the');
    const reference = rougeTokens('the cat sat on the mat');
    // rouge-score's ROUGE-L precision for this pair is LCS / 6 = 3 / 6 ("the ... on ... the").
    const pairs = lcsAlignment(candidate, reference);
    expect(pairs).toHaveLength(REFERENCE['word-order'].rougeL[0] * 6);
    for (const [c, r] of pairs) expect(candidate[c]).toBe(reference[r]);
    expect(matchedNgramMask(rougeTokens('the the the'), rougeTokens('the cat the'), 1)).toEqual([
      true,
      true,
      false,
    ]);
  });
});

describe('BLEU (reference: sacreBLEU 2.6.0; NLTK 3.8 for method 1)', () => {
  it.each(pairs)('$id: 13a tokens and sentence BLEU', ({ id, candidate, references }) => {
    const expected = REFERENCE[id];
    expect(tokenize13a(candidate)).toEqual(expected.tokens13a);
    const score = sentenceBleu(candidate, references);
    expect(score.score).toBeCloseTo(expected.sentenceBleu.score, CLOSE);
    expect(score.brevityPenalty).toBeCloseTo(expected.sentenceBleu.bp, CLOSE);
    score.precisions.forEach((p, n) => {
      expect(p).toBeCloseTo(expected.sentenceBleu.precisions[n] as number, CLOSE);
    });
    const floor = sentenceBleu(candidate, references, { smoothing: 'floor' });
    expect(floor.score).toBeCloseTo(expected.sentenceBleuFloor, CLOSE);
    if (expected.nltkMethod1 !== null) {
      const method1 = sentenceBleu(candidate, references, {
        smoothing: 'floor',
        effectiveOrder: false,
      });
      expect(method1.score).toBeCloseTo(expected.nltkMethod1, CLOSE);
    }
  });

  it('corpus BLEU adds counts over segments before dividing', () => {
    const score = corpusBleu(
      pairs.map((p) => ({ candidate: p.candidate, references: [p.references[0] as string] })),
    );
    expect(score.score).toBeCloseTo(CORPUS_BLEU.score, CLOSE);
    expect(score.brevityPenalty).toBeCloseTo(CORPUS_BLEU.bp, CLOSE);
    expect(score.candidateLength).toBe(CORPUS_BLEU.sysLen);
    expect(score.referenceLength).toBe(CORPUS_BLEU.refLen);
    expect(score.matches).toEqual(CORPUS_BLEU.counts);
    expect(score.totals).toEqual(CORPUS_BLEU.totals);
    score.precisions.forEach((p, n) =>
      expect(p).toBeCloseTo(CORPUS_BLEU.precisions[n] as number, CLOSE),
    );
  });

  it('works through one case by hand (sacreBLEU prints 37.99)', () => {
    // Candidate "the cat sat on the mat", reference "the cat is on the mat", 6 tokens each, BP 1.
    // p1 = 5/6 (all but "sat"), p2 = 3/5 ("the cat", "on the", "the mat"), p3 = 1/4 ("on the mat"),
    // p4 = 0/3 -> 'exp' smoothing makes it 1/(2·3) = 1/6.
    // BLEU = exp((ln 5/6 + ln 3/5 + ln 1/4 + ln 1/6) / 4) = (5/6 · 3/5 · 1/4 · 1/6)^(1/4) = 0.3799.
    const score = corpusBleu([
      { candidate: 'the cat sat on the mat', references: ['the cat is on the mat'] },
    ]);
    expect(score.precisions).toEqual([5 / 6, 3 / 5, 1 / 4, 1 / 6]);
    expect(score.score).toBeCloseTo(((5 / 6) * (3 / 5) * (1 / 4) * (1 / 6)) ** 0.25, CLOSE);
    expect(score.score * 100).toBeCloseTo(37.99, 2);
  });

  it('scores 0 without smoothing when an order has no match, and 0 for no match at all', () => {
    const none = sentenceBleu('the cat sat on the mat', ['the cat is on the mat'], {
      smoothing: 'none',
    });
    expect(none.score).toBe(0);
    expect(sentenceBleu('', ['Amazon Comprehend']).score).toBe(0);
    expect(() => sentenceBleu('x', [])).toThrow(RangeError);
  });
});

describe('classification (reference: scikit-learn 1.2.1)', () => {
  const { gold, predicted, labels } = fixture.classification;
  const report = classificationReport(gold, predicted, labels);

  it('has the confusion matrix (rows gold, columns predicted) and accuracy', () => {
    expect(report.labels).toEqual(CLASSIFICATION.labels);
    expect(report.matrix).toEqual(CLASSIFICATION.matrix);
    expect(report.accuracy).toBeCloseTo(CLASSIFICATION.accuracy, CLOSE);
  });

  it('has per-class and averaged precision, recall and F1', () => {
    report.perClass.forEach((score, i) => {
      const [precision, recall, f1, support] = CLASSIFICATION.perClass[i] as number[];
      expect(score.precision).toBeCloseTo(precision as number, CLOSE);
      expect(score.recall).toBeCloseTo(recall as number, CLOSE);
      expect(score.f1).toBeCloseTo(f1 as number, CLOSE);
      expect(score.support).toBe(support);
    });
    for (const average of ['macro', 'micro', 'weighted'] as const) {
      const [precision, recall, f1] = CLASSIFICATION[average];
      expect(report[average].precision).toBeCloseTo(precision as number, CLOSE);
      expect(report[average].recall).toBeCloseTo(recall as number, CLOSE);
      expect(report[average].f1).toBeCloseTo(f1 as number, CLOSE);
    }
    // One label per item: micro F1 is accuracy.
    expect(report.micro.f1).toBeCloseTo(report.accuracy, CLOSE);
  });

  it('refuses lists of different lengths', () => {
    expect(() => classificationReport(['a'], [])).toThrow(RangeError);
  });
});

describe('robustness perturbations and delta', () => {
  const prompt = 'Which AWS service detects bias in training data and explains model predictions?';
  const kinds: PerturbationKind[] = ['typos', 'casing', 'whitespace', 'word-order'];

  it.each(kinds)('%s is deterministic for a seed and changes the prompt', (kind) => {
    const first = perturb(prompt, kind, createRng(7));
    expect(perturb(prompt, kind, createRng(7))).toBe(first);
    expect(first).not.toBe(prompt);
    expect(perturb(prompt, kind, createRng(7), 0)).toBe(prompt);
  });

  it('keeps what each perturbation promises to keep', () => {
    const rng = createRng(11);
    expect(perturbCasing(prompt, rng, 1)).toBe(prompt.toUpperCase());
    const typos = perturbTypos(prompt, createRng(3), 1);
    expect(typos).toHaveLength(prompt.length);
    expect(typos.replace(/[a-z]/gi, '')).toBe(prompt.replace(/[a-z]/gi, ''));
    expect(perturbWhitespace(prompt, createRng(5), 1, 0)).toBe(prompt.replace(/\s/g, ''));
    const swapped = perturbWordOrder(prompt, createRng(9), 1);
    expect(swapped.split(' ').sort()).toEqual(prompt.split(' ').sort());
    expect(swapped.split(' ').slice(0, 2)).toEqual(['AWS', 'Which']);
    expect(() => perturbTypos(prompt, rng, 1.5)).toThrow(RangeError);
  });

  it('reports the mean absolute change as FMEval does, and the signed drop', () => {
    // Item 1: 1.0 -> [0.5, 1.0]: |Δ| mean 0.25, drop 0.25. Item 2: 0.5 -> [1.0]: |Δ| 0.5, drop -0.5.
    const delta = robustnessDelta([1, 0.5], [[0.5, 1], [1]]);
    expect(delta.original).toBe(0.75);
    expect(delta.perturbed).toBe((0.75 + 1) / 2);
    expect(delta.meanAbsoluteDelta).toBe(0.375);
    expect(delta.meanDrop).toBe(-0.125);
  });
});

describe('scoring a run', () => {
  it('gives every generation metric per item and corpus BLEU over the run', () => {
    const run = scoreGeneration(
      pairs.map((p) => ({
        id: p.id,
        response: p.candidate,
        references: [p.references[0] as string],
      })),
    );
    expect(run.corpusBleu.score).toBeCloseTo(CORPUS_BLEU.score, CLOSE);
    const paraphrase = run.items.find((i) => i.id === 'paraphrase');
    expect(paraphrase?.rouge.rougeL.f1).toBeCloseTo(REFERENCE.paraphrase.rougeL[2], CLOSE);
    expect(run.means.rouge1).toBeCloseTo(
      pairs.reduce((sum, p) => sum + REFERENCE[p.id].rouge1[2], 0) / pairs.length,
      CLOSE,
    );
    const short = run.items.find((i) => i.id === 'short');
    expect(short?.sentenceBleu.score).toBeCloseTo(
      sentenceBleu(fixture.pairs.find((p) => p.id === 'short')!.candidate, [
        fixture.pairs.find((p) => p.id === 'short')!.references[0]!,
      ]).score,
      CLOSE,
    );
    expect(scoreGeneration([]).means.tokenF1).toBe(0);
  });

  it('reads the label from a free-text answer', () => {
    const labels = ['1', '2', '3', '4', '5'];
    expect(predictedLabel('Domain 3: Applications of foundation models.', labels)).toBe('3');
    expect(predictedLabel('Probably 34, or task 2.3', labels)).toBe('2');
    expect(predictedLabel('I cannot tell.', labels)).toBe(NO_LABEL);
    const services = ['Amazon Bedrock', 'Amazon Bedrock Agents', 'AWS KMS'];
    expect(predictedLabel('Use amazon bedrock agents here', services)).toBe(
      'Amazon Bedrock Agents',
    );
    expect(predictedLabel('Amazon Bedrock (with AWS KMS keys)', services)).toBe('Amazon Bedrock');
  });

  it('scores classification answers, counting an unreadable answer as wrong', () => {
    const run = scoreClassification(
      [
        { id: 'a', response: 'Domain 1', label: '1' },
        { id: 'b', response: 'It is domain 2.', label: '3' },
        { id: 'c', response: 'No idea', label: '3' },
      ],
      ['1', '2', '3'],
    );
    expect(run.items.map((i) => i.predicted)).toEqual(['1', '2', NO_LABEL]);
    expect(run.report.accuracy).toBeCloseTo(1 / 3, CLOSE);
    expect(run.report.labels).toEqual(['1', '2', '3', NO_LABEL]);
    expect(run.report.matrix[2]).toEqual([0, 1, 0, 1]);
  });
});
