/**
 * Builders from Stratum's content: every bank question and case-study question becomes a record in
 * each pair shape that the validator accepts, and the note sections become continued pre-training
 * records that fit the token budget they were cut to.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  casePairs,
  checkCustomizationDataset,
  noteSections,
  pairRecord,
  plainText,
  questionCompletion,
  questionPairs,
  questionPrompt,
  sectionRecord,
  toJsonl,
  type DatasetTarget,
} from '../../shared/customization';
import { CaseStudy, QuestionFile, type Question } from '../../shared/questions';
import { CONTENT_DIR, loadCorpus } from '../support/corpus';

const questions: Question[] = readdirSync(join(CONTENT_DIR, 'questions'))
  .filter((f) => f.endsWith('.json'))
  .flatMap((f) =>
    QuestionFile.parse(JSON.parse(readFileSync(join(CONTENT_DIR, 'questions', f), 'utf8'))),
  );
const cases: CaseStudy[] = readdirSync(join(CONTENT_DIR, 'cases'))
  .filter((f) => f.endsWith('.json'))
  .map((f) => CaseStudy.parse(JSON.parse(readFileSync(join(CONTENT_DIR, 'cases', f), 'utf8'))));

const single: Question = {
  id: 'x-001',
  type: 'single',
  domain: 1,
  task: '1.1',
  difficulty: 'easy',
  stem: 'How is data with some named fields and others that vary BEST described?',
  options: [
    { id: 'a', text: 'Structured data' },
    { id: 'b', text: 'Semi-structured data' },
    { id: 'c', text: 'Unstructured data' },
    { id: 'd', text: 'Tabular data' },
  ],
  answer: 'b',
  whyWrong: { a: 'No fixed schema.', c: 'It has structure.', d: 'Columns vary.' },
  explanation: 'Some structure with flexible fields is semi-structured data.',
  sourceNoteId: 'data-and-learning-types',
  sourcePassage: 'Semi-structured | Some structure, flexible fields',
  tags: [],
  origin: { kind: 'bank' },
};

describe('question -> explained answer pairs', () => {
  it('puts the stem and lettered options in the prompt, the answer and explanation in the completion', () => {
    expect(questionPrompt(single)).toBe(
      'How is data with some named fields and others that vary BEST described?\n\n' +
        'a) Structured data\nb) Semi-structured data\nc) Unstructured data\nd) Tabular data',
    );
    expect(questionCompletion(single)).toBe(
      'Answer: b) Semi-structured data\n\nSome structure with flexible fields is semi-structured data.',
    );
  });

  it('writes each documented shape from one pair', () => {
    const [pair] = questionPairs([single]);
    if (!pair) throw new Error('no pair');
    expect(pairRecord(pair, 'prompt-completion')).toEqual({
      prompt: pair.prompt,
      completion: pair.completion,
    });
    expect(pairRecord(pair, 'claude-messages', 'S')).toEqual({
      system: 'S',
      messages: [
        { role: 'user', content: pair.prompt },
        { role: 'assistant', content: pair.completion },
      ],
    });
    expect(pairRecord(pair, 'converse', 'S')).toEqual({
      schemaVersion: 'bedrock-conversation-2024',
      system: [{ text: 'S' }],
      messages: [
        { role: 'user', content: [{ text: pair.prompt }] },
        { role: 'assistant', content: [{ text: pair.completion }] },
      ],
    });
    expect(pairRecord(pair, 'distillation-prompt', 'S')).toEqual({
      schemaVersion: 'bedrock-conversation-2024',
      system: [{ text: 'S' }],
      messages: [{ role: 'user', content: [{ text: pair.prompt }] }],
    });
  });

  it('covers all four question types of the bank', () => {
    const types = new Set(questions.map((q) => q.type));
    expect(types).toEqual(new Set(['single', 'multiple', 'ordering', 'matching']));
    for (const q of questions) {
      expect(questionCompletion(q)).toMatch(/^(Answer|Answers|Order|Matches): /);
      expect(questionCompletion(q).endsWith(q.explanation)).toBe(true);
    }
  });

  const targets: DatasetTarget[] = [
    { model: 'nova-micro', method: 'FINE_TUNING' },
    { model: 'claude-3-haiku', method: 'FINE_TUNING' },
    { model: 'llama-3-1-8b', method: 'FINE_TUNING' },
    { model: 'titan-text-express', method: 'FINE_TUNING' },
    { model: 'nova-pro', method: 'DISTILLATION' },
    { model: 'claude-3-haiku', method: 'DISTILLATION' },
  ];
  const pairs = [...questionPairs(questions), ...casePairs(cases)];

  it.each(targets)('the whole bank and the case studies validate for $model $method', (target) => {
    const report0 = checkCustomizationDataset('', target);
    const records = pairs.map((p) =>
      report0.shape === 'input-only'
        ? sectionRecord({ sourceId: p.sourceId, text: p.prompt })
        : pairRecord(p, report0.shape),
    );
    const report = checkCustomizationDataset(toJsonl(records), target);
    expect(report.problems).toEqual([]);
    expect(report.warnings).toEqual([]);
    expect(report.totals.records).toBe(pairs.length);
  });

  it('puts a case study’s scenario first in each of its prompts', () => {
    const first = cases[0];
    if (!first) throw new Error('no case studies');
    const built = casePairs([first]);
    expect(built).toHaveLength(first.questions.length);
    expect(built[0]?.prompt.startsWith(`${first.title}\n\n${first.scenario}\n\n`)).toBe(true);
  });
});

describe('note sections as continued pre-training text', () => {
  const notes = loadCorpus().notes;

  it('makes Markdown plain: link text kept, marks and table rules dropped', () => {
    expect(plainText('A [fine-tuning](glossary:fine-tuning) **note** with `code`.')).toBe(
      'A fine-tuning note with code.',
    );
    expect(plainText('| a | b |\n|---|---|\n| 1 | 2 |')).toBe('a b \n\n 1 2');
  });

  it('cuts one record per ## section, at paragraph breaks when over the budget', () => {
    const note = {
      id: 'n',
      title: 'T',
      body: 'Intro.\n\n## One\n\nFirst.\n\n## Two\n\n' + 'x'.repeat(50) + '\n\n' + 'y'.repeat(50),
    };
    // Budget 10 tokens = 60 characters: "T\n\nTwo\n\nxxx..." is 58, adding the y paragraph is over.
    const sections = noteSections([note], 10);
    expect(sections.map((s) => s.sourceId)).toEqual(['n#1', 'n#2', 'n#3.1', 'n#3.2']);
    expect(sections[1]?.text).toBe('T\n\nOne\n\nFirst.');
    expect(sections[3]?.text).toBe('y'.repeat(50));
  });

  it('turns every note into records that validate for Titan Text continued pre-training', () => {
    const sections = noteSections(notes, 4_000);
    expect(sections.length).toBeGreaterThan(notes.length);
    const report = checkCustomizationDataset(toJsonl(sections.map(sectionRecord)), {
      model: 'titan-text-express',
      method: 'CONTINUED_PRE_TRAINING',
    });
    expect(report.problems).toEqual([]);
    // The notes' longest section is well under the 4,000-token budget (about 700 estimated tokens).
    expect(report.totals.largestRecordTokens).toBeLessThanOrEqual(4_000);
    expect(report.totals.records).toBe(sections.length);
  });
});
