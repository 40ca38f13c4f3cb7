/**
 * The starter question bank: every item validates and passes the rule checks, its quoted passage
 * really occurs in its source note, there are no duplicates, and the bank covers the exam outline
 * by weight with all four question types.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAM_GUIDE } from '../../shared/exam-guide';
import type { Corpus } from '../../shared/notes';
import {
  CaseStudy,
  Question,
  QuestionFile,
  questionProblems,
  stemFingerprint,
} from '../../shared/questions';
import { passageOccursIn } from '../../shared/question-checks';
import { CONTENT_DIR, loadCorpus } from '../support/corpus';

const dir = join(CONTENT_DIR, 'questions');
const files = readdirSync(dir).filter((f) => f.endsWith('.json'));
const singles: Question[] = files.flatMap((f) => {
  const parsed = QuestionFile.safeParse(JSON.parse(readFileSync(join(dir, f), 'utf8')));
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`content/questions/${f}: ${issue?.path.join('.')}: ${issue?.message}`);
  }
  return parsed.data;
});
const casesDir = join(CONTENT_DIR, 'cases');
const cases: CaseStudy[] = readdirSync(casesDir)
  .filter((f) => f.endsWith('.json'))
  .map((f) => {
    const parsed = CaseStudy.safeParse(JSON.parse(readFileSync(join(casesDir, f), 'utf8')));
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      throw new Error(`content/cases/${f}: ${issue?.path.join('.')}: ${issue?.message}`);
    }
    if (`${parsed.data.id}.json` !== f) throw new Error(`content/cases/${f}: id ${parsed.data.id}`);
    return parsed.data;
  });
/** Every bank question: the single ones and those of the case studies. */
const bank: Question[] = [...singles, ...cases.flatMap((c) => c.questions)];
/** The exam guide's mock exam seats per domain (65 questions: 13/16/18/9/9). */
const SEATS: Record<number, number> = { 1: 13, 2: 16, 3: 18, 4: 9, 5: 9 };

/** Questions whose text mentions any of `words` (case-insensitive), for the thin-topic counts. */
const about = (...words: string[]) =>
  bank.filter((q) => {
    const text = JSON.stringify([q.stem, q.tags, q.explanation]).toLowerCase();
    return words.some((w) => text.includes(w.toLowerCase()));
  }).length;

let corpus: Corpus;
beforeAll(() => {
  corpus = loadCorpus();
});

describe('the question bank', () => {
  it('has at least 400 questions with unique ids', () => {
    expect(bank.length).toBeGreaterThanOrEqual(400);
    const ids = bank.map((q) => q.id);
    expect(ids.filter((id, i) => ids.indexOf(id) !== i)).toEqual([]);
  });

  it('passes the rule checks', () => {
    const problems = bank.flatMap((q) => questionProblems(q).map((p) => `${q.id}: ${p}`));
    expect(problems).toEqual([]);
  });

  it('quotes passages that really occur in the source notes', () => {
    const problems = bank.flatMap((q) => {
      const note = corpus.noteById.get(q.sourceNoteId);
      if (!note) return [`${q.id}: no note "${q.sourceNoteId}"`];
      return passageOccursIn(q.sourcePassage, note.body)
        ? []
        : [`${q.id}: passage not found in ${q.sourceNoteId}`];
    });
    expect(problems).toEqual([]);
  });

  it('has no duplicate stems', () => {
    const prints = bank.map((q) => stemFingerprint(q.stem));
    const dupes = bank.filter((_, i) => prints.indexOf(prints[i]!) !== i).map((q) => q.id);
    expect(dupes).toEqual([]);
  });

  it('covers every task statement at least 12 times', () => {
    for (const d of EXAM_GUIDE.domains) {
      for (const t of d.tasks) {
        expect(bank.filter((q) => q.task === t.id).length, `task ${t.id}`).toBeGreaterThanOrEqual(
          12,
        );
      }
    }
  });

  it('follows the exam weights within 2 points, and uses all five types', () => {
    for (const d of EXAM_GUIDE.domains) {
      const share = (bank.filter((q) => q.domain === d.id).length / bank.length) * 100;
      expect(
        Math.abs(share - d.weight),
        `domain ${d.id}: ${share.toFixed(1)}%`,
      ).toBeLessThanOrEqual(2);
    }
    for (const type of ['single', 'multiple', 'ordering', 'matching'] as const) {
      expect(bank.filter((q) => q.type === type).length, type).toBeGreaterThanOrEqual(5);
    }
    expect(cases.length, 'case studies').toBeGreaterThanOrEqual(15);
  });

  it('has enough questions per domain for six mock exams without a repeat', () => {
    for (const d of EXAM_GUIDE.domains) {
      expect(bank.filter((q) => q.domain === d.id).length, `domain ${d.id}`).toBeGreaterThanOrEqual(
        6 * SEATS[d.id]!,
      );
    }
  });

  it('covers the thin topics at least three times each', () => {
    expect(about('Amazon Q'), 'Amazon Q').toBeGreaterThanOrEqual(3);
    expect(
      about('Bedrock Flows', 'prompt routing', 'prompt router'),
      'Flows, routing',
    ).toBeGreaterThanOrEqual(3);
    expect(about('SageMaker Canvas'), 'Canvas').toBeGreaterThanOrEqual(3);
    expect(about('PartyRock'), 'PartyRock').toBeGreaterThanOrEqual(3);
    expect(about('Augmented AI', 'A2I'), 'A2I').toBeGreaterThanOrEqual(3);
    expect(about('Trainium', 'Inferentia'), 'Trainium, Inferentia').toBeGreaterThanOrEqual(3);
  });

  it('keeps case-study questions in their case (each with its id) and no others', () => {
    for (const c of cases) for (const q of c.questions) expect(q.caseId, q.id).toBe(c.id);
    expect(singles.every((q) => q.caseId === undefined)).toBe(true);
  });

  it('marks every item as coming from the bank', () => {
    expect(bank.every((q) => q.origin.kind === 'bank')).toBe(true);
  });
});

describe('questionProblems', () => {
  const base = {
    id: 'x',
    stem: 'Which service gives one API to many foundation models?',
    domain: 2,
    task: '2.3',
    sourceNoteId: 'bedrock-overview',
    sourcePassage: 'A passage quoted from the note.',
    difficulty: 'easy' as const,
    explanation: 'Bedrock is the managed service with one API.',
    origin: { kind: 'bank' as const },
    tags: [],
  };
  const options = [
    { id: 'a', text: 'Amazon Bedrock' },
    { id: 'b', text: 'Amazon Polly' },
    { id: 'c', text: 'AWS Glue' },
    { id: 'd', text: 'Amazon Macie' },
  ];
  it.each([
    [
      'an answer that is not an option',
      { ...base, type: 'single', options, answer: 'e', whyWrong: { b: 'x', c: 'x', d: 'x' } },
      /not an option/,
    ],
    [
      'a wrong option without explanation',
      { ...base, type: 'single', options, answer: 'a', whyWrong: { b: 'x', c: 'x' } },
      /"d" is wrong but has no explanation/,
    ],
    [
      'duplicate option texts',
      {
        ...base,
        type: 'single',
        options: [...options.slice(0, 3), { id: 'd', text: 'amazon bedrock' }],
        answer: 'a',
        whyWrong: { b: 'x', c: 'x', d: 'x' },
      },
      /same text/,
    ],
    [
      'a multiple-response stem without "Select TWO"',
      {
        ...base,
        type: 'multiple',
        options: [...options, { id: 'e', text: 'Amazon Lex' }],
        answers: ['a', 'e'],
        whyWrong: { b: 'x', c: 'x', d: 'x' },
      },
      /Select TWO/,
    ],
    [
      'an ordering that skips a step',
      { ...base, type: 'ordering', items: options.slice(0, 3), answer: ['a', 'b', 'b'] },
      /every step exactly once/,
    ],
    [
      'a matching prompt without a match',
      {
        ...base,
        type: 'matching',
        prompts: options.slice(0, 3),
        choices: options.slice(0, 3),
        answer: { a: 'a', b: 'b' },
      },
      /"c" has no match/,
    ],
    [
      'a task outside the domain',
      {
        ...base,
        task: '3.1',
        type: 'single',
        options,
        answer: 'a',
        whyWrong: { b: 'x', c: 'x', d: 'x' },
      },
      /not in domain/,
    ],
  ])('flags %s', (_label, item, pattern) => {
    const q = Question.parse(item);
    expect(questionProblems(q).join('; ')).toMatch(pattern);
  });

  it('accepts a well-formed item', () => {
    const q = Question.parse({
      ...base,
      type: 'single',
      options,
      answer: 'a',
      whyWrong: { b: 'x', c: 'x', d: 'x' },
    });
    expect(questionProblems(q)).toEqual([]);
  });
});
