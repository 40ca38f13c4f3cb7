/**
 * The study corpus, shared by every screen that reads the notes or glossary (notes, glossary, search,
 * quiz, token lab), bundled at build time (nothing is fetched). Only lazy screens import this
 * module, so the notes are not part of the initial bundle.
 */
import { buildCorpus, type Corpus } from '../../../shared/notes';
import { buildIndex, type NotesIndex } from '../lib/search';

const noteFiles = import.meta.glob<string>('../../../content/notes/*.md', {
  query: '?raw',
  import: 'default',
  eager: true,
});
const glossaryFiles = import.meta.glob<string>('../../../content/glossary/*.json', {
  query: '?raw',
  import: 'default',
  eager: true,
});

const files = (map: Record<string, string>, skip: RegExp) =>
  Object.entries(map)
    .filter(([path]) => !skip.test(path))
    .map(([path, raw]) => ({ file: path.replace(/^(\.\.\/)+/, ''), raw }));

export const CORPUS: Corpus = buildCorpus(
  files(noteFiles, /\/[A-Z]+\.md$/),
  files(glossaryFiles, /^$/),
);

let index: NotesIndex | null = null;
/** Built on first use (a few milliseconds), then kept. */
export function notesIndex(): NotesIndex {
  index ??= buildIndex(CORPUS);
  return index;
}

/** The notes whose home (first) task statement is `task`, in order. */
export function notesForTask(task: string) {
  return CORPUS.notes.filter((n) => n.tasks[0] === task);
}
