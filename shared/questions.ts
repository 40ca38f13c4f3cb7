/**
 * Practice questions: the zod schema of every item (bank or generated) and the rule checks that
 * go beyond shape (exactly one answer for single choice, "select N" matching the answer count,
 * explanations for every wrong option). Pure: shared by the renderer, main and tests.
 */
import { z } from 'zod';
import { NoteId, TaskId } from './ids';

const OptionId = z.string().regex(/^[a-z]$/, 'Option ids are single lower-case letters.');
const Text = z.string().trim().min(1).max(1000);

export const QuestionOrigin = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('bank') }),
  z.object({
    kind: z.literal('generated'),
    modelId: z.string().min(1),
    promptVersion: z.string().min(1),
    createdAt: z.iso.datetime(),
  }),
]);

const Common = {
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/),
  stem: z.string().trim().min(20).max(1500),
  domain: z.number().int().min(1).max(5),
  task: TaskId,
  sourceNoteId: NoteId,
  /** A passage quoted word for word (Markdown removed) from the source note. */
  sourcePassage: z.string().trim().min(20).max(600),
  difficulty: z.enum(['easy', 'medium', 'hard']),
  /** Why the right answer is right. */
  explanation: z.string().trim().min(20).max(2000),
  origin: QuestionOrigin,
  tags: z.array(z.string().min(1).max(40)).max(10),
  /** Set on a question that belongs to a case study: the id of its shared scenario. */
  caseId: z
    .string()
    .regex(/^cs-[a-z0-9]+(-[a-z0-9]+)*$/)
    .optional(),
};

const Option = z.object({ id: OptionId, text: Text });

export const SingleQuestion = z
  .object({
    ...Common,
    type: z.literal('single'),
    options: z.array(Option).min(4).max(5),
    answer: OptionId,
    /** Why each wrong option is wrong, keyed by option id. */
    whyWrong: z.record(OptionId, Text),
  })
  .strict();

export const MultipleQuestion = z
  .object({
    ...Common,
    type: z.literal('multiple'),
    options: z.array(Option).min(5).max(7),
    answers: z.array(OptionId).min(2).max(3),
    whyWrong: z.record(OptionId, Text),
  })
  .strict();

export const OrderingQuestion = z
  .object({
    ...Common,
    type: z.literal('ordering'),
    /** Steps as shown (any order); `answer` lists their ids in the correct order. */
    items: z.array(Option).min(3).max(5),
    answer: z.array(OptionId).min(3).max(5),
  })
  .strict();

export const MatchingQuestion = z
  .object({
    ...Common,
    type: z.literal('matching'),
    prompts: z.array(Option).min(3).max(7),
    choices: z.array(Option).min(3).max(8),
    /** prompt id -> choice id */
    answer: z.record(OptionId, OptionId),
  })
  .strict();

export const Question = z.discriminatedUnion('type', [
  SingleQuestion,
  MultipleQuestion,
  OrderingQuestion,
  MatchingQuestion,
]);
export type Question = z.infer<typeof Question>;
export const QuestionFile = z.array(Question);

/**
 * A case study: one scenario shared by 2-4 questions (each a normal question type). Every question
 * carries the case's id in `caseId` and cannot be answered without the scenario. In the mock exam a
 * case counts as its questions and is drawn as a unit.
 */
export const CaseStudy = z
  .object({
    id: z.string().regex(/^cs-[a-z0-9]+(-[a-z0-9]+)*$/),
    title: z.string().trim().min(5).max(120),
    scenario: z.string().trim().min(200).max(2500),
    questions: z.array(Question).min(2).max(4),
  })
  .strict()
  .refine((c) => c.questions.every((q) => q.caseId === c.id), {
    message: "every question's caseId must be the case's id",
    path: ['questions'],
  });
export type CaseStudy = z.infer<typeof CaseStudy>;

const NUMBER_WORDS = ['ZERO', 'ONE', 'TWO', 'THREE', 'FOUR', 'FIVE'];

const unique = (xs: readonly string[]) => new Set(xs).size === xs.length;
const norm = (s: string) => s.toLowerCase().replace(/\s+/g, ' ').trim();

/** Rule checks beyond the schema; each problem is a sentence a learner or author can act on. */
export function questionProblems(q: Question): string[] {
  const problems: string[] = [];
  if (!q.task.startsWith(`${q.domain}.`))
    problems.push(`task ${q.task} is not in domain ${q.domain}`);
  const ids = (xs: readonly { id: string }[]) => xs.map((x) => x.id);
  const texts = (xs: readonly { text: string }[]) => xs.map((x) => norm(x.text));
  if (q.type === 'single' || q.type === 'multiple') {
    const optionIds = ids(q.options);
    if (!unique(optionIds)) problems.push('option ids repeat');
    if (!unique(texts(q.options))) problems.push('two options have the same text');
    const answers = q.type === 'single' ? [q.answer] : q.answers;
    if (!unique(answers)) problems.push('an answer is listed twice');
    for (const a of answers)
      if (!optionIds.includes(a)) problems.push(`answer "${a}" is not an option`);
    const wrong = optionIds.filter((id) => !answers.includes(id));
    for (const id of wrong)
      if (!q.whyWrong[id]) problems.push(`option "${id}" is wrong but has no explanation`);
    for (const id of Object.keys(q.whyWrong)) {
      if (!wrong.includes(id)) problems.push(`whyWrong names "${id}", which is not a wrong option`);
    }
    if (q.type === 'multiple') {
      const word = NUMBER_WORDS[q.answers.length] ?? String(q.answers.length);
      if (!new RegExp(`select ${word}\\b`, 'i').test(q.stem)) {
        problems.push(`a multiple-response stem must say "Select ${word}."`);
      }
    }
    const all = q.options.map((o) => norm(o.text));
    if (all.some((t) => /^(all|none) of the above/.test(t)))
      problems.push('avoid "all/none of the above"');
  }
  if (q.type === 'ordering') {
    const itemIds = ids(q.items);
    if (!unique(itemIds) || !unique(texts(q.items))) problems.push('ordering steps repeat');
    if (
      q.answer.length !== itemIds.length ||
      !q.answer.every((a) => itemIds.includes(a)) ||
      !unique(q.answer)
    ) {
      problems.push('the order must list every step exactly once');
    }
  }
  if (q.type === 'matching') {
    const promptIds = ids(q.prompts);
    const choiceIds = ids(q.choices);
    if (!unique(promptIds) || !unique(choiceIds)) problems.push('matching ids repeat');
    if (!unique(texts(q.prompts)) || !unique(texts(q.choices)))
      problems.push('matching texts repeat');
    if (q.choices.length < q.prompts.length) problems.push('fewer choices than prompts');
    for (const p of promptIds) if (!q.answer[p]) problems.push(`prompt "${p}" has no match`);
    for (const [p, c] of Object.entries(q.answer)) {
      if (!promptIds.includes(p)) problems.push(`answer names unknown prompt "${p}"`);
      if (!choiceIds.includes(c)) problems.push(`answer names unknown choice "${c}"`);
    }
  }
  return problems;
}

/** A normalised fingerprint of a stem, to catch duplicates and near-duplicates by wording. */
export function stemFingerprint(stem: string): string {
  return stem
    .toLowerCase()
    .replace(/\(select [a-z]+\.?\)|select [a-z]+\./g, '')
    .replace(/[^a-z0-9 ]+/g, ' ')
    .replace(/\s+/g, ' ')
    .trim();
}
