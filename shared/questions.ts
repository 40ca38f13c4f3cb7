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

/** Words too common to say what a question is about; dropped before comparing key terms. */
const STOP_WORDS = new Set(
  (
    'a an the and or but if then so of to in on at by for with from into onto as is are was were be been ' +
    'being it its this that these those which what who whom whose when where why how than too very can ' +
    'could should would will shall may might must do does did done has have had not no nor only own same ' +
    'such each every any all both few more most other some their there they them we our you your he she ' +
    'his her i me my us one two three four five select best most least team company uses use using used ' +
    'wants want needs need needed must should which option choice answer following order steps step put ' +
    'arrange'
  ).split(' '),
);

/** Lower-case content words of a text, plural "s" trimmed, stop words removed. */
function contentWords(text: string): Set<string> {
  const words = text.toLowerCase().match(/[a-z0-9]+/g) ?? [];
  const out = new Set<string>();
  for (const w of words) {
    const stem = w.length > 3 && w.endsWith('s') && !w.endsWith('ss') ? w.slice(0, -1) : w;
    if (!STOP_WORDS.has(stem) && !STOP_WORDS.has(w)) out.add(stem);
  }
  return out;
}

/** Word trigrams of a stem (all words kept), for near-identical wording. */
function trigrams(stem: string): Set<string> {
  const words = stemFingerprint(stem).split(' ');
  const out = new Set<string>();
  for (let i = 0; i + 2 < words.length; i += 1) out.add(words.slice(i, i + 3).join(' '));
  return out;
}

/** Weighted Jaccard similarity: each word counts by its weight (rarer words weigh more). */
function jaccard(
  a: ReadonlySet<string>,
  b: ReadonlySet<string>,
  weight: (w: string) => number = () => 1,
): number {
  let shared = 0;
  let total = 0;
  for (const x of a) {
    total += weight(x);
    if (b.has(x)) shared += weight(x);
  }
  for (const x of b) if (!a.has(x)) total += weight(x);
  return total === 0 ? 0 : shared / total;
}

/** Overlap coefficient: shared words over the size of the smaller set. */
function overlap(a: ReadonlySet<string>, b: ReadonlySet<string>): number {
  let shared = 0;
  for (const x of a) if (b.has(x)) shared += 1;
  return Math.min(a.size, b.size) === 0 ? 0 : shared / Math.min(a.size, b.size);
}

/**
 * How far two correct answers agree: every correct option of one must have a counterpart in the
 * other (overlap coefficient of their content words), so two "Select TWO." items that share only
 * one of their answers do not count as having the same answer.
 */
function answerAgreement(a: readonly Set<string>[], b: readonly Set<string>[]): number {
  const cover = (xs: readonly Set<string>[], ys: readonly Set<string>[]) =>
    Math.min(...xs.map((x) => Math.max(...ys.map((y) => overlap(x, y)))));
  return Math.min(cover(a, b), cover(b, a));
}

/** The text of a question's correct answer: option texts, the ordered steps or the matched pairs. */
function correctAnswerText(q: Question): string {
  const text = (list: readonly { id: string; text: string }[], id: string) =>
    list.find((o) => o.id === id)?.text ?? '';
  switch (q.type) {
    case 'single':
      return text(q.options, q.answer);
    case 'multiple':
      return q.answers.map((id) => text(q.options, id)).join(' ');
    case 'ordering':
      return q.answer.map((id) => text(q.items, id)).join(' ');
    case 'matching':
      return Object.entries(q.answer)
        .map(([p, c]) => `${text(q.prompts, p)} ${text(q.choices, c)}`)
        .join(' ');
  }
}

/** Thresholds of `nearDuplicates`; see its doc comment for how they were calibrated. */
export const NEAR_DUPLICATE = { answer: 0.6, keyTerms: 0.28, trigrams: 0.5 } as const;

/**
 * Pairs of questions that test the same thing. Two questions are near-duplicates when either
 * 1. they are of the same type, have the same correct answer, AND their key terms overlap:
 *    - same answer: the content words (lower case, plural "s" trimmed, stop words removed) of the
 *      correct option text(s), the ordered steps or the matched pairs agree with an overlap
 *      coefficient (shared / smaller set) of at least `answer` = 0.6; for "Select TWO/THREE" items
 *      every correct option must have such a counterpart on the other side;
 *    - key terms: the content words of stem + correct answer have a Jaccard similarity of at
 *      least `keyTerms` = 0.28; or
 * 2. their stems share at least `trigrams` = 0.5 of their word trigrams (Jaccard): near-identical
 *    wording, whatever the answer.
 * Why these values (calibrated on the 365-question bank of 2026-12-04, issue 13): the five known
 * duplicate pairs scored answer 0.60-0.95 and key terms 0.28-0.73 (the weakest, d2-022/d3a-004,
 * rewords the whole scenario and scores 0.28). Same-topic pairs with different answers fail the
 * answer test; same-answer pairs on different facts (e.g. two "Amazon Bedrock" answers to
 * unrelated stems) score key terms 0.27 or less. Raising `keyTerms` to 0.30 would miss
 * d2-022/d3a-004; lowering it to 0.25 starts to flag pairs that only share a topic. No pair of
 * distinct questions shares half its stem trigrams. Weighting rare words (IDF) was tried and
 * separated the known pairs worse. O(n^2) over precomputed sets: well under a second for ~500.
 */
export function nearDuplicates(
  questions: readonly Question[],
): Array<{ a: string; b: string; reason: string }> {
  const prepared = questions.map((q) => {
    const answer = correctAnswerText(q);
    const parts =
      q.type === 'multiple'
        ? q.answers.map((id) => contentWords(q.options.find((o) => o.id === id)?.text ?? ''))
        : [contentWords(answer)];
    return {
      q,
      answer: parts,
      keys: contentWords(`${q.stem} ${answer}`),
      grams: trigrams(q.stem),
    };
  });
  const found: Array<{ a: string; b: string; reason: string }> = [];
  for (let i = 0; i < prepared.length; i += 1) {
    for (let j = i + 1; j < prepared.length; j += 1) {
      const x = prepared[i]!;
      const y = prepared[j]!;
      const stems = jaccard(x.grams, y.grams);
      if (stems >= NEAR_DUPLICATE.trigrams) {
        found.push({ a: x.q.id, b: y.q.id, reason: `stems share ${stems.toFixed(2)} of trigrams` });
        continue;
      }
      if (x.q.type !== y.q.type) continue;
      const answer = answerAgreement(x.answer, y.answer);
      if (answer < NEAR_DUPLICATE.answer) continue;
      const keys = jaccard(x.keys, y.keys);
      if (keys >= NEAR_DUPLICATE.keyTerms) {
        found.push({
          a: x.q.id,
          b: y.q.id,
          reason: `same answer (${answer.toFixed(2)}) and key terms overlap ${keys.toFixed(2)}`,
        });
      }
    }
  }
  return found;
}
