/**
 * The evaluation lab's built-in datasets, made from Stratum's own content. Pure: the caller passes
 * the parsed files (content/eval/*.json), the notes and the bank questions.
 *
 * - Summarisation (content/eval/summarisation.json): a note section, found by its note id and exact
 *   `##`/`###` heading text, is the text to summarise; the reference summary was written for this
 *   purpose (2-3 sentences, faithful to the section). The section text is read from the note at
 *   load time, so it never goes stale.
 * - Classification (content/eval/classification.json): a short scenario labelled with the exam
 *   task statement it belongs to (the domain is the task's first digit) and, where one service is
 *   the answer, that AWS service. Each names the note that teaches it.
 * - Question answering: built from the bank's single-answer questions: the stem is the question
 *   and the correct option's text is the reference answer (nothing is copied into content/eval).
 *
 * Every item has the shape of a line of Bedrock's prompt dataset (`prompt`, `referenceResponse`,
 * `category`), so the same items can be exported for a Bedrock evaluation job.
 */
import { z } from 'zod';
import { EXAM_GUIDE } from '../../../../shared/exam-guide';
import type { EvalDatasetRow } from '../../../../shared/eval-dataset';
import type { Note } from '../../../../shared/notes';
import type { Question } from '../../../../shared/questions';

const Id = z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/);

export const SummaryEntry = z
  .object({
    id: Id,
    noteId: z.string().min(1),
    heading: z.string().trim().min(1),
    reference: z.string().trim().min(40).max(800),
  })
  .strict();
export type SummaryEntry = z.infer<typeof SummaryEntry>;
export const SummaryFile = z.array(SummaryEntry).min(30);

export const ScenarioEntry = z
  .object({
    id: Id,
    text: z.string().trim().min(30).max(400),
    task: z.string().regex(/^[1-5]\.[1-9]$/),
    noteId: z.string().min(1),
    service: z.string().trim().min(3).optional(),
  })
  .strict();
export type ScenarioEntry = z.infer<typeof ScenarioEntry>;
export const ScenarioFile = z.array(ScenarioEntry).min(40);

export type EvalItemSource =
  | { kind: 'note-section'; noteId: string; heading: string }
  | { kind: 'scenario'; noteId: string; task: string }
  | { kind: 'question'; questionId: string; noteId: string }
  | { kind: 'open' }
  | { kind: 'file'; line: number };

/** One item of a dataset: a Bedrock prompt dataset line plus where it came from. */
export interface EvalItem extends EvalDatasetRow {
  id: string;
  source: EvalItemSource;
}

/** The domain's label as the classification task uses it ("3"), and its title for display. */
export function domainTitle(domain: number): string {
  const found = EXAM_GUIDE.domains.find((d) => d.id === domain);
  if (!found) throw new RangeError(`There is no exam domain ${domain}.`);
  return found.title;
}

/**
 * The Markdown under a `##` or `###` heading whose text is exactly `heading`, up to the next
 * heading of the same or a higher level (so a `##` section includes its `###` subsections);
 * null when the note has no such heading. Headings inside code fences do not count.
 */
export function noteSection(body: string, heading: string): string | null {
  const lines = body.split('\n');
  let inFence = false;
  let start = -1;
  let depth = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] as string;
    if (/^(```|~~~)/.test(line)) inFence = !inFence;
    const match = inFence ? null : /^(#{2,3})\s+(.*?)\s*$/.exec(line);
    if (!match) continue;
    const level = (match[1] as string).length;
    if (start >= 0 && level <= depth) return lines.slice(start, i).join('\n').trim();
    if (start < 0 && match[2] === heading) {
      start = i + 1;
      depth = level;
    }
  }
  return start >= 0 ? lines.slice(start).join('\n').trim() : null;
}

/**
 * A section's Markdown as the text a model is asked to summarise: callout markers and blockquote
 * marks dropped, links reduced to their text, emphasis and code marks removed (the words inside
 * kept, underscores in names too), list markers and line breaks kept, blank lines collapsed.
 */
export function sectionText(markdown: string): string {
  return markdown
    .split('\n')
    .filter((line) => !/^>\s*\[![A-Z]+\]\s*$/.test(line))
    .map((line) =>
      line
        .replace(/^>\s?/, '')
        .replace(/!?\[([^\]]*)\]\([^)]*\)/g, '$1')
        .replace(/\*\*|(?<![\w*])\*(?=\S)|(?<=\S)\*(?![\w*])|`/g, '')
        .trimEnd(),
    )
    .join('\n')
    .replace(/\n{3,}/g, '\n\n')
    .trim();
}

/** Summarisation items; throws naming the entry when a section cannot be found. */
export function summarisationItems(
  entries: readonly SummaryEntry[],
  noteById: ReadonlyMap<string, Pick<Note, 'body' | 'domain'>>,
): EvalItem[] {
  return entries.map((entry) => {
    const note = noteById.get(entry.noteId);
    const section = note ? noteSection(note.body, entry.heading) : null;
    if (!note || !section) {
      throw new Error(`${entry.id}: no section "${entry.heading}" in note "${entry.noteId}".`);
    }
    return {
      id: entry.id,
      prompt: sectionText(section),
      referenceResponse: entry.reference,
      category: `Domain ${note.domain}`,
      source: { kind: 'note-section', noteId: entry.noteId, heading: entry.heading },
    };
  });
}

export type ScenarioLabel = 'domain' | 'service';

/**
 * Classification items: the scenario is the text to classify and the label is the reference
 * (the domain number as text, "1".."5", or the service name; scenarios without a service are left
 * out of a service run). The category is the label, so scores come out per class.
 */
export function classificationItems(
  scenarios: readonly ScenarioEntry[],
  label: ScenarioLabel,
): EvalItem[] {
  return scenarios.flatMap((s) => {
    const reference = label === 'domain' ? s.task.slice(0, 1) : s.service;
    if (reference === undefined) return [];
    return [
      {
        id: s.id,
        prompt: s.text,
        referenceResponse: reference,
        category: reference,
        source: { kind: 'scenario', noteId: s.noteId, task: s.task },
      },
    ];
  });
}

/** The labels a classification run chooses from, in a stable order. */
export function classificationLabels(
  scenarios: readonly ScenarioEntry[],
  label: ScenarioLabel,
): string[] {
  const labels = classificationItems(scenarios, label).map((i) => i.referenceResponse as string);
  return [...new Set(labels)].sort((a, b) => a.localeCompare(b, 'en'));
}

export interface QaOptions {
  /** 'open': the stem alone; 'choices': the stem and its lettered options. */
  format?: 'open' | 'choices';
  /** Leave out questions whose correct option is longer than this many words. */
  maxReferenceWords?: number;
}

/** Question-answering items from the bank's single-answer questions. */
export function questionAnsweringItems(
  questions: readonly Question[],
  options: QaOptions = {},
): EvalItem[] {
  const maxWords = options.maxReferenceWords ?? Number.POSITIVE_INFINITY;
  return questions.flatMap((q) => {
    if (q.type !== 'single') return [];
    const answer = q.options.find((o) => o.id === q.answer)?.text;
    if (!answer || answer.split(/\s+/).length > maxWords) return [];
    const choices = q.options.map((o) => `${o.id.toUpperCase()}. ${o.text}`).join('\n');
    return [
      {
        id: q.id,
        prompt: options.format === 'choices' ? `${q.stem}\n\n${choices}` : q.stem,
        referenceResponse: answer,
        category: `Domain ${q.domain}`,
        source: { kind: 'question', questionId: q.id, noteId: q.sourceNoteId },
      },
    ];
  });
}

/** An item as a line of Bedrock's prompt dataset (for export). */
export function toDatasetRow(item: EvalItem): EvalDatasetRow {
  const row: EvalDatasetRow = { prompt: item.prompt };
  if (item.referenceResponse !== undefined) row.referenceResponse = item.referenceResponse;
  if (item.category !== undefined) row.category = item.category;
  return row;
}
