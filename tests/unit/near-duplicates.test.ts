/**
 * The near-duplicate rule (`nearDuplicates`): it catches a reworded question with the same answer,
 * leaves same-topic questions with different answers alone, and the whole bank (single questions
 * and case-study questions) has no near-duplicates. Issue 13, defect 12 named five pairs; each is
 * pinned here as resolved.
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { CaseStudy, Question, QuestionFile, nearDuplicates } from '../../shared/questions';
import { CONTENT_DIR } from '../support/corpus';

const jsonFiles = (dir: string) =>
  existsSync(dir) ? readdirSync(dir).filter((f) => f.endsWith('.json')) : [];
const questionsDir = join(CONTENT_DIR, 'questions');
const casesDir = join(CONTENT_DIR, 'cases');
const bank: Question[] = [
  ...jsonFiles(questionsDir).flatMap((f) =>
    QuestionFile.parse(JSON.parse(readFileSync(join(questionsDir, f), 'utf8'))),
  ),
  ...jsonFiles(casesDir).flatMap(
    (f) => CaseStudy.parse(JSON.parse(readFileSync(join(casesDir, f), 'utf8'))).questions,
  ),
];

const base = {
  domain: 3,
  task: '3.1',
  sourceNoteId: 'inference-parameters',
  sourcePassage: 'A passage long enough for the schema to accept it.',
  difficulty: 'medium',
  explanation: 'An explanation long enough for the schema to accept it.',
  origin: { kind: 'bank' },
  tags: ['test'],
} as const;

const single = (id: string, stem: string, options: string[], answer: number): Question =>
  Question.parse({
    ...base,
    id,
    type: 'single',
    stem,
    options: options.map((text, i) => ({ id: 'abcd'[i], text })),
    answer: 'abcd'[answer],
    whyWrong: {},
  });

const ragFix = single(
  'x-001',
  'A support assistant runs with temperature 0. It gives the same answer every time, but it keeps stating the wrong refund period. What should the team do?',
  [
    'Raise the temperature',
    'Set top-k to 1',
    'Raise the maximum length',
    'Ground answers in the refund policy documents with RAG',
  ],
  3,
);
const ragFixReworded = single(
  'x-002',
  'A support chatbot has its temperature set to 0, so every answer is identical, yet it keeps giving a wrong refund period. How should the team fix it?',
  [
    'Lower top-p to 0.1',
    'Ground the answers in the current refund policy documents with RAG',
    'Increase the maximum length',
    'Set top-k to 1',
  ],
  1,
);
const sameTopicOtherAnswer = single(
  'x-003',
  'A support assistant with temperature 0 keeps cutting its answers off mid-sentence. Which setting should the team change?',
  [
    'Raise the temperature',
    'Raise the maximum length',
    'Set top-k to 1',
    'Ground answers in the refund policy documents with RAG',
  ],
  1,
);

const bankPairs = nearDuplicates(bank);
const flagged = (a: string, b: string) =>
  bankPairs.some((p) => (p.a === a && p.b === b) || (p.a === b && p.b === a));

describe('nearDuplicates', () => {
  it('flags a reworded question with the same correct answer', () => {
    const pairs = nearDuplicates([ragFix, ragFixReworded]);
    expect(pairs.map((p) => [p.a, p.b])).toEqual([['x-001', 'x-002']]);
    expect(pairs[0]?.reason).toMatch(/same answer/);
  });

  it('does not flag two questions on the same topic with different answers', () => {
    expect(nearDuplicates([ragFix, sameTopicOtherAnswer])).toEqual([]);
  });

  it('flags near-identical stems even when the answers differ', () => {
    const copy = { ...sameTopicOtherAnswer, id: 'x-004', stem: `${sameTopicOtherAnswer.stem} ` };
    expect(nearDuplicates([sameTopicOtherAnswer, copy])).toHaveLength(1);
  });

  it('finds no near-duplicates in the bank (questions and case studies)', () => {
    expect(bank.length).toBeGreaterThan(300);
    expect(bankPairs).toEqual([]);
  });

  it.each([
    ['d2-031', 'd3a-018'],
    ['d2-028', 'd3a-012'],
    ['d4-015', 'd5-016'],
    ['d2-022', 'd3a-004'],
    ['d2-036', 'd5-025'],
  ])('no longer flags the issue 13 pair %s / %s', (a, b) => {
    expect(flagged(a, b)).toBe(false);
  });
});
