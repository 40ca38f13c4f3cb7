/**
 * Training data built from Stratum's own content, in each method's documented shape (formats.ts):
 * - question -> explained answer pairs from the bank and the case studies: the prompt is the stem
 *   (with the case's scenario first) and the lettered options; the completion is the correct
 *   option(s) and the explanation;
 * - note sections (`##` headings) as unlabelled continued pre-training text, cut at paragraph
 *   breaks when a section is longer than a token budget (estimated at 6 characters per token).
 * The builders only reshape the content; the validator (validate.ts) says whether the result fits
 * a model's limits.
 */
import type { CaseStudy, Question } from '../questions';
import {
  CONVERSATION_SCHEMA_VERSION,
  type ClaudeMessagesRecord,
  type ConverseRecord,
  type DatasetRecord,
  type DistillationRecord,
  type InputOnlyRecord,
  type PromptCompletionRecord,
  type RecordShape,
} from './formats';
import { CHARS_PER_TOKEN, characterCount } from './tokens';

/** One question -> answer example, before it takes a record shape. */
export interface TrainingPair {
  /** Where it came from: the question id. */
  sourceId: string;
  prompt: string;
  completion: string;
}

export const DEFAULT_SYSTEM_PROMPT =
  'You are a tutor for the AWS Certified AI Practitioner exam. Give the correct answer, then explain why it is right.';

const lettered = (items: readonly { id: string; text: string }[]) =>
  items.map((o) => `${o.id}) ${o.text}`).join('\n');

const textOf = (items: readonly { id: string; text: string }[], id: string) =>
  items.find((o) => o.id === id)?.text ?? id;

/** The question as a prompt: stem and options (the stem already says "Select TWO." where it applies). */
export function questionPrompt(q: Question): string {
  switch (q.type) {
    case 'single':
    case 'multiple':
      return `${q.stem}\n\n${lettered(q.options)}`;
    case 'ordering':
      return `${q.stem}\n\n${lettered(q.items)}`;
    case 'matching':
      return `${q.stem}\n\nMatch each item:\n${lettered(q.prompts)}\n\nwith one of:\n${lettered(q.choices)}`;
  }
}

/** The answer as a completion: the correct option(s), then the explanation. */
export function questionCompletion(q: Question): string {
  let answer: string;
  switch (q.type) {
    case 'single':
      answer = `Answer: ${q.answer}) ${textOf(q.options, q.answer)}`;
      break;
    case 'multiple':
      answer = `Answers: ${q.answers.map((a) => `${a}) ${textOf(q.options, a)}`).join('; ')}`;
      break;
    case 'ordering':
      answer = `Order: ${q.answer.map((a) => `${a}) ${textOf(q.items, a)}`).join(' -> ')}`;
      break;
    case 'matching':
      answer = `Matches: ${Object.entries(q.answer)
        .map(([p, c]) => `${p}) ${textOf(q.prompts, p)} = ${c}) ${textOf(q.choices, c)}`)
        .join('; ')}`;
      break;
  }
  return `${answer}\n\n${q.explanation}`;
}

export function questionPairs(questions: readonly Question[]): TrainingPair[] {
  return questions.map((q) => ({
    sourceId: q.id,
    prompt: questionPrompt(q),
    completion: questionCompletion(q),
  }));
}

/** Case-study questions: the scenario comes first in every prompt (they cannot be answered without it). */
export function casePairs(cases: readonly CaseStudy[]): TrainingPair[] {
  return cases.flatMap((c) =>
    c.questions.map((q) => ({
      sourceId: q.id,
      prompt: `${c.title}\n\n${c.scenario}\n\n${questionPrompt(q)}`,
      completion: questionCompletion(q),
    })),
  );
}

/** One pair in a record shape. `distillation-prompt` keeps only the prompt (the teacher answers). */
export function pairRecord(
  pair: TrainingPair,
  shape: Exclude<RecordShape, 'input-only'>,
  system: string = DEFAULT_SYSTEM_PROMPT,
): DatasetRecord {
  switch (shape) {
    case 'prompt-completion':
      return { prompt: pair.prompt, completion: pair.completion } satisfies PromptCompletionRecord;
    case 'claude-messages':
      return {
        system,
        messages: [
          { role: 'user', content: pair.prompt },
          { role: 'assistant', content: pair.completion },
        ],
      } satisfies ClaudeMessagesRecord;
    case 'converse':
      return {
        schemaVersion: CONVERSATION_SCHEMA_VERSION,
        system: [{ text: system }],
        messages: [
          { role: 'user', content: [{ text: pair.prompt }] },
          { role: 'assistant', content: [{ text: pair.completion }] },
        ],
      } satisfies ConverseRecord;
    case 'distillation-prompt':
      return {
        schemaVersion: CONVERSATION_SCHEMA_VERSION,
        system: [{ text: system }],
        messages: [{ role: 'user', content: [{ text: pair.prompt }] }],
      } satisfies DistillationRecord;
  }
}

/** A note as the builders need it (a parsed note has these fields). */
export interface NoteText {
  id: string;
  title: string;
  body: string;
}

export interface NoteSection {
  /** `<note id>#<n>` (n counts sections, then parts of a long section: `#3.2`). */
  sourceId: string;
  text: string;
}

/** Markdown made plain: links keep their text, emphasis and code marks go, table pipes become spaces. */
export function plainText(markdown: string): string {
  return markdown
    .replace(/!\[[^\]]*\]\([^)]*\)/g, '')
    .replace(/\[([^\]]+)\]\([^)]*\)/g, '$1')
    .replace(/(\*\*|__|`)/g, '')
    .replace(/^\|?[ \t:|-]*-[ \t:|-]*\|?$/gm, '')
    .replace(/\|/g, ' ')
    .replace(/[ \t]+/g, ' ')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Paragraph groups of at most `maxChars` (a single longer paragraph stays whole). */
function byParagraphs(text: string, maxChars: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const para of text.split(/\n\s*\n/)) {
    const joined = current ? `${current}\n\n${para}` : para;
    if (current && characterCount(joined) > maxChars) {
      parts.push(current);
      current = para;
    } else current = joined;
  }
  if (current.trim()) parts.push(current);
  return parts;
}

/**
 * Note sections as continued pre-training text: each `##` section (with the note title and the
 * heading on top), cut at paragraph breaks when over `maxTokens` estimated tokens.
 */
export function noteSections(notes: readonly NoteText[], maxTokens = 4_000): NoteSection[] {
  const maxChars = maxTokens * CHARS_PER_TOKEN;
  return notes.flatMap((note) => {
    const sections = note.body.split(/^(?=## )/m).filter((s) => s.trim() !== '');
    return sections.flatMap((section, i) => {
      const text = `${note.title}\n\n${plainText(section.replace(/^## /, ''))}`;
      const parts = byParagraphs(text, maxChars);
      return parts.map((part, j) => ({
        sourceId: `${note.id}#${i + 1}${parts.length > 1 ? `.${j + 1}` : ''}`,
        text: part,
      }));
    });
  });
}

export function sectionRecord(section: NoteSection): InputOnlyRecord {
  return { input: section.text };
}
