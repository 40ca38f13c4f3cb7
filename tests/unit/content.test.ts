/**
 * The study corpus as the app ships it: every note and glossary file validates, the exam outline
 * is covered, and every link resolves. Failures name the file to fix.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { EXAM_GUIDE } from '../../shared/exam-guide';
import { internalLinks, parseNote, termSlug, type Corpus } from '../../shared/notes';
import { loadCorpus, readContentFiles } from '../support/corpus';

const noteFiles = readContentFiles('notes', '.md');
// Loaded in beforeAll so one broken file fails the corpus tests with its name, not the import.
let corpus: Corpus;
beforeAll(() => {
  corpus = loadCorpus();
});
const taskIds = EXAM_GUIDE.domains.flatMap((d) => d.tasks.map((t) => t.id));

describe('note files', () => {
  it.each(noteFiles.map((f) => [f.file, f.raw] as const))('%s validates', (file, raw) => {
    const note = parseNote(file, raw);
    expect(file, 'file name must equal the id').toBe(`content/notes/${note.id}.md`);
    for (const task of note.tasks) expect(taskIds, `${file}: unknown task ${task}`).toContain(task);
    expect(note.wordCount, `${file}: body words`).toBeGreaterThanOrEqual(600);
    expect(note.wordCount, `${file}: body words`).toBeLessThanOrEqual(1600);
    expect(note.body, `${file}: an exam tip callout`).toMatch(/^> \[!TIP\]\s*$/m);
    expect(note.body, `${file}: no level-1 heading`).not.toMatch(/^# /m);
    expect(note.body, `${file}: no raw HTML`).not.toMatch(/<\/?[a-z][a-z0-9-]*(\s[^>]*)?>/i);
  });
});

describe('the corpus', () => {
  it('has 30 to 45 notes with unique ids', () => {
    expect(corpus.notes.length).toBeGreaterThanOrEqual(30);
    expect(corpus.notes.length).toBeLessThanOrEqual(45);
    expect(corpus.noteById.size).toBe(corpus.notes.length);
  });

  it('teaches every task statement of the exam outline', () => {
    for (const task of taskIds) {
      const notes = corpus.notes.filter((n) => n.tasks.includes(task));
      expect(notes.length, `task ${task} has no note`).toBeGreaterThan(0);
    }
  });

  it('numbers notes under their home task without gaps or clashes', () => {
    for (const task of taskIds) {
      const orders = corpus.notes
        .filter((n) => n.tasks[0] === task)
        .map((n) => n.order)
        .sort((a, b) => a - b);
      expect(new Set(orders).size, `task ${task}: duplicate order`).toBe(orders.length);
    }
  });

  it('links only to notes and glossary terms that exist', () => {
    const problems: string[] = [];
    const slugs = new Set(corpus.glossary.map((g) => g.slug));
    for (const note of corpus.notes) {
      for (const link of internalLinks(note.body)) {
        if (link.kind === 'note' && !corpus.noteById.has(link.target))
          problems.push(`${note.id} -> note:${link.target}`);
        if (link.kind === 'glossary' && !slugs.has(link.target))
          problems.push(`${note.id} -> glossary:${link.target}`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('defines every key term in the glossary', () => {
    const missing = corpus.notes.flatMap((n) =>
      n.keyTerms.filter((t) => !corpus.termIndex.has(t.toLowerCase())).map((t) => `${n.id}: ${t}`),
    );
    expect(missing).toEqual([]);
  });
});

describe('the glossary', () => {
  it('has at least 150 terms, each pointing at an existing note', () => {
    expect(corpus.glossary.length).toBeGreaterThanOrEqual(150);
    const orphans = corpus.glossary
      .filter((g) => !corpus.noteById.has(g.note))
      .map((g) => `${g.term} -> ${g.note}`);
    expect(orphans).toEqual([]);
  });

  it('has no duplicate terms or aliases', () => {
    const names = corpus.glossary.flatMap((g) =>
      [g.term, ...(g.aliases ?? [])].map((n) => n.toLowerCase()),
    );
    const duplicates = names.filter((n, i) => names.indexOf(n) !== i);
    expect(duplicates).toEqual([]);
    const slugs = corpus.glossary.map((g) => g.slug);
    expect(slugs.filter((s, i) => slugs.indexOf(s) !== i)).toEqual([]);
  });

  it('slugs terms as AUTHORING.md says', () => {
    expect(termSlug('Amazon Bedrock')).toBe('amazon-bedrock');
    expect(termSlug('Retrieval-augmented generation (RAG)')).toBe(
      'retrieval-augmented-generation-rag',
    );
    expect(termSlug('F1 score')).toBe('f1-score');
  });
});
