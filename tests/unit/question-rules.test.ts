/**
 * The rule table of issue #6: one bad item per rule of the Question schema and of
 * `questionProblems`, each expected to fail with its own message, next to well-formed items of
 * all four types that pass. These are the checks every generated, edited or imported item meets.
 */
import { describe, expect, it } from 'vitest';
import { Question, questionProblems } from '../../shared/questions';

const common = {
  id: 'rule-1',
  stem: 'Which AWS service gives one API to foundation models from several providers?',
  domain: 2,
  task: '2.2',
  sourceNoteId: 'bedrock-overview',
  sourcePassage: 'Amazon Bedrock offers foundation models through a single API.',
  difficulty: 'easy',
  explanation: 'Amazon Bedrock is the managed service with one API for many models.',
  origin: { kind: 'bank' },
  tags: [],
};
const opts = (...texts: string[]) =>
  texts.map((text, i) => ({ id: String.fromCharCode(97 + i), text }));

const single = {
  ...common,
  type: 'single',
  options: opts('Amazon Bedrock', 'Amazon Polly', 'AWS Glue', 'Amazon Macie'),
  answer: 'a',
  whyWrong: { b: 'Polly is text to speech.', c: 'Glue is ETL.', d: 'Macie finds PII in S3.' },
};
const multiple = {
  ...common,
  type: 'multiple',
  stem: 'Which TWO services can add guardrails or grounding to a generative AI app? (Select TWO.)',
  options: opts(
    'Amazon Bedrock Guardrails',
    'Amazon Bedrock Knowledge Bases',
    'Amazon Polly',
    'AWS Glue',
    'Amazon Macie',
  ),
  answers: ['a', 'b'],
  whyWrong: { c: 'Speech only.', d: 'ETL only.', e: 'PII discovery only.' },
};
const ordering = {
  ...common,
  type: 'ordering',
  stem: 'Put the steps of a retrieval augmented generation request in order.',
  items: opts('Embed the question', 'Search the vector store', 'Add passages to the prompt'),
  answer: ['a', 'b', 'c'],
};
const matching = {
  ...common,
  type: 'matching',
  stem: 'Match each AWS service to what it does for an AI application.',
  prompts: opts('Amazon Polly', 'Amazon Transcribe', 'Amazon Translate'),
  choices: opts('Text to speech', 'Speech to text', 'Language translation'),
  answer: { a: 'a', b: 'b', c: 'c' },
};

/** The messages a raw item gets: schema issues if it does not parse, else the rule problems. */
function messages(raw: unknown): string[] {
  const parsed = Question.safeParse(raw);
  if (!parsed.success) return parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  return questionProblems(parsed.data);
}

describe('well-formed items', () => {
  it.each([
    ['single', single],
    ['multiple', multiple],
    ['ordering', ordering],
    ['matching', matching],
  ])('a %s item passes', (_type, item) => {
    expect(messages(item)).toEqual([]);
  });
});

describe('the rule table', () => {
  it.each<[string, unknown, string]>([
    // Schema rules
    [
      'a single item with two answers (impossible: answer is one id)',
      { ...single, answer: ['a', 'b'] },
      'answer: Invalid input: expected string, received array',
    ],
    [
      'a single item with three options',
      { ...single, options: single.options.slice(0, 3) },
      'options: Too small: expected array to have >=4 items',
    ],
    [
      'a multiple item with four correct answers',
      { ...multiple, answers: ['a', 'b', 'c', 'd'] },
      'answers: Too big: expected array to have <=3 items',
    ],
    [
      'an ordering with 2 steps',
      { ...ordering, items: ordering.items.slice(0, 2), answer: ['a', 'b'] },
      'items: Too small: expected array to have >=3 items',
    ],
    [
      'an ordering with 6 steps',
      {
        ...ordering,
        items: opts('one', 'two', 'three', 'four', 'five', 'six'),
        answer: ['a', 'b', 'c', 'd', 'e', 'f'],
      },
      'items: Too big: expected array to have <=5 items',
    ],
    [
      'a matching with 2 pairs',
      {
        ...matching,
        prompts: matching.prompts.slice(0, 2),
        choices: matching.choices.slice(0, 2),
        answer: { a: 'a', b: 'b' },
      },
      'prompts: Too small: expected array to have >=3 items',
    ],
    [
      'a matching with 8 pairs',
      {
        ...matching,
        prompts: opts('p1', 'p2', 'p3', 'p4', 'p5', 'p6', 'p7', 'p8'),
        choices: opts('c1', 'c2', 'c3', 'c4', 'c5', 'c6', 'c7', 'c8'),
        answer: Object.fromEntries('abcdefgh'.split('').map((id) => [id, id])),
      },
      'prompts: Too big: expected array to have <=7 items',
    ],
    [
      'an explanation that is missing',
      { ...single, explanation: '' },
      'explanation: Too small: expected string to have >=20 characters',
    ],
    [
      'a passage that is missing',
      { ...single, sourcePassage: ' ' },
      'sourcePassage: Too small: expected string to have >=20 characters',
    ],
    [
      'an option id that is not a letter',
      { ...single, options: [...single.options.slice(0, 3), { id: 'D1', text: 'Amazon Lex' }] },
      'options.3.id: Option ids are single lower-case letters.',
    ],
    // questionProblems rules
    [
      'a single item whose answer id is not an option',
      { ...single, answer: 'e' },
      'answer "e" is not an option',
    ],
    [
      'a multiple item whose stem says Select TWO with three answers',
      { ...multiple, answers: ['a', 'b', 'c'], whyWrong: { d: 'ETL only.', e: 'PII only.' } },
      'a multiple-response stem must say "Select THREE."',
    ],
    [
      'duplicate option texts',
      {
        ...single,
        options: [...single.options.slice(0, 3), { id: 'd', text: ' amazon  BEDROCK' }],
      },
      'two options have the same text',
    ],
    [
      'repeated option ids',
      { ...single, options: [...single.options.slice(0, 3), { id: 'c', text: 'Amazon Lex' }] },
      'option ids repeat',
    ],
    [
      'the same answer listed twice',
      { ...multiple, answers: ['a', 'a'], whyWrong: { b: 'x', c: 'x', d: 'x', e: 'x' } },
      'an answer is listed twice',
    ],
    [
      'whyWrong missing an option',
      { ...single, whyWrong: { b: 'Speech.', c: 'ETL.' } },
      'option "d" is wrong but has no explanation',
    ],
    [
      'whyWrong explaining the correct option',
      { ...single, whyWrong: { ...single.whyWrong, a: 'It is right.' } },
      'whyWrong names "a", which is not a wrong option',
    ],
    [
      'all of the above',
      {
        ...single,
        options: [...single.options.slice(0, 3), { id: 'd', text: 'All of the above' }],
      },
      'avoid "all/none of the above"',
    ],
    [
      'none of the above',
      {
        ...single,
        options: [...single.options.slice(0, 3), { id: 'd', text: 'None of the above.' }],
      },
      'avoid "all/none of the above"',
    ],
    ['a task not in the domain', { ...single, task: '3.1' }, 'task 3.1 is not in domain 2'],
    [
      'an ordering that repeats a step',
      { ...ordering, answer: ['a', 'b', 'b'] },
      'the order must list every step exactly once',
    ],
    [
      'an ordering with repeated step texts',
      { ...ordering, items: opts('Embed', 'Search', 'embed') },
      'ordering steps repeat',
    ],
    [
      'a matching prompt without a match',
      { ...matching, answer: { a: 'a', b: 'b' } },
      'prompt "c" has no match',
    ],
    [
      'a matching answer naming an unknown choice',
      { ...matching, answer: { a: 'a', b: 'b', c: 'f' } },
      'answer names unknown choice "f"',
    ],
    [
      'fewer matching choices than prompts',
      {
        ...matching,
        prompts: opts('Polly', 'Transcribe', 'Translate', 'Comprehend'),
        answer: { a: 'a', b: 'b', c: 'c', d: 'c' },
      },
      'fewer choices than prompts',
    ],
  ])('%s', (_label, item, expected) => {
    expect(messages(item)).toContain(expected);
  });
});
