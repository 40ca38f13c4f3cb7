/**
 * Why a generated item was refused, in words a learner understands. The main process reports
 * each refusal as technical text ("stem: Too small: expected string to have >=20 characters",
 * `where: what` from zod, the rule checks of shared/questions `questionProblems`, the draft checks
 * of shared/question-draft `checkDraft`, the near-duplicate check and unreadable replies in
 * electron/main/bedrock/generate-questions, and the renderer's own checks when auto-accept stores
 * an item). `plainReason` turns one such text into one sentence; the technical text stays as the
 * detail. Pure: it only reads the text, so it never changes what is accepted or refused.
 */

/** One refusal reason: the sentence to show, and the text it was made from. */
export interface PlainReason {
  sentence: string;
  detail: string;
}

/** What a field of a question is called, for a learner. */
const FIELDS: Record<string, string> = {
  item: 'The question',
  type: 'The question type',
  sourceNoteId: 'The source note',
  task: 'The exam task',
  domain: 'The exam domain',
  difficulty: 'The difficulty',
  stem: 'The question text',
  options: 'The answer options',
  'options (steps)': 'The steps to put in order',
  items: 'The steps to put in order',
  correct: 'The list of correct answers',
  answers: 'The list of correct answers',
  answer: 'The correct answer',
  'correct (order)': 'The correct order',
  whyWrong: 'The explanations of the wrong options',
  prompts: 'The left-hand column',
  choices: 'The right-hand column',
  pairs: 'The matching pairs',
  explanation: 'The explanation',
  sourcePassage: 'The passage quoted from the note',
  id: 'The question id',
  tags: 'The tags',
  caseId: 'The case study',
  origin: 'The record of where the question came from',
};

/** Lists whose entries are numbered in a path ("options.2.text" is the third option's text). */
const ENTRY: Record<string, string> = {
  options: 'option',
  'options (steps)': 'step',
  items: 'step',
  prompts: 'prompt',
  choices: 'choice',
  correct: 'correct answer',
  'correct (order)': 'step of the order',
  answers: 'correct answer',
  whyWrong: 'wrong-option explanation',
  pairs: 'pair',
  tags: 'tag',
};

/** "options.2.text" -> "The text of option 3"; "stem" -> "The question text". */
export function fieldName(path: string): string {
  const [head = 'item', ...rest] = path.split('.');
  const base = FIELDS[head] ?? `The field "${head}"`;
  if (rest.length === 0) return base;
  const entry = ENTRY[head];
  const [index, part] = rest;
  if (entry && index !== undefined && /^\d+$/.test(index)) {
    const which = `${entry} ${Number(index) + 1}`;
    if (part === 'text') return `The text of ${which}`;
    if (part === 'id') return `The letter of ${which}`;
    if (part === 'reason') return `The reason in ${which}`;
    return `The ${which}`;
  }
  if (index !== undefined && /^[a-z]$/i.test(index)) return `${base} (entry "${index}")`;
  return base;
}

/** A zod message about the value at `path`, as a sentence; null when it is not a zod message. */
function zodSentence(path: string, message: string): string | null {
  const field = fieldName(path);
  let m = /^Too small: expected string to have >=?(\d+) characters?/.exec(message);
  if (m) {
    return m[1] === '1'
      ? `${field} is empty.`
      : `${field} is too short (under ${m[1]} characters).`;
  }
  m = /^Too big: expected string to have <=?(\d+) characters?/.exec(message);
  if (m) return `${field} is too long (over ${m[1]} characters).`;
  m = /^Too small: expected array to have >=?(\d+) items?/.exec(message);
  if (m) return `${field} has too few entries: at least ${m[1]} are needed.`;
  m = /^Too big: expected array to have <=?(\d+) items?/.exec(message);
  if (m) return `${field} has too many entries: at most ${m[1]} are allowed.`;
  if (/^Too (small|big): expected number/.test(message)) return `${field} is out of range.`;
  if (/^Invalid input: expected \w+, received undefined/.test(message)) {
    return path === 'item' ? 'The model sent no question at all.' : `${field} is missing.`;
  }
  if (/^Invalid input: expected \w+, received/.test(message)) {
    return path === 'item'
      ? 'The model sent something that is not a question.'
      : `${field} is not the kind of value a question uses there.`;
  }
  if (/^Invalid option: expected one of/.test(message)) {
    return `${field} is not one of the allowed values.`;
  }
  if (/^Unrecognized keys?:/.test(message)) {
    return 'The question has extra fields the app does not use.';
  }
  if (message === 'Invalid key in record') {
    const [head = 'item', key = '?'] = path.split('.');
    const base = FIELDS[head] ?? `The field "${head}"`;
    return `${base} use the label "${key}"; labels are single lower-case letters (a, b, c...).`;
  }
  if (/^Option ids are single lower-case letters/.test(message)) {
    return `${field} is not a single lower-case letter (a, b, c...).`;
  }
  if (/^Invalid (string|input|ISO|discriminator)/.test(message)) {
    return `${field} is not in the expected form.`;
  }
  return null;
}

type Rule = [RegExp, (m: RegExpExecArray) => string];

/** Rule checks and the pipeline's own reasons (whole text, without a `where:` prefix or with). */
const RULES: Rule[] = [
  [/^not saved$/, () => 'It was accepted but could not be stored on this computer:'],
  [
    /^The model's reply could not be read: it was cut off at the output limit/,
    () => 'The model ran out of room and its answer was cut off before it was complete.',
  ],
  [
    /^The model's reply could not be read/,
    () => 'The model answered in a form the app could not read, so no question came out of it.',
  ],
  [/^the item was not usable$/, () => 'The item could not be used.'],
  [/^(\d+) more problems$/, (m) => `${m[1]} more problems (see the technical detail).`],
  [
    /^near-duplicate of a question accepted earlier in this run \((\d+)% similar\)/,
    (m) => `It is almost the same as a question accepted earlier in this run (${m[1]}% alike).`,
  ],
  [
    /^near-duplicate of another question of this set \((\d+)% similar\)/,
    (m) => `It is almost the same as another question of the same case study (${m[1]}% alike).`,
  ],
  [
    /^case study: title: (\d+) characters; a title has (\d+) to (\d+)$/,
    (m) => `The case study's title is ${m[1]} characters long; it needs ${m[2]} to ${m[3]}.`,
  ],
  [
    /^case study: scenario: (\d+) characters; a scenario has (\d+) to (\d+)$/,
    (m) =>
      `The case study's scenario is ${m[1]} characters long; it needs ${m[2]} to ${Number(m[3]).toLocaleString('en-US')}.`,
  ],
  [
    /^case study: questions: (\d+) were asked for and the set has (\d+)$/,
    (m) => `The case study has ${m[2]} questions; ${m[1]} were asked for.`,
  ],
  [
    /^task: the case study is for task statement (.+), not (.+)$/,
    (m) => `The question tests task ${m[2]}, but the case study is for task ${m[1]}.`,
  ],
  [
    /^case study: (.+)$/s,
    (m) => `The case study could not be used: ${plainReason(m[1] ?? '').sentence}`,
  ],
  [
    /^near-duplicate of a question already in your bank \((\d+)% similar\)/,
    (m) => `It is almost the same as a question you already have (${m[1]}% alike).`,
  ],
  [
    /^sourcePassage: (the quoted passage does not occur|not found) word for word/,
    () => 'The passage it quotes is not in the note word for word.',
  ],
  [
    /^sourceNoteId: ".*" is not one of the selected notes/,
    () => 'It is based on a note you did not select.',
  ],
  [/^sourceNoteId: there is no note/, () => 'It is based on a note this app does not have.'],
  [
    /^task: (\S+) is not a task statement the note/,
    (m) => `It tests task ${m[1]}, which its source note does not teach.`,
  ],
  [
    /^type: (\w+) questions were not requested/,
    (m) =>
      `It is ${/^[aeiou]/.test(m[1] ?? '') ? 'an' : 'a'} ${m[1]} question, a type you did not ask for.`,
  ],
  [
    /^difficulty: (\w+) was not requested \((\w+)\)/,
    (m) => `It is marked ${m[1]}, but you asked for ${m[2]} questions.`,
  ],
  [
    /^correct: a single-answer item has exactly one correct option \(this one names (\d+)\)/,
    (m) => `A single-answer question must have exactly one correct option; this one has ${m[1]}.`,
  ],
  [/^(\w+): a \w+ item needs \w+$/, (m) => `${fieldName(m[1] ?? 'item')} is missing.`],
  [/^task (\S+) is not in domain (\d)/, (m) => `Task ${m[1]} does not belong to domain ${m[2]}.`],
  [/^option ids repeat$/, () => 'Two options have the same letter.'],
  [/^two options have the same text$/, () => 'Two options say the same thing.'],
  [/^an answer is listed twice$/, () => 'A correct answer is listed twice.'],
  [
    /^answer "(.*)" is not an option$/,
    (m) => `The correct answer "${m[1]}" is not one of the options.`,
  ],
  [
    /^option "(.*)" is wrong but has no explanation$/,
    (m) => `Option "${m[1]}" is wrong, but nothing says why.`,
  ],
  [
    /^whyWrong names "(.*)", which is not a wrong option$/,
    (m) => `It explains why option "${m[1]}" is wrong, but that option is correct or missing.`,
  ],
  [
    /^a multiple-response stem must say "(Select \w+\.)"$/,
    (m) => `The question text must say "${m[1]}" to match its number of correct answers.`,
  ],
  [
    /^avoid "all\/none of the above"$/,
    () => 'An option says "all of the above" or "none of the above", which the exam avoids.',
  ],
  [/^ordering steps repeat$/, () => 'Two steps to put in order are the same.'],
  [
    /^the order must list every step exactly once$/,
    () => 'The correct order must list every step exactly once.',
  ],
  [/^matching ids repeat$/, () => 'Two entries of a matching column have the same letter.'],
  [/^matching texts repeat$/, () => 'Two entries of a matching column say the same thing.'],
  [/^fewer choices than prompts$/, () => 'There are fewer choices than prompts to match.'],
  [/^prompt "(.*)" has no match$/, (m) => `Prompt "${m[1]}" is not matched with any choice.`],
  [
    /^answer names unknown prompt "(.*)"$/,
    (m) => `A pair names prompt "${m[1]}", which does not exist.`,
  ],
  [
    /^answer names unknown choice "(.*)"$/,
    (m) => `A pair names choice "${m[1]}", which does not exist.`,
  ],
  [
    /^it belongs to case study "(.*)", which is neither in the bank nor one of your case studies$/,
    (m) =>
      `It belongs to case study "${m[1]}", which is neither in the bank nor one of your case studies, so its scenario could not be shown.`,
  ],
  [/^the batch holds this id twice$/, () => 'Two items in the batch have the same id.'],
];

/** One refusal reason as a plain sentence, with the original text kept as the detail. */
export function plainReason(reason: string): PlainReason {
  const detail = reason.trim();
  for (const [pattern, say] of RULES) {
    const m = pattern.exec(detail);
    if (m) return { sentence: say(m), detail };
  }
  const split = /^([A-Za-z][\w ()]*(?:\.[\w]+)*): (.+)$/s.exec(detail);
  if (split) {
    const zod = zodSentence(split[1] ?? 'item', split[2] ?? '');
    if (zod) return { sentence: zod, detail };
  }
  const bare = zodSentence('item', detail);
  if (bare) return { sentence: bare, detail };
  const text = detail.length === 0 ? 'The item could not be used' : detail;
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return { sentence: /[.!?:]$/.test(sentence) ? sentence : `${sentence}.`, detail };
}

/** Every reason of one refused item as plain sentences, repeats removed, in order. */
export function plainReasons(reasons: readonly string[]): string[] {
  return [...new Set(reasons.map((r) => plainReason(r).sentence))];
}
