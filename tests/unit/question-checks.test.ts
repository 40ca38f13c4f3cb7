/**
 * The text checks on questions (shared/question-checks): the passage normaliser, the passage
 * check, and the near-duplicate check on hand-made pairs of stems that should and should not
 * match. Expected similarities are worked out by hand from the trigram counts in the comments.
 */
import { describe, expect, it } from 'vitest';
import {
  comparableText,
  markdownToPlainText,
  NEAR_DUPLICATE_THRESHOLD,
  nearDuplicateOf,
  passageOccursIn,
  StemIndex,
  stemShingles,
  stemSimilarity,
} from '../../shared/question-checks';

describe('comparableText and passageOccursIn', () => {
  const note = [
    '## Retrieval',
    '',
    '**Retrieval Augmented Generation** (RAG) adds passages from a *knowledge base* to the',
    'prompt — so answers are grounded in [your own data](https://example.com) without retraining.',
    '',
    '| Option | Cost |',
    '| --- | --- |',
    '| RAG | low |',
  ].join('\n');

  it('removes Markdown, folds case, quotes, dashes and spacing', () => {
    expect(comparableText('**Bold**  and\n“smart” ‘quotes’ – dash — too')).toBe(
      `bold and "smart" 'quotes' - dash - too`,
    );
    expect(markdownToPlainText('See [the guide](https://x.test) `code`')).toBe(
      'See the guide code',
    );
  });

  it('finds a passage copied from the rendered note across emphasis, links and line breaks', () => {
    expect(
      passageOccursIn(
        'Retrieval Augmented Generation (RAG) adds passages from a knowledge base to the prompt – so answers are grounded in your own data without retraining.',
        note,
      ),
    ).toBe(true);
  });

  it('ignores one final full stop, but not changed or missing words', () => {
    expect(passageOccursIn('answers are grounded in your own data', note)).toBe(true);
    expect(passageOccursIn('answers are grounded in your own data.', note)).toBe(true);
    expect(passageOccursIn('answers are always grounded in your own data', note)).toBe(false);
    expect(passageOccursIn('answers are grounded in your data', note)).toBe(false);
  });

  it('never matches an empty or symbol-only passage', () => {
    expect(passageOccursIn('', note)).toBe(false);
    expect(passageOccursIn('** — **', note)).toBe(false);
  });
});

describe('near-duplicate stems', () => {
  it('uses word trigrams of the fingerprint', () => {
    expect([...stemShingles('Which AWS service, exactly?')].sort()).toEqual([
      'aws service exactly',
      'which aws service',
    ]);
    // Fewer than three words: the whole fingerprint is the one shingle.
    expect([...stemShingles('Why RAG?')]).toEqual(['why rag']);
  });

  // 15 words -> 13 trigrams each; one word replaced in the middle removes 3 and adds 3:
  // 10 shared / 16 in the union = 0.625.
  const base =
    'A company wants to generate product descriptions from images. Which AWS service should it use?';
  const oneWordChanged =
    'A company wants to generate product descriptions from photos. Which AWS service should it use?';

  it.each([
    [
      'identical up to case, punctuation and spacing',
      base,
      base.toUpperCase().replace(/\./g, ' '),
      1,
    ],
    ['one word replaced in a 15-word stem', base, oneWordChanged, 10 / 16],
    [
      // "a retail company wants" replaces "a company wants": 12 shared, union 13 + 14 - 12 = 15.
      'one qualifier inserted',
      base,
      'A retail company wants to generate product descriptions from images. Which AWS service should it use?',
      12 / 15,
    ],
    [
      'the same stem with "(Select TWO.)" added',
      'Which two steps reduce hallucinations in a RAG application?',
      'Which two steps reduce hallucinations in a RAG application? (Select TWO.)',
      1,
    ],
  ])('matches %s', (_label, a, b, expected) => {
    expect(stemSimilarity(a, b)).toBeCloseTo(expected, 10);
    expect(stemSimilarity(a, b)).toBeGreaterThanOrEqual(NEAR_DUPLICATE_THRESHOLD);
    expect(nearDuplicateOf(b, ['An unrelated stem about Amazon Polly voices.', a])).toEqual({
      stem: a,
      similarity: expect.closeTo(expected, 10) as number,
    });
  });

  it.each([
    [
      // 9 words, 7 trigrams each; shared: which is a / is a benefit / a benefit of -> 3 of 11.
      'the same words in another order (a different question)',
      'Which is a benefit of fine-tuning over RAG?',
      'Which is a benefit of RAG over fine-tuning?',
      3 / 11,
    ],
    [
      // 7 words, 5 trigrams each; shared: which aws service / aws service converts -> 2 of 8.
      'a template with the subject swapped',
      'Which AWS service converts speech to text?',
      'Which AWS service converts text to speech?',
      2 / 8,
    ],
    [
      // 11 words, 9 trigrams each; one word replaced in the middle: 6 shared / 12.
      'a short stem whose one changed word changes the answer',
      'Which AWS service should a company use to transcribe call recordings?',
      'Which AWS service should a company use to translate call recordings?',
      6 / 12,
    ],
  ])('does not match %s', (_label, a, b, expected) => {
    expect(stemSimilarity(a, b)).toBeCloseTo(expected, 10);
    expect(stemSimilarity(a, b)).toBeLessThan(NEAR_DUPLICATE_THRESHOLD);
    expect(nearDuplicateOf(b, [a])).toBeNull();
  });

  it('returns the most similar stem from an index, and grows as stems are added', () => {
    const index = new StemIndex([
      'A company wants to summarise support tickets. Which AWS service should it use?',
      base,
    ]);
    expect(index.size).toBe(2);
    expect(index.nearest(oneWordChanged)?.stem).toBe(base);
    const fresh = 'What does Amazon Bedrock Guardrails filter in a chatbot conversation?';
    expect(index.nearest(fresh)).toBeNull();
    index.add(fresh);
    expect(index.nearest(`${fresh.toLowerCase()}!`)).toEqual({ stem: fresh, similarity: 1 });
  });
});
