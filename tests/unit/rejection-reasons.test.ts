/**
 * Plain-language rejection reasons: every kind of reason the generation pipeline can produce
 * (zod issues on the draft and on the strict question, the draft checks, the rule checks, the
 * passage check, near-duplicates, unreadable replies, auto-accept storage refusals) becomes one
 * sentence without validator jargon, and the technical text is kept as the detail.
 */
import { describe, expect, it } from 'vitest';
import { checkDraft, type DraftContext } from '../../shared/question-draft';
import {
  fieldName,
  plainReason,
  plainReasons,
} from '../../renderer/src/features/quiz/generate/reasons';

const JARGON =
  /Too small|Too big|expected (string|array|object|one of)|received|Invalid|Unrecognized|>=|<=|\b[a-zA-Z]+\.\d+\b/;

function expectPlain(reason: string): string {
  const { sentence, detail } = plainReason(reason);
  expect(detail, reason).toBe(reason);
  expect(sentence, reason).not.toMatch(JARGON);
  expect(sentence, reason).toMatch(/^[A-Z0-9"].*[.:]$/s);
  expect(sentence, reason).not.toBe(reason);
  return sentence;
}

const NOTE_TEXT =
  'Temperature controls randomness. A low temperature makes the most likely token even more likely, so replies repeat across runs of the same prompt.';
const PASSAGE = 'A low temperature makes the most likely token even more likely';

const ctx: DraftContext = {
  sources: [{ noteId: 'note-a', title: 'Note A', domain: 3, tasks: ['3.1'], text: NOTE_TEXT }],
  types: ['single', 'multiple', 'ordering', 'matching'],
  difficulty: 'mixed',
  modelId: 'amazon.nova-micro-v1:0',
  promptVersion: 'test',
  createdAt: '2026-12-04T00:00:00.000Z',
  newId: () => 'gen-1',
};

function single(patch: Record<string, unknown> = {}) {
  return {
    type: 'single',
    sourceNoteId: 'note-a',
    task: '3.1',
    difficulty: 'easy',
    stem: 'Which setting makes replies to the same prompt repeat most closely?',
    options: [
      { id: 'a', text: 'Raise the temperature' },
      { id: 'b', text: 'Lower the temperature' },
      { id: 'c', text: 'Add stop sequences' },
      { id: 'd', text: 'Raise the maximum length' },
    ],
    correct: ['b'],
    whyWrong: [
      { id: 'a', reason: 'More randomness.' },
      { id: 'c', reason: 'Only where output ends.' },
      { id: 'd', reason: 'Only how long output is.' },
    ],
    explanation: 'A low temperature sharpens the distribution, so replies repeat.',
    sourcePassage: PASSAGE,
    ...patch,
  };
}

function reasonsOf(raw: unknown, context: DraftContext = ctx): string[] {
  const outcome = checkDraft(raw, context);
  if (outcome.ok) throw new Error('expected a refusal');
  return outcome.reasons;
}

describe('plainReason on zod issues', () => {
  it('explains lengths with the field named and the limit kept', () => {
    expect(expectPlain('stem: Too small: expected string to have >=20 characters')).toBe(
      'The question text is too short (under 20 characters).',
    );
    expect(expectPlain('stem: Too big: expected string to have <=1500 characters')).toBe(
      'The question text is too long (over 1500 characters).',
    );
    expect(expectPlain('options.2.text: Too small: expected string to have >=1 characters')).toBe(
      'The text of option 3 is empty.',
    );
    expect(expectPlain('options: Too small: expected array to have >=4 items')).toBe(
      'The answer options has too few entries: at least 4 are needed.',
    );
    expect(expectPlain('options: Too big: expected array to have <=7 items')).toMatch(/at most 7/);
    expect(expectPlain('domain: Too big: expected number to be <=5')).toBe(
      'The exam domain is out of range.',
    );
  });

  it('explains missing fields, wrong kinds, enums, extra keys and labels', () => {
    expect(expectPlain('explanation: Invalid input: expected string, received undefined')).toBe(
      'The explanation is missing.',
    );
    expect(expectPlain('stem: Invalid input: expected string, received number')).toMatch(
      /^The question text is not the kind of value/,
    );
    expect(expectPlain('item: Invalid input: expected object, received null')).toBe(
      'The model sent something that is not a question.',
    );
    expectPlain('type: Invalid option: expected one of "single"|"multiple"');
    expect(expectPlain('item: Unrecognized key: "extra"')).toBe(
      'The question has extra fields the app does not use.',
    );
    expect(expectPlain('options.1.id: Option ids are single lower-case letters.')).toBe(
      'The letter of option 2 is not a single lower-case letter (a, b, c...).',
    );
    expect(expectPlain('whyWrong.B: Invalid key in record')).toMatch(/label "B"/);
    expectPlain('id: Invalid string: must match pattern /^[a-z0-9]+$/');
    expectPlain('Invalid input');
  });

  it('names fields as a learner would', () => {
    expect(fieldName('sourcePassage')).toBe('The passage quoted from the note');
    expect(fieldName('options (steps).0.text')).toBe('The text of step 1');
    expect(fieldName('correct (order)')).toBe('The correct order');
    expect(fieldName('pairs')).toBe('The matching pairs');
  });
});

describe('plainReason on every reason checkDraft produces', () => {
  const cases: [string, unknown, DraftContext?][] = [
    ['not an object', null],
    ['missing fields and an extra key', { foo: 1 }],
    ['a bad type and a number stem', { ...single(), type: 'weird', stem: 5, extra: true }],
    ['too short everywhere', single({ stem: 'short', explanation: 'tiny', sourcePassage: 'x' })],
    ['two correct options', single({ correct: ['a', 'd'] })],
    ['missing type-specific fields', single({ options: undefined, whyWrong: undefined })],
    ['an unselected note', single({ sourceNoteId: 'note-z' })],
    ['a task the note does not teach', single({ task: '3.2' })],
    ['an unrequested type', single(), { ...ctx, types: ['matching'] }],
    ['an unrequested difficulty', single(), { ...ctx, difficulty: 'hard' }],
    ['a passage not in the note', single({ sourcePassage: 'Nothing like this is in the note.' })],
    [
      'rule checks on options',
      single({
        options: [
          { id: 'a', text: 'Same' },
          { id: 'a', text: 'same' },
          { id: 'c', text: 'None of the above' },
          { id: 'd', text: 'Other' },
        ],
        correct: ['z'],
        whyWrong: [{ id: 'q', reason: 'Not an option.' }],
      }),
    ],
    [
      'a multiple-response stem without "Select TWO."',
      single({
        type: 'multiple',
        options: ['a', 'b', 'c', 'd', 'e'].map((id) => ({ id, text: `Option ${id}` })),
        correct: ['a', 'b', 'b'],
        whyWrong: [{ id: 'c', reason: 'Wrong.' }],
      }),
    ],
    [
      'a broken order',
      single({
        type: 'ordering',
        options: ['a', 'b', 'c'].map((id) => ({ id, text: 'Step' })),
        correct: ['a', 'a'],
        whyWrong: undefined,
      }),
    ],
    [
      'a broken matching',
      single({
        type: 'matching',
        options: undefined,
        correct: undefined,
        whyWrong: undefined,
        prompts: ['a', 'a', 'c'].map((id) => ({ id, text: 'Prompt' })),
        choices: ['a', 'b'].map((id) => ({ id, text: `Choice ${id}` })),
        pairs: [
          { prompt: 'x', choice: 'y' },
          { prompt: 'a', choice: 'ZZ' },
        ],
      }),
    ],
  ];

  for (const [name, raw, context] of cases) {
    it(`turns ${name} into plain sentences`, () => {
      const reasons = reasonsOf(raw, context);
      expect(reasons.length).toBeGreaterThan(0);
      for (const r of reasons) expectPlain(r);
    });
  }
});

describe('plainReason on the rest of the pipeline', () => {
  it('explains the rule checks of questionProblems', () => {
    const expected: [string, string][] = [
      ['task 2.1 is not in domain 3', 'Task 2.1 does not belong to domain 3.'],
      ['option ids repeat', 'Two options have the same letter.'],
      ['two options have the same text', 'Two options say the same thing.'],
      ['an answer is listed twice', 'A correct answer is listed twice.'],
      ['answer "z" is not an option', 'The correct answer "z" is not one of the options.'],
      ['option "c" is wrong but has no explanation', 'Option "c" is wrong, but nothing says why.'],
      [
        'whyWrong names "b", which is not a wrong option',
        'It explains why option "b" is wrong, but that option is correct or missing.',
      ],
      [
        'a multiple-response stem must say "Select TWO."',
        'The question text must say "Select TWO." to match its number of correct answers.',
      ],
      [
        'avoid "all/none of the above"',
        'An option says "all of the above" or "none of the above", which the exam avoids.',
      ],
      ['ordering steps repeat', 'Two steps to put in order are the same.'],
      [
        'the order must list every step exactly once',
        'The correct order must list every step exactly once.',
      ],
      ['matching ids repeat', 'Two entries of a matching column have the same letter.'],
      ['matching texts repeat', 'Two entries of a matching column say the same thing.'],
      ['fewer choices than prompts', 'There are fewer choices than prompts to match.'],
      ['prompt "a" has no match', 'Prompt "a" is not matched with any choice.'],
      ['answer names unknown prompt "x"', 'A pair names prompt "x", which does not exist.'],
      ['answer names unknown choice "y"', 'A pair names choice "y", which does not exist.'],
    ];
    for (const [reason, sentence] of expected) expect(expectPlain(reason)).toBe(sentence);
  });

  it('explains the draft checks', () => {
    expect(
      expectPlain(
        'correct: a single-answer item has exactly one correct option (this one names 2)',
      ),
    ).toBe('A single-answer question must have exactly one correct option; this one has 2.');
    expect(expectPlain('whyWrong: a single item needs whyWrong')).toBe(
      'The explanations of the wrong options is missing.',
    );
    expect(
      expectPlain('sourceNoteId: "note-z" is not one of the selected notes (note-a, note-b)'),
    ).toBe('It is based on a note you did not select.');
    expect(expectPlain('task: 3.2 is not a task statement the note "note-a" teaches (3.1)')).toBe(
      'It tests task 3.2, which its source note does not teach.',
    );
    expect(expectPlain('type: ordering questions were not requested (single)')).toBe(
      'It is an ordering question, a type you did not ask for.',
    );
    expect(expectPlain('difficulty: easy was not requested (hard)')).toBe(
      'It is marked easy, but you asked for hard questions.',
    );
    expect(
      expectPlain(
        'sourcePassage: the quoted passage does not occur word for word in the note "note-a"',
      ),
    ).toBe('The passage it quotes is not in the note word for word.');
  });

  it('explains near-duplicates, unreadable replies and the run limits', () => {
    expect(
      expectPlain('near-duplicate of a question already in your bank (87% similar): "Which…"'),
    ).toBe('It is almost the same as a question you already have (87% alike).');
    expect(
      expectPlain(
        'near-duplicate of a question accepted earlier in this run (100% similar): "Which…"',
      ),
    ).toBe('It is almost the same as a question accepted earlier in this run (100% alike).');
    for (const why of [
      'the tool input was not valid JSON.',
      'it did not call the record_questions tool.',
      'it was empty.',
      'it contained no JSON object with a "questions" list.',
      'it had no "questions" list.',
      'its "questions" list was empty.',
    ]) {
      expect(expectPlain(`The model's reply could not be read: ${why}`)).toMatch(/could not read/);
    }
    expect(
      expectPlain(
        "The model's reply could not be read: it was cut off at the output limit (4096 tokens) before it was complete.",
      ),
    ).toMatch(/cut off/);
    expect(expectPlain('the item was not usable')).toBe('The item could not be used.');
    expect(expectPlain('12 more problems')).toBe('12 more problems (see the technical detail).');
  });

  it('explains refusals when auto-accept stores an item', () => {
    expectPlain('not saved');
    expectPlain('sourceNoteId: there is no note "gone"');
    expectPlain('sourcePassage: not found word for word in the note “Note A”');
    expectPlain(
      'it belongs to case study "cs-x", which is neither in the bank nor one of your case studies',
    );
    expectPlain('the batch holds this id twice');
  });

  it('explains the refusals of a case-study set', () => {
    expect(expectPlain('case study: title: 4 characters; a title has 5 to 120')).toBe(
      "The case study's title is 4 characters long; it needs 5 to 120.",
    );
    expect(expectPlain('case study: scenario: 10 characters; a scenario has 200 to 2500')).toBe(
      "The case study's scenario is 10 characters long; it needs 200 to 2,500.",
    );
    expect(expectPlain('case study: questions: 3 were asked for and the set has 2')).toBe(
      'The case study has 2 questions; 3 were asked for.',
    );
    expect(expectPlain('task: the case study is for task statement 3.1, not 2.2')).toBe(
      'The question tests task 2.2, but the case study is for task 3.1.',
    );
    expectPlain('near-duplicate of another question of this set (91% similar): "Which…"');
    expect(
      expectPlain('case study: scenario: Invalid input: expected string, received undefined'),
    ).toMatch(/^The case study could not be used: /);
  });

  it('keeps an unknown reason readable, and drops repeated sentences', () => {
    expect(plainReason('disk is full').sentence).toBe('Disk is full.');
    expect(
      plainReasons([
        'item: Unrecognized key: "a"',
        'item: Unrecognized key: "b"',
        'option ids repeat',
      ]),
    ).toEqual([
      'The question has extra fields the app does not use.',
      'Two options have the same letter.',
    ]);
  });
});
