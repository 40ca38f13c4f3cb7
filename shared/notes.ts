/**
 * The study notes as data: front matter and glossary schemas, and pure parsing helpers used by
 * the renderer (with Vite's bundled files) and by the tests (with files read from disk).
 */
import GithubSlugger from 'github-slugger';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import { NoteId, TaskId } from './ids';

export { NoteId, TaskId };

export const LabId = z.enum(['token-lab', 'diffusion-lab', 'knowledge-bases']);
export type LabId = z.infer<typeof LabId>;

/**
 * `domain: 0` marks an exam-wide note (the exam's format, how to study): it belongs to no domain
 * and teaches no task statement, so it has `tasks: []`, comes before every domain's notes, and is
 * never counted in a domain's reading progress or offered for a task.
 */
export const EXAM_WIDE_DOMAIN = 0;

export const NoteFrontMatter = z
  .object({
    id: NoteId,
    title: z.string().min(3).max(120),
    domain: z.number().int().min(EXAM_WIDE_DOMAIN).max(5),
    tasks: z.array(TaskId),
    order: z.number().int().min(1),
    summary: z.string().min(20).max(400),
    keyTerms: z.array(z.string().min(1)).min(1),
    lastReviewed: z.iso.date(),
    asOf: z.iso.date().optional(),
    labs: z.array(LabId).optional(),
  })
  .strict()
  .refine((n) => n.domain !== EXAM_WIDE_DOMAIN || n.tasks.length === 0, {
    message: 'An exam-wide note (domain 0) lists no task statements: use tasks: [].',
    path: ['tasks'],
  })
  .refine((n) => n.domain === EXAM_WIDE_DOMAIN || n.tasks.length > 0, {
    message: 'A note in a domain teaches at least one task statement.',
    path: ['tasks'],
  })
  .refine((n) => n.domain === EXAM_WIDE_DOMAIN || n.tasks[0]?.startsWith(`${n.domain}.`), {
    message: 'The first task statement must belong to the note’s domain.',
  });
export type NoteFrontMatter = z.infer<typeof NoteFrontMatter>;

/** True for a note about the whole exam (`domain: 0`, no task statements). */
export function isExamWide(note: Pick<NoteFrontMatter, 'domain'>): boolean {
  return note.domain === EXAM_WIDE_DOMAIN;
}

export interface Note extends NoteFrontMatter {
  /** Markdown body without the front matter. */
  body: string;
  /** `##` and `###` headings, for the table of contents and search. */
  headings: { depth: 2 | 3; text: string; slug: string }[];
  wordCount: number;
}

export const GlossaryEntry = z
  .object({
    term: z.string().min(1).max(80),
    definition: z.string().min(10).max(500),
    note: NoteId,
    aliases: z.array(z.string().min(1)).optional(),
  })
  .strict();
export type GlossaryEntry = z.infer<typeof GlossaryEntry> & { slug: string };
export const GlossaryFile = z.array(GlossaryEntry);

/** The slug rule of AUTHORING.md: lower case, runs of other characters become one hyphen. */
export function termSlug(term: string): string {
  return term
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '');
}

export class ContentError extends Error {
  constructor(
    readonly file: string,
    message: string,
  ) {
    super(`${file}: ${message}`);
    this.name = 'ContentError';
  }
}

const FRONT_MATTER = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Strips code so that headings and links inside code blocks are not counted. */
function withoutCode(markdown: string): string {
  return markdown.replace(/```[\s\S]*?```/g, '').replace(/`[^`\n]*`/g, '');
}

export function parseNote(file: string, raw: string): Note {
  const match = FRONT_MATTER.exec(raw);
  if (!match) throw new ContentError(file, 'missing front matter (--- ... ---) at the top');
  let data: unknown;
  try {
    data = parseYaml(match[1] ?? '');
  } catch (error) {
    throw new ContentError(file, `front matter is not valid YAML: ${String(error)}`);
  }
  const front = NoteFrontMatter.safeParse(data);
  if (!front.success) {
    const issue = front.error.issues[0];
    throw new ContentError(
      file,
      `front matter ${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`,
    );
  }
  const body = raw.slice(match[0].length).trim();
  // The same slugs rehype-slug gives the rendered headings (it uses github-slugger too).
  const slugger = new GithubSlugger();
  const headings: Note['headings'] = [];
  for (const line of withoutCode(body).split('\n')) {
    const h = /^(#{2,3})\s+(.+?)\s*#*\s*$/.exec(line);
    if (!h) continue;
    const text = (h[2] ?? '').replace(/[*_`]/g, '');
    headings.push({ depth: h[1] === '##' ? 2 : 3, text, slug: slugger.slug(text) });
  }
  const wordCount = withoutCode(body)
    .replace(/\]\([^)]*\)/g, ']')
    .split(/\s+/)
    .filter((w) => /[\p{L}\p{N}]/u.test(w)).length;
  return { ...front.data, body, headings, wordCount };
}

export function parseGlossary(file: string, raw: string): GlossaryEntry[] {
  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (error) {
    throw new ContentError(file, `not valid JSON: ${String(error)}`);
  }
  const entries = GlossaryFile.safeParse(data);
  if (!entries.success) {
    const issue = entries.error.issues[0];
    throw new ContentError(file, `${issue?.path.join('.') ?? ''}: ${issue?.message ?? ''}`);
  }
  return entries.data.map((e) => ({ ...e, slug: termSlug(e.term) }));
}

/** Internal links in a note body: `note:<id>` and `glossary:<slug>` targets. */
export function internalLinks(body: string): { kind: 'note' | 'glossary'; target: string }[] {
  return [...withoutCode(body).matchAll(/\]\((note|glossary):([^)\s#]+)(#[^)\s]*)?\)/g)].map(
    (m) => ({
      kind: m[1] as 'note' | 'glossary',
      target: m[2] ?? '',
    }),
  );
}

/** Notes in reading order: exam-wide notes first, then by domain, home task statement, order. */
export function compareNotes(a: NoteFrontMatter, b: NoteFrontMatter): number {
  return (
    a.domain - b.domain ||
    (a.tasks[0] ?? '').localeCompare(b.tasks[0] ?? '') ||
    a.order - b.order ||
    a.title.localeCompare(b.title)
  );
}

export interface Corpus {
  notes: Note[];
  glossary: GlossaryEntry[];
  noteById: Map<string, Note>;
  /** Lower-cased term and alias -> entry. */
  termIndex: Map<string, GlossaryEntry>;
}

export function buildCorpus(
  noteFiles: { file: string; raw: string }[],
  glossaryFiles: { file: string; raw: string }[],
): Corpus {
  const notes = noteFiles.map(({ file, raw }) => parseNote(file, raw)).sort(compareNotes);
  const glossary = glossaryFiles
    .flatMap(({ file, raw }) => parseGlossary(file, raw))
    .sort((a, b) => a.term.localeCompare(b.term, 'en', { sensitivity: 'base' }));
  const termIndex = new Map<string, GlossaryEntry>();
  for (const entry of glossary) {
    for (const name of [entry.term, ...(entry.aliases ?? [])])
      termIndex.set(name.toLowerCase(), entry);
  }
  return { notes, glossary, noteById: new Map(notes.map((n) => [n.id, n])), termIndex };
}
